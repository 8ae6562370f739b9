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
import threading
from collections.abc import Sequence
from functools import cache
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..markup import inline
from ..render import labels
from ..render.environment import environment
from .icons import channel_svg, mark_svg
from .model import Card
from .render import MARGIN_MM, foot_mm, qr_svg
from .sizes import Size

if TYPE_CHECKING:
    import typst

# Where the card fonts are looked for: the package's own folder first, then the folders
# of the Debian packages `.ci/install-system-deps` installs (fonts-liberation,
# fonts-noto-core, fonts-noto-color-emoji). Only these are used, never other system fonts.
FONT_DIRS = (
    Path(__file__).parent / "fonts",
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/truetype/noto"),
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


_lock = threading.Lock()


@cache
def _compiler() -> typst.Compiler:
    """One compiler per process: Typst remembers layouts between compiles, so a rebuild
    under `serve` lays out again only the cards an edit changed."""
    import typst

    return typst.Compiler(template_path(), font_paths=list(font_dirs()), ignore_system_fonts=True)


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


def document(cards: Sequence[dict[str, Any]], size: Size) -> str:
    """The JSON the template reads: the page's measures (mm, the title in pt), the fonts
    and the cards."""
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
            "cards": list(cards),
        },
        ensure_ascii=False,
    )


def lay_out(text: str) -> tuple[dict[str, Span], int]:
    """Lay the cards out: each card's span, by id, and the number of pages."""
    with _lock:
        compiler = _compiler()
        compiler.compile(format="pdf", sys_inputs={"cards": text})
        starts = json.loads(compiler.query("<card-start>", field="value"))
        ends = json.loads(compiler.query("<card-end>", field="value"))
    last = {e["id"]: (e["page"], e["y"]) for e in ends}
    spans = {s["id"]: Span(s["page"] - 1, last[s["id"]][0] - 1, last[s["id"]][1]) for s in starts}
    total = max((s.last for s in spans.values()), default=-1) + 1
    return spans, total


def pdf(text: str) -> bytes:
    """The PDF of a document made by `document`."""
    with _lock:
        data = _compiler().compile(format="pdf", sys_inputs={"cards": text})
    assert isinstance(data, bytes)  # one file: a PDF, not a page per image
    return data


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
