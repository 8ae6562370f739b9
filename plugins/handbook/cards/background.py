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
that hands over the cards' pages, then their PDFs (`pdf_of`). The build lists their files
before the copy has made them (`Handover`), and takes their content only where it needs
it: the picker at its turn among the pages, near the end, the other files after them. So
the fit check runs beside the whole build, not before its pages.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from ..beside import Parts
from ..feature import FeatureFailed
from ..model import Standard
from ..render.output import OutputFile
from . import cache
from .bydata import ByData
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
    """The PDF of each group of cards, made once per content (cache.py); each group's name
    in the cache kept by its cards' data (bydata.py)."""
    names = {
        group: PDF_NAMES.get(
            [rendering.data[c.id] for c in cards],
            rendering.size,
            partial(_name, rendering, cards),
        )
        for group, cards in groups.items()
    }
    PDF_NAMES.turn()
    found = {group: cache.load_pdf(root, name) for group, name in names.items()}
    missing = [group for group, data in found.items() if data is None]
    asked = missing
    if missing and rendering.size.per_sheet == 1:
        # The areas' PDFs found are their cards' own pages: with them the PDF of all cards
        # is put together (sheets.assembled_groups), not typeset whole again when one area
        # changed (3 s of the first save under `serve`, which marks a card '-dirty').
        for group, data in found.items():
            if data is not None:
                rendering.made.setdefault(tuple(c.id for c in groups[group]), data)
        asked = list(groups)
    made = rendering.pdfs([groups[g] for g in asked]) if missing else []
    for group, data in zip(asked, made, strict=True):
        if found[group] is None:
            cache.save_pdf(root, names[group], data)
            found[group] = data
    return {group: data for group, data in found.items() if data is not None}


# Each PDF's name in the cache, by its cards' data (`made_pdfs`).
PDF_NAMES = ByData()


def _name(rendering: Rendering, cards: list[Card]) -> str:
    return cache.key(rendering.document(cards))


def is_pdf(file: OutputFile) -> bool:
    """A PDF the copy left out: a card file with neither content nor source."""
    return file.content is None and file.source is None and file.path.endswith(".pdf")


def pdf_of(made: Parts, path: str) -> bytes | None:
    """A PDF's content, from the copy that makes the cards (waits for it; None: the copy
    made no PDF of that path, none of its cards printing)."""
    by_area: dict[str, bytes] = made.part(1)
    return next((data for area, data in by_area.items() if pdf_path(area) == path), None)


class Handover:
    """The cards' files, listed before the copy that makes them (`made`) has: their paths
    are known from the standards, their content waits for the copy's (its part 0, with
    the cards' problems), then PDFs (part 1). `pdfs` are the PDFs it may make (which it
    makes depends on the cards that fit); `page` is the picker, a page whose front matter
    is `front`; `paths` are the other files and the page, in the copy's order."""

    def __init__(self, made: Parts, pdfs: list[str], paths: list[str], page: str, front: str):
        self._made, self._pdfs, self._paths = made, pdfs, paths
        self._page, self._front = page, front
        self._files: dict[str, OutputFile] | None = None  # the copy's, once handed over

    def files(self) -> list[OutputFile]:
        listed = [OutputFile(path, later=partial(pdf_of, self._made, path)) for path in self._pdfs]
        for path in self._paths:
            if path == self._page:
                finish = partial(self.made, path)
                listed.append(OutputFile(path, self._front, headings=(), finish=finish))
            else:
                listed.append(OutputFile(path, later=partial(self._content, path)))
        return listed

    def made(self, path: str) -> OutputFile:
        """The file of `path` as the copy made it (waits for it)."""
        if self._files is None:
            files: list[OutputFile] = self._made.part(0)[1]
            by_path = {f.path: f for f in files}
            page = str(by_path[self._page].content) if self._page in by_path else ""
            if (
                [f.path for f in files if not is_pdf(f)] != self._paths
                or not {f.path for f in files if is_pdf(f)} <= set(self._pdfs)
                or not page.startswith(self._front)
            ):  # a mistake of this program's: what was listed is not what was made
                raise FeatureFailed("the quick cards' files are not those listed before")
            self._files = by_path
        return self._files[path]

    def _content(self, path: str) -> bytes:
        content = self.made(path).content
        return content.encode("utf-8") if isinstance(content, str) else content or b""


def pdf_names(areas: dict[str, str], standards: list[Standard]) -> list[str]:
    """The PDFs `pdf_groups` may make of these standards' cards, by name: those of the
    areas with cards, and that of all cards."""
    present = {s.area for s in standards}
    return [a for a in areas if a in present] + ["all"] if standards else []


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
