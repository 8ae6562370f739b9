"""Staff search in Debian's Chromium: what a person types in the header box, served and
from disk, by keyboard, with nothing of the index loaded before the first search."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from pathlib import Path

import pytest
import yaml
from test_site_in_browser import (  # noqa: F401 - fixtures shared with the site's tests
    PHONE,
    _guarded,
    offline_copy,
    playwright_browser,
    serious_violations,
    site,
)

from conftest import build, copy_fixture
from handbook.finding.index import documents, vocabulary
from handbook.finding.words import STOP_WORDS, query_terms, stem
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


# Queries of the blind set (benchmarks/staff_queries_blind.yml) the search missed before
# its general fixes: an everyday word for the handbook's, which is not read as a typing
# mistake of another ("pictures": "photos", not "pick up"); a misspelt form the stemmer
# cannot reduce ("abusiv"); an irregular form ("rung": "ring"); a whole-question idiom
# ("how long": a time).
EVERYDAY = [
    ("taking pictures of customers", "CONDUCT-002", "photos"),
    ("abusiv language", "UNC-001", "abusive"),
    ("why has nobody rung me back", "PHONE-003", "ring"),
    ("how long to answer an email", "EMAIL-001", "emails"),
]


@pytest.mark.parametrize(("query", "id", "marked"), EVERYDAY)
def test_everyday_words_and_misspellings_find_the_standard(typing_page, site, query, id, marked):  # noqa: F811
    results = type_query(typing_page, query)
    assert results[:1] == [site.url(f"standards/{id.lower()}/")], results[:3]
    # The passage shown says why, with the handbook's word for the one typed marked.
    first = typing_page.locator(RESULTS).first
    marks = first.locator(".hb-search__why mark").all_inner_texts()
    assert marked in [m.lower() for m in marks], marks


def test_a_finished_word_finds_its_longer_forms_not_other_words(page, site):  # noqa: F811
    page.goto(site.url())
    found = page.evaluate(
        """async qs => { const o = {};
          for (const q of qs) o[q] = (await handbookSearch._termsOf(q))[0][1].map(t => t[0]);
          return o; }""",
        ["mess up", "call now", "man said"],
    )
    assert "messag" not in found["mess up"]  # "mess", finished, is not "message"
    assert "caller" in found["call now"] and "callback" in found["call now"]
    assert "manag" not in found["man said"]


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
    index = r"search/handbook/[0-9a-f]{12}/"  # the folder named for the index's content
    assert any(re.fullmatch(index + r"meta\.js", u) for u in loaded), loaded
    assert any(re.fullmatch(index + r"t/re\w*\.js", u) for u in loaded), loaded
    assert not any("search_index" in u for u in loaded), "Material's index was fetched"


def test_pair_files_load_for_words_the_index_has(page, site):  # noqa: F811
    """Pairs of neighbouring words are fetched for the words the index has: not for a
    word still being typed or misspelt."""
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(site.url())
    pairs = re.compile(r"search/handbook/[0-9a-f]{12}/p/\d+\.js$")
    for partial in ("refu", "custmer"):
        page.evaluate("q => handbookSearch.search(q)", partial)
        assert not [u for u in asked if pairs.search(u)], partial
    page.evaluate("q => handbookSearch.search(q)", "customer wants a refund")
    assert len([u for u in asked if pairs.search(u)]) >= 3


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


RANKED = """async queries => {
  const out = [];
  for (const q of queries) out.push((await handbookSearch.search(q)).map(r => r.id));
  return out;
}"""


def test_offline_copy_ranks_as_the_served_site(page, site, playwright_browser, offline_copy):  # noqa: F811
    """Every staff query of the benchmark, served and from disk: the same standards in the
    same order."""
    queries = [q["query"] for q in staff_queries()]
    page.goto(site.url())
    served = page.evaluate(RANKED, queries)
    guarded = _guarded(playwright_browser, "file://")
    try:
        guarded.page.goto((offline_copy / "index.html").as_uri())
        from_disk = guarded.page.evaluate(RANKED, queries)
    finally:
        guarded.page.context.close()
    assert sum(1 for found in served if found) > len(queries) * 0.9
    assert from_disk == served


def staff_queries() -> list[dict]:
    root = Path(__file__).resolve().parents[2] / "benchmarks"
    return [
        q
        for name in ("staff_queries.yml", "staff_queries_heldout.yml", "staff_queries_blind.yml")
        for q in yaml.safe_load((root / name).read_text("utf-8"))["queries"]
    ]


def test_the_browser_reads_a_query_as_the_build_does(page, site):  # noqa: F811
    """words.py `query_terms` and search.js read each query to the same index words: stop
    words left out, stems, compounds ("sign in", "walk-ins")."""
    queries = [q["query"] for q in staff_queries()] + [q for q, _ in NATURAL]
    queries += ["sign in", "Walk-ins", "she logged in", "handed over", "how can I do it"]
    queries += ["he rang back", "voice mails", "the person in charge", "how long", "men"]
    page.goto(site.url())
    found = page.evaluate(
        "async qs => { const o = []; for (const q of qs) o.push(await handbookSearch._queryTerms(q)); return o; }",
        queries,
    )
    assert dict(zip(queries, found, strict=True)) == {q: query_terms(q) for q in queries}


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


class _CachingHandler(http.server.SimpleHTTPRequestHandler):
    """A web server that lets browsers keep every file but pages for a day, as many do."""

    def end_headers(self) -> None:
        page = self.path.split("?")[0].endswith(("/", ".html"))
        self.send_header("Cache-Control", "no-cache" if page else "max-age=86400")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_a_new_publish_is_never_mixed_with_a_cached_index(playwright_browser, tmp_path):  # noqa: F811
    """After a publish that renumbers the standards, a browser that kept the earlier index
    files (the server let it keep them a day) searches the new index only."""
    project = copy_fixture("basic", tmp_path)
    first = build(project)
    assert first.returncode == 0, first.output
    served = tmp_path / "served"
    shutil.copytree(first.site, served)
    handler = functools.partial(_CachingHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    # No request routing: Playwright turns the browser's cache off for routed contexts.
    context = playwright_browser.new_context()
    page = context.new_page()
    try:
        page.goto(base)
        assert type_query(page, "answering")[0] == base + "standards/phone-001/"
        # The publish: a standard now comes first, so every standard's number moves on.
        email = project / "standards" / "email-001.yml"
        text = email.read_text("utf-8").replace("status: draft", "status: active")
        email.write_text(text.replace("area: email-and-chat", "area: telephone"), "utf-8")
        second = build(project, "--no-strict")
        assert second.returncode == 0, second.output
        shutil.rmtree(served)
        shutil.copytree(second.site, served)
        fetched: list[str] = []
        page.on("requestfinished", lambda r: fetched.append(r.url))
        page.goto(base)
        # A word of another shard than the first search's, listed by the documents the
        # first search cached under the same names before the publish.
        results = type_query(page, "hold")
        titles = page.locator(RESULTS + " .hb-search__title").all_inner_texts()
        assert results[0] == base + "standards/phone-002/", results
        assert titles[0] == "PHONE-002 Putting a caller on hold", titles
        assert "EMAIL-001 Draft email reply" in type_query_titles(page, "email reply")
        now = {m.group(0) for u in fetched for m in [re.search(r"search/handbook/\w+/", u)] if m}
        assert len(now) == 1 and (served / next(iter(now))).is_dir(), fetched
    finally:
        context.close()
        server.shutdown()
        server.server_close()


def type_query_titles(page, query: str) -> list[str]:
    type_query(page, query)
    return page.locator(RESULTS + " .hb-search__title").all_inner_texts()


# Standards whose sections hold the same words, told apart only by their order or by the
# stop words between them: (id, title, situation, aliases).
LOOKALIKES = [
    (
        "PHONE-010",
        "Service at the desk",
        "Leeds key accounts: you are at the desk and customers can see you.",
        ["desk manners"],
    ),
    (
        "PHONE-011",
        "Getting ready for a shift",
        "Leeds key accounts: you are getting ready for a shift at the desk.",
        ["shift start"],
    ),
    (
        "PHONE-012",
        "Our service promise",
        "Leeds key accounts: a customer asks what service to expect.",
        ["extra help"],
    ),
    (
        "PHONE-013",
        "Customers who need extra support",
        "Leeds key accounts: a customer seems upset, or asks you to slow down.",
        ["support"],
    ),
    (
        "PHONE-014",
        "A manager steps in",
        "The manager asks the customer to wait at the desk.",
        ["manager steps in"],
    ),
    (
        "PHONE-015",
        "A customer wants the manager",
        "The customer asks the manager to wait at the desk.",
        ["customer escalates"],
    ),
]
# (what staff type, the standard it must list first)
WORD_ORDER = [
    ("Leeds key accounts: you are at", "PHONE-010"),
    ("Leeds key accounts: you are getting", "PHONE-011"),
    ("Leeds key accounts: a customer asks", "PHONE-012"),
    ("the manager asks the customer", "PHONE-014"),
    ("the customer asks the manager", "PHONE-015"),
    ("customer asks for extra help", "PHONE-012"),
]


def test_word_order_and_stop_words_tell_look_alike_sections_apart(playwright_browser, tmp_path):  # noqa: F811
    """Pairs of words standing next to each other, stop words included, rank the section
    that holds the query's words as typed first."""
    project = copy_fixture("basic", tmp_path)
    template = yaml.safe_load((project / "standards" / "phone-002.yml").read_text("utf-8"))
    for id, title, situation, aliases in LOOKALIKES:
        data = {**template, "id": id, "title": title, "situation": situation}
        data.update(aliases=aliases, status="active", summary=f"{title}.", related=[])
        (project / "standards" / f"{id.lower()}.yml").write_text(yaml.safe_dump(data), "utf-8")
    built = build(project, "--no-strict")
    assert built.returncode == 0, built.output
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    page = playwright_browser.new_page()
    try:
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
        found = page.evaluate(RANKED, [q for q, _ in WORD_ORDER])
    finally:
        page.close()
        server.shutdown()
        server.server_close()
    assert {q: ids[:1] for (q, _), ids in zip(WORD_ORDER, found, strict=True)} == {
        q: [id] for q, id in WORD_ORDER
    }
