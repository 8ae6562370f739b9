"""A standard as it was: superseded versions from the changelog, their pages and
`handbook show ID --as-of DATE`."""

from __future__ import annotations

import datetime as dt

import pytest

from gitrepo import Repo, standard
from handbook.changelog import asof
from handbook.changelog.feature import ChangelogFeature
from handbook.changelog.render import ChangelogRenderer
from handbook.cli import main
from handbook.loader import load
from handbook.render.pages import PageExtras
from handbook.render.urls import Urls
from handbook.settings import Settings

PHONE = "standards/telephone/phone-001.yml"
HOLD = "standards/telephone/phone-002.yml"
MKDOCS = "site_name: Test\nplugins:\n  - handbook\n"


@pytest.fixture
def repo(tmp_path) -> Repo:
    """PHONE-001 published 3 March, changed 4 and 6 March; PHONE-002 never changed."""
    repo = Repo(tmp_path / "handbook")
    repo.commit(
        "Handbook",
        {
            "mkdocs.yml": MKDOCS,
            PHONE: standard("PHONE-001", "Answering the phone"),
            HOLD: standard("PHONE-002", "Hold"),
        },
    )
    repo.commit("Two rings", repo.edit(PHONE, "three rings", "two rings"))  # 4 March
    repo.commit("Unrelated", {"README.md": "hello\n"})  # 5 March: no standard changed
    repo.commit("One ring", repo.edit(PHONE, "two rings", "one ring"))  # 6 March
    return repo


def changelog_of(repo: Repo):
    handbook = load(Settings.from_mkdocs_yml(repo.path / "mkdocs.yml"))
    return handbook, ChangelogFeature().outcome(handbook).changelog


def test_versions_newest_first_and_the_one_in_force_on_a_day(repo):
    _, changelog = changelog_of(repo)
    chain = asof.versions(changelog)["PHONE-001"]
    assert [(v.start.day, v.end and v.end.day) for v in chain] == [(6, None), (4, 6), (3, 4)]
    assert asof.on(changelog, "PHONE-001", dt.date(2026, 3, 5)).start == dt.date(2026, 3, 4)
    assert asof.on(changelog, "PHONE-001", dt.date(2026, 3, 6)).end is None
    assert asof.on(changelog, "PHONE-001", dt.date(2026, 3, 2)) is None
    assert [v.start.day for v in asof.versions(changelog)["PHONE-002"]] == [3]


def test_a_page_per_superseded_version_only(repo):
    handbook, changelog = changelog_of(repo)
    renderer = ChangelogRenderer(changelog, handbook, Urls())
    pages = {p.path: p.content for p in renderer.asof_pages()}
    assert sorted(pages) == [
        "standards/phone-001/as-of-2026-03-03-" + changelog.revisions[-1].revision.name + ".html",
        "standards/phone-001/as-of-2026-03-04-" + changelog.revisions[-2].revision.name + ".html",
    ]
    page = next(c for p, c in pages.items() if "2026-03-04" in p)
    assert "Not current: this is how the standard read from 4 March 2026 to 6 March 2026" in page
    assert "Answer within two rings." in page and "one ring" not in page
    assert '<link rel="canonical" href="./">' in page
    assert '<meta name="robots" content="noindex">' in page
    assert '<h2 id="rules">Rules</h2>' in page and "## " not in page


def test_updates_list_links_each_superseded_version(repo):
    handbook, changelog = changelog_of(repo)
    extras = PageExtras()
    ChangelogRenderer(changelog, handbook, Urls()).sections(extras)
    (section,) = extras.sections["PHONE-001"]
    assert section.html.count("View as it was on") == 2
    assert 'href="as-of-2026-03-04-' in section.html
    assert "View as it was on 4 March 2026" in section.html
    assert "View as it was" not in "".join(s.html for s in extras.sections.get("PHONE-002", []))


def test_show_as_of_a_date(repo, capsys):
    config = str(repo.path / "mkdocs.yml")
    assert main(["show", "PHONE-001", "--as-of", "2026-03-05", "-f", config]) == 0
    out = capsys.readouterr().out
    assert out.startswith("PHONE-001 Answering the phone\nAs it was from 4 March 2026 (")
    assert "until 6 March 2026.\nNOT CURRENT: this version has been replaced." in out
    assert "  1. Answer within two rings." in out
    assert main(["show", "phone-001", "--as-of", "2026-03-09", "-f", config]) == 0
    out = capsys.readouterr().out
    assert "still in force" in out and "NOT CURRENT" not in out and "one ring" in out


@pytest.mark.parametrize(
    ("args", "code", "complaint"),
    [
        (["PHONE-001", "--as-of", "2026-03-02"], 1, "PHONE-001 was not in force on 2026-03-02"),
        (["NOPE-001", "--as-of", "2026-03-05"], 1, "NOPE-001 was not in force"),
        (["NOPE-001"], 1, "no standard NOPE-001"),
        (["PHONE-001", "--as-of", "5 March"], 2, "write the date as YYYY-MM-DD"),
    ],
)
def test_show_says_what_is_wrong(repo, capsys, args, code, complaint):
    assert main(["show", *args, "-f", str(repo.path / "mkdocs.yml")]) == code
    assert complaint in capsys.readouterr().err


def test_hostile_old_text_is_escaped(repo):
    repo.commit("Hostile", repo.edit(PHONE, "one ring", "one ring <script>alert(1)</script>"))
    repo.commit("Fixed", repo.edit(PHONE, " <script>alert(1)</script>", ""))
    handbook, changelog = changelog_of(repo)
    pages = ChangelogRenderer(changelog, handbook, Urls()).asof_pages()
    assert pages and all("<script>" not in p.content for p in pages)


def test_the_changelog_is_made_as_of_the_date_the_build_is_made_as_of(repo, monkeypatch):
    # Briefings count their days from it: HANDBOOK_TODAY, as every other page, not the
    # system's date.
    handbook, changelog = changelog_of(repo)
    monkeypatch.setenv("HANDBOOK_TODAY", "2031-02-03")
    assert ChangelogRenderer(changelog, handbook, Urls()).today == dt.date(2031, 2, 3)
