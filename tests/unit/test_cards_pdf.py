"""Cards printed through Typst: one page per card, the format's page size, the card's
text on its page, and cards that do not fit found rather than cut off."""

from __future__ import annotations

import io
import re

import pytest
from cardkit import (
    A6,
    copy_cards_fixture,
    fixture_handbook,
    huge_standard,
    page_size,
    pdf_pages,
)

from handbook.cards.model import make_cards, select
from handbook.cards.pdf import render
from handbook.cards.revision import UNVERSIONED
from handbook.cards.sizes import MM, SIZES


def rendered(ids, size="a6", handbook=None):
    handbook = handbook or fixture_handbook()
    cards = make_cards(handbook, select(handbook.published(), ids))
    return render(cards, SIZES[size], handbook.settings.areas)


def text_of(page) -> str:
    return " ".join(page.extract_text().split())


def test_one_a6_page_per_card_with_that_cards_text():
    rendering = rendered(["PHONE-001", "DESK-001"])
    assert rendering.problems() == []
    pages = pdf_pages(rendering.pdf())
    assert len(pages) == 2
    assert [page_size(p) for p in pages] == [A6, A6]
    first, second = text_of(pages[0]), text_of(pages[1])
    # Title, situation, steps, wordings, target, escalation, id, review date.
    for words in (
        "Answering the phone",
        "The phone rings at your desk",
        "Greet the caller with the opening line.",
        "Good morning, Support team, Sam speaking.",
        "Yeah, hello?",
        "at least 90% of calls",
        "Team lead",
        "within 15 minutes",
        "PHONE-001",
        "Review by 31 March 2027",
    ):
        assert words in first, words
        assert words not in second
    # Every card names the handbook revision its standard was printed from.
    handbook = fixture_handbook()
    chosen = select(handbook.published(), ["PHONE-001", "DESK-001"])  # the pages' order
    names = [handbook.revision_of(s) for s in chosen]
    assert UNVERSIONED not in names
    assert f"Rev. {names[0]}" in first and f"Rev. {names[1]}" in second
    # The card section's choice, its own texts, note, pilot status and the shortened notice.
    for words in (
        "Busy? Say how long you will be.",
        "Keep this card at the desk.",
        "PILOT",  # the band is in capitals
        "Shortened card. The full standard has 4 steps, 2 wordings and an escalation chain.",
    ):
        assert words in second, words
    assert "Turn to face the customer" not in second
    assert "Shift supervisor" not in second


@pytest.mark.parametrize(
    ("size", "points"),
    [("a7", (74 * MM, 105 * MM)), ("index-4x6", (4 * 72, 6 * 72))],
)
def test_each_format_has_its_page_size(size, points):
    rendering = rendered(["EMAIL-001"], size)
    assert rendering.problems() == []
    pages = pdf_pages(rendering.pdf())
    assert len(pages) == 1
    assert page_size(pages[0]) == pytest.approx(points, abs=0.5)
    assert "First reply to an email" in text_of(pages[0])
    assert "Use the customer's name in the first line." in text_of(pages[0])


def test_a4_sheet_carries_four_a6_cards():
    rendering = rendered(["PHONE-001", "DESK-001", "EMAIL-001"], "a4-4up")
    pages = pdf_pages(rendering.pdf())
    assert len(pages) == 1
    assert page_size(pages[0]) == pytest.approx((210 * MM, 297 * MM), abs=0.5)
    text = text_of(pages[0])
    for card_id in ("PHONE-001", "DESK-001", "EMAIL-001"):
        assert card_id in text


def test_a_card_too_big_for_its_page_is_a_problem_and_left_out(tmp_path):
    project = copy_cards_fixture(tmp_path)
    huge_standard(project)
    handbook = fixture_handbook(project)
    rendering = rendered(["HUGE-001", "EMAIL-001"], handbook=handbook)
    assert [c.id for c in rendering.overflowing] == ["HUGE-001"]
    (problem,) = rendering.problems()
    assert (problem.file, problem.line, problem.rule, problem.severity) == (
        "standards/huge-001.yml",
        1,
        "card-overflow",
        "error",
    )
    assert "HUGE-001 does not fit on one A6" in problem.message
    # Forty one-line steps and the heading: about one and a half cards' worth of text,
    # and the editor is told how much to cut.
    over = re.search(r"its text is about (\d+)% longer than the card holds", problem.message)
    assert over and 30 < int(over.group(1)) < 80
    assert "card:" in (problem.suggestion or "")
    pages = pdf_pages(rendering.pdf())
    assert len(pages) == 1
    assert "HUGE-001" not in text_of(pages[0])
    assert "EMAIL-001" in text_of(pages[0])


def test_text_that_looks_like_typst_is_printed_as_it_is(tmp_path):
    """The cards' text reaches Typst as data: markup, code and file reads stay words."""
    project = copy_cards_fixture(tmp_path)
    path = project / "standards" / "email-001.yml"
    hostile = '#read("/etc/passwd") #import "@preview/x:0.1.0" ] #{ panic() } $x^2$'
    text = path.read_text("utf-8").replace("title: First reply to an email", f"title: '{hostile}'")
    path.write_text(text, "utf-8")
    rendering = rendered(["EMAIL-001"], handbook=fixture_handbook(project))
    assert rendering.problems() == []
    (page,) = pdf_pages(rendering.pdf())
    printed = text_of(page)
    assert hostile.replace(" ", "") in printed.replace(" ", "")  # lines may wrap anywhere
    assert "root:" not in printed


def test_a7_holds_less_than_a6():
    handbook = fixture_handbook()
    cards = make_cards(handbook, select(handbook.published(), ["PHONE-001", "EMAIL-001"]))
    a6 = render(cards, SIZES["a6"], handbook.settings.areas)
    a7 = render(cards, SIZES["a7"], handbook.settings.areas)
    for card in cards:
        # A7 is 70% as wide and 71% as tall: the same text takes at least half as much again.
        assert a7.measure(card.id).length > 1.5 * a6.measure(card.id).length
    assert len(pdf_pages(a7.pdf())) == len(a7.fitting) == 2


def test_five_a6_cards_take_two_a4_sheets():
    from pypdf import PageObject, PdfWriter

    from handbook.cards.sheets import impose

    writer = PdfWriter()
    for _ in range(5):
        writer.add_page(PageObject.create_blank_page(width=105 * MM, height=148 * MM))
    out = io.BytesIO()
    writer.write(out)
    sheets = pdf_pages(impose(out.getvalue(), SIZES["a4-4up"]))
    assert len(sheets) == 2
    assert all(page_size(s) == pytest.approx((210 * MM, 297 * MM), abs=0.5) for s in sheets)
