"""target-form: every target has an id, uses its form's keys, and a service level is one."""

from __future__ import annotations

import pytest
from lintkit import lint_fragment, where

RULE = "target-form"

SERVICE_LEVEL = (
    "channels: [phone]\ntargets:\n  - id: answer-time\n    metric: Calls answered\n"
    "    kind: service-level\n    share: 80\n    threshold: 2\n    unit: minutes\n"
    "    channel: phone\n    measured_by: queue report\n    period: monthly\n"
)
LEGACY = (
    "targets:\n  - id: first-reply\n    metric: First reply to an email\n    comparison: within\n"
    "    value: 4\n    unit: working hours\n    measured_by: ticket system\n    period: weekly\n"
)

# (fragment, words each problem's message holds, where the problem is: (needle, occurrence))
FAILING = [
    (
        LEGACY.replace("  - id: first-reply\n    metric", "  - metric"),
        ["has no id"],
        ("First reply", 0),
    ),
    (
        LEGACY.replace("First reply to an email", "Calls answered within 2 minutes")
        .replace("unit: working hours", 'unit: "% of calls"')
        .replace("value: 4", "value: 80"),
        ["service level", "within 2 minutes"],
        ("within 2 minutes", 0),
    ),
    (
        SERVICE_LEVEL.replace("    share: 80\n", "    share: 80\n    value: 3\n"),
        ["`value`"],
        ("3", 0),
    ),
    (
        SERVICE_LEVEL.replace(
            "kind: service-level\n    share: 80\n    threshold: 2",
            "kind: range\n    min: 6\n    max: 4",
        ),
        ["range", "not below"],
        ("6", 0),
    ),
    (SERVICE_LEVEL.replace("channel: phone", "channel: chat"), ["chat", "not one of"], ("chat", 0)),
]


@pytest.mark.parametrize(("fragment", "words", "at"), FAILING)
def test_flags_each_problem_where_it_is(fragment, words, at):
    problems = lint_fragment(fragment, RULE)
    assert len(problems) == 1, problems
    (problem,) = problems
    for word in words:
        assert word in problem.message, word
    needle, occurrence = at
    line, column = where(fragment, needle, occurrence)
    assert problem.line == line
    assert problem.severity == "warning" and problem.suggestion


def test_says_how_to_write_the_service_level():
    fragment = FAILING[1][0]
    (problem,) = lint_fragment(fragment, RULE)
    assert "kind: service-level" in problem.suggestion
    assert "share: 80" in problem.suggestion and "threshold: 2" in problem.suggestion


@pytest.mark.parametrize("fragment", [SERVICE_LEVEL, LEGACY, "targets: []\n"])
def test_passes_targets_in_their_form(fragment):
    assert lint_fragment(fragment, RULE) == []
