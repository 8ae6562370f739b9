"""Bad standards: the build fails, names every problem with its location, and changes nothing."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from conftest import build, copy_fixture


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


BAD_FILES = {
    # Invalid YAML: an unclosed flow list.
    "standards/bad-yaml.yml": "id: BAD-001\ntitle: Broken\nrules: [one\nowner: x\n",
    # A misspelt key and a wrong type.
    "standards/typo.yml": (
        "id: TYPO-001\ntitle: Typo standard\nsumary: Misspelt key here.\nsummary: A summary long enough.\n"
        "area: telephone\nsituation: Something happens at the desk.\nstatus: active\nowner: Team lead\n"
        "effective: 2026-01-01\nreview_by: 2099-01-01\nrules: Answer the phone.\n"
    ),
    # A missing required field (owner), an unknown related id and a missing illustration.
    "standards/missing.yml": (
        "id: MISS-001\ntitle: Missing owner\nsummary: A summary long enough.\narea: telephone\n"
        "situation: Something happens at the desk.\nstatus: active\neffective: 2026-01-01\n"
        "review_by: 2099-01-01\nrules:\n  - Answer the phone.\n"
    ),
    "standards/related.yml": (
        "id: REL-001\ntitle: Related to nothing\nsummary: A summary long enough.\narea: telephone\n"
        "situation: Something happens at the desk.\nstatus: active\nowner: Team lead\n"
        "effective: 2026-01-01\nreview_by: 2099-01-01\nrules:\n  - Answer the phone.\n"
        "related: [NOPE-001]\nillustrations:\n  - file: nowhere.svg\n    alt: An image that is not there\n"
    ),
    # The same id as the fixture's phone-001.yml.
    "standards/duplicate.yml": (
        "id: PHONE-001\ntitle: Same id again\nsummary: A summary long enough.\narea: telephone\n"
        "situation: Something happens at the desk.\nstatus: active\nowner: Team lead\n"
        "effective: 2026-01-01\nreview_by: 2099-01-01\nrules:\n  - Answer the phone.\n"
    ),
    # Not a standard file at all.
    "standards/notes.txt": "remember to update the standards\n",
}

EXPECTED = [
    # Where the bracket opens, not where YAML gave up.
    ("standards/bad-yaml.yml", 3, 8, "yaml-syntax", "this bracket ([) is not closed on its line"),
    ("standards/typo.yml", 3, 1, "schema", "unknown key 'sumary': did you mean 'summary'?"),
    ("standards/typo.yml", 11, 8, "schema", "'rules' should be a list"),
    ("standards/missing.yml", 1, 1, "schema", "missing required key 'owner'"),
    (
        "standards/related.yml",
        12,
        11,
        "unknown-related",
        "related standard NOPE-001 does not exist",
    ),
    (
        "standards/related.yml",
        14,
        11,
        "missing-illustration",
        "illustration 'nowhere.svg' is not in illustrations/",
    ),
    # Outside git nothing tells which file is newer: both are named.
    (
        "standards/phone-001.yml",
        2,
        5,
        "duplicate-id",
        "id PHONE-001 is also used by standards/duplicate.yml",
    ),
    (
        "standards/duplicate.yml",
        1,
        5,
        "duplicate-id",
        "id PHONE-001 is also used by standards/phone-001.yml",
    ),
    ("standards/notes.txt", 1, 1, "not-yaml", "only standard files (.yml) belong in standards/"),
]


def test_every_problem_is_reported_together_and_nothing_is_modified(tmp_path):
    project = copy_fixture("basic", tmp_path)
    for name, text in BAD_FILES.items():
        (project / name).write_text(text)
    before = snapshot(project / "standards")
    result = build(project)
    assert result.returncode != 0
    assert snapshot(project / "standards") == before
    assert not (project / "site" / "standards").exists()
    assert "Traceback" not in result.output
    for file, line, column, rule, message in EXPECTED:
        pattern = rf"{re.escape(file)}:{line}:{column}: error {rule} .*{re.escape(message)}"
        assert re.search(pattern, result.output), (
            f"no {file}:{line}:{column} {rule} in:\n{result.output}"
        )
    assert f"{len(EXPECTED)} problems in the standards" in result.output


def test_a_good_build_does_not_modify_sources(tmp_path):
    project = copy_fixture("basic", tmp_path)
    before = snapshot(project)
    result = build(project)
    assert result.returncode == 0, result.output
    # The build writes only its output and its cache (like Material's plugins, in .cache/).
    after = {k: v for k, v in snapshot(project).items() if not k.startswith(("site/", ".cache/"))}
    assert after == before


def test_handbook_check_reports_the_same_problems(tmp_path):
    import subprocess
    import sys

    project = copy_fixture("basic", tmp_path)
    for name, text in BAD_FILES.items():
        (project / name).write_text(text)
    result = subprocess.run(
        [sys.executable, "-m", "handbook.cli", "check"], cwd=project, capture_output=True, text=True
    )
    assert result.returncode == 1
    for file, line, column, rule, _ in EXPECTED:
        assert f"{file}:{line}:{column}: error {rule}" in result.stderr
