"""Printing cards with WeasyPrint, and finding cards that do not fit their page.

All cards of a run are laid out in one document, each starting a new page. A card that
needs more than one page does not fit: it becomes a `card-overflow` problem and is left
out of the PDF, so no card is ever printed cut off or run onto a second sheet.
"""

from __future__ import annotations

import hashlib
import io
import threading
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any, NamedTuple

from ..problems import Problem
from .model import Card
from .render import MARGIN_MM, card_html, document_html, foot_mm, stylesheet
from .sheets import impose
from .sizes import Size

RULE = "card-overflow"


def local_only():  # type: ignore[no-untyped-def]
    """A WeasyPrint URL fetcher that reads local files and data: URLs and nothing else."""
    try:
        from weasyprint.urls import URLFetcher
    except ImportError:  # WeasyPrint before URLFetcher: a function does the same job
        from weasyprint.urls import default_url_fetcher

        def fetch(url: str, *args: object, **kwargs: object) -> dict[str, Any]:
            if not url.startswith(("file:", "data:")):
                raise ValueError(f"URI uses disallowed protocol: {url}")
            return default_url_fetcher(url, *args, **kwargs)  # type: ignore[no-any-return]

        return fetch
    return URLFetcher(allowed_protocols={"file", "data"}, allow_redirects=False)


@dataclass
class Rendering:
    """Cards laid out at one size: the PDF of every laid-out page, and each card's pages."""

    size: Size
    cards: list[Card]
    pages: dict[str, list[int]] = field(default_factory=dict)
    # How long each card's content is, in cards: 1.3 needs 30% more room than a card has.
    lengths: dict[str, float] = field(default_factory=dict)
    data: bytes = b""

    @property
    def overflowing(self) -> list[Card]:
        return [c for c in self.cards if len(self.pages.get(c.id, ())) != 1]

    @property
    def fitting(self) -> list[Card]:
        return [c for c in self.cards if len(self.pages.get(c.id, ())) == 1]

    def problems(self, severity: str = "error") -> list[Problem]:
        return [
            overflow_problem(c, self.size, self.measure(c.id), severity) for c in self.overflowing
        ]

    def measure(self, card_id: str) -> Measure:
        return Measure(len(self.pages.get(card_id, ())), self.lengths.get(card_id, 0.0))

    def pdf(self, cards: Sequence[Card] | None = None) -> bytes:
        """The PDF of the given cards that fit (all fitting cards by default)."""
        from pypdf import PdfReader, PdfWriter

        chosen = {c.id for c in (cards if cards is not None else self.cards)}
        reader = PdfReader(io.BytesIO(self.data))
        writer = PdfWriter()
        for card in self.fitting:
            if card.id in chosen:
                writer.add_page(reader.pages[self.pages[card.id][0]])
        out = io.BytesIO()
        writer.write(out)
        data = out.getvalue()
        if self.size.per_sheet > 1:
            data = impose(data, self.size)
        return data


# Below this many cards a second process costs more than it saves.
CARDS_PER_WORKER = 16


def render(
    cards: Sequence[Card],
    size: Size,
    area_titles: dict[str, str],
    base_url: Path,
    cache: dict[str, Rendering] | None = None,
    workers: int = 1,
    with_pdf: bool = True,
) -> Rendering:
    """Lay the cards out, one per page at the given size, and note each card's pages.

    WeasyPrint takes about a tenth of a second per card: `workers` processes share a long
    run, and a cache (kept across `serve` rebuilds) skips an unchanged set of cards.
    """
    rendering = Rendering(size, list(cards))
    if not cards:
        return rendering
    html = [card_html(c, size, _area(c, area_titles)) for c in cards]
    with_qr = any(c.url for c in cards)
    key = _key(str(base_url), size.name, str(with_pdf), *html)
    if cache is not None and key in cache:
        return cache[key]
    count = max(1, min(workers, len(cards) // CARDS_PER_WORKER))
    step = -(-len(cards) // count)
    documents = [
        document_html(html[i : i + step], size, with_qr) for i in range(0, len(cards), step)
    ]
    bases, pdfs = [str(base_url)] * len(documents), [with_pdf] * len(documents)
    if len(documents) == 1:
        results = [_lay_out(documents[0], str(base_url), with_pdf)]
    else:
        # Forking a process that runs other threads (`mkdocs serve`) can deadlock.
        method = "fork" if threading.active_count() == 1 else "spawn"
        with ProcessPoolExecutor(len(documents), mp_context=get_context(method)) as pool:
            results = list(pool.map(_lay_out, documents, bases, pdfs))
    by_anchor = {f"card-{c.slug}": c for c in cards}
    if with_pdf:
        rendering.data = (
            results[0][0] if len(results) == 1 else _concatenate([r[0] for r in results])
        )
    # The room for a card's content: the page less its margins and footer.
    content_mm = size.height_mm - MARGIN_MM - foot_mm(size, with_qr)
    offset = 0
    for _, pages, total, ends in results:
        for anchor, numbers in pages.items():
            card_id = by_anchor[anchor].id
            rendering.pages[card_id] = [offset + n for n in numbers]
            if anchor in ends:
                end_page, end_px = ends[anchor]
                below_top = end_px * 25.4 / 96 - MARGIN_MM
                rendering.lengths[card_id] = end_page - numbers[0] + below_top / content_mm
        offset += total
    if cache is not None:
        if len(cache) > 8:
            cache.clear()
        cache[key] = rendering
    return rendering


class Measure(NamedTuple):
    """How much room a card's content takes: its pages (1 when it fits) and its length."""

    pages: int
    length: float

    @property
    def fits(self) -> bool:
        return self.pages == 1


def measure(
    cards: Sequence[Card],
    size: Size,
    area_titles: dict[str, str],
    base_url: Path,
    cache: dict[str, Measure],
    workers: int = 1,
) -> dict[str, Measure]:
    """How much room each card needs, laying out only the cards not in `cache`.

    The cache maps a card's exact HTML and layout to its measure, so across `serve`
    rebuilds only the cards an edit changed are laid out again.
    """
    from weasyprint import __version__ as weasyprint_version

    with_qr = any(c.url for c in cards)
    keys = {
        c.id: _key(
            weasyprint_version,
            size.name,
            str(with_qr),
            stylesheet(),
            card_html(c, size, _area(c, area_titles)),
        )
        for c in cards
    }
    missing = [c for c in cards if keys[c.id] not in cache]
    if missing:
        done = render(missing, size, area_titles, base_url, workers=workers, with_pdf=False)
        for card in missing:
            cache[keys[card.id]] = done.measure(card.id)
    return {c.id: cache[keys[c.id]] for c in cards}


def _area(card: Card, area_titles: dict[str, str]) -> str:
    return area_titles.get(card.standard.area, card.standard.area)


def _key(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _lay_out(
    html: str, base_url: str, with_pdf: bool = True
) -> tuple[bytes, dict[str, list[int]], int, dict[str, tuple[int, float]]]:
    """One WeasyPrint run: the PDF, the pages of each card (by its anchor), the number of
    pages, and where each card's content ends (page, and CSS pixels from the page top)."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=base_url, url_fetcher=local_only()).render()  # type: ignore[no-untyped-call]
    first_page: dict[str, int] = {}
    ends: dict[str, tuple[int, float]] = {}
    for number, page in enumerate(document.pages):
        for anchor, box in page.anchors.items():
            if anchor.startswith("card-end-"):
                # The box's top: (left, top, right, bottom) in CSS pixels.
                ends.setdefault("card-" + anchor.removeprefix("card-end-"), (number, box[1]))
            elif anchor.startswith("card-"):
                # A card split over pages has its anchor on each of them: keep the first.
                first_page.setdefault(anchor, number)
    starts = sorted(first_page.items(), key=lambda item: item[1])
    stops = [first for _, first in starts[1:]] + [len(document.pages)]
    pages = {a: list(range(first, stop)) for (a, first), stop in zip(starts, stops, strict=True)}
    return document.write_pdf() if with_pdf else b"", pages, len(document.pages), ends


def _concatenate(parts: Sequence[bytes]) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for data in parts:
        for page in PdfReader(io.BytesIO(data)).pages:
            writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


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
