"""A sidebar whose size does not grow with the number of standards.

Material renders the whole visible navigation into every page. With tabs and sections,
every area of the Standards tab is an open section, so each page carried a link to every
standard: the site's cost grew with the square of its size (1,000 standards: 370 MB of
HTML). In a large handbook the sidebar therefore lists each area as a link to its page
and opens only the area you are in, showing the standard you are on: where you are,
never the thousand siblings the area and index pages already list. (An area drawn as
an open section costs five times the HTML of a link.) Small handbooks keep the full
list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

if TYPE_CHECKING:
    from mkdocs.structure.nav import Navigation

# Up to this many standards the sidebar lists them all, as a short menu.
LIST_ALL_UP_TO = 60


@dataclass
class _Area:
    siblings: list  # the list the area's section sits in
    position: int
    section: Section
    index: Page  # the area's own page


class NavTrimmer:
    """Sets the areas' entries in the navigation for the page about to be rendered."""

    def __init__(self, nav: Navigation, area_pages: set[str], standards: int):
        self.areas: list[_Area] = []
        self.home: dict[str, _Area] = {}
        if standards <= LIST_ALL_UP_TO:
            return
        for siblings in _lists(nav.items):
            for position, section in enumerate(siblings):
                if not isinstance(section, Section) or not section.children:
                    continue
                first = section.children[0]
                if isinstance(first, Page) and first.file.src_uri in area_pages:
                    area = _Area(siblings, position, section, first)
                    self.areas.append(area)
                    for child in section.children:
                        if isinstance(child, Page):
                            self.home[child.file.src_uri] = area

    def show(self, page: Page) -> None:
        here = self.home.get(page.file.src_uri)
        for area in self.areas:
            if area is here:
                area.section.children = [area.index] if page is area.index else [area.index, page]
                area.siblings[area.position] = area.section
            else:
                area.siblings[area.position] = area.index


def _lists(items: list) -> list[list]:
    """The navigation's lists of items: the top level and every section's children."""
    found = [items]
    for item in items:
        if isinstance(item, Section):
            found.extend(_lists(item.children))
    return found
