"""A standard's scorecard: one criterion per rule, step, wording (say, don't say) and target.

Each criterion has an id that stays the same from build to build and from revision to
revision while its text does: a QA tool that stored marks against `PHONE-001/rule-3f2a9c`
finds the same criterion next month even if a rule was added above it. A target's
criterion is named by the target's own id. When a text changes, its criterion is new.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from .. import markup

KINDS = {
    "rule": "Rule",
    "step": "Step",
    "say": "Says",
    "avoid": "Avoids",
    "target": "Target",
}
# The scorecard's sections, in order: a title and the kinds of criteria it holds.
GROUPS = (
    ("Rules", ("rule",)),
    ("Steps", ("step",)),
    ("What to say and what to avoid", ("say", "avoid")),
    ("Targets", ("target",)),
)


@dataclass(frozen=True)
class Criterion:
    id: str  # e.g. PHONE-001/rule-3f2a9c
    kind: str  # rule, step, say, avoid, target
    number: int  # its place among the standard's rules, steps, wordings or targets
    text: str  # inline Markdown, as in the standard
    when: str = ""  # for a wording: the moment it is for

    @property
    def label(self) -> str:
        return f"{KINDS[self.kind]} {self.number}"

    @property
    def plain(self) -> str:
        return markup.plain(self.text)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "label": self.label,
            "text": self.plain,
            "when": markup.plain(self.when) if self.when else "",
        }


@dataclass(frozen=True)
class Scorecard:
    standard: Any  # the model's Standard
    criteria: list[Criterion]
    revision: str

    @property
    def groups(self) -> list[tuple[str, list[Criterion]]]:
        """Each section with criteria: its title and its criteria, in order (sorted here:
        Jinja's selectattr took a third of the time of writing the scorecards)."""
        found = [(title, [c for c in self.criteria if c.kind in kinds]) for title, kinds in GROUPS]
        return [(title, rows) for title, rows in found if rows]

    def as_dict(self) -> dict[str, Any]:
        s = self.standard
        return {
            "standard": s.id,
            "title": s.title,
            "area": s.area,
            "owner": s.owner,
            "revision": self.revision,
            "criteria": [c.as_dict() for c in self.criteria],
        }


def _key(text: str) -> str:
    """The same id for the same words, whatever their case, spacing or punctuation."""
    words = " ".join(re.findall(r"\w+", markup.plain(text).lower()))
    return hashlib.sha1(words.encode("utf-8")).hexdigest()[:6]


def scorecard(standard: Any, revision: str) -> Scorecard:
    criteria: list[Criterion] = []
    used: set[str] = set()

    def add(kind: str, number: int, text: str, key: str, when: str = "") -> None:
        ident = f"{standard.id}/{kind}-{key}"
        if ident in used:  # the same words twice in one standard: tell them apart by place
            ident = f"{ident}-{number}"
        used.add(ident)
        criteria.append(Criterion(ident, kind, number, text, when))

    for number, rule in enumerate(standard.rules, 1):
        add("rule", number, rule, _key(rule))
    for number, step in enumerate(standard.steps, 1):
        add("step", number, step, _key(step))
    for number, wording in enumerate(standard.wordings, 1):
        add("say", number, wording.say, _key(wording.say), wording.when or "")
        if wording.dont_say:
            add("avoid", number, wording.dont_say, _key(wording.dont_say), wording.when or "")
    for number, target in enumerate(standard.targets, 1):
        text = f"{target.metric}: {target.goal}" if target.goal else target.metric
        add("target", number, text, target.id or _key(target.metric))
    return Scorecard(standard, criteria, revision)
