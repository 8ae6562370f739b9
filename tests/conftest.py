"""Shared test helpers: copy a fixture handbook to a temporary folder and build it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# The sample handbook and the fixtures are written as of this day. Like a real handbook's,
# their pilot ends and their reviews fall due later (lint warnings that fail --strict), so the
# suite builds them as of the day they were written; the Makefile's `test` uses the same day.
AS_OF = "2026-11-29"
os.environ.setdefault("HANDBOOK_TODAY", AS_OF)


@dataclass
class Build:
    project: Path
    returncode: int
    output: str

    @property
    def site(self) -> Path:
        return self.project / "site"

    def page(self, url: str) -> str:
        """The HTML of a built page, by its URL relative to the site root."""
        path = self.site / url
        if url.endswith("/") or url == "":
            path = path / "index.html"
        return path.read_text("utf-8")


def use_variant(project: Path, name: str) -> None:
    """Configure a copied fixture by a variant, tests/fixtures/variants/<name>.yml, which
    inherits the fixture's own mkdocs.yml (moved to base.yml)."""
    (project / "mkdocs.yml").rename(project / "base.yml")
    shutil.copy(FIXTURES / "variants" / f"{name}.yml", project / "mkdocs.yml")


def copy_fixture(name: str, destination: Path) -> Path:
    project = destination / name
    shutil.copytree(FIXTURES / name, project)
    return project


def build(project: Path, *args: str, engine: str = "mkdocs") -> Build:
    """Run `mkdocs build` (or another engine's) on a project folder, as a user would, and
    keep its output."""
    result = subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return Build(project, result.returncode, result.stdout + result.stderr)


@pytest.fixture
def basic_project(tmp_path: Path) -> Path:
    return copy_fixture("basic", tmp_path)


def copy_sample(destination: Path) -> Path:
    """A copy of the repository's own sample handbook."""
    project = destination / "handbook"
    project.mkdir()
    for name in (
        "mkdocs.yml",
        "glossary.yml",
        "docs",
        "standards",
        "results",
        "illustrations",
        "overrides",
    ):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        elif source.exists():
            shutil.copy2(source, project / name)
    return project


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The repository's own sample handbook, built once for all tests that read it."""
    project = copy_sample(tmp_path_factory.mktemp("sample"))
    result = build(project)
    assert result.returncode == 0, result.output
    return result
