"""`handbook synth`: a synthetic handbook that loads, builds and is the same for a seed."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import build
from handbook.cli import main
from handbook.loader import load
from handbook.settings import Settings
from handbook.synth import AREAS, SynthError, write_project


def _files(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text("utf-8")
        for p in sorted((root / "standards").rglob("*.yml"))
    }


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "hb"
    # More standards than the sidebar lists in full (navtrim.LIST_ALL_UP_TO).
    assert main(["synth", "--count", "64", "--seed", "7", str(out)]) == 0
    return out


def test_standards_load_without_problems(project):
    handbook = load(Settings.from_mkdocs_yml(project / "mkdocs.yml"))
    assert handbook.problems == []
    assert len(handbook.standards) == 64
    assert {s.area for s in handbook.standards} == set(AREAS)
    assert any(s.illustrations for s in handbook.standards)
    assert len({s.title for s in handbook.standards}) == 64


def test_field_sizes_are_like_real_standards(project):
    handbook = load(Settings.from_mkdocs_yml(project / "mkdocs.yml"))
    rules = [len(s.rules) for s in handbook.standards]
    assert min(rules) >= 1 and sum(rules) / len(rules) >= 3
    assert sum(len(s.wordings) for s in handbook.standards) > 64


def test_same_seed_same_files_other_seed_other_files(project, tmp_path):
    write_project(tmp_path / "again", 64, seed=7)
    write_project(tmp_path / "other", 64, seed=8)
    assert _files(tmp_path / "again") == _files(project)
    assert _files(tmp_path / "other") != _files(project)


def test_refuses_a_folder_that_is_not_empty(project):
    with pytest.raises(SynthError, match="not empty"):
        write_project(project, 3)


@pytest.fixture(scope="module")
def site(project):
    # Not --strict: recombined sample text keeps the sample's readability warnings.
    result = build(project, "--no-strict")
    assert result.returncode == 0, result.output
    return result


def test_built_site_has_a_page_per_standard(site):
    pages = [p for p in (site.site / "standards").glob("*/index.html")]
    standards = [p for p in pages if p.parent.name not in AREAS]
    assert len(standards) == 64


def _sidebar(html: str) -> str:
    start = html.index("md-nav--primary")
    return html[start : html.index("md-sidebar--secondary", start)]


def test_sidebar_of_a_large_handbook_shows_areas_and_the_current_standard(site):
    sidebar = _sidebar(site.page("standards/phone-002/"))
    assert 'href="./"' in sidebar or "md-nav__link--active" in sidebar
    assert "../phone-001/" not in sidebar and "../phone-003/" not in sidebar
    for area in AREAS:
        assert f"../{area}/" in sidebar
    # Only the standard's own area is an open section; the others are links to their pages.
    sections = re.findall(r'<a href="\.\./([a-z-]+)/" class="md-nav__link ">', sidebar)
    assert sections == ["telephone"]
    home = _sidebar(site.page(""))
    assert "phone-00" not in home
    assert not re.findall(r'<a href="standards/[a-z-]+/" class="md-nav__link ">', home)
    area = _sidebar(site.page("standards/telephone/"))
    assert re.findall(r'<a href="\./" class="md-nav__link[^"]*">', area)


def test_revisions_are_git_commits_of_edits(tmp_path):
    out = tmp_path / "hist"
    write_project(out, 15, seed=3, revisions=6)
    log = subprocess.run(
        ["git", "log", "--format=%s"], cwd=out, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert len(log) == 7
    assert log[-1] == "Handbook as first published"
    assert all(":" in line for line in log[:-1])
    handbook = load(Settings.from_mkdocs_yml(out / "mkdocs.yml"))
    assert handbook.problems == []
    assert len(handbook.standards) == 15
    # A build's cache and site stay out of git, as in a project `handbook init` makes.
    (out / ".cache" / "handbook").mkdir(parents=True)
    (out / ".cache" / "handbook" / "x.pdf").write_bytes(b"%PDF")
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=out, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert status == ""


def test_each_standard_has_its_own_aliases_and_situation(project):
    # benchmarks/search_rank.py asks for each alias and the situation's first six words:
    # each query has one right answer, as in a real handbook.
    handbook = load(Settings.from_mkdocs_yml(project / "mkdocs.yml"))
    aliases = [a.lower() for s in handbook.standards for a in s.aliases]
    heads = [" ".join(s.situation.lower().split()[:6]) for s in handbook.standards]
    assert len(aliases) > 64
    assert len(set(aliases)) == len(aliases)
    assert len(set(heads)) == len(heads) == 64
    for s in handbook.standards:
        whom = s.title.split(": ", 1)[1]
        assert all(a.endswith(f"({whom})") for a in s.aliases), s.id


def test_every_card_prints_as_in_a_real_handbook(project, site):
    # Cards too long for their page get the `card:` section an editor would write
    # (cards/fitting.py), shortened only as far as it must be.
    texts = _files(project)
    shortened = [t for t in texts.values() if "\ncard:\n" in t]
    assert shortened and len(shortened) < len(texts)
    assert "card-overflow" not in site.output and "too long" not in site.output
    handbook = load(Settings.from_mkdocs_yml(project / "mkdocs.yml"))
    for standard in handbook.standards:
        if standard.card:
            assert set(standard.card) <= {"steps", "wordings", "targets", "escalation"}


def test_revisions_without_git_are_a_message_not_a_traceback(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    assert main(["synth", "--count", "3", "--revisions", "2", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "handbook synth: " in err and "git" in err and "--revisions" in err, err
