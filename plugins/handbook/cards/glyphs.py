"""Characters the card fonts cannot print, found before they become empty boxes on paper.

A card is printed only in the card fonts (typeset.FONTS: Latin, Greek and Cyrillic, Thai,
Devanagari, Tamil, symbols and emoji). A character none of them has is a `card-glyph`
problem at the field that holds it, and the card is not printed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import cache
from typing import Any

from ..problems import Problem
from . import typeset
from .model import Card

RULE = "card-glyph"
# Fields of a standard that reach its card.
CARD_FIELDS = ("title", "situation", "steps", "rules", "wordings", "targets", "escalation", "card")


@cache
def _faces() -> list[tuple[str, str, int]]:
    """The card fonts' faces Typst finds in typeset.FONT_DIRS: family, file, index."""
    wanted = set(typeset.FONTS)
    found = typeset.fonts().fonts()
    return [(f.family, f.path, f.index) for f in found if f.family in wanted and f.path]


def _characters(faces: list[tuple[str, str, int]]) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    found: set[int] = set()
    for _, path, index in faces:
        with TTFont(path, fontNumber=index, lazy=True) as font:
            found.update(font.getBestCmap() or {})
    return frozenset(found)


@cache
def covered() -> frozenset[int]:
    """Every character some card font has."""
    return _characters(_faces())


@cache
def _first() -> frozenset[int]:
    """The characters of one face of the first card font: part of `covered`, read in a
    hundredth of its time, and all most texts need (reading every face's table took
    0.15 s a build)."""
    return _characters([face for face in _faces() if face[0] == typeset.FONTS[0]][:1])


def _ignorable(char: str) -> bool:
    """Spaces, joiners and variation selectors: they shape other glyphs, none of their own."""
    return unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp") or (
        0xFE00 <= ord(char) <= 0xFE0F or 0xE0100 <= ord(char) <= 0xE01EF
    )


def missing(text: str) -> list[str]:
    """The characters of a text that no card font has, each once, in order."""
    first = _first()
    # Each distinct character looked at once; in text order only when one is missing.
    absent = {c for c in set(text) if ord(c) not in first and not _ignorable(c)}
    if absent:
        have = covered()
        absent = {c for c in absent if ord(c) not in have}
    if not absent:
        return []
    return list(dict.fromkeys(c for c in text if c in absent))


def _strings(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def _describe(chars: list[str]) -> str:
    named = [f"'{c}' (U+{ord(c):04X} {unicodedata.name(c, 'unnamed')})" for c in chars[:5]]
    more = f" and {len(chars) - 5} more" if len(chars) > 5 else ""
    return ", ".join(named) + more


def glyph_problems(card: Card, printed: str, severity: str = "error") -> list[Problem]:
    """A problem for each field of the card's standard whose text on the card has
    characters the card fonts lack. `printed` is all the text the card prints."""
    absent = set(missing(printed))
    if not absent:
        return []
    standard = card.standard
    problems = []
    for key in CARD_FIELDS:
        for path, text in _strings(standard.data.get(key), (key,)):
            chars = [c for c in missing(text) if c in absent]
            if not chars:
                continue
            line, column = 1, 1
            if standard.source is not None:
                span = standard.source.span(path)
                line, column = span.line, span.column
            problems.append(
                Problem(
                    standard.path,
                    line,
                    column,
                    RULE,
                    f"the quick card of {standard.id} cannot print {_describe(chars)}: "
                    "no card font has them, so the card is not printed",
                    severity,
                    "write it with other characters, or install the card fonts "
                    "(.ci/install-system-deps)",
                )
            )
    if not problems:  # a character from elsewhere (e.g. the area's title in mkdocs.yml)
        problems.append(
            Problem(
                standard.path,
                1,
                1,
                RULE,
                f"the quick card of {standard.id} cannot print {_describe(sorted(absent))}: "
                "no card font has them, so the card is not printed",
                severity,
            )
        )
    return problems


def printed_text(data: Any) -> str:
    """All the text in a card's data for the template (SVG markup left out)."""
    parts: list[str] = []

    def add(value: Any) -> None:
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                add(item)
        elif isinstance(value, list):
            for item in value:
                add(item)

    for key, value in data.items():
        if key == "channels":  # [icon SVG, label] each
            parts += [label for _, label in value]
        elif key != "qr":
            add(value)
    return "\n".join(parts)
