"""`handbook init` from an empty folder, then the new repository's own workflow commands
run there as GitHub would: nothing from this repository (Makefile, lock file, tests)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from handbook import cli

BIN = Path(sys.executable).parent


def _git(project: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", *args],
        cwd=project,
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("init") / "acme"
    assert cli.main(["init", str(project), "--name", "Acme service standards"]) == 0
    _git(project, "init", "--quiet", "--initial-branch", "main")
    _git(project, "add", "-A")
    _git(project, "commit", "--quiet", "-m", "Start the handbook")
    _git(project, "remote", "add", "origin", str(project))
    _git(project, "fetch", "--quiet", "origin")
    return project


def _run_steps(project: Path, workflow: str) -> list[str]:
    """Run each `run:` step of a workflow's jobs except installing the tools (this
    environment has them); return the names of the steps run."""
    data = yaml.safe_load((project / ".github" / "workflows" / workflow).read_text("utf-8"))
    summary = project.parent / f"{workflow}-summary.md"
    ran = []
    for job in data["jobs"].values():
        for step in job.get("steps", []):
            if "run" not in step or step.get("id") == "install":
                continue
            env = {
                **os.environ,
                **job.get("env", {}),
                **step.get("env", {}),
                "GITHUB_STEP_SUMMARY": str(summary),
                "BASE_REF": "main",
                "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
            }
            result = subprocess.run(
                ["bash", "-e", "-c", step["run"]],
                cwd=project,
                env=env,
                capture_output=True,
                text=True,
            )
            assert result.returncode == 0, f"{step['name']}:\n{result.stdout}{result.stderr}"
            ran.append(step["name"])
    return ran


def test_refuses_a_folder_that_is_not_empty(tmp_path: Path, capsys) -> None:
    (tmp_path / "notes.txt").write_text("mine", "utf-8")
    assert cli.main(["init", str(tmp_path)]) == 2
    assert "not empty" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_refuses_an_area_that_is_not_a_folder_name(tmp_path: Path, capsys) -> None:
    assert cli.main(["init", str(tmp_path / "new"), "--area", "../outside"]) == 2
    assert "area" in capsys.readouterr().err
    assert not (tmp_path / "new").exists()


def test_writes_a_complete_repository(project: Path) -> None:
    for name in (
        "mkdocs.yml",
        "mkdocs.offline.yml",
        "docs/index.md",
        ".gitignore",
        ".editorconfig",
        ".pre-commit-config.yaml",
        ".vscode/settings.json",
        "requirements.txt",
        "standard.schema.json",
        ".github/workflows/pull-request.yml",
        ".github/workflows/publish.yml",
    ):
        assert (project / name).is_file(), name
    assert "site/" in (project / ".gitignore").read_text("utf-8").split()
    requirements = (project / "requirements.txt").read_text("utf-8")
    assert re.search(r"^mkdocs==\d", requirements, re.MULTILINE)
    assert re.search(r"^mkdocs-material==9\.", requirements, re.MULTILINE)


def test_offline_build_is_configured_like_this_handbooks(project: Path) -> None:
    def settings(path: Path) -> dict:
        return yaml.safe_load(path.read_text("utf-8"))

    assert settings(project / "mkdocs.offline.yml") == settings(ROOT / "mkdocs.offline.yml")


def test_pull_request_workflow_runs_in_the_new_repository(project: Path) -> None:
    ran = _run_steps(project, "pull-request.yml")
    assert ran == [
        "Lint the standards",
        "Build the site",
        "Summarise the change to the standards",
        "Build the preview",
    ]
    assert (project / "preview" / "standards" / "desk-001.html").is_file()
    # The preview carries the form editor, set up for the git host.
    assert (project / "preview" / "admin" / "decap-cms.js").is_file()
    admin = yaml.safe_load((project / "preview" / "admin" / "config.yml").read_text("utf-8"))
    assert admin["publish_mode"] == "editorial_workflow" and "local_backend" not in admin
    page = (project / "site" / "standards" / "desk-001" / "index.html").read_text("utf-8")
    assert "Greeting a visitor" in page


def test_publish_workflow_builds_the_site(project: Path) -> None:
    assert _run_steps(project, "publish.yml") == ["Build the site"]
    assert (project / "site" / "index.html").is_file()


def test_sidebar_lists_each_standard_once_under_its_area_title(project: Path) -> None:
    _run_steps(project, "publish.yml")
    home = (project / "site" / "index.html").read_text("utf-8")
    sidebar = home.split('class="md-nav md-nav--primary"', 1)[1].split("</nav>\n</div>", 1)[0]
    links = re.findall(r'href="([^"]*)"', sidebar)
    assert links.count("standards/desk-001/") == 1, links
    assert links.index("standards/front-desk/") < links.index("standards/desk-001/")
    labels = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", sidebar))
    assert "Front desk" in labels and "front-desk" not in labels
    assert labels.index("Standards") < labels.index("Filter standards") < labels.index("Lint rules")
