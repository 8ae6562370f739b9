"""`handbook lint` and `handbook score` from the command line: formats and exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from lintkit import BASE, standard_text, where

from handbook.cli import main

VAGUE = "rules:\n  - Reply promptly.\n"
PASSIVE_ONLY = "rules:\n  - The complaint must be logged within 30 minutes.\n"
HARD = (
    "rules:\n  - Communicate the organisational escalation procedure comprehensively"
    " to dissatisfied customers.\n"
)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A handbook folder with mkdocs.yml, as the working directory; returns a file writer."""
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nplugins:\n  - handbook\n")
    (tmp_path / "standards").mkdir()
    monkeypatch.chdir(tmp_path)

    def write(name: str, text: str) -> Path:
        path = tmp_path / "standards" / name
        path.write_text(text)
        return path

    return write


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["lint", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_handbook_exits_0(project, capsys):
    project("a.yml", BASE)
    code, out, err = run(capsys, "--strict")
    assert (code, out) == (0, "")
    assert "1 standard file: no problems" in err


def test_error_exits_1_and_prints_file_line_column(project, capsys):
    project("a.yml", standard_text(VAGUE))
    code, out, err = run(capsys)
    line, column = where(VAGUE, "promptly")
    assert code == 1
    assert out.startswith(f"standards/a.yml:{line}:{column}: error vague-wording 'promptly'")
    assert "(say how long:" in out
    assert "1 error in 1 standard file" in err


def test_warning_fails_only_with_strict(project, capsys):
    project("a.yml", standard_text(HARD))
    assert run(capsys)[0] == 0
    code, out, _ = run(capsys, "--strict")
    assert code == 1 and " warning readability " in out


def test_suggestion_never_fails(project, capsys):
    project("a.yml", standard_text(PASSIVE_ONLY))
    code, out, _ = run(capsys, "--strict")
    assert code == 0 and " suggestion passive-voice " in out


def test_broken_file_is_reported_with_its_location(project, capsys):
    project("a.yml", standard_text(VAGUE))
    project("b.yml", "id: [oops\n")
    code, out, _ = run(capsys)
    assert code == 1
    # Reported where the bracket opens, not where YAML gave up (the next line).
    assert "standards/b.yml:1:5: error yaml-syntax this bracket ([) is not closed" in out
    assert "standards/a.yml:2:11: error vague-wording" in out


def test_paths_limit_the_report(project, capsys):
    project("a.yml", standard_text(VAGUE))
    other = project("b.yml", standard_text(PASSIVE_ONLY).replace("TEST-001", "TEST-002"))
    code, out, _ = run(capsys, str(other))
    assert code == 0
    assert "standards/b.yml" in out and "standards/a.yml" not in out


@pytest.mark.parametrize(
    "args",
    [["no/such/file.yml"], ["-f", "missing.yml"], ["--format", "xml"], ["--no-such-flag"]],
)
def test_unusable_arguments_exit_2(project, capsys, args):
    project("a.yml", BASE)
    try:
        code = main(["lint", *args])
    except SystemExit as exit:  # argparse's own errors
        code = exit.code
    assert code == 2


def test_json_format(project, capsys):
    project("a.yml", standard_text(VAGUE + "steps:\n  - The form is sent by post.\n"))
    code, out, _ = run(capsys, "--format", "json")
    found = json.loads(out)
    assert code == 1
    assert [item["rule"] for item in found] == ["vague-wording", "passive-voice"]
    for item in found:
        assert set(item) == {"file", "line", "column", "rule", "severity", "message", "suggestion"}
    assert found[0]["file"] == "standards/a.yml"
    assert (found[0]["line"], found[0]["column"]) == where(VAGUE, "promptly")
    assert found[0]["severity"] == "error" and found[1]["severity"] == "suggestion"


def test_github_format_is_workflow_commands(project, capsys):
    project("a.yml", standard_text(VAGUE + "steps:\n  - The form is sent by post.\n"))
    code, out, _ = run(capsys, "--format", "github")
    lines = out.splitlines()
    assert code == 1 and len(lines) == 2
    assert lines[0].startswith(
        "::error file=standards/a.yml,line=2,col=11,title=vague-wording (error)::'promptly' is vague"
    )
    # The suggestion goes on a second line of the annotation: newlines are escaped.
    assert "%0Asay how long" in lines[0]
    assert lines[1].startswith("::notice file=standards/a.yml,line=4,col=")


def test_config_file_sets_lint_severity(project, tmp_path, capsys):
    project("a.yml", standard_text(VAGUE))
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nplugins:\n  - handbook:\n      lint:\n        vague-wording: suggestion\n"
    )
    code, out, _ = run(capsys, "-f", "mkdocs.yml", "--strict")
    assert code == 0 and " suggestion vague-wording " in out


# --- handbook score --------------------------------------------------------------------------


def test_score_prints_the_worked_example(tmp_path, capsys):
    text = tmp_path / "t.txt"
    text.write_text("The cat sat on the mat.")
    assert main(["score", str(text)]) == 0
    out = capsys.readouterr().out
    assert "words                 6" in out
    assert "flesch_reading_ease   116.145" in out


def test_score_json_from_standard_input(monkeypatch, capsys):
    sentence = "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature."
    monkeypatch.setattr("sys.stdin", io.StringIO(sentence))
    assert main(["score", "-", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert set(figures) == {
        "words",
        "sentences",
        "syllables",
        "flesch_reading_ease",
        "flesch_kincaid_grade",
    }
    assert (figures["words"], figures["syllables"], figures["flesch_kincaid_grade"]) == (
        13,
        24,
        11.265,
    )


def test_score_of_a_missing_file_exits_2(tmp_path, capsys):
    assert main(["score", str(tmp_path / "none.txt")]) == 2


def test_github_format_escapes_what_would_break_the_command():
    from handbook.commands.lint import render
    from handbook.problems import Problem

    problem = Problem("a,b:c.yml", 3, 4, "vague-wording", "100% vague\nreally", "warning", None)
    assert render([problem], "github") == (
        "::warning file=a%2Cb%3Ac.yml,line=3,col=4,title=vague-wording (warning)"
        "::100%25 vague%0Areally\n"
    )
