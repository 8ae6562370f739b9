"""Messages that point editors the right way: the file, line and column to change and
what to write there (issue: editors who are not programmers)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURES
from handbook.loader import load
from handbook.options import Options
from handbook.settings import Settings

STANDARDS = FIXTURES / "basic" / "standards"


def _project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "basic", tmp_path / "p")
    return tmp_path / "p"


def _edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / "standards" / name
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def _messages(project: Path, rule: str) -> list[str]:
    handbook = load(
        Settings(root=project, options=Options(areas={"telephone": "Telephone", "email": "Email"}))
    )
    return [str(p) for p in sorted(handbook.problems) if p.rule == rule]


def _git(project: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=E", "-c", "user.email=e@example.org", *args],
        cwd=project,
        check=True,
        capture_output=True,
    )


def test_unclosed_quote_is_reported_where_it_opens(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _edit(project, "phone-001.yml", "summary: Answer", 'summary: "Answer')
    assert _messages(project, "yaml-syntax") == [
        'standards/phone-001.yml:4:10: error yaml-syntax this quote (") is not closed on '
        'its line: end the text with "'
    ]


def test_unclosed_bracket_is_reported_where_it_opens(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _edit(project, "phone-001.yml", "aliases: [picking up, incoming call]", "aliases: [picking up")
    assert _messages(project, "yaml-syntax") == [
        "standards/phone-001.yml:7:10: error yaml-syntax this bracket ([) is not closed on "
        "its line: end the text with ]"
    ]


def test_a_colon_in_a_text_says_to_quote_it(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _edit(project, "phone-001.yml", "  - Answer within three rings.", "  - Say: hello")
    assert _messages(project, "schema") == [
        "standards/phone-001.yml:17:5: error schema 'rules[1]' should be text (a colon "
        "followed by a space starts a key in YAML: put the whole text in quotes, e.g. "
        '"Say: hello")'
    ]


@pytest.mark.parametrize("within", ["2 business days", "1 week"])
def test_a_refused_escalation_time_lists_what_is_allowed(tmp_path: Path, within: str) -> None:
    project = _project(tmp_path)
    _edit(project, "phone-001.yml", "within: 15 minutes", f"within: {within}")
    (message,) = _messages(project, "schema")
    assert message.startswith(
        f"standards/phone-001.yml:48:13: error schema 'escalation[1].within' has the wrong "
        f"form ('{within}'): Time allowed: 'immediately', or a whole number and one of "
        "minute(s), hour(s), working hour(s), day(s), working day(s)"
    )
    assert "for business days write working days" in message


def test_links_to_a_standard_that_did_not_load_say_where_it_failed(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _edit(project, "phone-001.yml", "summary: Answer", 'summary: "Answer')
    assert _messages(project, "unknown-related") == [
        "standards/phone-002.yml:14:11: error unknown-related related standard PHONE-001 "
        "could not be loaded (see standards/phone-001.yml:4): fix that file first"
    ]


def test_a_missing_related_standard_still_does_not_exist(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _edit(project, "phone-002.yml", "related: [PHONE-001]", "related: [PHONE-009]")
    assert _messages(project, "unknown-related") == [
        "standards/phone-002.yml:14:11: error unknown-related related standard PHONE-009 "
        "does not exist: fix the id or remove it"
    ]


def _copy_of_phone_001(project: Path) -> None:
    # Sorts before the original, so a check that blamed the second file read would
    # blame the untouched original.
    shutil.copy(project / "standards" / "phone-001.yml", project / "standards" / "phone-000.yml")


def test_duplicate_id_blames_the_file_newer_in_git(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _git(project, "init", "--quiet")
    _git(project, "add", "-A")
    _git(project, "commit", "--quiet", "-m", "Standards")
    _copy_of_phone_001(project)
    assert _messages(project, "duplicate-id") == [
        "standards/phone-000.yml:2:5: error duplicate-id id PHONE-001 is already used by "
        "standards/phone-001.yml, which came first: give this standard the next free id"
    ]
    _git(project, "add", "-A")
    _git(project, "commit", "--quiet", "-m", "Copy")
    assert [m.split(":")[0] for m in _messages(project, "duplicate-id")] == [
        "standards/phone-000.yml"
    ]


def test_duplicate_id_outside_git_names_both_files(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _copy_of_phone_001(project)
    assert _messages(project, "duplicate-id") == [
        "standards/phone-000.yml:2:5: error duplicate-id id PHONE-001 is also used by "
        "standards/phone-001.yml: give the newer of these files the next free id (git "
        "cannot tell which is newer)",
        "standards/phone-001.yml:2:5: error duplicate-id id PHONE-001 is also used by "
        "standards/phone-000.yml: give the newer of these files the next free id (git "
        "cannot tell which is newer)",
    ]


def test_a_misspelt_plugin_option_is_reported_by_the_commands_as_by_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from handbook import cli

    project = _project(tmp_path)
    (project / "mkdocs.yml").write_text(
        "site_name: Test\ntheme:\n  name: material\nplugins:\n  - handbook:\n"
        "      area:\n        telephone: Telephone\n",
        "utf-8",
    )
    monkeypatch.chdir(project)
    expected = "mkdocs.yml:6:7: warning config area: unknown option: did you mean 'areas'?"
    assert cli.main(["lint", "--strict"]) == 1
    assert expected in capsys.readouterr().out
    cli.main(["check"])
    assert expected in capsys.readouterr().err
