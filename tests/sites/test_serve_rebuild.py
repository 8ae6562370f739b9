"""A `serve` rebuild after edits makes the same site as a cold build of the edited files.

The plugin keeps derived work across rebuilds (buildstate.py) and writes again only the
generated files that changed (stable.py): an optimisation must never change what is
published, so every file of the rebuilt site is compared with a cold build's.
"""

from __future__ import annotations

import filecmp
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from handbook.synth import write_project

HERE = Path(__file__).parent
# MkDocs' own files that differ between any two builds, or that a dirty build makes
# from the pages it rendered: Material's search index, and its tags plugin's export,
# listing page and tag links (a page's tags link to the listing only when the listing is
# rendered in the same build): Material's dirty builds, not the handbook's doing.
NOT_COMPARED = {"sitemap.xml.gz", "search/search_index.json", "tags.json", "tags/index.html"}
TAG_LINK = re.compile(r'<a href="[^"]*tags/#tag:[^"]*" class="md-tag">([^<]*)</a>')


def untagged(html: str) -> str:
    return TAG_LINK.sub(r'<span class="md-tag">\1</span>', html)


def serve_build(project: Path, site: Path, edits: list[list[str]]) -> None:
    done = subprocess.run(
        [sys.executable, str(HERE / "servebuild.py"), str(project), str(site), json.dumps(edits)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def test_serve_rebuilds_after_edits_match_a_cold_build(tmp_path):
    project = tmp_path / "handbook"
    write_project(project, 70, seed=5)  # over 60: the sidebar lists no other standards
    first, second = sorted((project / "standards").rglob("*.yml"))[:2]
    text, other = first.read_text("utf-8"), second.read_text("utf-8")
    rules = text.splitlines()[text.splitlines().index("rules:") + 1]
    title = next(line for line in other.splitlines() if line.startswith("title: "))
    edits = [
        # The summary is on the page and its card; a rule is on its scorecard and in search.
        [first.relative_to(project).as_posix(), "summary: ", "summary: Checked again. "],
        [first.relative_to(project).as_posix(), rules, rules[:2] + "Always check. " + rules[2:]],
        # A title is in every list of standards (area pages, filters, glossary, cards).
        [second.relative_to(project).as_posix(), title, title.rstrip("'") + " renamed'"],
    ]
    served = tmp_path / "served"
    serve_build(project, served, edits)
    cold = tmp_path / "cold"
    serve_build(project, cold, [])
    made = files(cold) - NOT_COMPARED
    # A dirty build deletes nothing: the search index of an earlier build stays in its
    # own folder, which no page loads any more.
    stale = {f for f in files(served) - made if f.startswith("search/handbook/")}
    assert files(served) - NOT_COMPARED - stale == made
    same, differ, errors = filecmp.cmpfiles(cold, served, sorted(made), shallow=False)
    assert errors == []
    for name in differ:  # only Material's tag links of the pages rendered again
        cold_html, served_html = ((site / name).read_text("utf-8") for site in (cold, served))
        assert untagged(cold_html) == untagged(served_html), name
    assert len(differ) <= 2 and len(same) + len(differ) == len(made) > 500
    slug = re.search(r"^id: (\S+)", text, re.M).group(1).lower()  # the edits were built
    assert "Always check. " in (served / "scorecards" / f"{slug}.html").read_text("utf-8")
    assert "Checked again." in (served / "cards" / f"{slug}.html").read_text("utf-8")
