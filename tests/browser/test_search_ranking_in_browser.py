"""How staff search ranks, on small handbooks made for each rule: the index written by the
build's Python, ranked by search.js in Debian's Chromium, opened from disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_site_in_browser import playwright_browser  # noqa: F401 - the shared browser

from handbook.finding.searchbox import SearchFeature
from handbook.loader import load_texts
from handbook.render.urls import Urls
from handbook.settings import Settings

TEMPLATE = """\
id: {id}
title: {title}
summary: {summary}
area: telephone
situation: {situation}
channels: [phone]
status: active
owner: Contact centre manager
effective: 2025-01-05
review_by: 2027-01-31
rules:
  - {rule}
"""


def standard(id: str, title: str, summary: str = "Do it well.", rule: str = "Be kind.") -> str:
    return TEMPLATE.format(id=id, title=title, summary=summary, situation="It happens.", rule=rule)


@pytest.fixture
def ask(playwright_browser, tmp_path):  # noqa: F811
    """ask(standards, query) -> the ids search lists, best first."""
    page = playwright_browser.new_page()

    def ask(standards: dict[str, str], query: str) -> list[str]:
        texts = {f"standards/{id.lower()}.yml": text for id, text in standards.items()}
        book = load_texts(texts, Settings())
        assert book.errors == []
        site = tmp_path / f"site{len(list(tmp_path.iterdir()))}"
        for file in SearchFeature().files(book, Urls()):
            path: Path = site / file.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(str(file.content), "utf-8")
        (site / "index.html").write_text(
            '<!doctype html><script src="assets/handbook/search.js"></script>', "utf-8"
        )
        page.goto((site / "index.html").as_uri())
        return page.evaluate("q => handbookSearch.search(q).then(rs => rs.map(r => r.id))", query)

    yield ask
    page.close()


def test_stop_words_never_decide(ask):
    book = {
        "PHONE-001": standard("PHONE-001", "Refunds", summary="Give the money back."),
        "PHONE-002": standard("PHONE-002", "What to do when it is how it is", rule="Can I?"),
    }
    assert ask(book, "refund") == ["PHONE-001"]
    assert ask(book, "what is the refund and how can I do it") == ["PHONE-001"]
    assert ask(book, "what is it and how can I do it") == []


def test_a_synonym_in_one_standard_weighs_no_more_than_the_word_typed(ask):
    # "online" stands for "app" (synonyms.yml) and is in one standard; "app" is in three.
    # The word typed, where it stands, comes first: the synonym's rarity is not its own.
    book = {
        "PHONE-001": standard("PHONE-001", "The app", summary="Help with the app."),
        "PHONE-002": standard("PHONE-002", "Online", summary="Help online."),
        "PHONE-003": standard("PHONE-003", "Cards", rule="Mention the app."),
        "PHONE-004": standard("PHONE-004", "Letters", rule="Mention the app."),
        "PHONE-005": standard("PHONE-005", "Hold", rule="Say sorry."),
    }
    found = ask(book, "app")
    assert found[0] == "PHONE-001"
    assert found.index("PHONE-002") > 0


def test_a_word_that_stands_for_a_common_one_decides_little(ask):
    # "caller" is in one standard, "refund" in three; but "caller" stands for "customer"
    # (synonyms.yml), which is in all of them: the refund, in a title, decides.
    book = {
        "PHONE-001": standard("PHONE-001", "Caller details", summary="Note the customer."),
        "PHONE-002": standard("PHONE-002", "Refunds", summary="Refund the customer."),
        "PHONE-003": standard(
            "PHONE-003", "Hold", summary="The customer waits.", rule="No refund."
        ),
        "PHONE-004": standard(
            "PHONE-004", "Post", summary="Write to the customer.", rule="Refund."
        ),
        "PHONE-005": standard("PHONE-005", "Desk", summary="Greet the customer."),
    }
    assert ask(book, "refund for a caller")[0] == "PHONE-002"


def test_two_words_that_are_one_thing(ask):
    book = {
        "PHONE-001": standard(
            "PHONE-001", "Customers who cannot log in", summary="Reset their access."
        ),
        "PHONE-002": standard("PHONE-002", "Sign language", summary="Book an interpreter."),
        "PHONE-003": standard("PHONE-003", "Walk-in customers", summary="Greet them."),
    }
    assert ask(book, "customer can't sign in")[0] == "PHONE-001"  # "signin" = "login"
    assert ask(book, "walk-ins")[0] == "PHONE-003"
    assert ask(book, "walk ins")[0] == "PHONE-003"
