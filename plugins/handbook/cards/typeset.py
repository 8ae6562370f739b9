"""Cards typeset by Typst (its PyPI package ships the compiler): the fit check and the PDFs.

One compile lays out every card of a run, each on pages of its own, and says where each
card starts and ends; the PDFs are compiled from the same template, so a card the check
passes is a card that prints on one page. Typst lays out a card in about a millisecond
(WeasyPrint took a hundred).

The cards' text reaches Typst only as JSON strings (`sys.inputs`), which the template
shows as text: no standard's text is ever read as Typst markup or code.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from html.parser import HTMLParser
from importlib import metadata, resources
from pathlib import Path
from typing import Any, NamedTuple

from ..markup import inline
from ..render import labels
from ..render.environment import environment
from . import compile
from .icons import channel_svg, mark_svg
from .model import Card
from .render import MARGIN_MM, foot_mm, qr_svg
from .sizes import Size

# Where the card fonts are looked for: the package's own folder first, then the folders
# of the Debian packages `.ci/install-system-deps` installs (fonts-liberation,
# fonts-noto-core, fonts-noto-color-emoji, fonts-dejavu-core). Only these are used, never other system fonts.
FONT_DIRS = (
    Path(__file__).parent / "fonts",
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/truetype/noto"),
    Path("/usr/share/fonts/truetype/dejavu"),
)
# Each character is printed in the first of these fonts that has it.
FONTS = (
    "Liberation Sans",
    "Noto Sans",
    "Noto Sans Thai",
    "Noto Sans Devanagari",
    "Noto Sans Tamil",
    "Noto Sans Symbols",
    "Noto Sans Symbols 2",
    "Noto Color Emoji",
    "DejaVu Sans",  # many more symbols (ticks, arrows, boxes)
)
MONO = "DejaVu Sans Mono"  # shipped inside Typst
# What a card prints in its footer, in the page's bottom margin: it takes no room from
# the content, so whether a card fits does not depend on it.
FOOTER = ("revision", "review_by", "qr")
TITLE_PT = {"a7": 11}


class Span(NamedTuple):
    """Where a card is in a laid-out document: its first page, last page, and how far
    down its last page its content ends (points from the top of the page)."""

    first: int
    last: int
    end_pt: float


def template_path() -> Path:
    return Path(str(resources.files("handbook").joinpath("cards", "templates", "cards.typ")))


def font_dirs() -> list[Path]:
    return [d for d in FONT_DIRS if d.is_dir()]


def fonts() -> Any:
    """The fonts Typst finds in `font_dirs` and its own (typst.Fonts), found once."""
    return compile.fonts(tuple(str(d) for d in font_dirs()))


@cache
def signature() -> str:
    """What every layout depends on besides its input: template, Typst, the card fonts
    (by name and size), pypdf (which imposes four-up sheets) and pikepdf (which puts the
    PDF of all cards together from the areas' pages). Nothing of the machine or
    the folder, so caches made from it can be shared between CI runs."""
    used = sorted(
        f"{f.family}/{f.weight}/{f.style}/{Path(f.path).name if f.path else '-'}/"
        f"{Path(f.path).stat().st_size if f.path else 0}"
        for f in fonts().fonts()
        if f.family in (*FONTS, MONO)
    )
    versions = [metadata.version(name) for name in ("typst", "pypdf", "pikepdf")]
    return "\n".join([template_path().read_text("utf-8"), *versions, *used])


def card_data(card: Card, size: Size, area_title: str) -> dict[str, Any]:
    """What the template prints of a card: strings, and inline Markdown as runs of text."""
    s = card.standard
    longdate = environment().filters["longdate"]
    return {
        "id": card.id,
        "area": area_title,
        "status": labels.STATUS.get(s.status, s.status) if s.status != "active" else None,
        "channels": [[channel_svg(c, "#fff"), labels.CHANNELS.get(c, c)] for c in s.channels],
        "title": s.title,
        "situation": runs(s.situation),
        "steps_heading": card.steps_heading,
        "steps": [runs(step) for step in card.steps],
        "wordings": [
            {
                "when": runs(w.when) if w.when else None,
                "say": runs(w.say),
                "dont": runs(w.dont_say) if w.dont_say else None,
            }
            for w in card.wordings
        ],
        "targets": [{"goal": t.goal or None, "metric": runs(t.metric)} for t in card.targets],
        "escalation": [
            {
                "who": runs(e.who),
                "within": "at once" if e.within == "immediately" else f"within {e.within}",
                "when": runs(e.when),
            }
            for e in card.escalation
        ],
        "note": runs(card.note) if card.note else None,
        "shortened": _shortened(card.shortened),
        "revision": card.revision,
        "review_by": longdate(s.review_by),
        "qr": str(qr_svg(card.url)) if card.url else None,
    }


def _shortened(parts: list[str]) -> str | None:
    if not parts:
        return None
    listed = ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]
    return f"Shortened card. The full standard has {listed}."


def document(
    cards: Sequence[dict[str, Any]], size: Size, footer: bool = True, ends: bool | None = None
) -> str:
    """The JSON the template reads: the page's measures (mm, the title in pt), the fonts
    and the cards; without `footer`, the cards' footers are left out (and their data
    need not hold FOOTER). With `ends` (by default: without footers), each card marks
    where it ends, for the fit check. A document only to print has no marks: they print
    nothing, and finding where they are takes Typst a second pass over the layout."""
    return json.dumps(
        {
            "size": {
                "width": size.width_mm,
                "height": size.height_mm,
                "margin": MARGIN_MM,
                "foot": foot_mm(size),
                "title": TITLE_PT.get(size.layout or size.name, 13),
            },
            "fonts": list(FONTS),
            "mono": MONO,
            "marks": {"say": mark_svg("say"), "dont": mark_svg("dont")},
            "footer": footer,
            "ends": not footer if ends is None else ends,
            "cards": list(cards),
        },
        ensure_ascii=False,
    )


def lay_out(jobs: compile.Jobs, cards: int) -> dict[str, Span]:
    """Lay out the documents `jobs` hands out, of `cards` cards in all (fit checks:
    `query` of a document with marks and no footers, `check` of one to print): where
    each card starts and ends, by id."""
    found = compile.run_jobs(template_path(), font_dirs(), jobs, cards)
    spans = {}
    for result in found:
        ends = result[0] if isinstance(result, tuple) else result
        first = 0
        for end in ends:  # each card starts on a new page, after the card before it
            spans[end["id"]] = Span(first, end["page"] - 1, end["y"])
            first = end["page"]
    return spans


def pdfs(texts: list[str], cards: int) -> list[bytes]:
    """The PDFs of documents made by `document`, with `cards` cards in all."""
    return compile.run_all("pdf", template_path(), font_dirs(), texts, cards)


class _Runs(HTMLParser):
    """Inline HTML of the Markdown filter (em, strong, code, a, br) as runs of text."""

    FLAGS = {"strong": "b", "em": "i", "code": "c"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.runs: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag == "br":
            self.runs.append(["\n", ""])
        elif tag in self.FLAGS:
            self.open.append(self.FLAGS[tag])

    def handle_endtag(self, tag: str) -> None:
        if tag in self.FLAGS and self.FLAGS[tag] in self.open:
            self.open.remove(self.FLAGS[tag])

    def handle_data(self, data: str) -> None:
        if data:
            self.runs.append([data, "".join(sorted(set(self.open)))])


def runs(text: str) -> list[list[str]]:
    """A text field's inline Markdown as [text, flags] runs (b strong, i emphasis, c code)."""
    parser = _Runs()
    parser.feed(inline(text))
    parser.close()
    return parser.runs
