"""Generated files that `mkdocs serve --dirty` writes again only when they changed.

MkDocs treats every in-memory file as modified, so a dirty rebuild still rendered all
of the handbook's thousands of pages after one edit. Each generated file here remembers
its content across rebuilds (the plugin lives as long as `serve`); an unchanged file
whose output exists is skipped by dirty builds, and a full build ignores this entirely.
The sidebar of a large handbook lists no other standards (navtrim), so an unchanged
page's HTML stays right; anything in mkdocs.yml changing rebuilds every page.
"""

from __future__ import annotations

import os

from mkdocs.structure.files import File


class StableFile(File):
    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged or not os.path.isfile(self.abs_dest_path)


class Digests:
    """Each generated file's content fingerprint at the last build of this process."""

    def __init__(self) -> None:
        self.previous: dict[str, int] = {}
        self.site = 0

    def start(self, site: object) -> None:
        """Begin a build; `site` is what every page depends on (settings, the nav)."""
        self.site = hash(site)

    def mark(self, file: StableFile, content: str | bytes) -> None:
        digest = hash((self.site, content))
        file.unchanged = self.previous.get(file.src_uri) == digest
        self.previous[file.src_uri] = digest
