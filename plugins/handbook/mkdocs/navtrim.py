"""A sidebar whose size does not grow with the number of standards.

Material renders the whole visible navigation into every page. With tabs and sections,
every area of the Standards tab is an open section, so each page carried a link to every
standard: the site's cost grew with the square of its size (1,000 standards: 370 MB of
HTML). In a large handbook each area's section therefore shows only its own page and,
on a standard's page, that standard: where you are, never the thousand siblings the
area and index pages already list. Small handbooks keep the full list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

if TYPE_CHECKING:
    from mkdocs.structure.nav import Navigation

# Up to this many standards the sidebar lists them all, as a short menu.
LIST_ALL_UP_TO = 60


class NavTrimmer:
    """Sets each area section's children for the page about to be rendered."""

    def __init__(self, nav: Navigation, area_pages: set[str], standards: int):
        self.sections: list[tuple[Section, list]] = []
        self.home: dict[str, Section] = {}
        if standards <= LIST_ALL_UP_TO:
            return
        for section in _sections(nav.items):
            first = section.children[0] if section.children else None
            if isinstance(first, Page) and first.file.src_uri in area_pages:
                self.sections.append((section, [first]))
                for child in section.children[1:]:
                    if isinstance(child, Page):
                        self.home[child.file.src_uri] = section

    def show(self, page: Page) -> None:
        here = self.home.get(page.file.src_uri)
        for section, index in self.sections:
            section.children = [*index, page] if section is here else index


def _sections(items: list) -> list[Section]:
    found: list[Section] = []
    for item in items:
        if isinstance(item, Section):
            found.append(item)
            found.extend(_sections(item.children))
    return found
