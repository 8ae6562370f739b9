"""The linter in the build: errors become warnings (strict fails, serve goes on); bad lint
settings stay errors; suggestions stay suggestions (shown as info); the rules page is added."""

from __future__ import annotations

from pathlib import Path

from lintkit import standard_text

from handbook.features import all_features
from handbook.lint.feature import LintFeature
from handbook.loader import load_texts
from handbook.settings import Settings

FRAGMENT = "rules:\n  - Reply promptly.\n  - The form is sent by post.\n"


def problems(lint_settings: dict | None = None):
    handbook = load_texts(
        {"s.yml": standard_text(FRAGMENT)}, Settings.from_options(Path(), {"lint": lint_settings})
    )
    return LintFeature().problems(handbook)


def test_lint_errors_become_build_warnings_that_keep_their_severity_in_the_message():
    (vague,) = [p for p in problems() if p.rule == "vague-wording"]
    assert vague.severity == "warning"
    assert vague.message.startswith("(lint error) 'promptly' is vague")


def test_suggestions_stay_suggestions():
    (passive,) = [p for p in problems() if p.rule == "passive-voice"]
    assert passive.severity == "suggestion"


def test_feature_is_registered_and_adds_the_rules_page():
    assert any(isinstance(f, LintFeature) for f in all_features())
    handbook = load_texts({"s.yml": standard_text("")}, Settings())
    (page,) = LintFeature().files(handbook, None)  # type: ignore[arg-type]
    assert page.path == "editors/lint-rules.md"
