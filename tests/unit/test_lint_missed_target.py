"""missed-target: a target missed `results.missed_periods` periods running (suggestion)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lintkit import TODAY, lint_fragment, standard_text, where

from handbook.finding.freshness import review_page
from handbook.lint.runner import lint
from handbook.loader import load_texts
from handbook.render.urls import Urls
from handbook.results.source import check_texts
from handbook.settings import Settings

RULE = "missed-target"
TARGET = """\
targets:
  - id: third-ring
    metric: Calls answered by the third ring
    comparison: at least
    value: 90
    unit: "% of calls"
    measured_by: phone system report
    period: monthly
"""
HEAD = "period,standard,target,value,unit\n"


def results(*values: float, start: int = 1) -> str:
    """A results file of monthly values of TEST-001 third-ring from 2026-`start`."""
    rows = [f"2026-{start + i:02d},TEST-001,third-ring,{v},%\n" for i, v in enumerate(values)]
    return HEAD + "".join(rows)


# (results, periods missed running, the months named) — at least 90 is the goal.
CASES = [
    (results(92, 86, 84), 2, "Feb 2026 to Mar 2026: Feb 2026 86%, Mar 2026 84%"),
    (results(80, 81, 82), 3, "Jan 2026 to Mar 2026: Jan 2026 80%, Feb 2026 81%, Mar 2026 82%"),
    (results(1, 2, 3, 4, 5, 6), 6, "Jan 2026 to Jun 2026: …, Mar 2026 3%, Apr 2026 4%"),
]


@pytest.mark.parametrize(("text", "run", "named"), CASES)
def test_flags_a_target_missed_periods_running(text, run, named):
    (problem,) = lint_fragment(TARGET, RULE, results=text)
    assert (problem.line, problem.column) == where(TARGET, "third-ring")
    assert problem.severity == "suggestion"
    assert f"target 'third-ring' (at least 90% of calls) missed {run} periods running" in (
        problem.message
    )
    assert named in problem.message
    assert "revise the standard or its target" in problem.suggestion


def test_names_where_each_missed_result_is():
    (problem,) = lint_fragment(TARGET, RULE, results=results(92, 86, 84))
    assert "results at results/results.csv:3, 4 " in problem.message


@pytest.mark.parametrize(
    "text",
    [
        results(92, 86),  # missed once: not yet a run
        results(86, 84, 91),  # met again in the latest period
        results(90, 90),  # at least 90: met on the goal
        HEAD,  # no results
    ],
)
def test_passes(text):
    assert lint_fragment(TARGET, RULE, results=text) == []


def test_passes_without_a_results_folder():
    assert lint_fragment(TARGET, RULE) == []


def test_passes_a_retired_standard():
    assert lint_fragment(TARGET + "status: retired\n", RULE, results=results(80, 80, 80)) == []


def _handbook(files: dict[str, str], options: dict | None = None, lint_options=None):
    written = {"lint": lint_options or {}, **(options or {})}
    settings = Settings.from_options(Path(__file__).parent, written)
    assert not settings.problems, settings.problems
    handbook = load_texts({"standards/test.yml": standard_text(TARGET)}, settings)
    handbook.results, problems = check_texts(files, handbook.standards)
    assert not problems and not handbook.problems
    return handbook


def test_names_each_results_file_of_the_run():
    files = {
        "results/2026-02.csv": HEAD + "2026-02,TEST-001,third-ring,86,%\n",
        "results/2026-03.csv": HEAD + "2026-03,TEST-001,third-ring,84,%\n",
    }
    (problem,) = [p for p in lint(_handbook(files), TODAY) if p.rule == RULE]
    assert "results at results/2026-02.csv:2; results/2026-03.csv:2" in problem.message


@pytest.mark.parametrize(("periods", "flagged"), [(2, 1), (3, 1), (4, 0), (0, 0)])
def test_reads_missed_periods_as_due_for_review_does(periods, flagged):
    """One option for both: a standard is on Due for review exactly when it is flagged."""
    handbook = _handbook(
        {"results/r.csv": results(92, 86, 84, 80)}, {"results": {"missed_periods": periods}}
    )
    found = [p for p in lint(handbook, TODAY) if p.rule == RULE]
    assert len(found) == flagged
    page = review_page(handbook, Urls(), TODAY).content
    assert ("#result-third-ring" in page) == bool(flagged)


def test_severity_can_be_raised_for_strict_runs():
    handbook = _handbook({"results/r.csv": results(86, 84)}, lint_options={RULE: "warning"})
    assert [p.severity for p in lint(handbook, TODAY) if p.rule == RULE] == ["warning"]


@pytest.mark.parametrize(
    ("written", "explains"),
    [
        ("missed_periods: two", "results.missed_periods: should be a whole number"),
        ("missed_periods: -1", "results.missed_periods: should be a whole number"),
        ("missed_period: 3", "results.missed_period: unknown option"),
    ],
)
def test_a_bad_option_is_a_located_problem(tmp_path, written, explains):
    from handbook.loader import load

    (tmp_path / "standards").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: x\nplugins:\n  - handbook:\n      results:\n        {written}\n", "utf-8"
    )
    handbook = load(Settings.from_mkdocs_yml(tmp_path / "mkdocs.yml"))
    (problem,) = [p for p in handbook.problems if p.rule == "config"]
    assert (problem.file, problem.line, problem.column) == ("mkdocs.yml", 5, 9)
    assert explains in problem.message
