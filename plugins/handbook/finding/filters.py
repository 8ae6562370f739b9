"""The "Filter standards" page: every published standard, narrowed by facet.

Built at build time into one static page. Without JavaScript it shows plain lists of
the standards grouped by each facet; with it, `filters.js` shows a form and one list
that narrows as soon as a choice changes (no libraries, no inline script).
"""

from __future__ import annotations

from importlib import resources

from ..feature import Feature
from ..handbook import Handbook
from ..render import labels
from ..render.environment import render_page
from ..render.output import OutputFile
from ..render.urls import Urls, standard_path
from .facets import attributes, facets

PAGE = "filters.md"
SCRIPT = "assets/handbook/filters.js"


class FiltersFeature(Feature):
    def files(self, handbook: Handbook, urls: Urls) -> list[OutputFile]:
        return [filters_page(handbook, urls), OutputFile(SCRIPT, script())]


def script() -> str:
    return resources.files("handbook").joinpath("assets", "filters.js").read_text("utf-8")


def filters_page(handbook: Handbook, urls: Urls) -> OutputFile:
    published = handbook.published()
    areas = handbook.settings.areas
    page = render_page(
        PAGE,
        "filters.html.j2",
        urls,
        standards=published,
        facets=facets(handbook),
        data={s.id: attributes(s, areas) for s in published},
        paths={s.id: standard_path(s) for s in published},
        link=lambda target: urls.relative(PAGE, target),
        script=SCRIPT,
        status_labels=labels.STATUS,
    )
    return page
