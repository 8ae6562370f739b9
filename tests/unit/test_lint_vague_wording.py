"""vague-wording: phrases that leave the time, amount or action open."""

from __future__ import annotations

import pytest
from lintkit import lint_fragment, positions, where

RULE = "vague-wording"

FAILING = [
    ("rules:\n  - Reply promptly.\n", ["promptly"]),
    ("rules:\n  - Call back as soon as possible.\n", ["as soon as possible"]),
    ("rules:\n  - Call back ASAP.\n", ["ASAP"]),
    ("steps:\n  - Deal with it in a timely manner.\n", ["in a timely manner"]),
    ("rules:\n  - Be appropriate with customers.\n", ["appropriate"]),
    ("rules:\n  - Respond appropriately to threats.\n", ["appropriately"]),
    ("rules:\n  - Offer a reasonable refund.\n", ["reasonable"]),
    ("steps:\n  - Where possible, call back the same day.\n", ["Where possible"]),
    ("steps:\n  - Escalate if necessary.\n", ["if necessary"]),
    ("rules:\n  - Check the name, address etc. before you post it.\n", ["etc."]),
    ("rules:\n  - Ask for the order number and so on.\n", ["and so on"]),
    ("steps:\n  - Update the notes as needed.\n", ["as needed"]),
    ("rules:\n  - Check the queue regularly.\n", ["regularly"]),
    ("rules:\n  - Tell them we will call soon.\n", ["soon"]),
    ("rules:\n  - Offer various options.\n", ["various"]),
    ("summary: Reply quickly to every email in the shared inbox.\n", ["quickly"]),
    ("wordings:\n  - say: I will call you back soon.\n", ["soon"]),
    (
        "examples:\n  - kind: good\n    scenario: A customer asks for a refund.\n"
        "    response: Ana says the refund will arrive shortly.\n    why: She is kind.\n",
        ["shortly"],
    ),
    (
        "targets:\n  - metric: Queue checked regularly\n    value: 1\n    unit: check\n"
        "    measured_by: team lead log\n    period: daily\n",
        ["regularly"],
    ),
]

PASSING = [
    "rules:\n  - Reply within 4 working hours.\n",
    "rules:\n  - Call back as soon as the system is back.\n",
    "rules:\n  - Note the reason, the date and the amount.\n",
    "rules:\n  - Offer reasonable adjustments, such as a longer call or large print.\n",
    "wordings:\n  - say: I will call you by 3 pm today.\n    dont_say: I'll get back to you soon.\n",
    "examples:\n  - kind: poor\n    scenario: A customer asks when the refund comes.\n"
    "    response: Tom says it will come soon, as soon as possible.\n"
    "    why: The customer still does not know the day.\n",
]


@pytest.mark.parametrize(("fragment", "flagged"), FAILING)
def test_flags_vague_phrase_at_its_words(fragment, flagged):
    problems = lint_fragment(fragment, RULE)
    assert positions(problems) == [where(fragment, phrase) for phrase in flagged]
    assert all(p.severity == "error" and p.suggestion for p in problems)
    assert f"'{flagged[0]}' is vague" in problems[0].message


@pytest.mark.parametrize("fragment", PASSING)
def test_passes_specific_wording(fragment):
    assert lint_fragment(fragment, RULE) == []


def test_each_occurrence_points_at_its_own_words():
    fragment = "rules:\n  - Reply quickly, then close the case quickly.\n"
    problems = lint_fragment(fragment, RULE)
    assert positions(problems) == [where(fragment, "quickly"), where(fragment, "quickly", 1)]


def test_suggestion_says_what_to_write_instead():
    (problem,) = lint_fragment("rules:\n  - Reply promptly.\n", RULE)
    assert "within 2 working hours" in problem.suggestion


def test_phrases_can_be_added_in_mkdocs_yml():
    fragment = "rules:\n  - Call back right away.\n"
    options = {"phrases": {"right away": "say how many minutes"}}
    (problem,) = lint_fragment(fragment, RULE, options)
    assert (problem.line, problem.column) == where(fragment, "right away")
    assert problem.suggestion == "say how many minutes"


def test_a_built_in_phrase_can_be_turned_off():
    fragment = "steps:\n  - Update the notes as needed, and the file as required.\n"
    problems = lint_fragment(fragment, RULE, {"phrases": {"as needed": "off"}})
    assert positions(problems) == [where(fragment, "as required")]
