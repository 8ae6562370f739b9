"""Results of targets per period, and what they say: latest, met or missed, how long missed.

A period is a month (`2026-10`), a quarter (`2026-Q4`) or a year (`2026`). A result holds
the goal in force when it was recorded (`goal`, written by `handbook results import`), so
a chart can draw the target as it changed over time; without it today's goal applies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .. import targets

_PERIOD = re.compile(r"^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])))?$")
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
# The kind of result period each reporting period is charted in (results come monthly at
# the most often; a weekly target is charted by month).
CHART_KIND = {"quarterly": "quarter", "yearly": "year"}
SHOWN = 12


@dataclass(frozen=True, order=True)
class Period:
    year: int
    month: int  # the period's first month: 1 for a year, 1/4/7/10 for a quarter
    kind: str  # month, quarter or year

    @classmethod
    def parse(cls, text: str) -> Period | None:
        match = _PERIOD.match(text.strip())
        if not match:
            return None
        year, month, quarter = match.groups()
        if not 1900 <= int(year) <= 2999:
            return None
        if month:
            return cls(int(year), int(month), "month")
        if quarter:
            return cls(int(year), 3 * int(quarter) - 2, "quarter")
        return cls(int(year), 1, "year")

    def __str__(self) -> str:
        if self.kind == "month":
            return f"{self.year}-{self.month:02d}"
        if self.kind == "quarter":
            return f"{self.year}-Q{(self.month + 2) // 3}"
        return str(self.year)

    @property
    def label(self) -> str:
        """'Oct 2026', 'Q4 2026', '2026'."""
        if self.kind == "month":
            return f"{_MONTHS[self.month - 1]} {self.year}"
        if self.kind == "quarter":
            return f"Q{(self.month + 2) // 3} {self.year}"
        return str(self.year)

    @property
    def short(self) -> str:
        """The label on a chart's axis: 'Oct', 'Q4', '2026'."""
        return self.label.split(" ")[0] if self.kind != "year" else self.label


@dataclass(frozen=True, slots=True)
class Result:
    standard: str
    target: str
    period: Period
    value: float
    unit: str
    goal: tuple[float, ...] | None = None
    note: str = ""
    file: str = ""
    line: int = 0
    sample: bool = False


@dataclass(frozen=True, slots=True)
class Outcome:
    """One result held against its target. (Slots and no cache: a 1,000-standard handbook
    holds tens of thousands, and each dict would be one more object for every garbage
    collection of the build to walk.)"""

    result: Result
    met: bool | None
    goal: tuple[float, ...] | None

    @property
    def value_text(self) -> str:
        """'87%', '74 seconds'."""
        return targets.amount(self.result.value, self.result.unit)

    @property
    def verdict(self) -> str:
        return {True: "met", False: "missed", None: "no goal"}[self.met]

    @property
    def goal_text(self) -> str:
        if self.goal is None:
            return ""
        if len(self.goal) == 2:
            return f"{targets.number(self.goal[0])}–{targets.number(self.goal[1])}"
        return targets.number(self.goal[0])


@dataclass
class TargetResults:
    """A target's results of its chart kind of period, oldest first."""

    standard_id: str
    target: Any  # the model's Target
    outcomes: list[Outcome]

    @property
    def shown(self) -> list[Outcome]:
        """The periods a page shows, in its chart and its table: the last twelve."""
        return self.outcomes[-SHOWN:]

    @property
    def latest(self) -> Outcome | None:
        return self.outcomes[-1] if self.outcomes else None

    @property
    def missed_run(self) -> int:
        """How many periods in a row, up to the latest, the target was missed."""
        run = 0
        for outcome in reversed(self.outcomes):
            if outcome.met is not False:
                break
            run += 1
        return run

    @property
    def sample(self) -> bool:
        return any(o.result.sample for o in self.outcomes)


@dataclass
class Results:
    """Every valid result, by (standard id, target id)."""

    by_target: dict[tuple[str, str], list[Result]] = field(default_factory=dict)
    # What the results were read from (the files' text, the standards' ids): the same
    # digest, the same results. Work made of the results is kept by it (lint).
    digest: str = field(default="", compare=False)
    # Judged results by standard id: (the Standard judged, its results). Pages, Results,
    # Due for review and standards.json all ask for the same standard's.
    _judged: dict[str, tuple[Any, list[TargetResults]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def __bool__(self) -> bool:
        return bool(self.by_target)

    @property
    def sample(self) -> bool:
        return any(r.sample for rows in self.by_target.values() for r in rows)

    def of(self, standard: Any) -> list[TargetResults]:
        """Each of a standard's targets that has results, in the standard's order."""
        if not self.by_target:
            return []
        remembered = self._judged.get(standard.id)
        if remembered is not None and remembered[0] is standard:
            return remembered[1]
        found = []
        for target in standard.targets:
            rows = self.by_target.get((standard.id, target.id or ""))
            if rows:
                found.append(judge(standard.id, target, rows))
        self._judged[standard.id] = (standard, found)
        return found


def judge(standard_id: str, target: Any, rows: list[Result]) -> TargetResults:
    """The target's results of the period kind it is charted in, each met or missed."""
    wanted = CHART_KIND.get(target.period or "", "month")
    kinds = {r.period.kind for r in rows}
    if wanted not in kinds:
        wanted = max(kinds, key=lambda k: sum(r.period.kind == k for r in rows))
    data = target.data
    outcomes = []
    for row in sorted((r for r in rows if r.period.kind == wanted), key=lambda r: r.period):
        goal = row.goal or targets.current_goal(data)
        outcomes.append(Outcome(row, targets.met(data, row.value, goal), goal))
    return TargetResults(standard_id, target, outcomes)
