"""The cards' layout and PDFs, made while the build does its other work.

Typst lays the cards out and prints them in worker processes (compile.py); the build's
own process only waits for their answers. Started as soon as the standards are loaded,
a `Typesetting` runs in a thread of its own: the fit check, then the PDFs of the cards
that fit, each read from the cache folder where it can be (cache.py). Meanwhile the
build lints the standards and makes its other files on the other core; it joins the
result where it needs it (the cards' pages, the picker, the `card-overflow` problems).

What it makes does not depend on when it is joined: the same measures and PDFs as
laying the cards out and printing them at that point. A failure (a worker that dies,
a document Typst refuses) is kept and raised where the result is joined.

In a `mkdocs build` the feature runs all this in a forked copy of the process (beside.py)
that hands over the cards' pages, then their PDFs (`pdf_of`), written after the pages.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..beside import Parts
from ..feature import FeatureFailed
from ..render.output import OutputFile
from . import cache
from .model import Card
from .pdf import Measure, Rendering


def pdf_path(area: str) -> str:
    return f"cards/pdf/{area}.pdf"


# The cards of each PDF, by name (an area's key, or "all").
Groups = Callable[[Rendering], dict[str, list[Card]]]


class Typesetting:
    """The fit check and the PDFs of one build's cards, in a thread of its own."""

    def __init__(
        self,
        rendering: Rendering,
        measures: dict[str, Measure],
        root: Path,
        groups: Groups | None,
    ) -> None:
        self.rendering = rendering
        self._measures = measures  # known measures by card key; gets the new ones
        self._root = root
        self._groups = groups  # None: no PDFs
        self._pdfs: dict[str, bytes] = {}
        self._failure: BaseException | None = None
        self._measured = threading.Event()  # the fit check is done (or failed)
        self._thread = threading.Thread(target=self._run, name="cards-typesetting", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            known = len(self._measures)
            self.rendering.lay_out(self._measures, printing=self._groups is not None)
            if len(self._measures) != known:
                cache.save_measures(self._root, self._measures)
            self._measured.set()
            if self._groups is not None:
                self._pdfs = made_pdfs(self.rendering, self._root, self._groups(self.rendering))
        except BaseException as e:  # noqa: BLE001 - raised again where the result is joined
            self._failure = e
            self._measured.set()

    def measured(self) -> Rendering:
        """The cards measured: waits for the fit check, not for the PDFs."""
        self._measured.wait()
        if self._failure is not None:
            raise self._failure
        return self.rendering

    def result(self) -> tuple[Rendering, dict[str, bytes]]:
        """The cards measured, and the PDF of each group: waits until they are made."""
        self._thread.join()
        if self._failure is not None:
            raise self._failure
        return self.rendering, self._pdfs


def made_pdfs(rendering: Rendering, root: Path, groups: dict[str, list[Card]]) -> dict[str, bytes]:
    """The PDF of each group of cards, made once per content (cache.py)."""
    names = {group: cache.key(rendering.document(cards)) for group, cards in groups.items()}
    found = {group: cache.load_pdf(root, name) for group, name in names.items()}
    missing = [group for group, data in found.items() if data is None]
    made = rendering.pdfs([groups[g] for g in missing]) if missing else []
    for group, data in zip(missing, made, strict=True):
        cache.save_pdf(root, names[group], data)
        found[group] = data
    return {group: data for group, data in found.items() if data is not None}


def is_pdf(file: OutputFile) -> bool:
    """A PDF the copy left out: a card file with neither content nor source."""
    return file.content is None and file.source is None and file.path.endswith(".pdf")


def pdf_of(made: Parts, path: str) -> bytes:
    """A PDF's content, from the copy that makes the cards (waits for it)."""
    by_area: dict[str, bytes] = made.part(1)
    return next(data for area, data in by_area.items() if pdf_path(area) == path)


@contextmanager
def failing() -> Iterator[None]:
    """Typst could not lay the cards out or print them: the build stops with its message."""
    try:
        yield
    except RuntimeError as e:  # compile.py's worker failures, and Typst's own errors
        raise FeatureFailed(f"the quick cards could not be typeset: {e}") from None


def pdf_groups(areas: dict[str, str], rendering: Rendering) -> dict[str, list[Card]]:
    """The cards of each area's PDF and of the PDF of all cards: those that print."""
    printed = rendering.fitting
    groups = {a: [c for c in printed if c.standard.area == a] for a in areas}
    groups["all"] = printed
    return {a: g for a, g in groups.items() if g}
