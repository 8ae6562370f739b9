"""The "Filter standards" page: every published standard, narrowed by facet.

Built at build time into one static page. Without JavaScript it shows plain lists of
the standards grouped by each facet; with it, `filters.js` shows a form and one list
that narrows as soon as a choice changes (no libraries, no inline script).
"""

from __future__ import annotations

from functools import partial
from importlib import resources

from markupsafe import Markup

from ..beside import FilesBeside
from ..buildstate import BuildState, cold
from ..handbook import Handbook
from ..model import Standard
from ..render import labels
from ..render.environment import render, render_page
from ..render.output import OutputFile
from ..render.urls import Urls, standard_path
from .facets import attributes, facets

PAGE = "filters.md"
SCRIPT = "assets/handbook/filters.js"


class FiltersFeature(FilesBeside):
    what = "the filter page"

    def make_files(self, handbook: Handbook, urls: Urls) -> list[OutputFile]:
        return [filters_page(handbook, urls, self.state), OutputFile(SCRIPT, script())]


def script() -> str:
    return resources.files("handbook").joinpath("assets", "filters.js").read_text("utf-8")


def filters_page(handbook: Handbook, urls: Urls, state: BuildState | None = None) -> OutputFile:
    published = handbook.published()
    state, areas = state or cold(), handbook.settings.areas
    items: dict[str, Markup] = {}
    anchors: dict[str, Markup] = {}
    for s in published:
        link = urls.relative(PAGE, standard_path(s))
        anchors[s.id] = Markup('<a href="{}"><span class="hb-id">{}</span> {}</a>').format(
            link, s.id, s.title
        )
        data = attributes(s, areas)
        # An entry shows its standard, its link and its facets' values.
        key = (s.digest, link, tuple(data.items())) if s.digest else None
        items[s.id] = state.kept(
            "filter-entry", key, partial(_entry, s, data, anchors[s.id]), of=s.digest
        )
    found = facets(handbook)
    make = partial(
        render_page,
        PAGE,
        "filters.html.j2",
        urls,
        standards=published,
        facets=found,
        items=items,
        anchors=anchors,
        link=lambda target: urls.relative(PAGE, target),
        script=SCRIPT,
        status_labels=labels.STATUS,
    )
    # Kept for `serve` rebuilds by all it shows: the entries and links in order, and each
    # facet's values with their standards (an edit of a standard's text changes none).
    page_key = (
        urls.use_directory_urls,
        urls.headings,
        tuple(items.items()),
        tuple(anchors.items()),
        tuple(
            (
                f.key,
                f.label,
                tuple((o.key, o.label, tuple(s.id for s in o.standards)) for o in f.options),
            )
            for f in found
        ),
    )
    return state.kept("filters-page", page_key, make, rarely=True)


def _entry(standard: Standard, data: dict[str, str], anchor: Markup) -> Markup:
    return Markup(
        render(
            "filters_item.html.j2",
            s=standard,
            data=data,
            anchor=anchor,
            status_labels=labels.STATUS,
        )
    )
