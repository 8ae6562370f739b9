"""The `card:` section an editor would write for a card too long to print.

A real handbook builds with `--strict`, where a card that does not fit its page is an
error: its editors shorten such a card with a `card:` section (fewer steps, wordings or
targets). `handbook synth` does the same for the standards it makes, so a synthetic
handbook prints its cards as a real one does, and the cards benchmark for copies of the
sample's standards at other sizes. Each card is shortened only as much as it must be:
the sections are tried from the standard's own, step by step shorter, all cards still
too long laid out together at each step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..handbook import Handbook
from ..model import Standard
from .model import make_cards
from .pdf import render
from .sizes import Size


def shortenings(standard: Standard) -> list[dict[str, Any]]:
    """`card:` sections from the standard's own to a short card: fewer steps (down to
    3), fewer wordings (down to 1), then one target and no escalation chain."""
    found: list[dict[str, Any]] = [dict(standard.card)]
    for steps in (len(standard.steps), 5, 4, 3):
        for wordings in (len(standard.wordings), 2, 1):
            card: dict[str, Any] = {}
            if 0 < steps < len(standard.steps):
                card["steps"] = list(range(1, steps + 1))
            if 0 < wordings < len(standard.wordings):
                card["wordings"] = list(range(1, wordings + 1))
            if card and card not in found:
                found.append(card)
    last = found[-1]
    if standard.targets:
        found.append(last := {**last, "targets": [1]})
    if standard.escalation:
        found.append({**last, "escalation": False})
    return found


def fitted_sections(
    handbook: Handbook, standards: Sequence[Standard], size: Size
) -> dict[str, dict[str, Any]]:
    """By id, the `card:` section of each standard whose card does not fit as it is: the
    first of its `shortenings` that fits (the shortest, if none does)."""
    tried = {s.id: shortenings(s) for s in standards}
    chosen: dict[str, dict[str, Any]] = {}
    pending = list(standards)
    step = 0
    while pending:
        candidates = [
            replace(s, card=tried[s.id][min(step, len(tried[s.id]) - 1)]) for s in pending
        ]
        rendering = render(make_cards(handbook, candidates), size, handbook.settings.areas)
        still = []
        for standard in candidates:
            if rendering.measure(standard.id).fits or step >= len(tried[standard.id]) - 1:
                if step:
                    chosen[standard.id] = standard.card
            else:
                still.append(standard)
        pending, step = still, step + 1
    return chosen
