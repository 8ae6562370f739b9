"""A second build in the same process, as `mkdocs serve` makes after an edit, sees the
edit: nothing kept by the first build (buildstate.py, module caches) goes stale.

Each build here is the core's part of a plugin build: load, start the build state, make
the site's files with every feature sharing it. The state checks none of the results it
reuses (checks=0), and a test asserts it found no difference either, so a fresh result
comes from the key having seen the change, not from the self-check rescuing it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import FIXTURES
from gitrepo import Repo
from handbook.buildstate import BuildState
from handbook.features import all_features
from handbook.loader import load
from handbook.render.output import OutputFile
from handbook.render.site import site_files
from handbook.render.urls import Urls
from handbook.settings import Settings


class Builds:
    """Builds of one project in one process, sharing one build state and one feature list."""

    def __init__(self, project: Path) -> None:
        self.project = project
        self.state = BuildState(checks=0)
        self.features = all_features(self.state)

    def build(self) -> dict[str, OutputFile]:
        self.state.start()
        handbook = load(Settings.from_mkdocs_yml(self.project / "mkdocs.yml"))
        files = site_files(handbook, Urls(), self.features, self.state)
        assert self.state.failed == 0, self.state.distrusted
        return {f.path: f for f in files}

    def edit(self, path: str, old: str, new: str) -> None:
        source = self.project / path
        text = source.read_text("utf-8")
        assert old in text, (path, old)
        source.write_text(text.replace(old, new, 1), "utf-8")


def project(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURES / "basic", tmp_path / "basic"))


def text(found: dict[str, OutputFile], path: str) -> str:
    content = found[path].content
    assert isinstance(content, str), path
    return content


def test_a_standard_page_and_its_json_record_show_the_edit(tmp_path):
    builds = Builds(project(tmp_path))
    first = builds.build()
    page = "standards/phone-001.md"
    assert "Checked again" not in text(first, page)
    builds.edit("standards/phone-001.yml", "summary: ", "summary: Checked again. ")
    second = builds.build()
    assert "Checked again" in text(second, page)
    assert "Checked again" in text(second, "standards.json")
    assert builds.state.hits > 0  # the other standards' pages were reused


def test_an_illustration_rewritten_in_place_is_checked_again(tmp_path):
    root = project(tmp_path)
    builds = Builds(root)
    picture = root / "illustrations" / "ring.svg"
    stat = picture.stat()
    assert "illustrations/ring.svg" in builds.build()
    # The same size and modification time, new content: a script where a picture was.
    svg = picture.read_text("utf-8")
    title, script = "<title>Three rings</title>", "<script>alert(11)</script>"
    assert title in svg and len(title) == len(script)
    picture.write_text(svg.replace(title, script), "utf-8")
    os.utime(picture, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert picture.stat().st_mtime_ns == stat.st_mtime_ns
    assert picture.stat().st_size == stat.st_size
    assert "illustrations/ring.svg" not in builds.build()


def test_the_changelog_shows_a_change_saved_since_the_last_build(tmp_path):
    root = project(tmp_path)
    repo = Repo(root)
    repo.commit("The first standards")
    builds = Builds(root)
    builds.build()
    builds.edit("standards/phone-001.yml", "summary: ", "summary: Checked again. ")
    changed = builds.build()
    assert "Unreleased changes" in text(changed, "changelog/index.md")
    builds.edit("standards/phone-002.yml", "title: ", "title: Renamed ")
    again = builds.build()
    assert "Renamed" in text(again, "changelog/index.md")
    builds.edit("mkdocs.yml", "site_name: Test handbook", "site_name: Renamed handbook")
    assert "<title>Renamed handbook" in text(builds.build(), "changelog/feed.xml")
