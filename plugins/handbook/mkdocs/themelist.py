"""The theme's files, listed once while its folders stay as they are (`serve`).

Before each build's `files` event MkDocs lists every file of the theme's folders
(Jinja's `FileSystemLoader.list_templates`) to add the theme's static files: Material's
templates hold 14,500 files, nearly all of them icons, and listing them took 0.03 s of
every rebuild. `ThemeListing` keeps the listing across rebuilds while no folder under
the theme's folders changed: adding, removing or renaming a file changes its folder's
modified time, and every folder's (about thirty) is compared at each build. A listing
whose folders changed in the second before it was made is not kept: a file system's
clock is coarse, and a change in the same tick would leave the time as it was.

MkDocs then filters the names (static files only, no templates): 14,500 calls of its
filter, ~0.03 s. While the listing is kept, so is what a filter left of it, by what the
filter reads: MkDocs' filter (recognised by the names its code reads: `config`'s
`theme.static_templates`, `utils.markdown_extensions`, `fnmatch`) with those values.
Any other filter runs on every name. The first reuse in the process filters again and
compares; a difference stops the filtered names being kept.

Every environment the theme makes for the build compiles its templates once per process
(the plugin's `Compiled`: Material's search plugin compiled its language templates again
at every rebuild), and Jinja loads the code only while the template's source is the same.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Hashable
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
        self.kept = False  # whether the names last given are the ones kept
        # What filters left of the kept names, by the filter's key (`filter_key`).
        self.filtered: dict[Hashable, list[str]] = {}
        self.reused: set[Hashable] = set()  # keys reused (and checked) in this process
        self.distrusted = False  # a reused filtering differed: filters run every time

    def names_of(
        self, searchpath: tuple[object, ...], list_all: Callable[[], list[str]]
    ) -> list[str]:
        """`list_all()` of the loader of this search path (folders, links followed), or
        the names it listed before while every folder is as it was then."""
        self.kept = searchpath == self.searchpath and self._unchanged()
        if self.kept:
            return list(self.names)
        before = time.time_ns() - RACY
        folders = _folders(searchpath)  # first: a change after this shows at the next build
        names = list_all()
        self.made += 1
        self.filtered = {}
        self.kept = folders is not None and all(mtime < before for mtime in folders.values())
        if self.kept:
            self.searchpath, self.folders, self.names = searchpath, folders or {}, list(names)
        else:
            self.searchpath, self.folders, self.names = (), {}, []
        return names

    def filter(
        self, names: list[str], keep: Callable[[str], bool], key: Hashable | None
    ) -> list[str]:
        """The names `keep` keeps, of `names` as the loader just listed them; kept with
        the listing by the filter's `key` (None: not kept)."""
        if key is None or not self.kept or self.distrusted:
            return [name for name in names if keep(name)]
        found = self.filtered.get(key)
        if found is not None and key in self.reused:
            return list(found)
        made = [name for name in names if keep(name)]
        if found is not None:  # its first reuse: checked
            self.reused.add(key)
            if made != found:
                self.distrusted, self.filtered = True, {}
                return made
        self.filtered[key] = made
        return list(made)

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


# What MkDocs' static-file filter (Files.add_files_from_theme) reads besides the name.
_MKDOCS_FILTER_READS = frozenset(
    {"append", "extend", "utils", "markdown_extensions", "theme", "static_templates"}
    | {"fnmatch", "lower"}
)


def filter_key(keep: Callable[[str], bool]) -> Hashable | None:
    """What decides which names the filter keeps: for MkDocs' static-file filter, its
    code and the values it reads; None for any other (its result is not kept)."""
    code = getattr(keep, "__code__", None)
    closure = getattr(keep, "__closure__", None)
    if (
        code is None
        or code.co_freevars != ("config",)
        or not set(code.co_names) <= _MKDOCS_FILTER_READS
        or closure is None
    ):
        return None
    from mkdocs import utils  # as the filter reads it

    try:
        static = closure[0].cell_contents.theme.static_templates
        return (code, tuple(sorted(static)), tuple(utils.markdown_extensions))
    except (AttributeError, TypeError, ValueError):
        return None


class _ListedLoader(jinja2.FileSystemLoader):
    """The theme's loader, whose listing comes from `ThemeListing` while it stands."""

    def __init__(self, loader: jinja2.FileSystemLoader, listing: ThemeListing) -> None:
        super().__init__(loader.searchpath, loader.encoding, loader.followlinks)
        self.listing = listing

    def list_templates(self) -> list[str]:
        searchpath = (*self.searchpath, self.followlinks)
        return self.listing.names_of(searchpath, super().list_templates)


def keep_listing(
    theme: Theme, listing: ThemeListing, compiled: jinja2.BytecodeCache | None = None
) -> None:
    """This build's theme makes environments whose loader's listing is kept (`serve`),
    and whose templates are compiled once (`compiled`)."""
    get_env = theme.get_env

    def listed_env() -> jinja2.Environment:
        env = get_env()
        if type(env.loader) is jinja2.FileSystemLoader:
            loader = env.loader = _ListedLoader(env.loader, listing)

            def list_templates(
                extensions: object = None, filter_func: Callable[[str], bool] | None = None
            ) -> list[str]:
                if extensions is not None or filter_func is None:
                    return jinja2.Environment.list_templates(env, extensions, filter_func)  # type: ignore[arg-type]
                names = loader.list_templates()
                return listing.filter(names, filter_func, filter_key(filter_func))

            env.list_templates = list_templates  # type: ignore[method-assign]  # this env only
        if compiled is not None and env.bytecode_cache is None:
            env.bytecode_cache = compiled
        return env

    theme.get_env = listed_env  # type: ignore[method-assign]  # this build's theme only
