"""plain-words: the everyday word instead of the official one."""

from __future__ import annotations

import pytest
from lintkit import lint_fragment, positions, where

RULE = "plain-words"

FAILING = [
    ("steps:\n  - Utilise the refund form.\n", "Utilise", "use"),
    ("steps:\n  - We utilized the form.\n", "utilized", "use"),
    ("rules:\n  - Facilitate the return.\n", "Facilitate", "help"),
    ("rules:\n  - Leverage the knowledge base.\n", "Leverage", "use"),
    ("rules:\n  - Liaise with the warehouse.\n", "Liaise with", "work with"),
    ("rules:\n  - Call in order to confirm.\n", "in order to", "to"),
    ("rules:\n  - Check the ID prior to the refund.\n", "prior to", "before"),
    ("steps:\n  - Commence the call with the greeting.\n", "Commence", "start"),
    ("steps:\n  - Ensure the name is right.\n", "Ensure", "make sure"),
    ("steps:\n  - Assist the customer with the form.\n", "Assist", "help"),
    ("rules:\n  - Obtain the order number.\n", "Obtain", "get"),
    ("rules:\n  - It takes approximately 3 days.\n", "approximately", "about"),
    ("rules:\n  - In the event of a fire, leave.\n", "In the event of", "if"),
    ("rules:\n  - Stay calm whilst they speak.\n", "whilst", "while"),
]

PASSING = [
    "steps:\n  - Use the refund form before you start the refund.\n",
    "rules:\n  - Help the customer to fill in the form.\n",
    "wordings:\n  - say: Let me find that for you.\n    dont_say: I will endeavour to ascertain it.\n",
    "rules:\n  - Ask for the order number.\n",
    "rules:\n  - Let an assistance dog in. Ask for proof of purchase.\n",
]


@pytest.mark.parametrize(("fragment", "word", "plain"), FAILING)
def test_flags_word_with_its_plain_replacement(fragment, word, plain):
    problems = lint_fragment(fragment, RULE)
    assert positions(problems) == [where(fragment, word)]
    assert plain in problems[0].suggestion
    assert problems[0].severity == "warning"


@pytest.mark.parametrize("fragment", PASSING)
def test_passes_plain_words(fragment):
    assert lint_fragment(fragment, RULE) == []


def test_words_can_be_added_in_mkdocs_yml():
    fragment = "rules:\n  - Revert to the customer by 5 pm.\n"
    (problem,) = lint_fragment(fragment, RULE, {"words": {"revert": "reply"}})
    assert (problem.line, problem.column) == where(fragment, "Revert")
    assert problem.suggestion == "write 'reply'"
