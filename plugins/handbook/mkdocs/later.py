"""Files whose content is made while MkDocs renders the pages (the quick cards' PDFs).

MkDocs copies the site's other files before it renders the pages; a `LaterFile` is
skipped there and written by `write` after the pages (the plugin's on_post_build), so
the work that makes it runs on the other core meanwhile. Anything that reads its
content earlier gets it, waiting for it. A file whose content turns out to be None is
not part of the site after all (a PDF of an area none of whose cards print): the
project's own file of that path, if any, is published instead, as it would have been.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File


class LaterFile(File):
    make: Callable[[], bytes | None]
    instead: File | None = None  # the project's file of that path

    @property  # type: ignore[misc]  # read only: made by `make`
    def content_bytes(self) -> bytes:
        return self.make() or b""

    @property  # type: ignore[misc]
    def content_string(self) -> str:
        return self.content_bytes.decode("utf-8")

    def copy_file(self, dirty: bool = False) -> None:
        """Not with the other files: `write` writes it after the pages."""

    def write(self) -> None:
        data = self.make()
        if data is None:
            if self.instead is not None:
                self.instead.copy_file()
            return
        os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
        with open(self.abs_dest_path, "wb") as out:
            out.write(data)


def later_file(
    config: MkDocsConfig, path: str, make: Callable[[], bytes | None], instead: File | None
) -> LaterFile:
    file = File.generated(config, path, content=b"")
    file.__class__ = LaterFile
    assert isinstance(file, LaterFile)
    file.make, file.instead = make, instead
    return file


def write_all(files: list[LaterFile]) -> None:
    for file in files:
        file.write()
