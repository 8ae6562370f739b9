"""The standards' place in the site navigation, as plain nav data (titles and paths)."""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from ..handbook import Handbook
from .urls import STANDARDS, area_path, index_path, standard_path


def standards_nav(handbook: Handbook) -> list[Any]:
    """Index page, then a section per area: its page, then its standards by id.

    Section titles are HTML to the theme, which prints them as they are: each area's
    title from mkdocs.yml goes in escaped.
    """
    areas = handbook.settings.areas
    entries: list[Any] = [index_path()]
    for area, group in handbook.by_area().items():
        if group:
            children = [area_path(area), *(standard_path(s) for s in group)]
            entries.append({str(escape(areas.get(area, area))): children})
    return entries


def expand_nav(nav: list[Any] | None, handbook: Handbook) -> list[Any] | None:
    """Replace the nav entry that points at the standards index with the full section."""
    if nav is None:
        return None
    target = index_path()
    result: list[Any] = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            ((title, value),) = item.items()
            if value == target or value == target.removesuffix("index.md"):
                result.append({title: standards_nav(handbook)})
            elif isinstance(value, list):
                result.append({title: expand_nav(value, handbook)})
            else:
                result.append(item)
        elif item == target:
            result.append({"Standards": standards_nav(handbook)})
        else:
            result.append(item)
    return result


# Generated pages in the order the sample handbook's nav lists them; the editors' pages
# go last, under one section, so staff meet the standards first.
_STAFF_PAGES = (
    "filters.md",
    "targets.md",
    "cards/index.md",
    "tags.md",
    "glossary.md",
    "changelog/index.md",
)
_EDITOR_PAGES = ("editors/index.md", "editors/format.md", "editors/lint-rules.md", "review.md")
_GENERATED_FOLDERS = (f"{STANDARDS}/", "changelog/", "cards/", "editors/")


def default_nav(page_paths: list[str], handbook: Handbook) -> list[Any]:
    """The nav of a site whose mkdocs.yml has none: home, the site's own pages, the
    standards by area under the areas' titles, the handbook's lists, the editors' pages.

    MkDocs' own default lists the generated standard pages beside the area folders, so
    each standard appeared twice, after every other page, and areas by folder name.
    """
    present = set(page_paths)
    own = sorted(
        p
        for p in present
        if p not in {"index.md", *_STAFF_PAGES, *_EDITOR_PAGES}
        and not p.startswith(_GENERATED_FOLDERS)
    )
    folders: dict[str, list[str]] = {}
    for path in own:
        if "/" in path:
            folders.setdefault(path.split("/", 1)[0], []).append(path)
    nav: list[Any] = ["index.md"] if "index.md" in present else []
    nav += [p for p in own if "/" not in p]
    nav += [{_folder_title(name): pages} for name, pages in folders.items()]
    nav.append({"Standards": standards_nav(handbook)})
    nav += [p for p in _STAFF_PAGES if p in present]
    editors = [p for p in _EDITOR_PAGES if p in present]
    editors += sorted(p for p in present if p.startswith("editors/") and p not in editors)
    if editors:
        nav.append({"For editors": editors})
    return nav


def _folder_title(name: str) -> str:
    # A section title is HTML to the theme (see standards_nav).
    return str(escape(name.replace("-", " ").replace("_", " ").capitalize()))
