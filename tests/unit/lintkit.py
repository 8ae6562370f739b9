"""Helpers for the lint rule tests: a clean standard to put example fragments into."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from handbook.lint.rules import RULES
from handbook.lint.runner import lint
from handbook.loader import load_texts
from handbook.problems import Problem
from handbook.results.source import check_texts
from handbook.settings import Settings

TODAY = dt.date(2026, 6, 1)
GOALS = {"first-contact": "Solve it on first contact"}

# A standard every rule passes: the examples replace some of its keys.
BASE = """\
id: TEST-001
title: Answering the phone
summary: Answer each call by the third ring and say the set greeting.
area: telephone
situation: The phone rings at your desk or in your team queue.
status: active
owner: Contact centre manager
effective: 2026-01-05
review_by: 2099-01-05
rules:
  - Answer by the third ring.
  - Say your first name and the team name.
targets:
  - id: third-ring
    metric: Calls answered by the third ring
    comparison: at least
    value: 90
    unit: "% of calls"
    measured_by: phone system report
    period: weekly
steps:
  - Pick up by the third ring.
  - Greet the caller with the set greeting.
wordings:
  - when: Opening the call
    say: Good morning, Support team, Sam speaking. How can I help?
    dont_say: Yeah, hello?
    why: The caller knows at once they reached the right team.
examples:
  - kind: good
    scenario: The phone rings while you finish a note.
    response: Sam stops typing and answers on the second ring.
    why: The caller waits less than ten seconds.
  - kind: poor
    scenario: A caller hears the phone ring five times.
    response: Sam picks up and says "Hold on" as soon as possible.
    why: The caller waited too long and got no greeting.
"""


def standard_text(fragment: str) -> str:
    """The fragment's keys first (so its line numbers hold), then the rest of the base."""
    given = yaml.safe_load(fragment) or {}
    rest = "".join(
        yaml.safe_dump({key: value}, sort_keys=False, allow_unicode=True, width=1000)
        for key, value in yaml.safe_load(BASE).items()
        if key not in given
    )
    return fragment.rstrip("\n") + "\n" + rest


def lint_fragment(
    fragment: str,
    rule: str | None = None,
    options: dict[str, Any] | None = None,
    today: dt.date = TODAY,
    others: dict[str, str] | None = None,
    results: str | None = None,
) -> list[Problem]:
    """Lint the base standard with `fragment`'s keys; only `rule`'s problems if given.
    `results` is the text of a results file (results/results.csv) to lint against."""
    lint_options = {rule: options} if rule and options else {}
    # Goals declared for `no-goal` (as in the sample handbook): it asks for none without.
    # A folder with no glossary.yml: the sample handbook's glossary stays out of the tables.
    settings = Settings.from_options(
        Path(__file__).parent,
        {"lint": lint_options, "goals": dict(GOALS) if rule == "no-goal" else {}},
    )
    assert not settings.problems, settings.problems
    texts = {"standards/test.yml": standard_text(fragment), **(others or {})}
    handbook = load_texts(texts, settings)
    if results is not None:
        handbook.results, found = check_texts({"results/results.csv": results}, handbook.standards)
        handbook.problems.extend(found)
    assert not handbook.problems, handbook.problems
    problems = lint(handbook, today)
    return [p for p in problems if rule is None or p.rule == rule]


def positions(problems: list[Problem]) -> list[tuple[int, int]]:
    return [(p.line, p.column) for p in problems]


# An example is a YAML fragment, and a results file (```csv) after it when the rule reads them.
_EXAMPLE = re.compile(
    r"^(Passes|Fails):\s*\n+```yaml\n(.*?)```(?:\s*\nwith these results[^\n]*\n\s*```csv\n(.*?)```)?",
    re.MULTILINE | re.DOTALL,
)


def documented_examples(rule_id: str) -> list[tuple[str, str, str | None]]:
    """(Passes|Fails, YAML fragment, results CSV or None) for each example in the rule's
    documentation."""
    found = _EXAMPLE.findall(RULES[rule_id].__doc__ or "")
    return [(verdict, fragment, results or None) for verdict, fragment, results in found]


def where(fragment: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """Line and column of the `occurrence`-th `needle` in the fragment, found by hand."""
    index = -1
    for _ in range(occurrence + 1):
        index = fragment.index(needle, index + 1)
    line = fragment.count("\n", 0, index) + 1
    return line, index - (fragment.rfind("\n", 0, index) + 1) + 1
