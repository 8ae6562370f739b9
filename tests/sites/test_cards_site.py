"""Quick cards in a built site: the picker, a print page per card, the link from each
standard, the PDFs, Chromium printing one card per A6 sheet, and overflow failing --strict."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, Build, build
from pypdf import PdfReader

A6 = (297.64, 419.53)
CARDED = ("PHONE-001", "DESK-001", "EMAIL-001")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = tmp_path_factory.mktemp("cards") / "cards"
    shutil.copytree(FIXTURES / "cards", project)
    result = build(project)
    assert result.returncode == 0, result.output
    return result


def pdf(path: Path) -> list:
    return list(PdfReader(io.BytesIO(path.read_bytes())).pages)


def resolve(page: Path, href: str) -> Path:
    target = (page.parent / href).resolve()
    return target / "index.html" if href.endswith("/") else target


def test_picker_lists_every_card_with_plain_lists_and_its_own_filter(site):
    html = site.page("cards/")
    for card_id in CARDED:
        assert f'data-id="{card_id}"' in html
    assert "PHONE-009" not in html  # retired: no card
    # Without JavaScript: lists by area, channel and tag; with it, the filter form.
    assert 'id="by-channel"' in html and 'id="by-tag"' in html
    assert 'data-filter="area"' in html and 'data-filter="channel"' in html
    assert 'data-filter="tag"' in html
    assert "window.print()" in html
    # The picker's own script is inline and nothing is loaded from another host.
    assert not re.search(r'<script[^>]+src="https?://', html)
    assert html.count('<article class="hb-card') == len(CARDED)


def test_a_print_page_per_card_linked_from_its_standard(site):
    standard = site.site / "standards" / "phone-001" / "index.html"
    html = standard.read_text("utf-8")
    link = re.search(r'<a class="md-button" href="([^"]+)">Print the quick card</a>', html)
    assert link, "standard page has no link to its quick card"
    card_page = resolve(standard, link.group(1))
    assert card_page == (site.site / "cards" / "phone-001" / "index.html").resolve()
    card = card_page.read_text("utf-8")
    assert 'id="card-phone-001"' in card
    assert "Print this card" in card
    # The QR code links to the full page on the published site.
    assert 'class="segno"' in card
    assert "https://handbook.example.org/standards/phone-001/" in card
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+cards\.css)">', card)
    assert stylesheet and resolve(card_page, stylesheet.group(1)).is_file()
    full = re.search(r'<a class="md-button" href="([^"]+)">Full standard</a>', card)
    assert full and resolve(card_page, full.group(1)) == standard.resolve()


def test_pdfs_per_area_hold_one_page_per_card(site):
    folder = site.site / "cards" / "pdf"
    assert len(pdf(folder / "all.pdf")) == len(CARDED)
    telephone = pdf(folder / "telephone.pdf")
    assert len(telephone) == 1
    assert "PHONE-001" in telephone[0].extract_text()
    assert tuple(round(float(v), 2) for v in telephone[0].mediabox[2:]) == A6


@pytest.fixture(scope="module")
def chromium():
    """One Chromium page for the module's print tests (starting Chromium takes seconds)."""
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        yield browser.new_page()
        browser.close()


def printed(page, file: Path, channel: str | None = None) -> list:
    """The sheets Chromium prints of a page, as a person would, after choosing a channel."""
    page.goto(file.as_uri())
    if channel:
        page.select_option('select[data-filter="channel"]', channel)
    data = page.pdf(prefer_css_page_size=True, print_background=True)
    return list(PdfReader(io.BytesIO(data)).pages)


def test_chromium_prints_one_a6_sheet_per_card_without_the_site_around_it(site, chromium):
    card = printed(chromium, site.site / "cards" / "desk-001" / "index.html")
    picker = printed(chromium, site.site / "cards" / "index.html")
    assert len(card) == 1
    assert tuple(round(float(v)) for v in card[0].mediabox[2:]) == (298, 420)
    text = card[0].extract_text()
    assert "Greeting at the desk" in text and "DESK-001" in text
    assert "Cards test handbook" not in text  # no site header
    assert "Print this card" not in text
    # The picker prints every card, one per sheet, and nothing of the page around them.
    assert len(picker) == len(CARDED)
    for sheet, card_id in zip(picker, ("PHONE-001", "EMAIL-001", "DESK-001"), strict=True):
        assert tuple(round(float(v)) for v in sheet.mediabox[2:]) == (298, 420)
        assert card_id in sheet.extract_text()
        assert "By channel" not in sheet.extract_text()


def test_the_picker_prints_only_the_cards_its_filter_shows(site, chromium):
    (sheet,) = printed(chromium, site.site / "cards" / "index.html", channel="chat")
    assert "EMAIL-001" in sheet.extract_text()


def test_a_card_that_does_not_fit_fails_a_strict_build(tmp_path):
    project = tmp_path / "cards"
    shutil.copytree(FIXTURES / "cards", project)
    steps = "\n".join(f"  - Step {n}, check the account and tell the caller." for n in range(40))
    (project / "standards" / "huge-001.yml").write_text(
        (project / "standards" / "email-001.yml")
        .read_text("utf-8")
        .replace("EMAIL-001", "HUGE-001")
        + f"steps:\n{steps}\n",
        "utf-8",
    )
    result = build(project)
    assert result.returncode != 0
    assert "standards/huge-001.yml:1:1: warning card-overflow" in result.output
