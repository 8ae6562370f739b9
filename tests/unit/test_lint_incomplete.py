"""incomplete: an active standard needs an example, a wording and a target."""

from __future__ import annotations

import pytest
from lintkit import lint_fragment, positions, where

RULE = "incomplete"

FAILING = [
    ("examples: []\n", ["examples"], ["no example"]),
    ("wordings: []\n", ["wordings"], ["no wording"]),
    ("targets: []\nexamples: []\n", ["targets", "examples"], ["no target", "no example"]),
]


@pytest.mark.parametrize(("fragment", "keys", "explains"), FAILING)
def test_flags_each_missing_part(fragment, keys, explains):
    problems = lint_fragment(fragment, RULE)
    assert sorted(positions(problems)) == sorted(where(fragment, "[]", i) for i in range(len(keys)))
    assert all(p.severity == "suggestion" for p in problems)
    for what in explains:
        assert any(what in p.message for p in problems)


def test_missing_key_points_at_the_status():
    from lintkit import BASE, TODAY

    from handbook.lint.runner import lint
    from handbook.loader import load_texts
    from handbook.settings import Settings

    # Everything before the targets: no targets, steps, wordings or examples at all.
    text = BASE.split("targets:")[0]
    handbook = load_texts({"s.yml": text}, Settings())
    problems = [p for p in lint(handbook, TODAY) if p.rule == RULE]
    assert len(problems) == 3
    assert {(p.line, p.column) for p in problems} == {where(text, "active")}


@pytest.mark.parametrize("status", ["draft", "pilot", "retired"])
def test_only_active_standards_are_checked(status):
    assert lint_fragment(f"status: {status}\nexamples: []\nwordings: []\n", RULE) == []


def test_complete_standard_passes():
    assert lint_fragment("status: active\n", RULE) == []
