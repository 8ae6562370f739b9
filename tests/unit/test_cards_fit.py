"""The fit check agrees with the printed PDF, card for card, and does not depend on where
the site is served.

The check reads where each card ends from Typst's layout; the PDF is read back here with
pypdf, independently: a card is on every page whose footer prints its id. Over every
sample card at every size, a few hundred synthetic standards (`handbook synth`) and
sample cards lengthened step by step across the limit, the two never disagree.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from handbook.cards import typeset
from handbook.cards.background import made_pdfs, pdf_groups
from handbook.cards.feature import CardsFeature
from handbook.cards.model import carded, make_cards
from handbook.cards.pdf import prepare, render
from handbook.cards.sizes import SIZES
from handbook.handbook import Handbook
from handbook.loader import load
from handbook.settings import Settings
from handbook.synth import write_project

ROOT = Path(__file__).resolve().parents[2]
FOOT = re.compile(r"([A-Z]+-\d+) · Rev\.")
# What differs between two PDFs of the same document: when Typst made them.
DATED = re.compile(rb"D:\d{14}Z|\d{4}-\d\d-\d\dT[\d:+-]{14}|(?<=ID>)[\w+/=]+|/ID\[[^]]*\]")


def sample(site_url: str | None = None) -> Handbook:
    settings = Settings.from_mkdocs_yml(ROOT / "mkdocs.yml")
    settings.site_url = site_url
    handbook = load(settings)
    assert not handbook.errors
    return handbook


def page_texts(data: bytes) -> list[str]:
    """The text of each page of a PDF: poppler's pdftotext (fast), or pypdf."""
    if shutil.which("pdftotext"):
        done = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
        return done.stdout.decode().split("\f")[:-1]
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def page_images(data: bytes, folder: Path) -> list[bytes]:
    """Each page of a PDF as poppler draws it (greyscale, 30 dpi): what a reader sees."""
    folder.mkdir()
    subprocess.run(
        ["pdftoppm", "-r", "30", "-gray", "-", str(folder / "p")], input=data, check=True
    )
    return [page.read_bytes() for page in sorted(folder.iterdir())]


def printed_pages(rendering) -> dict[str, int]:
    """How many pages of a PDF of every card (none left out) carry each card's footer."""
    text = rendering.document()
    (data,) = typeset.pdfs([text], len(rendering.cards))
    pages: dict[str, int] = {}
    for page in page_texts(data):
        found = FOOT.findall(page)
        assert len(found) == 1, found  # one card's footer on each page
        pages[found[0]] = pages.get(found[0], 0) + 1
    return pages


def lengthened(handbook: Handbook) -> list:
    """Sample standards with 0 to 3 more steps on their cards: across the limit."""
    extra = "Check the account, write down what was agreed and tell the customer the next step."
    made = []
    for n, s in enumerate(carded(handbook)):
        for k in range(4):
            card, steps = dict(s.card), list(s.steps)
            if "steps" in card:
                card["steps"] = [*card["steps"], *[extra] * k]
            else:
                steps += [extra] * k
            made.append(
                replace(s, id=f"{s.id.split('-')[0]}-{700 + 10 * n + k}", steps=steps, card=card)
            )
    return made


def agree(handbook: Handbook, standards, size: str) -> tuple[int, int]:
    cards = make_cards(handbook, standards)
    rendering = render(cards, SIZES[size], handbook.settings.areas)
    pages = printed_pages(rendering)
    for card in cards:
        assert rendering.measure(card.id).pages == pages[card.id], card.id
        assert rendering.measure(card.id).fits == (pages[card.id] == 1), card.id
    fits = sum(1 for c in cards if pages[c.id] == 1)
    return fits, len(cards) - fits


@pytest.mark.parametrize("size", ["a6", "a7", "index-4x6"])
def test_the_check_agrees_with_the_pdf_for_every_sample_card(size):
    handbook = sample()
    fits, too_long = agree(handbook, carded(handbook), size)
    if size == "a6":
        assert too_long == 0  # the sample's cards all fit the size it is set to
    assert fits + too_long == len(carded(handbook))


def test_the_check_agrees_with_the_pdf_across_the_limit_and_for_synthetic_cards(tmp_path):
    handbook = sample()
    write_project(tmp_path / "synth", 220, seed=3)
    synthetic = load(Settings.from_mkdocs_yml(tmp_path / "synth" / "mkdocs.yml"))
    standards = [*lengthened(handbook), *carded(synthetic)]
    assert len(standards) >= 270
    fits, too_long = agree(handbook, standards, "a6")
    # Both sides of the limit are well represented.
    assert fits >= 40 and too_long >= 40


def test_the_site_pdf_holds_exactly_the_cards_that_fit(tmp_path):
    handbook = sample()
    cards = make_cards(handbook, lengthened(handbook)[:24])  # 6 standards, 0 to 3 steps more
    rendering = render(cards, SIZES["a6"], handbook.settings.areas)
    assert rendering.fitting and rendering.overflowing
    on_pages = []
    for page in page_texts(rendering.pdf()):
        on_pages += FOOT.findall(page)
    assert on_pages == [c.id for c in rendering.fitting]


def test_the_same_cards_fit_with_a_site_url_and_without():
    without, public = sample(None), sample("https://handbook.example.org/")
    a, b = CardsFeature().problems(without), CardsFeature().problems(public)
    assert a == b == []
    size = SIZES["a6"]
    plain = prepare(make_cards(without, carded(without)), size, without.settings.areas)
    linked = prepare(make_cards(public, carded(public)), size, public.settings.areas)
    assert all(d["qr"] is None for d in plain.data.values())
    assert all(d["qr"] for d in linked.data.values())
    # The QR code prints in the footer, in room every card keeps: the content is the same.
    assert [plain.key(c) for c in plain.cards] == [linked.key(c) for c in linked.cards]
    plain.lay_out()
    linked.lay_out()
    assert plain.measures == linked.measures


def test_under_serve_cards_link_to_the_public_address_or_nowhere():
    local = "http://127.0.0.1:8000/"
    served = Settings(ROOT, site_url=local, public_url="https://hb.example.org/")
    assert served.published_at == "https://hb.example.org/"
    assert Settings(ROOT, site_url=local, public_url="").published_at is None
    built = Settings(ROOT, site_url="https://hb.example.org/")
    assert built.published_at == "https://hb.example.org/"


@pytest.mark.parametrize("longer", [False, True])
def test_the_check_laid_out_as_the_areas_pdfs_measures_and_prints_the_same(longer):
    """With the PDFs to make, the check lays out an area's cards as its PDF (footers
    and all) and keeps the PDF when they all fit: the same measures, the same PDFs."""
    handbook = sample()
    areas = handbook.settings.areas
    cards = make_cards(handbook, lengthened(handbook) if longer else carded(handbook))
    plain = prepare(cards, SIZES["a6"], areas)
    plain.lay_out()
    printing = prepare(cards, SIZES["a6"], areas)
    printing.lay_out(printing=True)
    assert printing.measures == plain.measures
    groups = list(pdf_groups(areas, plain).values())
    if longer:  # the first area checked has a card that does not fit: no PDF is kept
        assert plain.overflowing and not printing.made
    else:  # every area's PDF is kept (the PDF of all cards is made apart)
        assert len(printing.made) == len(groups) - 1
    made, apart = printing.pdfs(groups), plain.pdfs(groups)
    assert [DATED.sub(b"", p) for p in made] == [DATED.sub(b"", p) for p in apart]


@pytest.mark.parametrize("size", ["a6", "a4-4up"])
def test_the_pdf_of_all_cards_is_the_areas_pages_as_typst_prints_them_all(size, tmp_path):
    handbook = sample()
    rendering = render(make_cards(handbook, carded(handbook)), SIZES[size], handbook.settings.areas)
    groups = pdf_groups(handbook.settings.areas, rendering)
    assert len(groups) > 2 and len({c.standard.area for c in groups["all"]}) > 1
    made = dict(zip(groups, rendering.pdfs(list(groups.values())), strict=True))
    # Alone, the group of all cards is typeset by Typst as one document.
    (typeset_alone,) = rendering.pdfs([groups["all"]])
    assert page_texts(made["all"]) == page_texts(typeset_alone)
    pages = [PdfReader(io.BytesIO(d)).pages for d in (made["all"], typeset_alone)]
    assert [p.mediabox for p in pages[0]] == [p.mediabox for p in pages[1]]
    if shutil.which("pdftoppm"):  # .ci/install-system-deps installs it
        drawn = page_images(made["all"], tmp_path / "made")
        assert len(drawn) == len(pages[0])
        assert drawn == page_images(typeset_alone, tmp_path / "alone")
    if size == "a6":  # sheets of four are imposed by pypdf, untitled as before
        info = PdfReader(io.BytesIO(made["all"])).metadata
        assert info.title == "Quick cards"
        assert info.creator is None  # assembled from the areas' pages, not typeset again
        roots = [PdfReader(io.BytesIO(d)).trailer["/Root"] for d in (made["all"], typeset_alone)]
        for key in ("/Lang", "/ViewerPreferences"):  # as Typst writes them
            assert roots[0][key] == roots[1][key], key
        assert PdfReader(io.BytesIO(typeset_alone)).metadata.creator.startswith("Typst")


def test_with_one_area_changed_the_pdf_of_all_cards_is_put_together_not_typeset_again(
    tmp_path, monkeypatch
):
    """The areas' PDFs found in the cache (cache.py) serve for the PDF of all cards: after
    one standard changed, Typst prints that area alone (as under `serve`, where a save
    marks the standard's card '-dirty'), and all cards' PDF is what Typst prints whole."""
    handbook = sample()
    areas = handbook.settings.areas
    cards = make_cards(handbook, carded(handbook))
    before = render(cards, SIZES["a6"], areas)
    made_pdfs(before, tmp_path, pdf_groups(areas, before))
    changed = cards[3].standard
    edited = [replace(c, revision="f00d-dirty") if c.standard is changed else c for c in cards]
    after = render(edited, SIZES["a6"], areas)
    groups = pdf_groups(areas, after)
    printed: list[int] = []
    pdfs = typeset.pdfs
    monkeypatch.setattr(typeset, "pdfs", lambda texts, n: printed.append(n) or pdfs(texts, n))
    found = made_pdfs(after, tmp_path, groups)
    assert printed == [len(groups[changed.area])]
    assert "f00d-dirty" in "".join(page_texts(found[changed.area]))
    (whole,) = after.pdfs([groups["all"]])
    assert page_texts(found["all"]) == page_texts(whole)
