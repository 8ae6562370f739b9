"""Hostile git metadata in the changelog: commit subjects and bodies, merge commits,
authors, release tags, and old revisions the schema of today would refuse.

Two sites, each built once: one from commits, one in release mode (tags).
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import escapekit as kit
import pytest

from conftest import FIXTURES, build
from gitrepo import Repo, standard

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_NAME = "Q&A handbook ]]>"
SITE_URL = "https://example.org/hb/"
# Two payloads a commit: fewer commits to make, the same ways out tried.
SUBJECTS = [f"Subject {i} {' '.join(kit.ALL[i : i + 2])}" for i in range(0, len(kit.ALL), 2)]
CONTROL_SUBJECT = f"Pasted{kit.CONTROL} subject {kit.CDATA}"
BODY = f"Why: {kit.TAG} {kit.LINK}\n\n- {kit.IMAGE}\n- {kit.ATTR_LIST} {kit.QUOTE}"
MERGE_TITLE = f"Pull request title {kit.TITLE} {kit.ATTRIBUTE}"
AUTHOR = f"Eve{kit.ATTRIBUTE}{kit.QUOTE}{kit.CONTROL}x"
OLD_AREAS = [kit.LINK, kit.ATTR_LIST, kit.SCHEME]
OLD_TITLE = f"Old {kit.TAG}"
TAGS = {
    "handbook-1": f"Release {kit.TITLE}{kit.CONTROL}\n\n{BODY}",
    "handbook-2\"'&<x>": f"{kit.QUOTE} release\n\n- {kit.LINK}",
}


class _Repo(Repo):
    author = "Editor"

    def env(self) -> dict[str, str]:
        return {**super().env(), "GIT_AUTHOR_NAME": self.author}


def _config(root: Path, extra: str = "") -> None:
    config = (root / "mkdocs.yml").read_text("utf-8")
    config = config.replace("site_name: Test handbook\n", f"site_name: {json.dumps(SITE_NAME)}\n")
    (root / "mkdocs.yml").write_text(f"site_url: {SITE_URL}\n" + config + extra, "utf-8")


def _log(number: int, title: str = "Call log", **fields: object) -> dict[str, str | None]:
    return {"standards/log-001.yml": standard("LOG-001", f"{title} {number}", **fields)}


@pytest.fixture(scope="module")
def commits(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-git") / "handbook"
    shutil.copytree(FIXTURES / "basic", root)
    _config(root)
    repo = _Repo(root)
    repo.commit("Handbook as first published")
    for number, subject in enumerate(SUBJECTS):
        repo.commit(subject, _log(number))
    repo.author = AUTHOR
    repo.commit(f"{CONTROL_SUBJECT}\n\n{BODY}", _log(50))
    repo.author = "Editor"
    # Old revisions the schema of today refuses: an area that is a link, a title with tags.
    for number, area in enumerate(OLD_AREAS):
        repo.commit(f"Old area {number}", _log(60 + number, title=OLD_TITLE, area=area))
    repo.commit("Back to normal", _log(71))
    # A squash-merged pull request: GitHub's merge commit keeps its title in the body.
    repo.git("checkout", "-q", "-b", "feature")
    repo.commit("Work on the branch", _log(80))
    repo.git("checkout", "-q", "main")
    repo.day += 1
    message = f"Merge pull request #7 from evil/branch\n\n{MERGE_TITLE}\n\n{BODY}"
    repo.git("merge", "--no-ff", "-q", "-m", message, "feature")
    result = build(root)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="module")
def tags(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-tags") / "handbook"
    shutil.copytree(FIXTURES / "basic", root)
    _config(root)
    config = (root / "mkdocs.yml").read_text("utf-8")
    config = config.replace(
        "  - handbook\n", "  - handbook:\n      changelog:\n        tag_pattern: handbook-*\n"
    )
    (root / "mkdocs.yml").write_text(config, "utf-8")
    repo = _Repo(root)
    for number, (name, message) in enumerate(TAGS.items()):
        repo.commit(f"Release {number}", _log(number))
        repo.tag(name, message)
    result = build(root)
    assert result.returncode == 0, result.output
    return result


def _revisions(site) -> dict[str, kit.Page]:
    """Each revision page, by the text of its heading."""
    pages = {}
    for path in sorted((site.site / "changelog").glob("*/index.html")):
        html = path.read_text("utf-8")
        heading = re.search(r'<h1 class="hb-title">(.*?)</h1>', html, re.S)
        pages[kit.text_of(heading.group(1))] = kit.parse(html)
    return pages


def _feed(site) -> ET.Element:
    return ET.parse(site.site / "changelog" / "feed.xml").getroot()


def test_no_page_holds_script_handlers_or_script_links(commits, tags):
    assert kit.site_problems(commits.site) == {}
    assert kit.site_problems(tags.site) == {}


def test_commit_subjects_are_text_in_title_header_and_heading(commits):
    revisions = _revisions(commits)
    for subject in SUBJECTS:
        (name,) = [n for n in revisions if n.endswith(f" {subject}")]  # after the short hash
        page = revisions[name]
        (title,) = page.titles
        assert (
            re.fullmatch(r"\d{4}-\d\d-\d\d: (.*) - Q&A handbook \]\]>", title).group(1) == subject
        )
        assert " ".join(page.text).count(subject) >= 2  # the header's topic and the heading
        assert page.problems() == []


def test_bodies_merge_titles_and_authors_are_text(commits):
    revisions = _revisions(commits)
    (merge,) = [p for n, p in revisions.items() if n.endswith(MERGE_TITLE)]
    text = " ".join(" ".join(merge.text).split())
    # The body is Markdown, as standards' text: HTML in it is removed, a link to a refused
    # scheme keeps its words only, the rest is text.
    assert 'Why: "> click' in text and kit.QUOTE in text and kit.ATTR_LIST in text
    assert merge.problems() == []
    assert not [h for h in merge.attribute("a", "href") if "alert" in h]
    (name,) = [n for n in revisions if "Pasted" in n]
    # Control characters, which a page shows as boxes, are dropped from git messages.
    assert name.endswith(CONTROL_SUBJECT.replace(kit.CONTROL, ""))
    assert "Eve" + kit.ATTRIBUTE + kit.QUOTE + "x" in " ".join(revisions[name].text)


def test_old_revisions_areas_and_titles_are_text(commits):
    index = commits.page("changelog/")
    for area in OLD_AREAS:
        (page,) = [
            p
            for n, p in _revisions(commits).items()
            if n.endswith(f"Old area {OLD_AREAS.index(area)}")
        ]
        assert area in " ".join(page.text)
        assert not [h for h in page.attribute("a", "href") if "alert" in h and h[0] != "#"]
    (page,) = [p for n, p in _revisions(commits).items() if n.endswith("Old area 0")]
    assert f"{OLD_TITLE} 60" in " ".join(page.text)
    assert kit.parse(index).problems() == []


def test_feed_is_valid_xml_with_every_value_as_text(commits, tags):
    for site in (commits, tags):
        feed = _feed(site)  # parses: no control character, no broken CDATA
        assert feed.find(f"{ATOM}title").text == f"{SITE_NAME}: changes to the standards"
        for entry in feed.iter(f"{ATOM}entry"):
            content = entry.find(f"{ATOM}content").text or ""
            assert kit.parse(content).problems() == []
            for link in entry.iter(f"{ATOM}link"):
                assert link.get("href").startswith(SITE_URL)
    titles = [e.find(f"{ATOM}title").text for e in _feed(commits).iter(f"{ATOM}entry")]
    for subject in [*SUBJECTS, MERGE_TITLE, CONTROL_SUBJECT.replace(kit.CONTROL, "")]:
        assert [t for t in titles if t.endswith(f": {subject}")], subject
    authors = [n.text for n in _feed(commits).iter(f"{ATOM}name")]
    assert f"Eve{kit.ATTRIBUTE}{kit.QUOTE}x" in authors


def test_release_tag_messages_and_names_are_text(tags):
    revisions = _revisions(tags)
    assert set(revisions) == {
        f"handbook-1 Release {kit.TITLE}",  # control characters dropped
        f"handbook-2\"'&<x> {kit.QUOTE} release",
    }
    for page in revisions.values():
        assert page.problems() == []
        assert not [h for h in page.attribute("a", "href") if "alert" in h]
    titles = [e.find(f"{ATOM}title").text for e in _feed(tags).iter(f"{ATOM}entry")]
    assert sorted(t.split(": ", 1)[1] for t in titles) == sorted(
        [f"Release {kit.TITLE}", f"{kit.QUOTE} release"]
    )
