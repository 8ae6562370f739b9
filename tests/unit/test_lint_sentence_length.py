"""sentence-length: at most 25 words a sentence, 20 in wordings said aloud."""

from __future__ import annotations

import pytest
from lintkit import lint_fragment, positions, where

RULE = "sentence-length"


def words(count: int, start: str = "Log") -> str:
    return " ".join([start] + ["it"] * (count - 1)) + "."


FAILING = [
    (f"rules:\n  - {words(26)}\n", ["Log it it it"], "26 words"),
    (f"steps:\n  - Answer it. {words(30, 'Then')}\n", ["Then it it it"], "30 words"),
    (
        f"wordings:\n  - say: {words(21, 'Please')}\n",
        ["Please it it it"],
        "for wordings said aloud",
    ),
    (
        f"summary: {words(26, 'Reply')} {words(27, 'Then')}\n",
        ["Reply it it it", "Then it it it"],
        "words",
    ),
]

PASSING = [
    f"rules:\n  - {words(25)}\n",
    f"rules:\n  - {words(20)} {words(20)}\n",
    f"wordings:\n  - say: {words(20, 'Please')}\n",
    f"title: {' '.join(['Long'] * 12)}\n",
    f"wordings:\n  - say: Please hold.\n    dont_say: {words(30, 'Hold')}\n",
]


@pytest.mark.parametrize(("fragment", "starts", "explains"), FAILING)
def test_flags_each_long_sentence_at_its_start(fragment, starts, explains):
    problems = lint_fragment(fragment, RULE)
    assert positions(problems) == [where(fragment, start) for start in starts]
    assert explains in problems[0].message


@pytest.mark.parametrize("fragment", PASSING)
def test_passes_short_sentences(fragment):
    assert lint_fragment(fragment, RULE) == []


def test_limit_is_an_option():
    assert lint_fragment(f"rules:\n  - {words(12)}\n", RULE, {"max_words": 10})
