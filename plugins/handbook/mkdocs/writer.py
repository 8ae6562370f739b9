"""The handbook's generated files, written by a thread while MkDocs renders the pages.

MkDocs writes the site's other files (`copy_static_files`) before it renders the pages,
one after another in the build's process. At 1,000 standards the handbook hands it about
2,800 generated files with content (quick-card pages, scorecards, the staff search's
files), and creating a file costs the system up to half a millisecond: up to two seconds
on the build's critical path. In a `mkdocs build` a `Writer` writes them instead, in a
thread started when MkDocs is about to (the last on_env): creating and writing a file
releases the GIL, so the system's work runs on the other core while the pages render.

What is written does not change: each file by MkDocs' own `File.copy_file`, at the same
path, and nothing else of the build writes there. Left to MkDocs as before: a file whose
destination another file or template of the build also writes (the order MkDocs writes
them in decides which one is published), files copied from a source, the PDFs written
later (later.py), and everything under `serve`, whose rebuilds write only what changed
(stable.py). The thread is joined before any plugin's on_post_build, which may read the
site (Material's search and offline plugins, the PDFs written after the pages).

The features fork their copies (beside.py) in on_config, while the process runs one
thread, so no fork follows this thread's start. A file that cannot be written (a full
disk, no permission) stops the build with its path and the system's reason.
"""

from __future__ import annotations

import os
import threading
import time
from collections import Counter
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from .stable import StableFile

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = get_plugin_logger(__name__)


class _Aside(StableFile):
    """A generated file the `Writer` writes: MkDocs' copying skips it."""

    def copy_file(self, dirty: bool = False) -> None:
        """Written by the writer's thread."""


class Writer:
    """Writes some of a build's files in a thread of its own: `start`, then `finish`."""

    def __init__(self) -> None:
        self.files: list[File] = []
        self._thread: threading.Thread | None = None
        self._failure = ""

    def start(self, files: Files, config: MkDocsConfig) -> None:
        """Take the generated files with content that no other file of the build writes
        over, and begin writing them."""
        self.files = taken = _aside(files, config)
        if taken:
            self._thread = threading.Thread(target=self._write, name="handbook-writer")
            self._thread.daemon = True  # an interrupted build does not wait for it
            self._thread.start()

    def _write(self) -> None:
        for file in self.files:
            try:
                File.copy_file(file)  # MkDocs' own writing
            except Exception as e:  # noqa: BLE001 - the build stops with it in `finish`
                why = e.strerror if isinstance(e, OSError) and e.strerror else f"{e}"
                self._failure = f"could not write {file.abs_dest_path}: {why}"
                return

    def finish(self, quiet: bool = False) -> None:
        """Wait for the files to be written; a failure stops the build with its message
        (not if `quiet`: the build stopped already)."""
        if self._thread is not None:
            waited = time.perf_counter()
            self._thread.join()
            self._thread = None
            waited = time.perf_counter() - waited
            log.debug(f"{len(self.files)} files written beside the pages, {waited:.2f} s waited")
        failure, self._failure = self._failure, ""
        if failure and not quiet:
            raise PluginError(failure)


def _aside(files: Files, config: MkDocsConfig) -> list[File]:
    """The generated files with content the writer takes from MkDocs (their class is
    changed so that MkDocs' copying skips them)."""
    destinations = Counter(file.abs_dest_path for file in files)
    for name in (*config.theme.static_templates, *config.extra_templates):
        path = os.path.normpath(os.path.join(config.site_dir, name))
        destinations.update([path, f"{path}.gz"])  # sitemap.xml's compressed copy
    taken: list[File] = []
    for file in files:
        if (
            type(file) is StableFile
            and file._content is not None
            and file.generated_by is not None
            and not file.is_documentation_page()
            and file.inclusion.is_included()
            and destinations[file.abs_dest_path] == 1
        ):
            file.__class__ = _Aside
            taken.append(file)
    return taken
