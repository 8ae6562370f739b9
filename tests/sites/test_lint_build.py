"""The linter in `mkdocs build`: findings are warnings with file:line, so --strict fails."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import build, copy_fixture

RULE = "  - Answer within three rings.\n"
VAGUE_RULE = "  - Answer promptly, within three rings.\n"


def vague_project(tmp_path):
    project = copy_fixture("basic", tmp_path)
    standard = project / "standards" / "phone-001.yml"
    text = standard.read_text("utf-8")
    assert RULE in text
    standard.write_text(text.replace(RULE, VAGUE_RULE), "utf-8")
    line = text[: text.index(RULE)].count("\n") + 1
    column = VAGUE_RULE.index("promptly") + 1
    return project, f"standards/phone-001.yml:{line}:{column}"


def test_vague_word_is_a_warning_that_fails_strict_build(tmp_path):
    project, location = vague_project(tmp_path)
    result = build(project)
    assert result.returncode != 0
    warnings = [line for line in result.output.splitlines() if line.startswith("WARNING")]
    assert any(
        f"{location}: warning vague-wording (lint error) 'promptly' is vague" in w for w in warnings
    ), result.output
    assert "Aborted with" in result.output and "strict mode" in result.output


def test_without_strict_the_site_still_builds(tmp_path):
    project, location = vague_project(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert location in result.stderr
    page = (project / "site" / "editors" / "lint-rules" / "index.html").read_text("utf-8")
    assert 'id="vague-wording"' in page and "Reply to every email within 4 working hours" in page


def test_clean_fixture_builds_strict_with_the_rules_page(basic_project):
    result = build(basic_project)
    assert result.returncode == 0, result.output
    assert "vague-wording" not in result.output
    page = (basic_project / "site" / "editors" / "lint-rules" / "index.html").read_text("utf-8")
    for rule in ("readability", "say-dont-say", "unmeasurable-target"):
        assert f'id="{rule}"' in page
