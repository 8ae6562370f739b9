"""The quick cards' picker page, kept across `serve` rebuilds by all it shows."""

from __future__ import annotations

from dataclasses import replace

from cardkit import fixture_handbook

from handbook.buildstate import BuildState
from handbook.cards.model import carded, make_cards
from handbook.cards.picker import _grouped, picker_page
from handbook.options import CardOptions
from handbook.render.urls import Urls


def test_the_picker_is_kept_until_what_it_shows_changes():
    handbook, urls, state = fixture_handbook(), Urls(), BuildState()
    state.rebuilds = True
    cards = make_cards(handbook, carded(handbook), urls)
    # Fewer cards carried than there are: the page lists the cards, it does not hold them.
    options = CardOptions(picker_cards=1)

    def build(cards, unprinted=None):
        state.start()
        return picker_page(handbook, urls, cards, {}, unprinted or {}, options, state, {})

    first = build(cards)
    assert cards[0].standard.title in first.content
    assert build(cards) == first and state.hits  # reused (and checked, its first reuse)
    assert build(cards) == first
    # A title is in its entry and the plain lists: a kept page would show the old one.
    renamed = replace(cards[0].standard, title="Renamed at once", digest="another")
    changed = build([replace(cards[0], standard=renamed), *cards[1:]])
    assert "Renamed at once" in changed.content and not state.distrusted
    unprinted = build(cards, {cards[1].id: "too long to print"})
    assert "too long to print" in unprinted.content


def test_cards_are_grouped_by_channel_and_tag_in_their_order():
    cards = make_cards(fixture_handbook(), carded(fixture_handbook()))
    twice = replace(cards[0].standard, tags=(*cards[0].standard.tags, *cards[0].standard.tags))
    cards = [replace(cards[0], standard=twice), *cards[1:]]
    for field in ("channels", "tags"):
        names = sorted({n for c in cards for n in getattr(c.standard, field)})
        expected = {n: [c for c in cards if n in getattr(c.standard, field)] for n in names}
        assert _grouped(cards, names, field) == expected and any(expected.values())


def test_a_kept_card_is_made_again_when_its_revision_link_or_standard_changes(monkeypatch):
    handbook, urls, state = fixture_handbook(), Urls(), BuildState()
    state.rebuilds = True
    standards = carded(handbook)

    def build(standards=standards):
        state.start()
        return make_cards(handbook, standards, urls, state)

    first = build()
    again = build()
    assert again == first and all(a is b for a, b in zip(again, first, strict=True))
    monkeypatch.setattr(type(handbook), "revision_of", lambda self, s: "abc1234-dirty")
    assert {c.revision for c in build()} == {"abc1234-dirty"}  # a kept card: the old one
    monkeypatch.setattr(type(handbook.settings), "published_at", "https://hb.example/")
    assert all(c.url and c.url.startswith("https://hb.example/") for c in build())
    edited = replace(standards[0], summary="Edited.", steps=["Only this."], digest="edited")
    assert build([edited, *standards[1:]])[0].steps == ["Only this."]
    assert not state.distrusted  # no kept card differed from one made again
