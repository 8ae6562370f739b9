"""The repository's own handbook meets its bar: `handbook lint --strict` passes on it."""

from __future__ import annotations

from pathlib import Path

from handbook.lint.runner import lint_paths
from handbook.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def test_sample_standards_have_no_errors_or_warnings():
    settings = Settings.from_mkdocs_yml(ROOT / "mkdocs.yml")
    problems, count = lint_paths(None, settings)
    assert count >= 20
    failing = [str(p) for p in problems if p.severity in ("error", "warning")]
    assert failing == [], "rewrite these standards (don't loosen the rules):\n" + "\n".join(failing)
