"""passive-voice: a form of "be" and a past participle, irregular ones included."""

from __future__ import annotations

import pytest
from lintkit import lint_fragment, positions, where

RULE = "passive-voice"

FAILING = [
    ("rules:\n  - The complaint must be logged within 30 minutes.\n", "be logged"),
    ("steps:\n  - A reply is always sent within 5 working days.\n", "is always sent"),
    ("rules:\n  - The customer is given a case number.\n", "is given"),
    ("rules:\n  - The form was written by the team.\n", "was written"),
    ("rules:\n  - Refunds are paid in 3 days.\n", "are paid"),
    ("summary: Calls that have been taken by the team lead get a note.\n", "been taken"),
    ("rules:\n  - Callers were told the wait.\n", "were told"),
    ("rules:\n  - The order is not shipped on Sundays.\n", "is not shipped"),
]

PASSING = [
    "rules:\n  - Log the complaint within 30 minutes.\n",
    "rules:\n  - The team lead logs the complaint.\n",
    "rules:\n  - If they need help, offer it.\n",
    "wordings:\n  - say: I will sort it out today.\n    dont_say: It was passed on.\n",
    "rules:\n  - Speak in a calm, even voice.\n",
    # How someone feels or how things stand is not passive.
    "rules:\n  - If the customer is upset, let them finish.\n",
    "rules:\n  - When a caller is frustrated or confused, slow down.\n",
    "rules:\n  - The desk is closed on Sundays. A complaint is stuck after 5 days.\n",
]


@pytest.mark.parametrize(("fragment", "words"), FAILING)
def test_flags_passive_at_its_words(fragment, words):
    problems = lint_fragment(fragment, RULE)
    assert positions(problems) == [where(fragment, words)]
    assert problems[0].severity == "suggestion"
    assert f"'{words}' is passive" in problems[0].message


@pytest.mark.parametrize("fragment", PASSING)
def test_passes_active_voice(fragment):
    assert lint_fragment(fragment, RULE) == []
