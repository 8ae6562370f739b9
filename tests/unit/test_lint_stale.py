"""stale: review_by in the past (warning), effective in the future (suggestion)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lintkit import TODAY, lint_fragment, where

RULE = "stale"

CASES = [
    ("review_by: 2026-05-31\n", "2026-05-31", "warning", "has passed"),
    ("review_by: 2020-01-31\n", "2020-01-31", "warning", "has passed"),
    ("effective: 2026-06-02\n", "2026-06-02", "suggestion", "in the future"),
]


@pytest.mark.parametrize(("fragment", "date", "severity", "explains"), CASES)
def test_flags_dates(fragment, date, severity, explains):
    (problem,) = lint_fragment(fragment, RULE)
    assert (problem.line, problem.column) == where(fragment, date)
    assert problem.severity == severity
    assert explains in problem.message


@pytest.mark.parametrize(
    "fragment",
    [
        "review_by: 2026-06-01\n",  # due today is not yet late
        "effective: 2026-06-01\n",
        "review_by: 2020-01-31\nstatus: retired\n",
    ],
)
def test_passes_current_dates(fragment):
    assert lint_fragment(fragment, RULE) == []


def test_today_is_the_run_date():
    assert lint_fragment("review_by: 2026-05-31\n", RULE, today=TODAY.replace(day=1, month=5)) == []


def test_a_configured_severity_applies_to_both():
    from lintkit import standard_text

    from handbook.lint.runner import lint
    from handbook.loader import load_texts
    from handbook.settings import Settings

    text = standard_text("review_by: 2020-01-31\neffective: 2027-01-01\n")
    handbook = load_texts({"s.yml": text}, Settings.from_options(Path(), {"lint": {RULE: "error"}}))
    assert [p.severity for p in lint(handbook, TODAY)] == ["error", "error"]
