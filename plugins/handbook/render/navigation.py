"""The standards' place in the site navigation, as plain nav data (titles and paths)."""

from __future__ import annotations

from typing import Any

from ..handbook import Handbook
from .urls import area_path, index_path, standard_path


def standards_nav(handbook: Handbook) -> list[Any]:
    """Index page, then a section per area: its page, then its standards by id."""
    areas = handbook.settings.areas
    entries: list[Any] = [index_path()]
    for area, group in handbook.by_area().items():
        if group:
            children = [area_path(area), *(standard_path(s) for s in group)]
            entries.append({areas.get(area, area): children})
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
