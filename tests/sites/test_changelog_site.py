"""The changelog in a built site: pages per revision, the index, the feed, standard pages."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from conftest import FIXTURES, build
from gitrepo import Repo, standard

PHONE = "standards/phone-001.yml"
HOLD = "standards/phone-002.yml"
COMP = "standards/complaints/comp-001.yml"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("changelog") / "handbook"
    shutil.copytree(FIXTURES / "basic", root)
    repo = Repo(root)
    repo.commit("Handbook as first published")
    repo.commit(
        "Faster answers\n\nCallers waited too long.\n\n- Higher target\n- Shorter rule",
        {
            **repo.edit(PHONE, "value: 90", "value: 95"),
        },
    )
    repo.write(repo.edit(PHONE, "Answer within three rings.", "Answer within two rings."))
    repo.commit("Shorter rule")
    repo.commit("Break the hold standard", {HOLD: repo.read(HOLD).replace("rules:", "rules: [")})
    repo.commit(
        "Fix the hold standard",
        {
            HOLD: repo.read(HOLD)
            .replace("rules: [", "rules:")
            .replace("every 60 seconds", "each minute")
        },
    )
    repo.commit("Complaints", {COMP: standard("COMP-001", "Handling a complaint", "complaints")})
    result = build(root)
    assert result.returncode == 0, result.output
    return result


def test_index_lists_revisions_newest_first_with_counts(site):
    page = site.page("changelog/")
    titles = [
        "Complaints",
        "Fix the hold standard",
        "Break the hold standard",
        "Shorter rule",
        "Faster answers",
        "Handbook as first published",
    ]
    positions = [page.index(f">{t}</a>") for t in titles]
    assert positions == sorted(positions)
    assert "1 standard added · 1 change affects how you work" in page
    assert 'href="feed.xml"' in page
    # Standards by kind, each linking to its page by id and title.
    assert (
        '<span class="hb-change__kind hb-change__kind--added">Added</span> '
        '<span class="hb-revision__std" data-pairs="complaints:*">'
        '<a href="../standards/comp-001/"><span class="hb-id">COMP-001</span> '
        "Handling a complaint</a>"
    ) in page


def test_revision_page_lists_field_changes_by_area_with_their_effect(site):
    key = next(
        p.name
        for p in (site.site / "changelog").iterdir()
        if p.name.endswith(".html") is False and "2026-03-04" in p.name
    )
    page = site.page(f"changelog/{key}/")
    assert "Faster answers" in page
    assert "<p>Callers waited too long.</p>" in page
    assert "<li>Higher target</li>" in page
    assert '<h2 id="telephone">Telephone</h2>' in page
    assert (
        "Calls answered within three rings: target changed from at least 90% of calls to at least 95% of calls"
        in page
    )
    assert "Affects how you work" in page
    assert 'href="../../standards/phone-001/"' in page
    assert '<input type="checkbox" id="hb-only-work">' in page  # hides editorial changes


def test_a_revision_with_a_file_that_did_not_parse_says_so(site):
    key = next(p.name for p in (site.site / "changelog").iterdir() if "2026-03-06" in p.name)
    page = site.page(f"changelog/{key}/")
    assert "1 file did not parse in this revision" in page
    assert "<code>standards/phone-002.yml</code>" in page
    fixed = next(p.name for p in (site.site / "changelog").iterdir() if "2026-03-07" in p.name)
    page = site.page(f"changelog/{fixed}/")
    assert "Editorial" in page and "Summary rewritten" in page
    # Only editorial: the standard and its area are hidden by "only what affects your work".
    assert 'class="hb-change hb-change--changed hb-change--editorial"' in page
    assert '<div class="hb-area hb-area--editorial"></div>' in page
    assert (
        "Removed" not in page
        and "Added" not in page.split("</h1>", 1)[1].split("hb-changelog__nav")[0]
    )


def test_standard_page_shows_updates_to_this_standard(site):
    page = site.page("standards/phone-001/")
    assert 'id="updates-to-this-standard"' in page
    section = page.split('id="updates-to-this-standard"', 1)[1]
    assert section.index("Shorter rule") < section.index("Faster answers")
    assert (
        '<del><span class="hb-sr">removed: </span>three</del> '
        '<ins><span class="hb-sr">added: </span>two</ins>'
    ) in section
    assert 'href="../../changelog/2026-03-04-' in section


def test_feed_is_valid_atom_with_an_entry_per_revision(site):
    root = ET.fromstring((site.site / "changelog" / "feed.xml").read_bytes())
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries][0] == "2026-03-08: Complaints"
    assert len(entries) == 6
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link.startswith("2026-03-08-") and link.endswith("/")  # relative: no site_url
    assert "Handling a complaint" in entries[0].findtext(f"{ATOM}content")


def test_site_outside_git_builds_with_one_info_message(basic_project):
    result = build(basic_project)
    assert result.returncode == 0, result.output
    assert result.output.count("changelog-git") == 1
    assert "not a git repository" in result.page("changelog/")


def test_revision_pages_stay_out_of_search(site):
    """Out of Material's search index, made with `search: false` (the staff search lists
    standards only)."""
    config = site.project / "material-search.yml"
    config.write_text(
        "INHERIT: mkdocs.yml\nplugins:\n  - search\n  - handbook:\n      search: false\n", "utf-8"
    )
    built = build(site.project, "-f", config.name, "-d", "site-material")
    assert built.returncode == 0, built.output
    index = json.loads(
        (built.project / "site-material/search/search_index.json").read_text("utf-8")
    )
    locations = [doc["location"] for doc in index["docs"]]
    assert "changelog/" in locations
    assert not [loc for loc in locations if loc.startswith("changelog/2026")]


def test_shallow_clone_builds_with_a_warning_that_says_how_to_fetch(site, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", f"file://{site.project}", str(clone)],
        check=True,
        capture_output=True,
    )
    strict = build(clone)
    assert strict.returncode == 1
    assert "changelog-shallow" in strict.output and "fetch-depth: 0" in strict.output
    relaxed = build(clone, "--no-strict")
    assert relaxed.returncode == 0, relaxed.output
    page = relaxed.page("changelog/")
    assert "Older revisions are missing" in page
    assert page.count('class="hb-revision"') == 2
