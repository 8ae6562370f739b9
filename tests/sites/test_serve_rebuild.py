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

import yaml

from gitrepo import Repo
from handbook.synth import write_project

HERE = Path(__file__).parent
# MkDocs' own files that differ between any two builds, or that a dirty build makes
# from the pages it rendered: Material's tags plugin's export, listing page and tag links
# (a page's tags link to the listing only when the listing is rendered in the same build):
# Material's dirty builds, not the handbook's doing. (Material's search index, which a
# dirty build would make of the rendered pages only, is not made under the staff search.)
NOT_COMPARED = {"sitemap.xml.gz", "tags.json", "tags/index.html"}
TAG_LINK = re.compile(r'<a href="[^"]*tags/#tag:[^"]*" class="md-tag">([^<]*)</a>')


def untagged(html: str) -> str:
    return TAG_LINK.sub(r'<span class="md-tag">\1</span>', html)


def serve_build(project: Path, site: Path, edits: list[list[str]]) -> list[str]:
    """The site built as serve builds it, and the handbook's warnings of the last build."""
    done = subprocess.run(
        [sys.executable, str(HERE / "servebuild.py"), str(project), str(site), json.dumps(edits)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return sorted(line for line in done.stdout.splitlines() if line)


def docs_pages(project: Path) -> set[str]:
    """The pages MkDocs makes of the project's docs/ but the home page (which the
    handbook fills): a dirty build makes again only those whose file changed."""
    docs = [p.relative_to(project / "docs") for p in (project / "docs").rglob("*.md")]
    return {
        (p.parent if p.stem == "index" else p.with_suffix("")).joinpath("index.html").as_posix()
        for p in docs
    } - {"index.html"}


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def assert_same_site(
    served: Path, cold: Path, most_differing: int, left: frozenset[str] = frozenset()
) -> set[str]:
    """Every file of the cold build, the same in the served one; the files compared
    (`left`: those a dirty build leaves as they were, not compared)."""
    made = files(cold) - NOT_COMPARED - left
    # A dirty build deletes nothing: the search index of an earlier build stays in its
    # own folder, which no page loads any more.
    stale = {f for f in files(served) - made - left if f.startswith("search/handbook/")}
    assert files(served) - NOT_COMPARED - left - stale == made
    same, differ, errors = filecmp.cmpfiles(cold, served, sorted(made), shallow=False)
    assert errors == []
    for name in differ:  # only Material's tag links of the pages rendered again
        cold_html, served_html = ((site / name).read_text("utf-8") for site in (cold, served))
        assert untagged(cold_html) == untagged(served_html), name
    assert len(differ) <= most_differing and len(same) + len(differ) == len(made) > 500
    return made


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
    # Rendered again: the two edited standards' pages and those listing the renamed one
    # among their related standards (how many depends on the sample synth draws from).
    renamed = yaml.safe_load(other)["id"]
    relating = [
        p
        for p in (project / "standards").rglob("*.yml")
        if p not in (first, second)
        and renamed in (yaml.safe_load(p.read_text("utf-8")).get("related") or [])
    ]
    assert_same_site(served, cold, 2 + len(relating))
    slug = re.search(r"^id: (\S+)", text, re.M).group(1).lower()  # the edits were built
    assert "Always check. " in (served / "scorecards" / f"{slug}.html").read_text("utf-8")
    assert "Checked again." in (served / "cards" / f"{slug}.html").read_text("utf-8")


def test_serve_rebuilds_in_a_repository_with_results_match_a_cold_build(tmp_path):
    """What a rebuild makes incrementally (lint, search, results, the changelog's
    sections), after edits that change handbook-wide findings, equals a cold build."""
    project = tmp_path / "handbook"
    write_project(project, 70, seed=7)
    loaded = [
        (p, yaml.safe_load(p.read_text("utf-8")))
        for p in sorted((project / "standards").rglob("*.yml"))
    ]
    # A standard with a service level (results in %) and another with a wording.
    first_path, first, target = next(
        (p, s, t) for p, s in loaded if "id" in s for t in s.get("targets", []) if "share" in t
    )
    second_path, second = next(
        (p, s) for p, s in loaded if "id" in s and s is not first and s.get("wordings")
    )
    head = "period,standard,target,value,unit\n"
    row = f"{first['id']},{target['id']}"
    (project / "results").mkdir()
    (project / "results" / "r.csv").write_text(f"{head}2026-01,{row},99,%\n", "utf-8")
    repo = Repo(project)
    repo.git("add", "-A")
    repo.git("commit", "-q", "-m", "The handbook")
    one, two = (p.relative_to(project).as_posix() for p in (first_path, second_path))
    say = first["wordings"][0]["say"]
    dont = second["wordings"][0]["dont_say"]
    missed = "".join(f"2026-0{m},{row},10,%\n" for m in (2, 3, 4))
    edits = [
        # A word no other standard has: in the search index, the page and the changelog.
        [one, "summary: ", "summary: Zanzibarian check. "],
        # The second standard forbids what the first recommends: the first, unchanged
        # since, is reported (say-dont-say reads every standard).
        [two, f"dont_say: {dont}", f"dont_say: {json.dumps(say)}"],
        # Results missed three months running: results pages and a lint finding.
        ["results/r.csv", f"2026-01,{row},99,%\n", f"2026-01,{row},99,%\n{missed}"],
    ]
    served, cold = tmp_path / "served", tmp_path / "cold"
    served_warnings = serve_build(project, served, edits)
    cold_warnings = serve_build(project, cold, [])
    assert served_warnings == cold_warnings
    assert any("say-dont-say" in w and one in w for w in served_warnings)
    # The first edit of a clean checkout makes the revision "...-dirty", on every page:
    # every standard page is rendered again and differs in Material's tag links alone.
    made = assert_same_site(served, cold, 72)
    index = [f for f in made if f.startswith("search/handbook/")]
    assert any("zanzibarian" in (served / f).read_text("utf-8") for f in index)
    slug = first["id"].lower()
    page = (served / "standards" / slug / "index.html").read_text("utf-8")
    assert "Zanzibarian check." in page and "Unreleased changes" in page


def test_serve_rebuilds_after_renamed_new_and_deleted_files_match_a_cold_build(tmp_path):
    """Files that come and go, and a change to mkdocs.yml, leave no stale page or file:
    the kept pages, lists and generated files are those a cold build makes."""
    project = tmp_path / "handbook"
    write_project(project, 70, seed=11)
    paths = sorted((project / "standards").rglob("*.yml"))
    loaded = {p: yaml.safe_load(p.read_text("utf-8")) for p in paths}
    related = {r for data in loaded.values() for r in data.get("related") or []}
    free = [p for p in paths if loaded[p]["id"] not in related]  # no other links to these
    moved, deleted, model = free[0], free[1], free[2]
    ident = loaded[model]["id"]
    taken = {data["id"] for data in loaded.values()}
    prefix = ident.rsplit("-", 1)[0]
    fresh = next(f"{prefix}-{n:03d}" for n in range(900, 1000) if f"{prefix}-{n:03d}" not in taken)
    text = model.read_text("utf-8").replace(f"id: {ident}", f"id: {fresh}", 1)
    text = text.replace("summary: ", "summary: Added. ", 1)

    def rel(p: Path) -> str:
        return p.relative_to(project).as_posix()

    site_name = next(
        line
        for line in (project / "mkdocs.yml").read_text("utf-8").splitlines()
        if line.startswith("site_name:")
    )
    edits = [
        [rel(moved), None, rel(moved.with_name("renamed-" + moved.name))],
        [rel(deleted), None, None],
        [rel(model.with_name("added-" + model.name)), "", text],
        ["mkdocs.yml", site_name, site_name + " Renamed"],
    ]
    served, cold = tmp_path / "served", tmp_path / "cold"
    serve_build(project, served, edits)
    serve_build(project, cold, [])
    # Left as they were: a deleted standard's page, which `serve` keeps with a notice
    # (a browser may be showing it), its card and scorecard; and, after the change to
    # mkdocs.yml, the pages MkDocs makes of docs/ (a dirty build makes again only those
    # whose file changed; the handbook's pages, the home page's fill included, it makes
    # again with the new site). The sitemap lists the kept page.
    gone = loaded[deleted]["id"].lower()
    own = docs_pages(project)
    left = {f"standards/{gone}/index.html", f"cards/{gone}.html", f"scorecards/{gone}.html"}
    left |= own | {"sitemap.xml"}
    made = assert_same_site(served, cold, 10_000, frozenset(left))
    assert f"standards/{fresh.lower()}/index.html" in made
    assert "notice" in (served / "standards" / gone / "index.html").read_text("utf-8")
    assert "Renamed" in (cold / "index.html").read_text("utf-8")


def test_serve_rebuilds_after_glossary_and_illustration_edits_match_a_cold_build(tmp_path):
    """A term added to the glossary and an illustration redrawn: the handbook's files as
    a cold build makes them (the pages MkDocs makes of docs/ are not compared: a dirty
    build makes again only those whose file changed, whatever else did)."""
    project = tmp_path / "handbook"
    write_project(project, 70, seed=13)
    glossary = (project / "glossary.yml").read_text("utf-8")
    first = glossary.splitlines()[-1]
    picture = sorted((project / "illustrations").glob("*.svg"))[0]
    drawn = picture.read_text("utf-8")
    title = drawn.split("<title", 1)[1].split(">", 1)[1].split("<", 1)[0]
    edits = [
        ["glossary.yml", first, first + "\ncustomer: Anyone who contacts us."],
        [picture.relative_to(project).as_posix(), title, title + " redrawn"],
    ]
    served, cold = tmp_path / "served", tmp_path / "cold"
    serve_build(project, served, edits)
    serve_build(project, cold, [])
    own = docs_pages(project)
    made = assert_same_site(served, cold, 10_000, frozenset(own))
    assert "Anyone who contacts us." in (served / "glossary" / "index.html").read_text("utf-8")
    assert any(
        f"{title} redrawn" in (served / f).read_text("utf-8") for f in made if f.endswith(".svg")
    )


def test_serve_rebuilds_after_a_theme_template_edit_match_a_cold_build(tmp_path):
    """A template of the theme's own folder (overrides/) edited under serve: the
    handbook's pages show it as a cold build does (the pages MkDocs makes of docs/ are
    not compared: a dirty build makes again only those whose file changed)."""
    project = tmp_path / "handbook"
    write_project(project, 70, seed=17)
    template = "overrides/partials/source.html"
    old = 'class="md-source">'
    edits = [[template, old, old + '<span class="hb-theme-edit">Theme edited</span>']]
    served, cold = tmp_path / "served", tmp_path / "cold"
    serve_build(project, served, edits)
    serve_build(project, cold, [])
    own = docs_pages(project)
    made = assert_same_site(served, cold, 10_000, frozenset(own))
    pages = [
        f for f in made if f.endswith(".html") and "Theme edited" in (served / f).read_text("utf-8")
    ]
    assert {"cards/index.html", "standards/phone-001/index.html"} <= set(pages)
