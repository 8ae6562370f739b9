"""Any text is a value or a located problem: never an exception, never a crash.

Each input here once ended a run with a traceback (or, for 100,000 brackets, killed the
process inside libyaml), hiding every other problem of the run.
"""

from __future__ import annotations

import pytest

from handbook.yamlsource import MAX_DEPTH, YamlProblem, parse

BAD = [
    # (text, line, column, words of the message)
    ("effective: 2026-02-30\n", 1, 12, "2026-02-30 is not a date in the calendar"),
    ("a: ok\nreview_by: 2026-13-01\n", 2, 12, "not a date in the calendar"),
    ("value: " + "9" * 5000 + "\n", 1, 8, "too large a number"),
    ("value: 1" + "0" * 15 + "\n", 1, 8, "at most 15 digits"),
    ("value: -1" + "0" * 15 + "\n", 1, 8, "at most 15 digits"),
    ("value: 1.0e+400\n", 1, 8, "is not a number"),
    ("value: .nan\n", 1, 8, "is not a number"),
    ("value: -.inf\n", 1, 8, "is not a number"),
    # Control characters pasted as they are, and written as escapes.
    ("title: Answer\x1b[31m now\n", 1, 14, "U+001B, a control character"),
    ("a: b\nsummary: x\x00y\n", 2, 11, "U+0000, a control character"),
    ("title: Caf\x80 menu\n", 1, 11, "U+0080, a control character"),
    ("a: b\ntitle: x\ud800y\n", 2, 9, "U+D800, a control character or half a character"),
    ('title: "bell \\a here"\n', 1, 8, "U+0007"),
    ('title: "x\\x1b[31m"\n', 1, 8, "U+001B"),
    ('title: "half \\ud800 a character"\n', 1, 8, "U+D800"),
    ('rules:\n  - "\\uDFFF"\n', 2, 5, "U+DFFF"),
    ('"k\\x07ey": value\n', 1, 1, "U+0007"),
    # Nesting: flow (fast and strict paths) and block.
    # The place is the first value past MAX_DEPTH levels (the document's mapping is one).
    ("lint: " + "[" * 500 + "]" * 500 + "\n", 1, 6 + MAX_DEPTH, "nested more than"),
    ("tags: " + "[" * 100_000 + "]" * 100_000 + "\n", 1, 6 + MAX_DEPTH, "nested more than"),
    ("x: " + "{a: " * 300 + "1" + "}" * 300 + "\n", 1, 4 * MAX_DEPTH - 3, "nested more than"),
    (
        "".join(" " * i + "- \n" for i in range(0, 2 * (MAX_DEPTH + 5), 2)),
        MAX_DEPTH + 1,
        2 * MAX_DEPTH + 1,
        "nested",
    ),
    # Keys that are not words.
    ("? [a, b]\n: c\n", 1, 3, "a key must be a word"),
    ("2026-02-30: x\n", 1, 1, "not a date in the calendar"),
]


@pytest.mark.parametrize(("text", "line", "column", "words"), BAD)
def test_bad_values_are_located_problems(text, line, column, words):
    with pytest.raises(YamlProblem) as caught:
        parse(text)
    problem = caught.value
    assert words in problem.message
    assert (problem.line, problem.column) == (line, column), problem.message


GOOD = [
    ("effective: 2028-02-29\n", {"effective": "2028-02-29"}),
    ("value: 999999999999999\n", {"value": 999999999999999}),
    ("value: 2.5\n", {"value": 2.5}),
    ('title: "tab\\there"\n', {"title": "tab\there"}),
    ('title: "Caf\\u00e9 \\U0001F600"\n', {"title": "Café \U0001f600"}),
    ("tags: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n", None),
]


@pytest.mark.parametrize(("text", "expected"), GOOD)
def test_what_is_close_but_fine_still_loads(text, expected):
    value, _ = parse(text)
    if expected is not None:
        assert value == expected
