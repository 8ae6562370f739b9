"""Target forms: how each reads, what a result is held against, and the schema's checks."""

from __future__ import annotations

import pytest
from lintkit import standard_text, where

from handbook import targets
from handbook.loader import load_one

CASES = [
    # (target, goal text, result unit, (result, met?) pairs)
    (
        {"kind": "service-level", "share": 80, "threshold": 2, "unit": "minutes"},
        "80% within 2 minutes",
        "%",
        [(80, True), (79.9, False), (95, True)],
    ),
    (
        {"kind": "average", "value": 60, "unit": "calendar days"},
        "average at most 60 calendar days",
        "calendar days",
        [(60, True), (61, False)],
    ),
    (
        {"kind": "average", "comparison": "at least", "value": 4.5, "unit": "points"},
        "average at least 4.5 points",
        "points",
        [(4.5, True), (4.4, False)],
    ),
    (
        {"kind": "maximum", "value": 30, "unit": "days"},
        "all within 30 days",
        "days",
        [(30, True), (31, False)],
    ),
    (
        {"kind": "count", "comparison": "exactly", "value": 0, "unit": "vouchers"},
        "exactly 0 vouchers",
        "vouchers",
        [(0, True), (1, False)],
    ),
    (
        {"kind": "range", "min": 2, "max": 4, "unit": "minutes"},
        "between 2 and 4 minutes",
        "minutes",
        [(2, True), (4, True), (1.9, False), (4.1, False)],
    ),
    (
        {"comparison": "at least", "value": 90, "unit": "% of calls"},
        "at least 90% of calls",
        "% of calls",
        [(90, True), (89, False)],
    ),
    (
        {"value": 4, "unit": "working hours"},
        "within 4 working hours",
        "working hours",
        [(4, True), (4.5, False)],
    ),
]


@pytest.mark.parametrize(("target", "goal", "unit", "results"), CASES)
def test_each_form_reads_and_judges_results(target, goal, unit, results):
    assert targets.goal_text(target) == goal
    assert targets.result_unit(target) == unit
    for result, expected in results:
        assert targets.met(target, result) is expected, result


def test_a_goal_recorded_with_a_result_wins_over_todays():
    target = {"kind": "service-level", "share": 80, "threshold": 2, "unit": "minutes"}
    assert targets.met(target, 78, goal=(75.0,)) is True
    assert targets.met(target, 78) is False


def test_percent_is_the_unit_of_any_percentage():
    assert targets.same_unit("%", {"value": 90, "unit": "% of calls"})
    assert targets.same_unit(" % OF  calls", {"value": 90, "unit": "% of calls"})
    assert not targets.same_unit("seconds", {"value": 90, "unit": "% of calls"})
    assert targets.same_unit(
        "%", {"kind": "service-level", "share": 8, "threshold": 1, "unit": "s"}
    )


@pytest.mark.parametrize("data", [None, "text", {"value": "x"}, {"kind": "range", "min": 1}])
def test_odd_data_never_fails(data):
    assert targets.goal_text(data) == "" or isinstance(targets.goal_text(data), str)
    assert targets.met(data, 1) is None


def _problems(fragment):
    standard, problems = load_one("standards/t.yml", standard_text(fragment))
    return standard, problems


@pytest.mark.parametrize(
    ("fragment", "missing"),
    [
        (
            "targets:\n  - id: a-b\n    metric: Calls answered\n    kind: service-level\n    share: 80\n",
            ["threshold", "unit"],
        ),
        (
            "targets:\n  - id: a-b\n    metric: Handling time\n    kind: range\n    min: 2\n",
            ["max"],
        ),
    ],
)
def test_each_form_requires_its_numbers(fragment, missing):
    standard, problems = _problems(fragment)
    assert standard is None
    assert sorted(m for m in missing if any(f"'{m}'" in p.message for p in problems)) == missing
    assert all((p.line, p.column) == where(fragment, "id: a-b") for p in problems)
    assert all("targets[1]" in p.message for p in problems)


def test_a_target_id_is_used_once():
    fragment = (
        "targets:\n  - id: answer\n    metric: Calls answered\n    value: 1\n"
        "  - id: answer\n    metric: Chats answered\n    value: 2\n"
    )
    standard, problems = _problems(fragment)
    assert standard is None
    (problem,) = problems
    assert problem.rule == "duplicate-target-id"
    line, column = where(fragment, "id: answer", 1)
    assert (problem.line, problem.column) == (line, column + len("id: "))
    assert "target 1" in problem.message


def test_a_target_written_before_forms_still_loads():
    fragment = (
        "targets:\n  - metric: First reply\n    comparison: within\n    value: 4\n"
        "    unit: working hours\n    measured_by: ticket system\n    period: weekly\n"
    )
    standard, problems = _problems(fragment)
    assert problems == []
    assert standard.targets[0].goal == "within 4 working hours"
    assert standard.targets[0].id is None


def test_a_share_over_100_is_located():
    fragment = (
        "targets:\n  - id: answer\n    metric: Calls answered\n    kind: service-level\n"
        "    share: 120\n    threshold: 2\n    unit: minutes\n"
    )
    _, problems = _problems(fragment)
    (problem,) = problems
    assert (problem.line, problem.column) == where(fragment, "120")
