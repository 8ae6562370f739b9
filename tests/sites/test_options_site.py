"""Bad plugin options through both front doors: `mkdocs build` and `handbook lint` report
every one, together, at its line in mkdocs.yml or in the file it inherits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import build, copy_fixture

sys.path.insert(0, str(Path(__file__).parent.parent / "unit"))
from test_options import BAD  # noqa: E402  (the table of bad values, one per problem)


def _lint(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "handbook.cli", "lint", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def _with_options(project: Path, rows: list[tuple[str, int, int, str, str]], name: str) -> list:
    """Write the rows' options under the handbook plugin of `name`; each row's problem
    located where its snippet landed."""
    config = project / name
    lines = config.read_text("utf-8").splitlines()
    at = lines.index("  - handbook") + 1
    lines[at - 1] = "  - handbook:"
    expected = []
    for snippet, line, column, severity, message in rows:
        snippet_lines = snippet.splitlines()
        expected.append((f"{name}:{at + line}:{6 + column}", severity, message))
        lines[at:at] = [f"      {text}" for text in snippet_lines]
        at += len(snippet_lines)
    config.write_text("\n".join(lines) + "\n", "utf-8")
    return expected


def _one_per_option(severity: str) -> list[tuple[str, int, int, str, str]]:
    """A row for each option (the first of the table), as they can all be written at once."""
    rows: dict[str, tuple[str, int, int, str, str]] = {}
    for row in BAD:
        rows.setdefault(row[0].split(":")[0], row)
    return [row for row in rows.values() if row[3] == severity]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_fixture("basic", tmp_path)


def test_every_bad_option_is_reported_by_the_build_and_by_lint(project):
    expected = _with_options(project, _one_per_option("error"), "mkdocs.yml")
    assert len(expected) >= 15
    result = build(project)
    assert result.returncode == 1, result.output
    assert "Traceback" not in result.output
    for where, _, message in expected:
        assert f"{where}: {message}\n" in result.output, result.output
    assert not (project / "site").exists()
    linted = _lint(project)
    assert linted.returncode == 1
    for where, severity, message in expected:
        assert f"{where}: {severity} config {message}\n" in linted.stdout, linted.stdout


def test_an_option_in_the_inherited_file_is_located_there(project):
    """`mkdocs.offline.yml`-style configs inherit the options: problems point at the base."""
    rows = [row for row in BAD if row[0].startswith("cards:\n  size")]
    ((where, severity, message),) = _with_options(project, rows, "mkdocs.yml")
    os.rename(project / "mkdocs.yml", project / "base.yml")
    (project / "mkdocs.yml").write_text("INHERIT: base.yml\nsite_name: Child\n", "utf-8")
    where = where.replace("mkdocs.yml", "base.yml")
    result = build(project)
    assert result.returncode == 1
    assert f"{where}: {message}\n" in result.output, result.output
    linted = _lint(project)
    assert linted.returncode == 1
    assert f"{where}: {severity} config {message}\n" in linted.stdout, linted.stdout


def test_a_misspelt_option_fails_a_strict_build_at_its_line(project):
    expected = _with_options(project, _one_per_option("warning"), "mkdocs.yml")
    assert [e[2] for e in expected] == ["area: unknown option: did you mean 'areas'?"]
    result = build(project)
    assert result.returncode == 1
    where, _, message = expected[0]
    assert f"{where}: {message}\n" in result.output, result.output
    assert "Aborted with 1 configuration warnings in 'strict' mode" in result.output
