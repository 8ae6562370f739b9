"""Digests of cards' data kept by the data objects' identity (cards/bydata.py), and the
cards' fit-check keys and PDF names made with them the same as made afresh."""

from __future__ import annotations

from functools import partial

from cardkit import fixture_handbook

from handbook.buildstate import BuildState
from handbook.cards import cache
from handbook.cards.background import PDF_NAMES, _name
from handbook.cards.bydata import ByData
from handbook.cards.model import carded, make_cards
from handbook.cards.pdf import LAYOUT_KEYS, _layout_key, prepare
from handbook.cards.sizes import SIZES
from handbook.render.urls import Urls


def test_a_digest_is_kept_for_the_same_objects_only_and_while_it_is_asked_for():
    kept, calls = ByData(), []

    def make(text):
        calls.append(text)
        return text

    one, two = {"a": 1}, {"a": 1}
    assert kept.get([one], "x", lambda: make("first")) == "first"
    assert kept.get([one], "x", lambda: make("again")) == "first"  # the same use
    kept.turn()
    assert kept.get([one], "x", lambda: make("again")) == "first"  # the next use
    assert kept.get([two], "x", lambda: make("equal, not the same")) == "equal, not the same"
    assert kept.get([one], "y", lambda: make("other values")) == "other values"
    assert kept.get([one, two], "x", lambda: make("both")) == "both"
    kept.turn()
    kept.turn()  # a use that did not ask for them: forgotten
    assert kept.get([one], "x", lambda: make("made again")) == "made again"
    assert calls == ["first", "equal, not the same", "other values", "both", "made again"]


def test_the_cards_keys_and_pdf_names_are_those_made_afresh(tmp_path):
    handbook = fixture_handbook()
    size = SIZES["a6"]
    state = BuildState()
    areas = handbook.settings.areas
    cards = make_cards(handbook, carded(handbook), Urls())
    for build in range(3):
        state.start()
        rendering = prepare(cards, size, areas, state)
        keys = {c.id: rendering.key(c) for c in rendering.cards}
        LAYOUT_KEYS.turn()
        assert keys == {c.id: _layout_key(rendering.data[c.id], size) for c in rendering.cards}
        if build == 1:  # a card's data made again (as an edit makes it): its key too
            first = rendering.cards[0]
            rendering.data[first.id] = {**rendering.data[first.id], "title": "Edited"}
            assert rendering.key(first) == _layout_key(rendering.data[first.id], size)
            assert rendering.key(first) != keys[first.id]
        groups = {"all": rendering.cards, "first": rendering.cards[:1]}
        names = {  # as made_pdfs names them
            g: PDF_NAMES.get(
                [rendering.data[c.id] for c in group], size, partial(_name, rendering, group)
            )
            for g, group in groups.items()
        }
        PDF_NAMES.turn()
        assert names == {g: cache.key(rendering.document(c)) for g, c in groups.items()}
