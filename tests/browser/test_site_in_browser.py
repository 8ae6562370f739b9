"""The built sample handbook in a real browser: Debian's Chromium driven by Playwright.

One browser and one static server (a plain http.server on 127.0.0.1) serve every test;
each test gets a fresh browser context whose requests to any other host are aborted
and recorded, so a test can assert that the site fetched nothing from elsewhere.
All tests are skipped, with the reason shown, where /usr/bin/chromium is missing.
"""

from __future__ import annotations

import functools
import http.server
import io
import json
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import build

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PHONE = {"width": 375, "height": 812}


@dataclass
class Site:
    root: Path
    base: str
    standards: list[dict] = field(default_factory=list)

    def url(self, path: str = "") -> str:
        return self.base + path

    def exists(self, path: str) -> bool:
        return (self.root / path / "index.html").is_file()

    def card_page(self) -> str | None:
        """A quick card page whose card fits on one card, if the cards feature made any."""
        for page in sorted((self.root / "cards").glob("*.html")):
            if page.name != "index.html" and "does not fit on one" not in page.read_text("utf-8"):
                return f"cards/{page.name}"
        return None

    def changelog_page(self) -> str | None:
        return "changelog/" if self.exists("changelog") else None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


# Module scope: Playwright's sync API allows one running instance per thread, and other
# test modules start their own.
@pytest.fixture(scope="module")
def playwright_browser():
    if not CHROMIUM.exists():
        pytest.skip("no Chromium at /usr/bin/chromium: install Debian's chromium (make browser)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


def _serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def site(playwright_browser, sample_site) -> Iterator[Site]:
    server, base = _serve(sample_site.site)
    data = json.loads((sample_site.site / "standards.json").read_text("utf-8"))
    yield Site(sample_site.site, base, [s["content"] for s in data["standards"]])
    server.shutdown()


@dataclass
class Guarded:
    """A page whose requests may only go to the test server (or to files on disk)."""

    page: object
    elsewhere: list[str]


def _guarded(browser, allowed: str, **options) -> Guarded:
    context = browser.new_context(**options)
    elsewhere: list[str] = []

    def route(route) -> None:
        if route.request.url.startswith(allowed):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    return Guarded(context.new_page(), elsewhere)


@pytest.fixture
def browse(playwright_browser, site) -> Iterator[callable]:
    """Open pages of the served site; every test ends by checking nothing else was asked."""
    opened: list[Guarded] = []

    def open_page(path: str = "", **options) -> object:
        guarded = _guarded(playwright_browser, site.base, **options)
        opened.append(guarded)
        guarded.page.goto(site.url(path))
        return guarded.page

    yield open_page
    elsewhere = [url for g in opened for url in g.elsewhere]
    for guarded in opened:
        guarded.page.context.close()
    assert elsewhere == [], f"requests to other hosts: {elsewhere}"


# Search ---------------------------------------------------------------------------------


def search(page, query: str) -> list[str]:
    """Type into Material's search box as a person would; the result pages, best first."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially(query, delay=15)
    links = page.locator(".md-search-result__list > li.md-search-result__item > a")
    links.first.wait_for(timeout=10_000)
    # Results follow each keystroke: read until they stop changing.
    read = "as => as.map(a => a.href.split('?')[0].split('#')[0])"
    previous, current = None, links.evaluate_all(read)
    for _ in range(20):
        if current == previous:
            break
        page.wait_for_timeout(250)
        previous, current = current, links.evaluate_all(read)
    return current


def _standard(site: Site, id: str) -> dict:
    return next(s for s in site.standards if s["id"] == id)


def _shared_page(browser, site: Site, **options) -> Iterator[object]:
    guarded = _guarded(browser, site.base, **options)
    yield guarded.page
    guarded.page.context.close()
    assert guarded.elsewhere == [], f"requests to other hosts: {guarded.elsewhere}"


@pytest.fixture(scope="module")
def search_page(playwright_browser, site):
    """One page for all searches, so that the index loads once."""
    for page in _shared_page(playwright_browser, site):
        page.goto(site.url())
        yield page


@pytest.fixture(scope="module")
def desktop_page(playwright_browser, site):
    yield from _shared_page(playwright_browser, site)


@pytest.fixture(scope="module")
def phone_page(playwright_browser, site):
    yield from _shared_page(playwright_browser, site, viewport=PHONE)


@pytest.mark.parametrize(
    ("id", "field", "query"),
    [
        ("COMP-001", "wordings", "I'm sorry this happened"),
        ("COMP-001", "wordings", "fridge arrived two days late"),
        ("UNC-001", "wordings", "while you swear at me"),
        ("COMP-001", "aliases", "angry customer"),
        ("UNC-001", "aliases", "customer shouting"),
        ("POLICY-001", "situation", "get their money back"),
    ],
)
def test_search_lists_the_standard_first(search_page, site, id, field, query):
    standard = _standard(site, id)
    assert query.lower() in json.dumps(standard[field]).lower(), f"{id} no longer has {query!r}"
    results = search(search_page, query)
    assert results[0] == site.url(f"standards/{id.lower()}/"), results[:3]


# Filters --------------------------------------------------------------------------------


def visible_ids(page) -> list[str]:
    items = page.locator("[data-hb-filter-results] > li:visible .hb-id")
    return items.all_inner_texts()


def test_filters_narrow_the_list(browse, site):
    page = browse("filters/")
    everyone = [s["id"] for s in site.standards]
    assert sorted(visible_ids(page)) == sorted(everyone)
    assert page.locator("[data-hb-filter-groups]").is_hidden()

    page.select_option("#hb-filter-channel", "chat")
    chat = [s["id"] for s in site.standards if "chat" in s.get("channels", [])]
    assert 0 < len(chat) < len(everyone)
    assert sorted(visible_ids(page)) == sorted(chat)
    assert (
        page.locator("[data-hb-filter-count]").inner_text()
        == f"{len(chat)} of {len(everyone)} standards"
    )
    assert "channel=chat" in page.url

    page.select_option("#hb-filter-stage", "resolution")
    both = [s["id"] for s in site.standards if s["id"] in chat and s.get("stage") == "resolution"]
    assert sorted(visible_ids(page)) == sorted(both)
    assert len(both) < len(chat)

    page.click(".hb-filter__reset")
    page.wait_for_function(
        "document.querySelectorAll('[data-hb-filter-results] > li[hidden]').length === 0"
    )
    assert len(visible_ids(page)) == len(everyone)


def test_filters_by_owner_and_tag_and_from_the_address(browse, site):
    owner = site.standards[0]["owner"]
    expected = sorted(s["id"] for s in site.standards if s["owner"] == owner)
    page = browse("filters/")
    page.select_option("#hb-filter-owner", label=f"{owner} ({len(expected)})")
    assert sorted(visible_ids(page)) == expected

    tag = site.standards[0]["tags"][0]
    tagged = sorted(s["id"] for s in site.standards if tag in s.get("tags", []))
    query = page.url.split("?", 1)[1]
    page = browse(f"filters/?{query}&tag={tag.replace(' ', '-')}")
    assert page.locator("#hb-filter-owner").input_value() != ""
    assert sorted(visible_ids(page)) == sorted(set(expected) & set(tagged))


def test_filters_page_without_javascript_shows_grouped_lists(browse, site):
    page = browse("filters/", java_script_enabled=False)
    assert page.locator("form[data-hb-filter]").is_hidden()
    groups = page.locator("details.hb-filter-group > summary").all_inner_texts()
    assert groups == ["By area", "By channel", "By stage", "By status", "By owner", "By tag"]
    first = page.locator("details.hb-filter-group").first
    assert first.locator("li").count() == len(site.standards)


def test_no_match_says_so(browse, site):
    areas = {s["area"] for s in site.standards}
    channels = {c for s in site.standards for c in s.get("channels", [])}
    pairs = [
        (a, c)
        for a in sorted(areas)
        for c in sorted(channels)
        if not any(s["area"] == a and c in s.get("channels", []) for s in site.standards)
    ]
    assert pairs, "every area uses every channel: no empty combination to try"
    area, channel = pairs[0]
    page = browse(f"filters/?area={area}&channel={channel}")
    assert page.locator("#hb-filter-channel").input_value() == channel
    assert visible_ids(page) == []
    assert page.locator("[data-hb-filter-none]").is_visible()


# Every page type ------------------------------------------------------------------------


PAGE_TYPES = {
    "home": "",
    "standard": "standards/comp-001/",
    "area": "standards/complaints/",
    "all standards": "standards/",
    "filters": "filters/",
    "due for review": "review/",
    "targets": "targets/",
    "tags": "tags/",
    "card": "card",
    "changelog": "changelog",
}


def _path(site: Site, kind: str) -> str:
    path = PAGE_TYPES[kind]
    if path == "card":
        found = site.card_page()
        if found is None:
            pytest.skip("the sample site has no quick card page (cards feature not built yet)")
        return found
    if path == "changelog":
        found = site.changelog_page()
        if found is None:
            pytest.skip("the sample site has no changelog page (changelog feature not built yet)")
        return found
    return path


def test_every_page_and_search_fetch_only_from_the_site(playwright_browser, site):
    kinds = [k for k in PAGE_TYPES if k not in ("card", "changelog")]
    paths = [PAGE_TYPES[k] for k in kinds]
    paths += [p for p in (site.card_page(), site.changelog_page()) if p]
    guarded = _guarded(playwright_browser, site.base)
    try:
        for path in paths:
            guarded.page.goto(site.url(path))
        search(guarded.page, "refund")
        guarded.page.wait_for_load_state("networkidle")
    finally:
        guarded.page.context.close()
    assert guarded.elsewhere == []
    assert len(paths) >= 8


def test_no_page_scrolls_sideways_at_375_px(phone_page, site):
    """Every kind of page: the first of each folder and depth, and the named page types."""
    pages = sorted(
        p.parent.relative_to(site.root).as_posix() for p in site.root.rglob("index.html")
    )
    kinds: dict[tuple[str, int], str] = {}
    for page in pages:
        parts = page.split("/")
        kinds.setdefault((parts[0], len(parts)), "" if page == "." else f"{page}/")
    named = [p for p in PAGE_TYPES.values() if p not in ("card", "changelog")]
    paths = sorted(set(kinds.values()) | set(named))
    assert {"", "filters/", "review/", "standards/comp-001/"} <= set(paths)
    wide = {}
    for path in paths:
        phone_page.goto(site.url(path), wait_until="domcontentloaded")
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide[path] = width
    assert wide == {}, f"pages wider than {PHONE['width']} px"


@pytest.mark.parametrize(
    "kind", ["home", "standard", "card", "filters", "changelog", "due for review"]
)
def test_no_serious_accessibility_violations(desktop_page, site, kind):
    desktop_page.goto(site.url(_path(site, kind)))
    assert serious_violations(desktop_page) == []


def serious_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in Axe().run(page).response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_dark_scheme_keeps_contrast(browse, site):
    page = browse("")
    page.locator('label[for="__palette_1"]').first.click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    for kind in ["standard", "filters"]:
        page.goto(site.url(_path(site, kind)))
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        assert serious_violations(page) == [], kind
    if site.card_page():
        # A card's print page is a page of its own that shows paper: light in any scheme.
        page.goto(site.url(site.card_page()))
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == "rgb(255, 255, 255)"
        assert serious_violations(page) == [], "card"


def test_card_prints_on_exactly_one_page(browse, site):
    from pypdf import PdfReader

    page = browse(_path(site, "card"))
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    assert len(pdf.pages) == 1
    # The card alone: nothing of the page around it.
    text = pdf.pages[0].extract_text()
    assert page.locator(".hb-card__id").inner_text() in text
    for words in ("Quick card:", "Print this card", "Full standard", "Prints on"):
        assert words not in text


def test_card_page_print_button_needs_javascript(browse, site):
    path = _path(site, "card")
    page = browse(path)
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; }")
    button = page.get_by_role("button", name="Print this card")
    assert button.is_visible()
    button.click()
    assert page.evaluate("window.printed") == 1
    # The page's only script is its own file; without scripts there is no dead button.
    page = browse(path, java_script_enabled=False)
    assert page.locator("button[data-print]").is_hidden()
    assert page.get_by_role("link", name="Full standard").is_visible()


# The copy for opening from disk --------------------------------------------------------


@pytest.fixture(scope="session")
def offline_copy(sample_site) -> Path:
    """`make offline` on the sample: the same project built with mkdocs.offline.yml."""
    project = sample_site.project
    root = Path(__file__).resolve().parents[2]
    (project / "mkdocs.offline.yml").write_bytes((root / "mkdocs.offline.yml").read_bytes())
    os.environ["HANDBOOK_OFFLINE"] = "true"
    try:
        result = build(project, "-f", "mkdocs.offline.yml")
    finally:
        del os.environ["HANDBOOK_OFFLINE"]
    assert result.returncode == 0, result.output
    return project / "site-offline"


def test_offline_copy_searches_and_filters_from_disk(playwright_browser, offline_copy):
    # Material's index, which no page loads under the staff search, is not made: nor is
    # the offline plugin's copy of it.
    assert not list((offline_copy / "search").glob("search_index.*"))
    guarded = _guarded(playwright_browser, "file://")
    page = guarded.page
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    try:
        page.goto((offline_copy / "index.html").as_uri())
        results = search(page, "customer shouting")
        assert results[0] == (offline_copy / "standards" / "unc-001.html").as_uri()
        assert [u for u in asked if "/search/handbook/" in u]
        assert not [u for u in asked if "search_index" in u]
        page.goto((offline_copy / "filters.html").as_uri())
        page.select_option("#hb-filter-channel", "letter")
        shown = visible_ids(page)
        assert 0 < len(shown) < page.locator("[data-hb-filter-results] > li").count()
        # A quick card's page: styled, with its Print button, and its links open files.
        page.goto((offline_copy / "standards" / "comp-001.html").as_uri())
        page.get_by_role("link", name="Print the quick card").click()
        assert page.url == (offline_copy / "cards" / "comp-001.html").as_uri()
        assert page.get_by_role("button", name="Print this card").is_visible()
        background = "getComputedStyle(document.querySelector('.hb-card-sheet')).backgroundColor"
        assert page.evaluate(background) == "rgb(224, 224, 224)"
        page.get_by_role("link", name="All quick cards").click()
        assert page.url == (offline_copy / "cards" / "index.html").as_uri()
        page.go_back()
        page.get_by_role("link", name="Full standard").click()
        assert page.url == (offline_copy / "standards" / "comp-001.html").as_uri()
    finally:
        page.context.close()
    assert guarded.elsewhere == []
