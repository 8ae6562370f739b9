"""Another organisation's handbook: the README's minimal mkdocs.yml and home page, one
standard, built from an empty folder with `mkdocs build --strict`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, build
from handbook import cli

STANDARD = """\
# yaml-language-server: $schema=../../standard.schema.json
id: DESK-001
title: Greeting a visitor
summary: Look up, smile and say hello within 5 seconds of a visitor reaching the desk.
area: front-desk
situation: A visitor walks up to the front desk.
status: active
owner: Front desk lead
effective: 2026-01-05
review_by: 2099-01-05
rules:
  - Say hello within 5 seconds, even when you are on the phone.
"""


def _readme_block(name: str) -> str:
    """The fenced block after the README's `<!-- reuse:NAME -->` marker."""
    readme = (ROOT / "README.md").read_text("utf-8")
    match = re.search(
        rf"<!-- reuse:{re.escape(name)}\b[^>]*-->\s*```\w*\n(.*?)```", readme, re.DOTALL
    )
    assert match, f"README.md has no reuse:{name} block"
    return match.group(1)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = tmp_path / "acme"
    (project / "docs").mkdir(parents=True)
    (project / "standards" / "front-desk").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(_readme_block("mkdocs.yml"), "utf-8")
    (project / "docs" / "index.md").write_text(_readme_block("docs/index.md"), "utf-8")
    (project / "standards" / "front-desk" / "desk-001-greeting.yml").write_text(STANDARD, "utf-8")
    return project


def test_minimal_site_builds_with_the_standard(project: Path) -> None:
    result = build(project)
    assert result.returncode == 0, result.output
    page = result.page("standards/desk-001/")
    assert "Greeting a visitor" in page
    assert "Say hello within 5 seconds" in page
    home = result.page("")
    assert "<!-- handbook:areas -->" not in home
    assert "Front desk" in home and "standards/desk-001/" in home


def test_a_new_standard_is_a_draft_to_fill_in(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = str(project / "mkdocs.yml")
    assert cli.main(["schema"]) == 0
    (project / "standard.schema.json").write_text(capsys.readouterr().out, "utf-8")
    args = ["new", "-f", config, "--area", "telephone", "--title", "Answering calls"]
    assert cli.main([*args, "--prefix", "PHONE"]) == 0
    assert capsys.readouterr().out == "standards/telephone/phone-001-answering-calls.yml\n"
    new = project / "standards" / "telephone" / "phone-001-answering-calls.yml"
    assert new.read_text("utf-8").startswith(
        "# yaml-language-server: $schema=../../standard.schema.json\n"
    )
    assert cli.main(["lint", "-f", config]) == 0  # a draft's placeholders are warnings
    out = capsys.readouterr().out.splitlines()
    found = [line.split()[1:3] for line in out if line.startswith("standards/telephone/")]
    assert found and {tuple(words) for words in found} == {("warning", "placeholder")}
    # The strict build refuses a draft still full of TODOs, and says where they are.
    result = build(project)
    assert result.returncode == 1
    assert "phone-001-answering-calls.yml:" in result.output
    assert "fill me in" in result.output
