"""What goes on a quick card: taken from the standard, or chosen by its `card:` section.

Without a `card:` section a card carries every step, wording, target and escalation
step, so nothing is left out. A `card:` section may pick parts by number or replace
them with shorter texts; the card then says how much more the full standard has, and
a number that points at nothing is a problem the editor sees.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from ..buildstate import BuildState, cold
from ..handbook import Handbook
from ..model import EscalationStep, Standard, Target
from ..problems import Problem
from ..render.escape import safe_url
from ..render.urls import Urls, standard_path


@dataclass(frozen=True)
class CardWording:
    say: str
    when: str | None = None
    dont_say: str | None = None


@dataclass
class Card:
    standard: Standard
    steps: list[str]
    # "Steps", or "Rules" for a standard that has no steps (its rules are what to do).
    steps_heading: str
    wordings: list[CardWording]
    targets: list[Target]
    escalation: list[EscalationStep]
    note: str | None
    # What the full standard has beyond the card, e.g. ["5 steps", "3 wordings"]; empty
    # when the card carries everything.
    shortened: list[str]
    revision: str
    url: str | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.standard.id

    @property
    def slug(self) -> str:
        return self.standard.slug


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class _Picker:
    """Resolves the numbers in a `card:` list against the standard, reporting bad ones."""

    def __init__(self, standard: Standard):
        self.standard = standard
        self.problems: list[Problem] = []

    def pick(self, key: str, chosen: Sequence[Any], available: Sequence[Any]) -> list[Any]:
        picked = []
        for index, item in enumerate(chosen):
            if isinstance(item, float):
                # JSON Schema counts 1.0 as a whole number; a list index does not.
                self._report(key, index, item, len(available))
            elif not isinstance(item, int):
                picked.append(item)
            elif 1 <= item <= len(available):
                picked.append(available[item - 1])
            else:
                self._report(key, index, item, len(available))
        return picked

    def _report(self, key: str, index: int, number: float, count: int) -> None:
        line, column = 1, 1
        if self.standard.source is not None:
            span = self.standard.source.span(("card", key, index))
            line, column = span.line, span.column
        has = f"has {_plural(count, key.rstrip('s'))}" if count else f"has no '{key}'"
        message = (
            f"card.{key} names {key.rstrip('s')} {number}, but the standard {has}: "
            f"use a number from 1 to {count} or write the text itself"
        )
        if isinstance(number, float):
            message = (
                f"card.{key} names {key.rstrip('s')} {number}, which is not a whole number: "
                f"write it without a decimal point (the standard {has})"
            )
        self.problems.append(Problem(self.standard.path, line, column, "card-reference", message))


def card_problems(standard: Standard) -> list[Problem]:
    """Numbers in the standard's `card:` section that point at nothing.

    The loader reports them, so `handbook check`, `lint`, `cards` and the build agree
    that such a standard is not valid, whatever its status.
    """
    return make_card(standard, "").problems if standard.card else []


def make_card(standard: Standard, revision: str, url: str | None = None) -> Card:
    """The card of one standard; bad numbers in its `card:` section land in `problems`."""
    choice = standard.card or {}
    picker = _Picker(standard)
    base_steps = standard.steps or standard.rules
    steps = (
        picker.pick("steps", choice["steps"], standard.steps)
        if "steps" in choice
        else list(base_steps)
    )
    wordings = [
        CardWording(w.say, w.when, w.dont_say) if not isinstance(w, dict) else CardWording(**w)
        for w in (
            picker.pick("wordings", choice["wordings"], standard.wordings)
            if "wordings" in choice
            else standard.wordings
        )
    ]
    targets = (
        picker.pick("targets", choice["targets"], standard.targets)
        if "targets" in choice
        else list(standard.targets)
    )
    escalation = list(standard.escalation) if choice.get("escalation", True) else []
    return Card(
        standard=standard,
        steps=steps,
        steps_heading="Steps" if standard.steps or "steps" in choice else "Rules",
        wordings=wordings,
        targets=targets,
        escalation=escalation,
        note=choice.get("note"),
        shortened=_shortened(standard, choice),
        revision=revision,
        url=url,
        problems=picker.problems,
    )


def _shortened(standard: Standard, choice: dict[str, Any]) -> list[str]:
    """What the full standard has, when the `card:` section left some of it out or reworded it."""
    full: dict[str, tuple[Sequence[object], str]] = {
        "steps": (standard.steps, "step"),
        "wordings": (standard.wordings, "wording"),
        "targets": (standard.targets, "target"),
    }
    changed = any(
        key in choice
        and [i for i in choice[key] if isinstance(i, int)] != list(range(1, len(items) + 1))
        for key, (items, _) in full.items()
    )
    dropped_escalation = standard.escalation and choice.get("escalation", True) is False
    if not (changed or dropped_escalation):
        return []
    parts = [_plural(len(items), word) for items, word in full.values() if items]
    if standard.escalation:
        parts.append("an escalation chain")
    return parts


def carded(handbook: Handbook) -> list[Standard]:
    """The standards that get a card: published ones, except retired ones (staff must
    not follow those, so no card of them should be on a desk) and pilot versions of a
    current standard (the card on everyone's desk stays the current one's)."""
    return [s for s in handbook.published() if s.status != "retired" and not s.pilot_of]


def select(
    standards: Iterable[Standard],
    ids: Sequence[str] = (),
    area: str | None = None,
    channel: str | None = None,
    tag: str | None = None,
) -> list[Standard]:
    """The standards that match every filter given (ids are matched without case)."""
    wanted = {i.upper() for i in ids}
    return [
        s
        for s in standards
        if (not wanted or s.id in wanted)
        and (area is None or s.area == area)
        and (channel is None or channel in s.channels)
        and (tag is None or tag in s.tags)
    ]


def make_cards(
    handbook: Handbook,
    standards: Iterable[Standard],
    urls: Urls | None = None,
    state: BuildState | None = None,
) -> list[Card]:
    """Cards for the standards, each with its revision and, when the site's public
    address is known (site_url), links to their pages; each kept in `state` by its
    standard's file, revision and link, all a card is made of."""
    site_url = handbook.settings.published_at
    urls, state = urls or Urls(), state or cold()
    cards = []
    for standard in standards:
        url = None
        if site_url:
            url = safe_url(site_url.rstrip("/") + "/" + urls.url(standard_path(standard)))
        revision = handbook.revision_of(standard)
        key = (standard.digest, revision, url) if standard.digest else None
        make = partial(make_card, standard, revision, url)
        cards.append(state.kept("card", key, make, of=standard.digest))
    return cards
