"""The theme's files, listed once while its folders stay as they are (`serve`).

Before each build's `files` event MkDocs lists every file of the theme's folders
(Jinja's `FileSystemLoader.list_templates`) to add the theme's static files: Material's
templates hold 14,500 files, nearly all of them icons, and listing them took 0.03 s of
every rebuild. `ThemeListing` keeps the listing across rebuilds while no folder under
the theme's folders changed: adding, removing or renaming a file changes its folder's
modified time, and every folder's (about thirty) is compared at each build. A listing
whose folders changed in the second before it was made is not kept: a file system's
clock is coarse, and a change in the same tick would leave the time as it was.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import jinja2

if TYPE_CHECKING:
    from mkdocs.theme import Theme

# A folder changed this recently (nanoseconds) before a listing leaves it unkept.
RACY = 1_000_000_000


class ThemeListing:
    """The names a theme's loader lists, and the modified time of each folder listed."""

    def __init__(self) -> None:
        self.searchpath: tuple[object, ...] = ()
        self.folders: dict[str, int] = {}
        self.names: list[str] = []
        self.made = 0  # listings made, not kept

    def names_of(
        self, searchpath: tuple[object, ...], list_all: Callable[[], list[str]]
    ) -> list[str]:
        """`list_all()` of the loader of this search path (folders, links followed), or
        the names it listed before while every folder is as it was then."""
        if searchpath == self.searchpath and self._unchanged():
            return list(self.names)
        before = time.time_ns() - RACY
        folders = _folders(searchpath)  # first: a change after this shows at the next build
        names = list_all()
        self.made += 1
        if folders is not None and all(mtime < before for mtime in folders.values()):
            self.searchpath, self.folders, self.names = searchpath, folders, list(names)
        else:
            self.searchpath, self.folders, self.names = (), {}, []
        return names

    def _unchanged(self) -> bool:
        for folder, mtime in self.folders.items():
            try:
                if os.stat(folder).st_mtime_ns != mtime:
                    return False
            except OSError:
                return False
        return True


def _folders(searchpath: tuple[object, ...]) -> dict[str, int] | None:
    """Every folder under the search path's (links followed, as the loader does), by its
    modified time; None if one cannot be read."""
    *paths, followlinks = searchpath
    found: dict[str, int] = {}
    failed: list[OSError] = []
    for top in paths:
        if not os.path.isdir(str(top)):
            continue
        for folder, _, _ in os.walk(str(top), followlinks=bool(followlinks), onerror=failed.append):
            try:
                found[folder] = os.stat(folder).st_mtime_ns
            except OSError:
                return None
    return None if failed else found


class _ListedLoader(jinja2.FileSystemLoader):
    """The theme's loader, whose listing comes from `ThemeListing` while it stands."""

    def __init__(self, loader: jinja2.FileSystemLoader, listing: ThemeListing) -> None:
        super().__init__(loader.searchpath, loader.encoding, loader.followlinks)
        self.listing = listing

    def list_templates(self) -> list[str]:
        searchpath = (*self.searchpath, self.followlinks)
        return self.listing.names_of(searchpath, super().list_templates)


def keep_listing(theme: Theme, listing: ThemeListing) -> None:
    """This build's theme makes environments whose loader's listing is kept (`serve`)."""
    get_env = theme.get_env

    def listed_env() -> jinja2.Environment:
        env = get_env()
        if type(env.loader) is jinja2.FileSystemLoader:
            env.loader = _ListedLoader(env.loader, listing)
        return env

    theme.get_env = listed_env  # type: ignore[method-assign]  # this build's theme only
