"""Printing cards, and finding cards that do not fit their page.

All cards of a run are laid out in one Typst document (typeset.py), each starting a new
page. A card that needs more than one page does not fit: it becomes a `card-overflow`
problem and is left out of the PDF, so no card is ever printed cut off or run onto a
second sheet. The PDFs are compiled from the same template and fonts as the check.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, NamedTuple

from ..buildstate import BuildState, cold
from ..problems import Problem
from . import compile, typeset
from .bydata import ByData
from .glyphs import glyph_problems, printed_text
from .model import Card
from .render import MARGIN_MM, foot_mm
from .sheets import assemble, assembled_groups, impose
from .sizes import MM, Size

RULE = "card-overflow"
# Cards laid out in one Typst document at most (worker processes, two at a time); fewer
# cards are split in two, so both workers have a share.
CHUNK = 250


class Measure(NamedTuple):
    """How much room a card's content takes: its pages (1 when it fits) and its length."""

    pages: int
    length: float

    @property
    def fits(self) -> bool:
        return self.pages == 1


@dataclass
class Rendering:
    """Cards at one size: what each prints (`data`), the room each takes, and the
    characters it cannot print."""

    size: Size
    cards: list[Card]
    data: dict[str, dict[str, Any]] = field(default_factory=dict)
    measures: dict[str, Measure] = field(default_factory=dict)
    # Problems of cards with characters no card font has, by card id.
    glyphs: dict[str, list[Problem]] = field(default_factory=dict)
    # PDFs the fit check made (`lay_out` with `printing`), by their cards' ids in order
    # (which make their document: `document`).
    made: dict[tuple[str, ...], bytes] = field(default_factory=dict)

    @property
    def overflowing(self) -> list[Card]:
        return [c for c in self.cards if not self.measure(c.id).fits]

    @property
    def fitting(self) -> list[Card]:
        """The cards that print: they fit their page, and every character has a glyph."""
        return [c for c in self.cards if self.measure(c.id).fits and c.id not in self.glyphs]

    def problems(self, severity: str = "error") -> list[Problem]:
        found = [
            overflow_problem(c, self.size, self.measure(c.id), severity) for c in self.overflowing
        ]
        for card in self.cards:
            found += [replace(p, severity=severity) for p in self.glyphs.get(card.id, [])]
        return found

    def measure(self, card_id: str) -> Measure:
        return self.measures.get(card_id, Measure(0, 0.0))

    def document(
        self, cards: Sequence[Card] | None = None, body_only: bool = False, ends: bool = False
    ) -> str:
        """The Typst input of these cards (all by default); `body_only` leaves out what
        the footer prints, which takes no room from the content (the fit check's input,
        and its cache key); `ends` marks where each card ends in a document to print."""
        chosen = self.cards if cards is None else cards
        data = [self.data[c.id] for c in chosen]
        if body_only:
            data = [{k: v for k, v in d.items() if k not in typeset.FOOTER} for d in data]
        return typeset.document(data, self.size, footer=not body_only, ends=body_only or ends)

    def key(self, card: Card) -> str:
        """A digest of what decides the room a card takes: its content, the page size,
        the template, Typst and the fonts (not its footer, which is in the margin); kept
        by the card's data (bydata.py)."""
        data = self.data[card.id]
        return LAYOUT_KEYS.get([data], self.size, partial(_layout_key, data, self.size))

    def lay_out(self, known: dict[str, Measure] | None = None, printing: bool = False) -> None:
        """Measure every card, laying out only those whose key is not in `known` (which
        gets their measures). With `printing` (the areas' PDFs will be made), an area
        whose cards are all laid out is laid out as its PDF, which is kept (`made`) if
        every card fits (_Check)."""
        known = {} if known is None else known
        keys = {c.id: self.key(c) for c in self.cards}
        LAYOUT_KEYS.turn()
        missing = [c for c in self.cards if keys[c.id] not in known]
        if missing:
            spans = typeset.lay_out(_Check(self, missing, printing), len(missing))
            # The room for a card's content: the page less its margins and footer.
            content_mm = self.size.height_mm - MARGIN_MM - foot_mm(self.size)
            for card in missing:
                span = spans[card.id]
                below_top = span.end_pt / MM - MARGIN_MM
                length = span.last - span.first + below_top / content_mm
                known[keys[card.id]] = Measure(span.last - span.first + 1, length)
        self.measures = {c.id: known[keys[c.id]] for c in self.cards}

    def printed(self, cards: Sequence[Card] | None = None) -> list[Card]:
        """The given cards that print (all of them by default), in order."""
        return self._printed([cards if cards is not None else self.cards])[0]

    def _printed(self, groups: Sequence[Sequence[Card]]) -> list[list[Card]]:
        fitting = {c.id for c in self.fitting}
        return [[c for c in group if c.id in fitting] for group in groups]

    def pdfs(self, groups: Sequence[Sequence[Card]]) -> list[bytes]:
        """A PDF of each group of cards (those that print), typeset side by side (or
        as the fit check made it)."""
        chosen = self._printed(groups)
        kept = [self.made.get(tuple(c.id for c in cards)) for cards in chosen]
        assembled = assembled_groups(chosen)
        todo = [i for i, data in enumerate(kept) if data is None and i not in assembled]
        texts = [self.document(chosen[i]) for i in todo]
        made = iter(typeset.pdfs(texts, sum(len(chosen[i]) for i in todo)))
        found = [
            data if data is not None or i in assembled else next(made)
            for i, data in enumerate(kept)
        ]
        for i, pages in assembled.items():
            found[i] = found[i] or assemble(found, pages)
        done = [pdf for pdf in found if pdf is not None]
        assert len(done) == len(found)
        return [impose(pdf, self.size) if self.size.per_sheet > 1 else pdf for pdf in done]

    def pdf(self, cards: Sequence[Card] | None = None) -> bytes:
        """The PDF of the given cards that print (all of them by default), in order."""
        return self.pdfs([self.printed(cards)])[0]


class _Check:
    """The fit check's documents (compile.Jobs), one at a time.

    Typst reuses a layout only for the very same document, so the check lays out an
    area whose cards it all lays out (and none lacks a glyph) as that area's PDF, with
    footers, and keeps the PDF when every card fits: each card laid out once for both.
    Footers cost the check about a sixth more, wasted when a card does not fit (the
    area's PDF is then made without it): once a card does not fit, the check goes on
    without footers, in chunks shared between the workers. The footers are in the
    bottom margin, so a card's measure is the same either way."""

    def __init__(self, rendering: Rendering, missing: list[Card], printing: bool) -> None:
        self.rendering = rendering
        by_area: dict[str, list[Card]] = {}
        for card in rendering.cards:
            by_area.setdefault(card.standard.area, []).append(card)
        ids = {c.id for c in missing}
        whole = [
            cards
            for cards in by_area.values()
            if all(c.id in ids and c.id not in rendering.glyphs for c in cards)
        ]
        self.areas = sorted(whole, key=len, reverse=True) if printing else []
        in_areas = {c.id for cards in self.areas for c in cards}
        self.rest = [c for c in missing if c.id not in in_areas]
        self.fitting = True  # no card checked as printed has needed a second page
        self.chunks: list[list[Card]] | None = None
        self.printed: dict[str, tuple[str, ...]] = {}  # a check's document: its cards' ids

    def next(self) -> tuple[str, str] | None:
        if self.areas and self.fitting:
            cards = self.areas.pop(0)
            text = self.rendering.document(cards, ends=True)
            self.printed[text] = tuple(c.id for c in cards)
            return "check", text
        if self.chunks is None:
            left = [c for cards in self.areas for c in cards] + self.rest
            size = max(1, min(CHUNK, -(-len(left) // compile.WORKERS)))
            self.chunks = [left[i : i + size] for i in range(0, len(left), size)]
        if not self.chunks:
            return None
        return "query", self.rendering.document(self.chunks.pop(0), body_only=True)

    def answered(self, task: str, text: str, result: Any) -> None:
        if task != "check":
            return
        data = result[1]
        printed = self.printed.pop(text)
        if data is None:
            self.fitting = False
        else:
            self.rendering.made[printed] = data


# The fit check's key of each card, by its data (`Rendering.key`).
LAYOUT_KEYS = ByData()


def _layout_key(data: dict[str, Any], size: Size) -> str:
    body = {k: v for k, v in data.items() if k not in typeset.FOOTER}
    text = json.dumps([size.name, body], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{typeset.signature()}\n{text}".encode()).hexdigest()[:32]


def prepare(
    cards: Sequence[Card],
    size: Size,
    area_titles: dict[str, str],
    state: BuildState | None = None,
) -> Rendering:
    """The cards' printed content and their characters checked, before any layout
    (each card's kept in `state` by its content, so a rebuild redoes only changed ones)."""
    state = state or cold()
    rendering = Rendering(size, list(cards))
    for card in cards:
        title = area_titles.get(card.standard.area, card.standard.area)
        key, make = card_key(card, size, title), partial(_prepared, card, size, title)
        data, problems = state.kept("card-data", key, make, of=card.standard.digest)
        rendering.data[card.id] = data
        if problems:
            rendering.glyphs[card.id] = problems
    return rendering


def card_key(card: Card, size: Size, area_title: str) -> tuple[object, ...] | None:
    """What a card's printed content is made of: its standard's file, the revision and
    link it prints, its size and its area's title (None: a standard not read from a file)."""
    if not card.standard.digest:
        return None
    return (card.standard.digest, card.revision, card.url, size, area_title)


def _prepared(card: Card, size: Size, area_title: str) -> tuple[dict[str, Any], list[Problem]]:
    data = typeset.card_data(card, size, area_title)
    return data, glyph_problems(card, printed_text(data))


def render(cards: Sequence[Card], size: Size, area_titles: dict[str, str]) -> Rendering:
    """Lay the cards out, one per page at the given size, and measure each card."""
    rendering = prepare(cards, size, area_titles)
    rendering.lay_out()
    return rendering


def overflow_problem(card: Card, size: Size, measure: Measure, severity: str = "error") -> Problem:
    standard = card.standard
    key = ("card",) if standard.card else ("id",)
    line, column = 1, 1
    if standard.source is not None:
        span = standard.source.key_span(key)
        line, column = span.line, span.column
    advice = (
        "shorten the texts in its 'card:' section or pick fewer steps or wordings"
        if standard.card
        else "add a 'card:' section that picks the key steps and wordings or gives shorter texts"
    )
    return Problem(
        standard.path,
        line,
        column,
        RULE,
        f"the quick card of {standard.id} does not fit on one {size.label} card: "
        f"{_how_much(measure)}, so it is not printed",
        severity,
        advice,
    )


def _how_much(measure: Measure) -> str:
    over = round((measure.length - 1) * 100)
    if over >= 1:
        return f"its text is about {over}% longer than the card holds"
    return f"it needs {measure.pages} pages"
