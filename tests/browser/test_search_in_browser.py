"""Staff search in Debian's Chromium: what a person types in the header box, served and
from disk, by keyboard, with nothing of the index loaded before the first search."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_site_in_browser import (  # noqa: F401 - fixtures shared with the site's tests
    PHONE,
    _guarded,
    offline_copy,
    playwright_browser,
    serious_violations,
    site,
)

from handbook.finding.index import documents, vocabulary
from handbook.finding.words import STOP_WORDS, stem
from handbook.loader import load
from handbook.render.urls import Urls
from handbook.settings import Settings

RESULTS = "[data-hb-search-results] > li > a"

# (what staff type, the standard it must list first): stop words, plurals, other word
# forms, typos, synonyms and whole questions.
NATURAL = [
    ("customer wants a refund", "POLICY-001"),
    ("how long can a caller be on hold", "PHONE-002"),
    ("someone threatened me on the phone", "UNC-001"),
    ("transferring calls", "PHONE-002"),
    ("complaints follow up", "COMP-003"),
    ("voicemial", "PHONE-003"),
    ("abusve customer", "UNC-001"),
    ("he wants to speak to my supervisor", "COMP-002"),
    ("the website is down", "UNC-002"),
    ("customer swore at me", "UNC-001"),
]


def type_query(page, query: str) -> list[str]:
    """Open search with "/", type as a person would; the results' links, best first."""
    page.keyboard.press("/")
    box = page.locator("[data-hb-search-input]")
    box.wait_for(state="visible")
    box.fill("")
    box.press_sequentially(query, delay=10)
    page.wait_for_function(
        "q => document.querySelector('[data-hb-search-input]').dataset.shown === q", arg=query
    )
    return page.locator(RESULTS).evaluate_all("as => as.map(a => a.href.split('#')[0])")


@pytest.fixture
def page(playwright_browser, site):  # noqa: F811
    guarded = _guarded(playwright_browser, site.base)
    yield guarded.page
    guarded.page.context.close()
    assert guarded.elsewhere == [], f"requests to other hosts: {guarded.elsewhere}"


@pytest.fixture(scope="module")
def typing_page(playwright_browser, site):  # noqa: F811
    guarded = _guarded(playwright_browser, site.base)
    guarded.page.goto(site.url("standards/phone-001/"))
    yield guarded.page
    guarded.page.context.close()


@pytest.mark.parametrize(("query", "id"), NATURAL)
def test_natural_query_lists_the_standard_first(typing_page, site, query, id):  # noqa: F811
    results = type_query(typing_page, query)
    assert results, f"nothing found for {query!r}"
    assert results[0] == site.url(f"standards/{id.lower()}/"), results[:3]
    # Each result says why: a labelled passage with the query's words marked.
    first = typing_page.locator(RESULTS).first
    assert first.locator(".hb-search__label").inner_text()
    assert first.locator("mark").count() >= 1


def test_stop_words_alone_find_nothing_and_say_so(typing_page):
    assert type_query(typing_page, "how can I do it") == []
    status = typing_page.locator("[data-hb-search-status]").inner_text()
    assert status == "No matching standards"


def test_the_programming_interface(page, site):  # noqa: F811
    page.goto(site.url())
    results = page.evaluate("handbookSearch.search('customer wants a refund')")
    assert results[0] == {
        "id": "POLICY-001",
        "title": "Refunds and returns",
        "url": site.url("standards/policy-001/"),
        "kind": "standard",
        "why": results[0]["why"],
    }
    assert all(r["kind"] == "standard" for r in results)
    assert not any("/editors/" in r["url"] for r in results)


def test_nothing_of_the_index_loads_before_a_search(page, site):  # noqa: F811
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(site.url("standards/comp-001/"))
    page.wait_for_load_state("networkidle")
    assert [u for u in asked if "search/" in u] == []
    type_query(page, "refund")
    loaded = [u.removeprefix(site.base) for u in asked if "search/" in u]
    assert "search/handbook/meta.js" in loaded
    assert any(re.fullmatch(r"search/handbook/t/re\w*\.js", u) for u in loaded), loaded
    assert not any("search_index" in u for u in loaded), "Material's index was fetched"


def test_keyboard_only(page, site):  # noqa: F811
    page.goto(site.url())
    results = type_query(page, "hold music")
    assert len(results) >= 2
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.href")
    assert focused == results[1]
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.href") == results[0]
    page.keyboard.press("Enter")
    page.wait_for_url(results[0] + "**")
    # Escape closes the dialog; Enter in the box opens the first result.
    type_query(page, "greeting at the desk")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    type_query(page, "greeting at the desk")
    page.keyboard.press("Enter")
    page.wait_for_url(site.url("standards/desk-001/") + "**")


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["1280px", "375px"])
def test_dialog_with_results_is_accessible(playwright_browser, site, viewport):  # noqa: F811
    options = {"viewport": viewport} if viewport else {"viewport": {"width": 1280, "height": 800}}
    guarded = _guarded(playwright_browser, site.base, **options)
    page = guarded.page
    try:
        page.goto(site.url("standards/unc-001/"))
        assert type_query(page, "angry customer on the phone")
        assert page.locator("[data-hb-search]").get_attribute("aria-label")
        assert page.locator("[data-hb-search-input]").get_attribute("aria-label")
        assert serious_violations(page) == []
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= page.viewport_size["width"]
        # The first result is on screen and the box stays visible above it.
        box = page.locator(RESULTS).first.bounding_box()
        assert box is not None and 0 <= box["y"] < page.viewport_size["height"]
        assert box["width"] <= page.viewport_size["width"]
    finally:
        page.context.close()


def test_offline_copy_searches_from_disk(playwright_browser, offline_copy):  # noqa: F811
    guarded = _guarded(playwright_browser, "file://")
    page = guarded.page
    try:
        page.goto((offline_copy / "standards" / "phone-001.html").as_uri())
        for query, id in NATURAL[:4]:
            results = type_query(page, query)
            expected = (offline_copy / "standards" / f"{id.lower()}.html").as_uri()
            assert results[0] == expected, (query, results[:3])
        page.locator(RESULTS).first.click()
        assert page.url.startswith("file://")
    finally:
        page.context.close()
    assert guarded.elsewhere == []


def test_every_word_of_the_handbook_finds_its_index_word(page, site, sample_site):  # noqa: F811
    """The build stems with Python's snowballstemmer (Porter), the browser with npm's
    stemmer (Porter's reference code); each word of the handbook, typed, must meet the
    index word the build made of it at full weight, where the two differ too."""
    project: Path = sample_site.project
    handbook = load(Settings.from_mkdocs_yml(project / "mkdocs.yml"))
    words = sorted(w for w in vocabulary(documents(handbook, Urls())) if w not in STOP_WORDS)
    assert len(words) > 500
    page.goto(site.url())
    found = page.evaluate(
        """async words => {
          const out = {};
          for (const w of words) out[w] = Object.fromEntries((await handbookSearch._termsOf(w))[0][1]);
          return out;
        }""",
        words,
    )
    missed = [(w, stem(w), found[w]) for w in words if found[w].get(stem(w)) != 1]
    assert missed == []
