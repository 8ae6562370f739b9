"""What a target's goal means: its words for staff, the unit of its results, met or missed.

Targets come in forms (`kind` in the schema): a service level (a share of contacts within
a threshold), an average, a maximum, a count, a range, or, without `kind`, one value with a
comparison (the original form). Every function takes the target as its raw data, as in the
file, because the changelog compares files of any age with this same wording; nothing here
fails on data of an unexpected shape.
"""

from __future__ import annotations

from typing import Any

KINDS = ("service-level", "average", "maximum", "count", "range")
# Keys each form reads; any other goal key on a target is ignored by that form.
GOAL_KEYS = {
    None: ("comparison", "value"),
    "service-level": ("share", "threshold"),
    "average": ("comparison", "value"),
    "maximum": ("value",),
    "count": ("comparison", "value"),
    "range": ("min", "max"),
}
ALL_GOAL_KEYS = ("comparison", "value", "share", "threshold", "min", "max")


def number(value: Any) -> str:
    """4 -> '4', 4.0 -> '4', 0.5 -> '0.5'; anything else as text."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value) if value is not None else ""


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else number(value) if value is not None else ""


def amount(value: Any, unit: str) -> str:
    """A number with its unit: '4 working hours', '87%', '90% of calls'."""
    spaced = "" if unit.startswith("%") else " "
    return f"{number(value)}{spaced}{unit}".strip()


def kind_of(target: Any) -> str | None:
    kind = target.get("kind") if isinstance(target, dict) else None
    return kind if kind in KINDS else None


def goal_text(target: Any) -> str:
    """The goal as staff read it: '80% within 2 minutes', 'all within 30 days', 'average at most 90 seconds',
    'between 2 and 4 minutes', 'within 4 working hours'; '' when it has no number."""
    if not isinstance(target, dict):
        return ""
    kind = kind_of(target)
    unit = _text(target.get("unit"))
    comparison = _text(target.get("comparison")) or "at most"
    if kind == "service-level":
        share, threshold = target.get("share"), target.get("threshold")
        if share is None or threshold is None:
            return ""
        return f"{number(share)}% within {amount(threshold, unit)}"
    if kind == "range":
        low, high = target.get("min"), target.get("max")
        if low is None or high is None:
            return ""
        return f"between {number(low)} and {amount(high, unit)}"
    value = target.get("value")
    if value is None:
        return ""
    if kind == "maximum":
        return f"all within {amount(value, unit)}"
    if kind == "average":
        return f"average {comparison} {amount(value, unit)}"
    if kind == "count":
        return f"{comparison} {amount(value, unit)}"
    return f"{_text(target.get('comparison')) or 'within'} {amount(value, unit)}"


def result_unit(target: Any) -> str:
    """The unit a result of this target is given in: '%' for a service level."""
    if kind_of(target) == "service-level":
        return "%"
    return _text(target.get("unit")) if isinstance(target, dict) else ""


def same_unit(given: str, target: Any) -> bool:
    """Whether a result's unit is the target's: case and spaces aside, and '%' for any
    '% of …' unit."""
    wanted = " ".join(result_unit(target).lower().split())
    given = " ".join(given.lower().split())
    if given == wanted:
        return True
    return given == "%" and wanted.startswith("%")


def current_goal(target: Any) -> tuple[float, ...] | None:
    """The numbers a result is held against: (share,) for a service level, (min, max) for a
    range, (value,) otherwise; None without them."""
    if not isinstance(target, dict):
        return None
    keys = {"service-level": ("share",), "range": ("min", "max")}.get(
        kind_of(target) or "", ("value",)
    )
    values = [target.get(key) for key in keys]
    numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    if len(numbers) != len(values):
        return None
    return tuple(float(v) for v in numbers)


def met(target: Any, result: float, goal: tuple[float, ...] | None = None) -> bool | None:
    """Whether `result` meets the target (against `goal` if given, e.g. the goal in force
    when the result was recorded); None when the target has no goal to hold it against."""
    goal = goal if goal is not None else current_goal(target)
    if not goal:
        return None
    kind = kind_of(target)
    if kind == "range":
        if len(goal) != 2:
            return None
        return goal[0] <= result <= goal[1]
    limit = goal[0]
    if kind == "service-level":
        return result >= limit
    if kind == "maximum":
        return result <= limit
    comparison = _text(target.get("comparison")) or ("at most" if kind else "within")
    if comparison == "at least":
        return result >= limit
    if comparison == "exactly":
        return result == limit
    return result <= limit


def higher_is_better(target: Any) -> bool:
    kind = kind_of(target)
    if kind == "service-level":
        return True
    if kind in ("maximum", "range"):
        return False
    return _text(target.get("comparison")) == "at least"
