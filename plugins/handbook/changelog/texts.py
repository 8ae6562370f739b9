"""Comparing texts of any age: normal forms, typo fixes, and pairing items of two lists.

Values come from files of any age, so every helper accepts data of any shape.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from difflib import SequenceMatcher
from typing import Any

# Words whose change flips a rule's meaning however small the edit.
_MEANINGFUL = {
    "not", "no", "never", "always", "only", "must", "may", "should", "can", "cannot",
    "before", "after", "more", "less", "most", "least", "all", "any", "each", "every",
}  # fmt: skip


def text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def quote(value: Any) -> str:
    return f"“{text(value)}”"


def words(value: str) -> list[str]:
    return re.findall(r"[\w']+", value.lower())


def normal(value: Any) -> str:
    return " ".join(words(text(value)))


def is_minor_edit(old: Any, new: Any) -> bool:
    """True for typo fixes, case, punctuation and spacing: the meaning cannot have moved."""
    a, b = text(old), text(new)
    if re.findall(r"\d+", a) != re.findall(r"\d+", b):
        return False
    wa, wb = words(a), words(b)
    if wa == wb:
        return True
    changed = 0
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag != "replace" or i2 - i1 != j2 - j1:
            return False
        for x, y in zip(wa[i1:i2], wb[j1:j2], strict=True):
            if {x, y} & _MEANINGFUL or "n't" in x + y:
                return False
            if SequenceMatcher(None, x, y).ratio() < 0.75:
                return False
            changed += 1
    return changed <= 2


def similar(a: Any, b: Any) -> float:
    return SequenceMatcher(None, normal(a), normal(b), autojunk=False).ratio()


def align(
    old: list[Any], new: list[Any], key: Callable[[Any], str]
) -> list[tuple[int | None, int | None]]:
    """Pairs (old index, new index) of the same item across two lists; None where missing.

    Equal keys pair first, in order; leftovers pair with the most similar item in their
    stretch, so an edited rule reads as "changed", not "removed" and "added".
    """
    a, b = [key(x) for x in old], [key(x) for x in new]
    pairs: list[tuple[int | None, int | None]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            pairs.extend(zip(range(i1, i2), range(j1, j2), strict=True))
            continue
        if i2 - i1 == j2 - j1:
            # As many items went as came: read them as edits, in order.
            pairs.extend(zip(range(i1, i2), range(j1, j2), strict=True))
            continue
        free = list(range(j1, j2))
        for i in range(i1, i2):
            best = max(free, key=lambda j: similar(a[i], b[j]), default=None)
            if best is not None and similar(a[i], b[best]) >= 0.5:
                free.remove(best)
                pairs.append((i, best))
            else:
                pairs.append((i, None))
        pairs.extend((None, j) for j in free)
    return pairs


def moved(
    old: list[Any], new: list[Any], pairs: list[tuple[int | None, int | None]]
) -> set[tuple[int, int]]:
    """Removed and added items that are the same text: a move, not a change."""
    gone = {normal(old[i]): i for i, j in pairs if j is None and i is not None}
    moves = set()
    for i, j in pairs:
        if i is None and j is not None and normal(new[j]) in gone:
            moves.add((gone.pop(normal(new[j])), j))
    return moves


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def as_record(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {"value": value}


def long_date(value: Any) -> str:
    try:
        day = dt.date.fromisoformat(text(value))
    except ValueError:
        return text(value) or "no date"
    return f"{day.day} {day:%B %Y}"
