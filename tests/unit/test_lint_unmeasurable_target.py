"""unmeasurable-target: a target needs a number, a unit, a way to measure it and a period."""

from __future__ import annotations

import pytest
from lintkit import lint_fragment, positions, where

RULE = "unmeasurable-target"

COMPLETE = (
    "targets:\n  - metric: First reply to an email\n    comparison: within\n    value: 4\n"
    "    unit: working hours\n    measured_by: ticket system timestamps\n    period: weekly\n"
)

FAILING = [
    (
        "targets:\n  - metric: Fast replies\n",
        4,
        ["number", "unit", "how it is measured", "how often"],
    ),
    (
        "targets:\n  - metric: First reply\n    value: 4\n    unit: working hours\n",
        2,
        ["how it is measured", "how often"],
    ),
    (
        "targets:\n  - metric: First reply\n    value: 4\n    measured_by: ticket system\n"
        "    period: weekly\n",
        1,
        ["unit"],
    ),
    (
        "targets:\n  - metric: First reply\n    unit: hours\n    measured_by: ticket system\n"
        "    period: weekly\n",
        1,
        ["number"],
    ),
]


@pytest.mark.parametrize(("fragment", "count", "missing"), FAILING)
def test_flags_each_missing_part_at_the_metric(fragment, count, missing):
    problems = lint_fragment(fragment, RULE)
    assert len(problems) == count
    metric = fragment.split("metric: ")[1].split("\n")[0]
    assert set(positions(problems)) == {where(fragment, metric)}
    for what in missing:
        assert any(what in p.message for p in problems), what
    assert all(p.severity == "error" and p.suggestion for p in problems)


@pytest.mark.parametrize(
    "fragment",
    [COMPLETE, "targets: []\n", COMPLETE.replace("value: 4", "value: 0.5")],
)
def test_passes_measurable_targets(fragment):
    assert lint_fragment(fragment, RULE) == []


def test_second_target_is_located_on_its_own_line():
    fragment = COMPLETE + "  - metric: Customers are happy\n"
    problems = lint_fragment(fragment, RULE)
    assert set(positions(problems)) == {where(fragment, "Customers are happy")}
