"""say-dont-say: a phrase a standard forbids must not be recommended anywhere in the handbook."""

from __future__ import annotations

import pytest
from lintkit import BASE, lint_fragment, positions, where

RULE = "say-dont-say"

FORBID = (
    "wordings:\n  - say: I will find out who can help.\n    dont_say: It's not my department.\n"
)

FAILING = [
    (FORBID + "  - say: It's not my department, but I can help.\n", "It's not my department", 1),
    (FORBID + "rules:\n  - Never say it's not my department.\n", "it's not my department", 0),
    (FORBID + "steps:\n  - Say IT'S NOT MY DEPARTMENT and smile.\n", "IT'S NOT MY DEPARTMENT", 0),
    (FORBID + "  - say: It\u2019s not my department.\n", "It\u2019s not my department", 0),
    (
        FORBID + "examples:\n  - kind: good\n    scenario: A customer asks about a bill.\n"
        "    response: Ana says, It's not my department.\n    why: She is honest.\n",
        "It's not my department",
        1,
    ),
    # Each quoted phrase of a dont_say counts on its own.
    (
        'wordings:\n  - say: Happy to help.\n    dont_say: \'"No problem" or "No worries"\'\n'
        "  - say: No worries, I will fix it.\n",
        "No worries",
        1,
    ),
]

PASSING = [
    FORBID,
    FORBID + "rules:\n  - Find who owns the problem before you reply.\n",
    # A poor example may show the forbidden words.
    FORBID + "examples:\n  - kind: poor\n    scenario: A customer asks about a bill.\n"
    "    response: Tom says, It's not my department.\n    why: He passed the blame.\n",
    # Single words are not looked for elsewhere by default.
    "wordings:\n  - say: Yes, I can.\n    dont_say: No.\n  - say: No, that is not right.\n",
]


@pytest.mark.parametrize(("fragment", "phrase", "occurrence"), FAILING)
def test_flags_forbidden_phrase_where_it_is_recommended(fragment, phrase, occurrence):
    problems = lint_fragment(fragment, RULE)
    assert positions(problems) == [where(fragment, phrase, occurrence)]
    assert "listed as don't say in this standard (wordings[1].dont_say)" in problems[0].message


@pytest.mark.parametrize("fragment", PASSING)
def test_passes_when_nothing_forbidden_is_said(fragment):
    assert lint_fragment(fragment, RULE) == []


def test_a_phrase_forbidden_in_another_standard_counts():
    other = BASE.replace("TEST-001", "TEST-002").replace("Yeah, hello?", "Calm down, please.")
    fragment = "steps:\n  - Say calm down, please, and wait.\n"
    (problem,) = lint_fragment(fragment, RULE, others={"standards/other.yml": other})
    assert (problem.line, problem.column) == where(fragment, "calm down, please")
    assert "in TEST-002 (wordings[1].dont_say)" in problem.message


def test_min_words_is_an_option():
    fragment = (
        "wordings:\n  - say: Yes, I can.\n    dont_say: No.\n  - say: No, that is not right.\n"
    )
    assert lint_fragment(fragment, RULE, {"min_words": 1})
