"""The project folder is the boundary: links that leave it are located problems, and
nothing they point at is read, copied or published."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import build, copy_fixture
from handbook.loader import load
from handbook.settings import Settings

PHONE = Path(__file__).parent.parent / "fixtures" / "basic" / "standards" / "phone-001.yml"
# Line and column of the value `ring.svg` in phone-001.yml.
RING_AT = (PHONE.read_text().split("\n").index("  - file: ring.svg") + 1, 11)


def found(project: Path, **options) -> list[str]:
    settings = Settings.from_mkdocs_yml(project / "mkdocs.yml")
    for key, value in options.items():
        setattr(settings, key, value)
    return [str(p) for p in load(settings).problems]


def one(problems: list[str], where: str, rule: str, words: str) -> None:
    hits = [p for p in problems if p.startswith(f"{where}: error {rule} ") and words in p]
    assert hits, f"no {where} {rule} '{words}' in:\n" + "\n".join(problems)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_fixture("basic", tmp_path)


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the project, with a valid standard and a secret in it."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "stolen.yml").write_text(PHONE.read_text().replace("PHONE-001", "PHONE-009"))
    (folder / "secret.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><!--KEY--></svg>')
    return folder


def test_a_standard_linked_to_a_system_file_is_a_problem_at_the_link(project):
    (project / "standards" / "passwd.yml").symlink_to("/etc/passwd")
    problems = found(project)
    one(problems, "standards/passwd.yml:1:1", "outside-project", "leads outside the project")
    assert not any("root:x:0" in p for p in problems)


def test_a_standard_linked_to_the_build_environment_is_refused(project):
    (project / "standards" / "environ.yml").symlink_to("/proc/self/environ")
    one(found(project), "standards/environ.yml:1:1", "outside-project", "/proc/")


def test_a_folder_linked_from_outside_is_not_read(project, outside):
    (project / "standards" / "more").symlink_to(outside, target_is_directory=True)
    problems = found(project)
    one(problems, "standards/more:1:1", "outside-project", str(outside))
    assert not any("PHONE-009" in p or "stolen" in p for p in problems)


def test_a_link_to_nothing_and_a_chain_out_are_problems(project):
    standards = project / "standards"
    (standards / "gone.yml").symlink_to(standards / "deleted.yml")
    (standards / "step.yml").symlink_to("/etc/hostname")
    (standards / "chain.yml").symlink_to(standards / "step.yml")
    problems = found(project)
    one(problems, "standards/gone.yml:1:1", "outside-project", "points to nothing")
    one(problems, "standards/step.yml:1:1", "outside-project", "leads outside")
    one(problems, "standards/chain.yml:1:1", "outside-project", "leads outside")


def test_links_that_stay_inside_the_project_are_followed(project):
    shared = project / "shared"
    shared.mkdir()
    (shared / "phone.yml").write_text(PHONE.read_text().replace("PHONE-001", "PHONE-008"))
    (project / "standards" / "linked.yml").symlink_to(shared / "phone.yml")
    (project / "standards" / "loop").symlink_to(project / "standards")  # read once
    ring = project / "illustrations" / "ring.svg"
    os.rename(ring, shared / "ring.svg")
    ring.symlink_to(shared / "ring.svg")
    settings = Settings.from_mkdocs_yml(project / "mkdocs.yml")
    handbook = load(settings)
    assert handbook.problems == []
    assert sorted(s.id for s in handbook.standards) == [
        "EMAIL-001",
        "PHONE-001",
        "PHONE-002",
        "PHONE-008",
    ]


def test_an_illustration_linked_out_is_a_problem_at_its_yaml_reference(project, outside):
    ring = project / "illustrations" / "ring.svg"
    ring.unlink()
    ring.symlink_to(outside / "secret.svg")
    line, column = RING_AT
    one(
        found(project),
        f"standards/phone-001.yml:{line}:{column}",
        "unsafe-illustration",
        "leads outside the project",
    )


def test_an_illustration_named_out_of_its_folder_is_a_problem(project, outside):
    standard = project / "standards" / "phone-001.yml"
    name = os.path.relpath(outside / "secret.svg", project / "illustrations")
    standard.write_text(standard.read_text().replace("file: ring.svg", f"file: a/../{name}"))
    line, column = RING_AT
    one(
        found(project),
        f"standards/phone-001.yml:{line}:{column}",
        "unsafe-illustration",
        "leads out of illustrations/",
    )


def test_folders_set_outside_the_project_are_not_read(project, outside):
    config = project / "mkdocs.yml"
    text = config.read_text().replace(
        "  - handbook\n",
        f"  - handbook:\n      standards_dir: {outside}\n      illustrations_dir: /etc\n",
    )
    config.write_text(f"{text}docs_dir: {outside}\n")
    lines = config.read_text().splitlines()
    at = {
        key: lines.index(next(line for line in lines if line.strip().startswith(key))) + 1
        for key in ("standards_dir", "illustrations_dir", "docs_dir")
    }
    problems = found(project)
    one(
        problems,
        f"mkdocs.yml:{at['standards_dir']}:7",
        "outside-project",
        f"standards_dir '{outside}'",
    )
    one(
        problems,
        f"mkdocs.yml:{at['illustrations_dir']}:7",
        "outside-project",
        "illustrations_dir '/etc'",
    )
    one(problems, f"mkdocs.yml:{at['docs_dir']}:1", "outside-project", f"docs_dir '{outside}'")
    assert not any("PHONE-009" in p for p in problems)


def test_a_docs_page_linked_out_is_a_problem(project):
    (project / "docs" / "leak.md").symlink_to("/etc/passwd")
    one(found(project), "docs/leak.md:1:1", "outside-project", "leads outside")


def test_the_build_fails_and_publishes_nothing_from_outside(project, outside):
    (project / "standards" / "passwd.yml").symlink_to("/etc/passwd")
    (project / "docs" / "environ.txt").symlink_to("/proc/self/environ")
    ring = project / "illustrations" / "ring.svg"
    ring.unlink()
    ring.symlink_to(outside / "secret.svg")
    result = build(project)
    assert result.returncode != 0
    assert "Traceback" not in result.output
    for where in ("standards/passwd.yml:1:1", "docs/environ.txt:1:1", "standards/phone-001.yml"):
        assert where in result.output, result.output
    published = [p for p in project.joinpath("site").rglob("*") if p.is_file()]
    assert not any(b"root:x:0" in p.read_bytes() or b"KEY" in p.read_bytes() for p in published)
    # `handbook check` and `handbook lint` report the same links.
    for command in (["check"], ["lint"], ["lint", "standards"]):
        run = subprocess.run(
            [sys.executable, "-m", "handbook.cli", *command],
            cwd=project,
            capture_output=True,
            text=True,
        )
        assert run.returncode == 1, run.stdout + run.stderr
        assert "standards/passwd.yml:1:1: error outside-project" in run.stdout + run.stderr
        assert "Traceback" not in run.stderr


def test_results_linked_or_set_outside_the_project_are_not_read(project, outside):
    (outside / "stolen.csv").write_text(
        "period,standard,target,value,unit\n2026-10,PHONE-001,SECRET-VALUE,1,%\n"
    )
    (project / "results").mkdir()
    (project / "results" / "linked.csv").symlink_to(outside / "stolen.csv")
    problems = found(project)
    one(problems, "results/linked.csv:1:1", "outside-project", "leads outside the project")
    assert not any("SECRET-VALUE" in p for p in problems)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "  - handbook\n", f"  - handbook:\n      results:\n        dir: {outside}\n"
        )
    )
    line = config.read_text().splitlines().index(f"        dir: {outside}") + 1
    problems = found(project)
    one(problems, f"mkdocs.yml:{line}:9", "outside-project", f"results dir '{outside}'")
    assert not any("SECRET-VALUE" in p for p in problems)
