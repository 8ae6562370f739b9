"""placeholder: every "TODO" left from `handbook new` is listed as "fill me in"."""

from __future__ import annotations

import pytest
from lintkit import lint_fragment, positions, where

RULE = "placeholder"

FAILING = [
    # (fragment, what the message asks for)
    ('summary: "TODO: one sentence on what staff do."\n', ["one sentence on what staff do"]),
    ("owner: 'TODO: the role that owns this standard'\n", ["the role that owns this standard"]),
    ("aliases:\n  - TODO another name\n", ["another name"]),
    ("rules:\n  - Answer by the third ring. TODO\n", ["this field"]),
    (
        "targets:\n  - metric: Calls answered\n    value: 0\n    unit: 'TODO: the unit'\n",
        ["the unit"],
    ),
    (
        "steps:\n  - 'TODO: the first thing staff do.'\n  - 'TODO: the next thing.'\n",
        ["the first thing staff do", "the next thing"],
    ),
]


@pytest.mark.parametrize(("fragment", "asks"), FAILING)
def test_each_todo_is_a_fill_me_in_at_its_place(fragment, asks):
    problems = lint_fragment("status: draft\n" + fragment, RULE)
    text = "status: draft\n" + fragment
    assert positions(problems) == [where(text, "TODO", i) for i in range(len(asks))]
    assert [p.message.split(" [")[0] for p in problems] == [f"fill me in: {a}" for a in asks]
    assert all(p.severity == "warning" for p in problems)


@pytest.mark.parametrize(("status", "severity"), [("pilot", "error"), ("active", "error")])
def test_a_published_standard_must_not_show_a_todo(status, severity):
    problems = lint_fragment(f"status: {status}\nsummary: 'TODO: the summary.'\n", RULE)
    assert [p.severity for p in problems] == [severity]


@pytest.mark.parametrize(
    "fragment",
    [
        "summary: Answer each call by the third ring and say the set greeting.\n",
        # Only the capitalised word counts: "to-do" and "todos" are ordinary words.
        "summary: Write each customer's to-do list in the case notes today.\n",
        "rules:\n  - Note the todos the customer asks for in the case.\n",
    ],
)
def test_finished_text_passes(fragment):
    assert lint_fragment(fragment, RULE) == []
