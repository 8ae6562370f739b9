"""Hostile or broken standard files: `handbook check`, `lint`, `cards` and the build report
the same located problems, all of them in one run, and none ends in a traceback."""

from __future__ import annotations

import builtins
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from conftest import build, copy_fixture
from handbook.loader import load
from handbook.settings import Settings

PHONE = (
    Path(__file__).parent.parent / "fixtures" / "basic" / "standards" / "phone-001.yml"
).read_text()


def variant(number: int, old: str, new: str, extra: str = "") -> str:
    assert old in PHONE
    text = PHONE.replace("PHONE-001", f"PHONE-{number:03}").replace("related: [PHONE-002]\n", "")
    return text.replace(old, new) + extra


BAD = {
    # file: (text or bytes, line, column, rule, words)
    "date.yml": (variant(11, "effective: 2026-01-05", "effective: 2026-02-30"), "yaml-value", "2026-02-30 is not a date"),
    "pasted.yml": (variant(12, "title: Answering the phone", "title: Answering\x1b[0m the phone"), "yaml-value", "U+001B"),
    "escaped.yml": (variant(13, "title: Answering the phone", 'title: "Answering \\ud800 phone"'), "yaml-value", "U+D800"),
    "nested.yml": (variant(14, "tags: [greeting, calls]", "tags: " + "[" * 500 + "]" * 500), "yaml-value", "nested more than"),
    "digits.yml": (variant(15, "value: 90", "value: " + "9" * 5000), "yaml-value", "too large a number"),
    "step.yml": (variant(16, "", "", "card:\n  steps: [1.0, 2]\n  wordings: [1.0]\n"), "card-reference", "not a whole number"),
    "latin1.yml": (variant(17, "", "").encode().replace(b"Answering", b"Answ\xe9ring"), "encoding", "not UTF-8"),
}  # fmt: skip


def where(name: str, data: str | bytes, words: str) -> str:
    """The file:line:col the problem must name: the first line holding the bad part."""
    text = data.decode("latin-1") if isinstance(data, bytes) else data
    marks = {
        "date.yml": "2026-02-30",
        "pasted.yml": "\x1b",
        "escaped.yml": '"Answering',
        "nested.yml": "[" * 19 + "[",
        "digits.yml": "99999",
        "step.yml": "1.0",
        "latin1.yml": "\xe9",
    }
    index = text.index(marks[name])
    if name == "nested.yml":
        index += 19  # the first value past 20 levels
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"standards/{name}:{line}:{column}"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = copy_fixture("basic", tmp_path)
    for name, (data, _, _) in BAD.items():
        path = project / "standards" / name
        path.write_bytes(data) if isinstance(data, bytes) else path.write_text(data)
    return project


def expected() -> list[tuple[str, str, str]]:
    return [(where(name, data, words), rule, words) for name, (data, rule, words) in BAD.items()]


def test_check_lint_cards_and_build_report_the_same_problems_together(project):
    commands = {
        "check": [sys.executable, "-m", "handbook.cli", "check"],
        "lint": [sys.executable, "-m", "handbook.cli", "lint"],
        "lint files": [sys.executable, "-m", "handbook.cli", "lint", "standards"],
        "cards": [sys.executable, "-m", "handbook.cli", "cards", "--out", "cards.pdf"],
    }
    outputs = {}
    for label, command in commands.items():
        run = subprocess.run(command, cwd=project, capture_output=True, text=True)
        assert run.returncode == 1, (label, run.stdout + run.stderr)
        outputs[label] = run.stdout + run.stderr
    result = build(project)
    assert result.returncode == 1
    outputs["build"] = result.output
    assert not (project / "cards.pdf").exists()
    for label, output in outputs.items():
        assert "Traceback" not in output, (label, output)
        for location, rule, words in expected():
            lines = [line for line in output.splitlines() if f"{location}: error {rule} " in line]
            assert lines and words in lines[0], f"{label}: no {location} {rule} in:\n{output}"


def test_an_unreadable_file_is_a_problem_and_the_others_still_load(project, monkeypatch):
    # Tests run as root, for whom chmod 000 changes nothing: the error is made instead.
    real_open = builtins.open
    unreadable = project / "standards" / "phone-002.yml"

    def refusing_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(file) == unreadable:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing_open)
    problems = [str(p) for p in load(Settings.from_mkdocs_yml(project / "mkdocs.yml")).problems]
    assert any(
        p.startswith("standards/phone-002.yml:1:1: error unreadable ")
        and "cannot be read (Permission denied)" in p
        for p in problems
    ), problems
    # Every other problem of the run is still there.
    for location, rule, _ in expected():
        assert any(p.startswith(f"{location}: error {rule} ") for p in problems), location


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    project = copy_fixture("basic", tmp_path)
    with open(project / "standards" / "huge.yml", "wb") as huge:
        huge.truncate(1_000_000_000)  # a sparse gigabyte: free to make, 1 GB to read
    tracemalloc.start()
    try:
        handbook = load(Settings.from_mkdocs_yml(project / "mkdocs.yml"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [str(p) for p in handbook.problems] == [
        "standards/huge.yml:1:1: error too-large file is larger than 1,000,000 bytes: split it up"
    ]
    assert peak < 20_000_000


def test_a_file_name_that_is_not_utf8_is_a_problem_not_a_traceback(tmp_path: Path):
    # Linux file names are bytes: one saved in Latin-1 ("é" as 0xE9) cannot be printed
    # into the site (its edit link, the digest of its path) and stopped the build.
    project = copy_fixture("basic", tmp_path)
    name = os.path.join(os.fsencode(project / "standards"), b"phone-0\xe9.yml")
    with open(name, "wb") as file:
        file.write(variant(18, "", "").encode())
    problems = [str(p) for p in load(Settings.from_mkdocs_yml(project / "mkdocs.yml")).problems]
    assert [p for p in problems if " error encoding " in p and "name" in p], problems
    result = build(project)
    assert result.returncode == 1
    assert "Traceback" not in result.output
    assert "error encoding" in result.output and "rename" in result.output, result.output
