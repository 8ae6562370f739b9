"""Finding aids: facets and the filters page, review freshness and the due-for-review page."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from handbook import clock
from handbook.finding.facets import attributes, facets, slug
from handbook.finding.filters import FiltersFeature, filters_page
from handbook.finding.freshness import FreshnessFeature, Review, by_owner, due, review_page
from handbook.handbook import Handbook
from handbook.loader import load_texts
from handbook.render.pages import PageExtras, PageRenderer
from handbook.render.urls import Urls
from handbook.settings import Settings

TEMPLATE = """\
id: {id}
title: {title}
summary: Do the thing the same way every time.
area: {area}
situation: {situation}
channels: [{channels}]
{stage}status: {status}
owner: {owner}
effective: 2025-01-05
review_by: {review_by}
tags: [{tags}]
rules:
  - Do the thing within five minutes.
"""


def standard(id: str, **fields: str) -> tuple[str, str]:
    values = {
        "id": id,
        "title": f"Title of {id}",
        "area": "telephone",
        "situation": "A customer calls.",
        "channels": "phone",
        "stage": "stage: first-contact\n",
        "status": "active",
        "owner": "Contact centre manager",
        "review_by": "2027-01-31",
        "tags": "calls",
    }
    values.update(fields)
    return f"standards/{id.lower()}.yml", TEMPLATE.format(**values)


def handbook(*files: tuple[str, str]) -> Handbook:
    loaded = load_texts(dict(files), Settings())
    assert loaded.errors == []
    return loaded


SAMPLE = handbook(
    standard("PHONE-001"),
    standard("PHONE-002", channels="phone, chat", tags="calls, response time", stage=""),
    standard(
        "COMP-001",
        area="complaints",
        channels="email, letter",
        owner="Complaints manager",
        status="pilot",
        review_by="2026-12-01",
        stage="stage: resolution\n",
    ),
    standard("COMP-009", area="complaints", status="draft"),
)


def options(facet_key: str) -> list[tuple[str, int]]:
    facet = next(f for f in facets(SAMPLE) if f.key == facet_key)
    return [(o.key, len(o.standards)) for o in facet.options]


def test_facets_list_each_value_with_its_published_standards_in_known_order():
    assert options("area") == [("telephone", 2), ("complaints", 1)]
    assert options("channel") == [("phone", 2), ("email", 1), ("chat", 1), ("letter", 1)]
    assert options("stage") == [("first-contact", 1), ("resolution", 1)]
    assert options("status") == [("pilot", 1), ("active", 2)]
    assert options("owner") == [("complaints-manager", 1), ("contact-centre-manager", 2)]
    assert options("tag") == [("calls", 3), ("response-time", 1)]


def test_attributes_hold_space_separated_keys():
    phone2 = SAMPLE.by_id()["PHONE-002"]
    assert attributes(phone2, SAMPLE.settings.areas) == {
        "area": "telephone",
        "channel": "phone chat",
        "stage": "",
        "status": "active",
        "owner": "contact-centre-manager",
        "tag": "calls response-time",
    }
    assert slug("Head of service / UK") == "head-of-service-uk"


def test_filters_page_lists_each_published_standard_once_with_its_data():
    page = filters_page(SAMPLE, Urls())
    assert page.path == "filters.md"
    results = page.content.split("data-hb-filter-results", 1)[1].split("</ul>", 1)[0]
    items = re.findall(r"<li [^>]*>", results)
    assert len(items) == 3  # the draft is not published
    assert 'data-channel="email letter"' in results
    assert 'href="../standards/comp-001/"' in results
    assert "COMP-009" not in page.content
    # Without JavaScript: the lists grouped by each facet, the form hidden until the script runs.
    assert page.content.count('<details class="hb-filter-group"') == 6
    assert re.search(r"<form [^>]*data-hb-filter hidden", page.content)
    assert '<script src="../assets/handbook/filters.js" defer></script>' in page.content
    assert "search:\n  exclude: true" in page.content


def test_filters_page_links_work_without_directory_urls():
    page = filters_page(SAMPLE, Urls(use_directory_urls=False))
    assert 'href="standards/phone-001.html"' in page.content
    assert 'src="assets/handbook/filters.js"' in page.content


def test_filters_feature_ships_its_script_without_inline_handlers():
    files = {f.path: f for f in FiltersFeature().files(SAMPLE, Urls())}
    script = files["assets/handbook/filters.js"].content
    assert "addEventListener" in script
    assert not re.search(r"\bon[a-z]+=", files["filters.md"].content)


def test_standard_text_on_the_filters_page_cannot_inject_markup():
    situation = "'<script>alert(1)</script> <img src=x onerror=alert(1)> *calls*'"
    evil = handbook(standard("PHONE-001", title="Q&A calls", situation=situation))
    page = filters_page(evil, Urls()).content
    assert "<script>alert" not in page
    assert "<img" not in page and "onerror" not in page
    assert "Q&amp;A calls" in page
    assert "<em>calls</em>" in page  # the situation's inline Markdown is kept


TODAY = dt.date(2026, 11, 1)


def test_due_lists_overdue_and_soon_due_soonest_first():
    book = handbook(
        standard("PHONE-001", review_by="2026-10-01"),
        standard("PHONE-002", review_by="2026-12-31"),
        standard("PHONE-003", review_by="2027-01-01"),  # 61 days away
        standard("PHONE-004", review_by="2020-01-01", status="retired"),
    )
    found = due(book, TODAY)
    assert [(r.standard.id, r.days_left, r.overdue) for r in found] == [
        ("PHONE-001", -31, True),
        ("PHONE-002", 60, False),
    ]
    book.settings.options = replace(book.settings.options, review_soon_days=61)
    assert [r.standard.id for r in due(book, TODAY)][-1] == "PHONE-003"


def test_due_groups_by_owner_alphabetically():
    book = handbook(
        standard("PHONE-001", review_by="2026-11-02", owner="Zed team"),
        standard("PHONE-002", review_by="2026-11-05", owner="Alpha team"),
        standard("PHONE-003", review_by="2026-11-03", owner="Zed team"),
    )
    groups = by_owner(due(book, TODAY))
    assert [(owner, [r.standard.id for r in rs]) for owner, rs in groups] == [
        ("Alpha team", ["PHONE-002"]),
        ("Zed team", ["PHONE-001", "PHONE-003"]),
    ]


def test_overdue_standard_gets_a_banner_on_its_page():
    book = handbook(
        standard("PHONE-001", review_by="2026-10-31"),
        standard("PHONE-002", review_by="2026-11-01"),
        standard("PHONE-003", review_by="2020-01-01", status="retired"),
    )
    extras = PageExtras()
    FreshnessFeature(today=TODAY).extras(book, Urls(), extras)
    assert list(extras.banners) == ["PHONE-001"]
    banner = extras.banners["PHONE-001"][0]
    assert "Review overdue" in banner
    assert '<time datetime="2026-10-31">31 October 2026</time>' in banner
    page = PageRenderer(book, Urls(), extras).standard(book.by_id()["PHONE-001"]).content
    assert '<p class="admonition-title">Review overdue' in page  # HTML, not escaped text
    # The day it is due is not yet overdue.
    assert (
        "Review overdue"
        not in PageRenderer(book, Urls(), extras).standard(book.by_id()["PHONE-002"]).content
    )


def test_today_defaults_to_the_build_date(monkeypatch):
    monkeypatch.delenv(clock.VARIABLE, raising=False)
    assert FreshnessFeature().today() == dt.date.today()
    monkeypatch.setenv(clock.VARIABLE, "2027-04-15")
    assert FreshnessFeature().today() == dt.date(2027, 4, 15)
    assert FreshnessFeature(today=TODAY).today() == TODAY


def test_review_page_by_owner_with_days():
    book = handbook(
        standard("PHONE-001", review_by="2026-10-31"),
        standard("COMP-001", area="complaints", review_by="2026-11-21", owner="Complaints manager"),
        standard("PHONE-002", review_by="2027-06-01"),
    )
    page = review_page(book, Urls(), TODAY).content
    assert page.index('<h2 id="complaints-manager">') < page.index(
        '<h2 id="contact-centre-manager">'
    )
    assert "Overdue by 1 day<" in page
    assert "In 2 weeks<" in page  # 20 days
    assert 'class="hb-due hb-due--overdue"' in page
    assert "PHONE-002" not in page
    assert '<time datetime="2026-11-01">1 November 2026</time>' in page


def test_review_page_names_the_next_review_when_nothing_is_due():
    book = handbook(standard("PHONE-001", review_by="2027-06-01"))
    page = review_page(book, Urls(), TODAY).content
    assert "No standard is overdue" in page
    assert "The next is" in page and "1 June 2027" in page


def test_review_window_is_configurable():
    book = handbook(standard("PHONE-001", review_by="2027-01-15"))
    assert "PHONE-001" not in review_page(book, Urls(), TODAY).content.split("The next is")[0]
    book.settings.options = replace(book.settings.options, review_soon_days=90)
    assert "In 2 months" in review_page(book, Urls(), TODAY).content


def test_how_far_off_a_review_is_in_words():
    book = handbook(standard("PHONE-001"))
    s = book.by_id()["PHONE-001"]
    words = {days: Review(s, days).when for days in (0, 1, -1, 13, 14, -20, 59, 60, -800)}
    assert words == {
        0: "Due today",
        1: "In 1 day",
        -1: "Overdue by 1 day",
        13: "In 13 days",
        14: "In 2 weeks",
        -20: "Overdue by 2 weeks",
        59: "In 8 weeks",
        60: "In 2 months",
        -800: "Overdue by 2 years",
    }


def test_search_index_tuning_boosts_only_wording_sections_of_standards():
    from handbook.finding.search import tune

    index = {
        "docs": [
            {"location": "standards/phone-001/", "boost": 2},
            {"location": "standards/phone-001/#what-to-say", "boost": 2},
            {"location": "standards/phone-001/#rules", "boost": 2},
            {"location": "editors/#what-to-say"},
        ]
    }
    tuned = tune(index, {"standards/phone-001/"})
    assert [d.get("boost") for d in tuned["docs"]] == [2, 3.0, 2, None]


def test_the_filters_page_is_kept_while_what_it_shows_is_the_same():
    from handbook.buildstate import BuildState

    state = BuildState()
    pages = []
    for title, review_by in (
        ("Answering", "2027-01-31"),
        ("Answering", "2027-02-28"),
        ("Renamed", "2027-01-31"),
    ):
        state.start()
        book = handbook(
            standard("PHONE-001", title=title, review_by=review_by), standard("PHONE-002")
        )
        pages.append(filters_page(book, Urls(), state))
        assert pages[-1] == filters_page(book, Urls())  # as made with nothing kept
    assert pages[1] is pages[0]  # the review date is not on it: kept
    assert pages[2] is not pages[1] and "Renamed" in str(pages[2].content)
    assert state.failed == 0
