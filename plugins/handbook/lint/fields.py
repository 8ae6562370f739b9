"""The text fields of a standard that the linter reads, with their paths and kinds.

A field's kind says how it is read: `rule` and `step` are instructions, `say` is spoken
aloud, `prose` is explanation, `label` is a short name or trigger phrase, `dont_say` and
`poor` (a poor example's response) quote what NOT to do, so wording rules skip them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from ..model import Standard
from ..yamlsource import Path

# A field path as an ignore comment names it: None where any index matches.
Pattern = tuple[str | int | None, ...]

# Kinds that quote wording to avoid: rules about wording must not flag them.
QUOTED_KINDS = frozenset({"dont_say", "poor"})

_RECORD_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "targets": (("metric", "label"), ("measured_by", "label")),
    "wordings": (("when", "label"), ("say", "say"), ("dont_say", "dont_say"), ("why", "prose")),
    "escalation": (("who", "label"), ("when", "label")),
    "illustrations": (("alt", "prose"), ("caption", "label")),
}


class TextField(NamedTuple):
    """One text of a standard: where it is, what it says, how it is read (a tuple: there
    are tens of thousands in a big handbook, and tuples are the cheapest to make)."""

    path: Path
    text: str
    kind: str


def text_fields(standard: Standard) -> Iterator[TextField]:
    """Every text field of the standard, in file order."""
    data = standard.data
    for key, kind in (("title", "label"), ("summary", "prose"), ("situation", "prose")):
        if isinstance(data.get(key), str):
            yield TextField((key,), data[key], kind)
    for key, kind in (("rules", "rule"), ("steps", "step")):
        for index, text in enumerate(data.get(key) or []):
            yield TextField((key, index), text, kind)
    for key, fields in _RECORD_FIELDS.items():
        for index, record in enumerate(data.get(key) or []):
            for name, kind in fields:
                if isinstance(record.get(name), str):
                    yield TextField((key, index, name), record[name], kind)
    for index, example in enumerate(data.get("examples") or []):
        response_kind = "poor" if example.get("kind") == "poor" else "prose"
        for name, kind in (("scenario", "prose"), ("response", response_kind), ("why", "prose")):
            yield TextField(("examples", index, name), example[name], kind)


def field_name(path: Path) -> str:
    """A path as editors write it: ('wordings', 0, 'say') -> 'wordings[1].say' (1-based)."""
    text = str(path[0]) if path else ""
    for part in path[1:]:
        text += f"[{part + 1}]" if isinstance(part, int) else f".{part}"
    return text


_FIELD_PART = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


def parse_field(name: str) -> Pattern | None:
    """The path of a field name written as 'rules', 'rules[2]' or 'wordings[1].say'.

    An index may be left out ('wordings.say' covers the 'say' of every wording); it is
    None in the result. Returns None when the name is not written that way.
    """
    path: list[str | int | None] = []
    for part in name.strip().split("."):
        match = _FIELD_PART.fullmatch(part)
        if match is None:
            return None
        key, index = match.groups()
        if path and isinstance(path[-1], str):
            path.append(None)  # 'wordings.say': any wording
        path.append(key)
        if index is not None:
            if int(index) < 1:
                return None
            path.append(int(index) - 1)
    return tuple(path)


def covers(pattern: Pattern, path: Path) -> bool:
    """Whether the field `pattern` (from parse_field) is `path` or contains it."""
    if len(pattern) > len(path):
        return False
    return all(want is None or want == got for want, got in zip(pattern, path, strict=False))
