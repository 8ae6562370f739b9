"""readability: Flesch-Kincaid grade and Flesch reading ease per text field."""

from __future__ import annotations

import pytest
from lintkit import lint_fragment, where

RULE = "readability"

HARD = (
    "Communicate the organisational escalation procedure comprehensively to dissatisfied customers."
)

FAILING = [
    (f"rules:\n  - {HARD}\n", "Communicate the organisational escalation", "grade"),
    (f"steps:\n  - {HARD}\n", "Communicate the organisational escalation", "grade"),
    (f"summary: {HARD}\n", "Communicate the organisational escalation", "reading ease"),
    (
        "wordings:\n  - say: I understand your frustration regarding the unfortunate "
        "administrative complications.\n",
        "I understand your frustration",
        "wordings said aloud",
    ),
    # Grade 6.9 is fine for a rule but not for words said aloud.
    (
        "wordings:\n  - say: We will call you tomorrow with the decision about your refund.\n",
        "We will call you",
        "at most 6",
    ),
    # The problem points at the hardest sentence, not the first.
    (
        f"rules:\n  - Answer by the third ring. {HARD}\n",
        "Communicate the organisational escalation",
        "grade",
    ),
]

PASSING = [
    "rules:\n  - Answer by the third ring. Say your name and the team name.\n",
    "rules:\n  - We will call you tomorrow with the decision about your refund.\n",
    "wordings:\n  - say: Thank you for waiting. I have your order here now.\n",
    # Under 8 words: not scored, the formulas mean little on so few words.
    "rules:\n  - Reply within four working hours.\n",
    # Labels are not scored.
    "title: Organisational communication considerations\n",
    # Text quoting what not to say is not scored.
    f"wordings:\n  - say: Thank you for waiting.\n    dont_say: {HARD}\n",
]


@pytest.mark.parametrize(("fragment", "needle", "explains"), FAILING)
def test_flags_hard_text_at_its_hardest_sentence(fragment, needle, explains):
    (problem,) = lint_fragment(fragment, RULE)
    assert (problem.line, problem.column) == where(fragment, needle)
    assert explains in problem.message
    assert problem.severity == "warning"


@pytest.mark.parametrize("fragment", PASSING)
def test_passes_plain_text(fragment):
    assert lint_fragment(fragment, RULE) == []


def test_advice_names_the_longest_words():
    (problem,) = lint_fragment(f"rules:\n  - {HARD}\n", RULE)
    assert "'organisational'" in problem.suggestion
    assert "'comprehensively'" in problem.suggestion


def test_thresholds_are_options():
    fragment = (
        "wordings:\n  - say: We will call you tomorrow with the decision about your refund.\n"
    )
    assert lint_fragment(fragment, RULE, {"max_grade_spoken": 8}) == []
    assert lint_fragment("rules:\n  - Reply within four working hours.\n", RULE, {"min_words": 3})
