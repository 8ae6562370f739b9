"""Quick cards in a built site: the picker, a print page per card, the link from each
standard, the PDFs, Chromium printing one card per A6 sheet, and overflow failing --strict."""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import FIXTURES, Build, build, copy_sample, use_variant

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
    # Each card in those lists by its id and title, not a bare id.
    by_channel = html[html.index('id="by-channel"') : html.index('id="by-tag"')]
    assert re.search(r'<a href="[^"]+"><span class="hb-id">[A-Z]+-\d+</span> \w', by_channel)
    assert not re.search(r'">[A-Z]+-\d+</a>', by_channel)
    assert 'data-filter="area"' in html and 'data-filter="channel"' in html
    assert 'data-filter="tag"' in html
    # The picker's own script is a file of the site: no inline script, nothing from
    # another host.
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', html)
    picker = [s for s in scripts if s.endswith("handbook/picker.js")]
    assert len(picker) == 1
    assert "window.print()" in resolve(site.site / "cards" / "index.html", picker[0]).read_text()
    assert not [s for s in scripts if re.match(r"https?://", s)]
    content = html[html.index('<div class="hb-picker"') : html.index("</article>")]
    assert "<script>" not in content  # Material's own inline scripts are in its shell
    assert html.count('<article class="hb-card') == len(CARDED)


def links(html: str) -> list[str]:
    """Every address a page links to or loads (in-page anchors aside)."""
    return [h for h in re.findall(r'(?:href|src)="([^"]*)"', html) if not h.startswith("#")]


def assert_standalone_card_page(page: Path, site_root: Path) -> str:
    """A lean page of its own: no theme, no inline script, every link a file of the site."""
    html = page.read_text("utf-8")
    assert html.startswith("<!doctype html>")
    assert '<html lang="en">' in html and '<meta charset="utf-8">' in html
    assert '<meta name="viewport"' in html and '<meta name="description"' in html
    assert "md-header" not in html and 'class="md-' not in html
    assert "<main>" in html and html.count("<h1") == 1
    # No inline script or event handler: the page's one script is a file of the site.
    assert not re.search(r"<[^>]*\son[a-z]+=", html, re.I)
    ((attributes, body),) = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    source = re.fullmatch(r' src="([^"]+)" defer', attributes)
    assert body == "" and source
    assert resolve(page, source.group(1)) == (site_root / "assets/handbook/card-page.js").resolve()
    button = r'<button type="button"[^>]*data-print hidden>Print this card</button>'
    assert bool(re.search(button, html)) != ("hb-card-sheet--too-long" in html)
    for href in links(html):
        assert not re.match(r"[a-z]+:", href), f"{page}: {href} leaves the site"
        assert resolve(page, href).is_file(), f"{page}: {href} is not a file of the site"
        assert resolve(page, href).is_relative_to(site_root.resolve())
    return html


def test_a_print_page_per_card_linked_from_its_standard(site):
    standard = site.site / "standards" / "phone-001" / "index.html"
    html = standard.read_text("utf-8")
    link = re.search(r'<a class="md-button" href="([^"]+)">Print the quick card</a>', html)
    assert link, "standard page has no link to its quick card"
    card_page = resolve(standard, link.group(1))
    assert card_page == (site.site / "cards" / "phone-001.html").resolve()
    card = assert_standalone_card_page(card_page, site.site)
    assert "<title>Quick card: Answering the phone</title>" in card
    assert 'id="card-phone-001"' in card
    assert "Print this card" in card
    # The QR code links to the full page on the published site.
    assert 'class="segno"' in card
    assert "https://handbook.example.org/standards/phone-001/" in card
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+cards\.css)">', card)
    assert stylesheet and resolve(card_page, stylesheet.group(1)).is_file()
    full = re.search(r'<a class="[^"]*" href="([^"]+)">Full standard</a>', card)
    assert full and resolve(card_page, full.group(1)) == standard.resolve()
    index = re.search(r'<a class="[^"]*" href="([^"]+)">All quick cards</a>', card)
    assert (
        index and resolve(card_page, index.group(1)) == (site.site / "cards/index.html").resolve()
    )
    area = re.search(r'<a class="[^"]*" href="([^"]+)" download>PDF of the area', card)
    assert area
    assert resolve(card_page, area.group(1)) == (site.site / "cards/pdf/telephone.pdf").resolve()
    # The script that shows the Print button is a file of the site.
    script = (site.site / "assets" / "handbook" / "card-page.js").read_text("utf-8")
    assert "window.print()" in script
    # Static files rather than themed pages: search does not list them.
    indexes = [f for f in (site.site / "search").rglob("*") if f.is_file()]
    assert indexes and not [f for f in indexes if "cards/phone-001" in f.read_text("utf-8")]
    # The picker links to each card page.
    picker = site.site / "cards" / "index.html"
    hrefs = re.findall(r'<a href="([^"]+)"><span class="hb-id">', site.page("cards/"))
    assert {resolve(picker, h) for h in hrefs} == {
        (site.site / "cards" / f"{c.lower()}.html").resolve() for c in CARDED
    }


def test_card_pages_with_html_file_urls(tmp_path):
    """`use_directory_urls: false`, as in the copy opened from disk (`make offline`)."""
    project = tmp_path / "cards"
    shutil.copytree(FIXTURES / "cards", project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "use_directory_urls: false\n", "utf-8")
    result = build(project)
    assert result.returncode == 0, result.output
    standard = result.site / "standards" / "phone-001.html"
    link = re.search(r'href="([^"]+)">Print the quick card</a>', standard.read_text("utf-8"))
    assert link
    assert resolve(standard, link.group(1)) == (result.site / "cards/phone-001.html").resolve()
    assert not (result.site / "cards" / "phone-001").exists()
    for card_id in CARDED:
        page = result.site / "cards" / f"{card_id.lower()}.html"
        card = assert_standalone_card_page(page, result.site)
        full = re.search(r'href="([^"]+)">Full standard</a>', card)
        assert full
        target = result.site / "standards" / f"{card_id.lower()}.html"
        assert resolve(page, full.group(1)) == target.resolve()
    picker = result.site / "cards" / "index.html"
    hrefs = re.findall(r'<a href="([^"]+)"><span class="hb-id">', picker.read_text("utf-8"))
    assert sorted({resolve(picker, h).name for h in hrefs}) == sorted(
        f"{c.lower()}.html" for c in CARDED
    )


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
    card = printed(chromium, site.site / "cards" / "desk-001.html")
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


@pytest.fixture(scope="module")
def gathering_site(tmp_path_factory):
    """The fixture handbook as a large one: its picker carries fewer cards than it has."""
    project = tmp_path_factory.mktemp("gather") / "cards"
    shutil.copytree(FIXTURES / "cards", project)
    use_variant(project, "picker-cards")
    result = build(project)
    assert result.returncode == 0, result.output
    return result


def test_a_large_handbooks_picker_carries_no_cards(gathering_site):
    html = gathering_site.page("cards/")
    assert '<article class="hb-card' not in html
    assert "data-fetch" in html and "fetches the cards you choose" in html
    for card_id in CARDED:
        assert f'data-id="{card_id}"' in html  # still listed, with links to the cards


def test_a_large_handbooks_picker_prints_the_chosen_cards_fetched(gathering_site, chromium):
    """Served over HTTP, Print gathers the chosen cards' own pages and prints them."""
    with serve(gathering_site.site) as base:
        chromium.goto(base + "cards/")
        chromium.evaluate("() => { window.print = () => { window.printed = true; }; }")
        chromium.uncheck('.hb-picker__item[data-id="DESK-001"] .hb-picker__pick')
        chromium.click("button[data-print]")
        chromium.wait_for_function("window.printed === true")
        ids = chromium.eval_on_selector_all(
            ".hb-picker__cards article.hb-card", "cards => cards.map(c => c.dataset.id)"
        )
        data = chromium.pdf(prefer_css_page_size=True, print_background=True)
    assert ids == ["PHONE-001", "EMAIL-001"]
    sheets = list(PdfReader(io.BytesIO(data)).pages)
    assert len(sheets) == 2
    for card_id, sheet in zip(ids, sheets, strict=True):
        assert card_id in sheet.extract_text()
        assert tuple(round(float(v)) for v in sheet.mediabox[2:]) == (298, 420)


def test_opened_from_disk_a_large_handbooks_picker_says_what_to_do(gathering_site, chromium):
    chromium.goto((gathering_site.site / "cards" / "index.html").as_uri())
    chromium.evaluate("() => { window.print = () => { window.printed = true; }; }")
    chromium.click("button[data-print]")
    chromium.wait_for_selector(".hb-picker__status:not([hidden])")
    assert "open each card" in chromium.inner_text(".hb-picker__status")
    assert chromium.evaluate("window.printed === undefined")


@contextlib.contextmanager
def serve(folder: Path):
    """The built site over HTTP on a free local port, as a web server would serve it."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def with_a_card_too_long(tmp_path: Path) -> Path:
    """The fixture handbook and HUGE-001, whose forty steps do not fit on one card."""
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
    return project


def test_a_card_that_does_not_fit_fails_a_strict_build(tmp_path):
    result = build(with_a_card_too_long(tmp_path))
    assert result.returncode != 0
    assert "standards/huge-001.yml:1:1: warning card-overflow" in result.output
    # The site is still written: the card's page says why it is not printed.
    page = result.site / "cards" / "huge-001.html"
    html = assert_standalone_card_page(page, result.site)
    assert "This card does not fit on one A6 (105 × 148 mm) card" in html
    assert "longer than the card holds, so it is left out of the printed cards" in html
    assert 'role="note"' in html
    assert "does not fit" not in result.page("cards/email-001.html")
    # Never printed, not even from its page: no Print button, and the sheet is hidden in print.
    assert "data-print" not in html
    assert "hb-card-sheet--too-long" in html


def test_a_card_too_long_for_its_sheet_is_not_printed_from_its_page(tmp_path, chromium):
    result = build(with_a_card_too_long(tmp_path), "--no-strict")
    assert result.returncode == 0, result.output
    sheets = printed(chromium, result.site / "cards" / "huge-001.html")
    text = " ".join(" ".join(sheet.extract_text().split()) for sheet in sheets)
    assert len(sheets) == 1
    assert "too long for one A6" in text
    assert "Step 39" not in text and "Step 0" not in text


def test_the_sample_with_site_url_builds_strict_with_the_same_cards(tmp_path, sample_site):
    """Setting site_url, as mkdocs.yml suggests, adds QR codes and changes no card's fit."""
    project = copy_sample(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "# site_url: https://handbook.example.org/" in text
    config.write_text(
        text.replace(
            "# site_url: https://handbook.example.org/", "site_url: https://handbook.example.org/"
        ),
        "utf-8",
    )
    result = build(project)
    assert result.returncode == 0, result.output
    assert "card-overflow" not in result.output

    def cards(site: Path) -> list[str]:
        return sorted(p.name for p in (site / "cards").glob("*.html"))

    def printable(site: Path) -> int:
        return (site / "cards" / "index.html").read_text("utf-8").count('aria-label="Print ')

    assert cards(result.site) == cards(sample_site.site)
    assert printable(result.site) == printable(sample_site.site) == len(cards(result.site)) - 1
    linked = (result.site / "cards" / "phone-001.html").read_text("utf-8")
    assert "QR code: https://handbook.example.org/standards/phone-001/" in linked
    assert "QR code" not in (sample_site.site / "cards" / "phone-001.html").read_text("utf-8")


# A build whose Typst workers die as they start: the real worker protocol, a process
# that ends before answering.
DYING_WORKERS = """
import sys
from handbook.cards import compile

compile.IN_PROCESS = 0  # workers even for the fixture's few cards
real = compile._Worker.__init__

def dying(self, args):
    real(self, args)
    self.process.kill()
    self.process.wait()
    self.errors.write(b"Typst ran out of memory")

compile._Worker.__init__ = dying
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "--strict"]
cli()
"""


def test_a_typst_worker_that_fails_stops_the_build_with_its_message(tmp_path):
    project = tmp_path / "cards"
    shutil.copytree(FIXTURES / "cards", project)
    result = subprocess.run(
        [sys.executable, "-c", DYING_WORKERS],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "the quick cards could not be typeset: Typst worker failed:" in output
    assert "Typst ran out of memory" in output
    assert "Traceback" not in output
