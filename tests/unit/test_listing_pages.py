"""The pages listing standards (an area's, all standards, the measuring protocol), kept
across `serve` rebuilds by all they show."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from handbook.buildstate import BuildState
from handbook.loader import load
from handbook.render.pages import PageRenderer
from handbook.render.urls import Urls, area_path, index_path
from handbook.settings import Settings

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "basic"


def test_listing_pages_are_kept_until_a_row_or_count_they_show_changes():
    handbook, state = load(Settings.from_mkdocs_yml(FIXTURE / "mkdocs.yml")), BuildState()
    state.rebuilds = True
    assert not handbook.errors

    def build(handbook=handbook):
        state.start()
        return {p.path: p.content for p in PageRenderer(handbook, Urls(), state=state).pages()}

    first = build()
    assert build() == first and build() == first and state.hits
    one = handbook.published()[0]
    renamed = replace(one, title="Renamed at once", digest="renamed")
    others = [s for s in handbook.standards if s is not one]
    changed = build(replace(handbook, standards=[renamed, *others]))
    # Its row on the list of all standards, its area's and the measuring protocol.
    listing = [index_path(), area_path(one.area), *(["targets.md"] if one.targets else [])]
    assert all("Renamed at once" in changed[page] for page in listing) and len(listing) == 3
    assert not state.distrusted
