"""The data model: frozen dataclasses built from a validated standard file.

Field names match the YAML keys of the schema (schema/standard.schema.json), so the
model, the schema and the files read the same way. Nothing changes a model object once
it is loaded (its lists are tuples; `data`, the file as read, is not to be changed
either): the loader shares one Standard between every build and revision that reads
the same file, so code that needs another makes a new one (`dataclasses.replace`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from . import targets
from .schema import allowed
from .yamlsource import SourceMap

STATUSES = allowed("status")


@dataclass(frozen=True)
class Target:
    metric: str
    id: str | None = None
    kind: str | None = None
    comparison: str | None = None
    value: float | int | None = None
    share: float | int | None = None
    threshold: float | int | None = None
    min: float | int | None = None
    max: float | int | None = None
    unit: str | None = None
    channel: str | None = None
    measured_by: str | None = None
    checked_by: str | None = None
    period: str | None = None

    @property
    def data(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    @property
    def goal(self) -> str:
        """The target as staff read it, e.g. 'within 4 working hours', '80% within 2 minutes'."""
        return targets.goal_text(self.data)


@dataclass(frozen=True)
class Wording:
    say: str
    when: str | None = None
    dont_say: str | None = None
    why: str | None = None


@dataclass(frozen=True)
class Example:
    kind: str
    scenario: str
    response: str
    why: str


@dataclass(frozen=True)
class EscalationStep:
    who: str
    when: str
    within: str


@dataclass(frozen=True)
class Illustration:
    file: str
    alt: str
    caption: str | None = None


@dataclass(frozen=True)
class PilotGroup:
    teams: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Decision:
    outcome: str  # adopted, dropped or extended
    date: dt.date
    note: str | None = None


@dataclass(frozen=True)
class Pilot:
    """A trial of a standard (or of a revised version of one) with a small group."""

    group: PilotGroup
    start: dt.date
    end: dt.date
    feedback: str
    tests: tuple[str, ...] = ()
    revises: str | None = None
    decision: Decision | None = None

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Pilot:
        decision = data.get("decision")
        return cls(
            group=PilotGroup(**{k: tuple(v) for k, v in data["group"].items()}),
            start=dt.date.fromisoformat(data["start"]),
            end=dt.date.fromisoformat(data["end"]),
            feedback=data["feedback"],
            tests=tuple(data.get("tests") or ()),
            revises=data.get("revises"),
            decision=None
            if decision is None
            else Decision(
                decision["outcome"], dt.date.fromisoformat(decision["date"]), decision.get("note")
            ),
        )


@dataclass(frozen=True)
class Upcoming:
    """A change announced before it takes effect."""

    start: dt.date
    change: str
    was: str | None = None

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Upcoming:
        return cls(dt.date.fromisoformat(data["from"]), data["change"], data.get("was"))


@dataclass(frozen=True)
class Standard:
    """One customer-service standard, as read from its YAML file."""

    id: str
    title: str
    summary: str
    area: str
    situation: str
    status: str
    owner: str
    effective: dt.date
    review_by: dt.date
    rules: tuple[str, ...]
    last_reviewed: dt.date | None = None
    aliases: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    stage: str | None = None
    tags: tuple[str, ...] = ()
    targets: tuple[Target, ...] = ()
    steps: tuple[str, ...] = ()
    wordings: tuple[Wording, ...] = ()
    examples: tuple[Example, ...] = ()
    escalation: tuple[EscalationStep, ...] = ()
    illustrations: tuple[Illustration, ...] = ()
    related: tuple[str, ...] = ()
    goals: tuple[str, ...] = ()
    pilot: Pilot | None = None
    upcoming: tuple[Upcoming, ...] = ()
    sources: tuple[str, ...] = ()
    card: dict[str, Any] = field(default_factory=dict)
    lint: dict[str, Any] = field(default_factory=dict)
    # Where it came from: the file's path relative to the handbook root, its raw data
    # (as in the file, dates as ISO strings) and the source map for locating problems.
    path: str = ""
    data: dict[str, Any] = field(default_factory=dict, repr=False)
    source: SourceMap | None = field(default=None, repr=False, compare=False)
    # A digest of the file's path and text (empty when not read from a file): what work
    # derived from this standard alone is kept under (buildstate.py).
    digest: str = field(default="", repr=False, compare=False)
    # The id git gives the file's content (empty when not read from a file): the
    # changelog finds the history's copies of the file here, already parsed.
    blob: str = field(default="", repr=False, compare=False)

    @property
    def slug(self) -> str:
        return self.id.lower()

    @property
    def pilot_of(self) -> str | None:
        """The id of the active standard this one is a pilot version of, while on pilot."""
        if self.status == "pilot" and self.pilot is not None:
            return self.pilot.revises
        return None

    @property
    def published(self) -> bool:
        return self.status != "draft"


_LISTS_OF_RECORDS = {
    "targets": Target,
    "wordings": Wording,
    "examples": Example,
    "escalation": EscalationStep,
    "illustrations": Illustration,
}
_DATES = ("effective", "review_by", "last_reviewed")


def blob_id(content: bytes) -> str:
    """The id git gives a file's content."""
    return hashlib.sha1(b"blob %d\x00" % len(content) + content).hexdigest()


def content_digest(path: str, text: str) -> str:
    """A standard file's digest: the same path and text, the same standard."""
    return hashlib.sha256(f"{path}\0{text}".encode()).hexdigest()[:32]


def standard_from_data(
    data: dict[str, Any], path: str, source: SourceMap | None, digest: str = "", blob: str = ""
) -> Standard:
    """Build a Standard from data that already passed schema validation."""
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key in _LISTS_OF_RECORDS:
            value = tuple(_LISTS_OF_RECORDS[key](**item) for item in value)
        elif key in _DATES:
            value = dt.date.fromisoformat(value)
        elif key == "pilot":
            value = Pilot.from_data(value)
        elif key == "upcoming":
            value = tuple(Upcoming.from_data(item) for item in value)
        elif isinstance(value, list):
            value = tuple(value)
        values[key] = value
    return Standard(**values, path=path, data=data, source=source, digest=digest, blob=blob)
