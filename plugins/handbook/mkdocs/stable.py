"""Generated files that `mkdocs serve --dirty` writes again only when they changed.

MkDocs treats every in-memory file as modified, so a dirty rebuild still rendered all
of the handbook's thousands of pages after one edit. Each generated file here remembers
its content across rebuilds (the plugin lives as long as `serve`); an unchanged file
whose output exists is skipped by dirty builds, and a full build ignores this entirely.
The sidebar of a large handbook lists no other standards (navtrim), so an unchanged
page's HTML stays right; anything in mkdocs.yml changing rebuilds every page.

A page a dirty build skips is not read either, so its title is unknown (None) to the
pages that are rendered: a trimmed sidebar showed "None" for each area's link. `Unread`
remembers each page's title from the last build that read it; a page not read since is
unchanged, and so is its title. The site's own pages that the handbook fills in (the
home page's list of areas and their standards) are made again when their file changed,
as MkDocs does, or when what the handbook puts in them (or anything every page depends
on, as above) differs from what their last build put in: not after every edit (the
home page's 1,000 links through Markdown took 0.05 s of each rebuild).

MkDocs makes a new Jinja environment for every build, which compiled the theme's fifty
templates again after every edit; `Compiled` keeps their compiled code across rebuilds
(Jinja loads it only while the template's source is the same, by checksum), and
`ThemeListing` the list of the theme's files (themelist.py). `VersionedFolder` moves
the search index's folder to its new version's name, so that a rebuild writes only the
index files that changed.

`Rebuilds` holds all of these, and the build state (buildstate.py) holds it: one object
says what a build sees of the builds before it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..finding.index import FOLDER as INDEX_FOLDER
from ..handbook import Handbook
from ..render.output import OutputFile
from ..render.unbuilt import Unbuilt
from ..render.urls import Urls
from .navtrim import LIST_ALL_UP_TO
from .themelist import ThemeListing

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


class StableFile(File):
    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged or not os.path.isfile(self.abs_dest_path)


def site_signature(config: MkDocsConfig, handbook: Handbook) -> object:
    """What every generated page's HTML depends on besides its own content: the
    configuration, the standards a small handbook lists on every page, and the theme's
    own templates (`custom_dir`: an edit under `serve` makes every page again)."""
    published = handbook.published()
    listed = [(s.id, s.title) for s in published] if len(published) <= LIST_ALL_UP_TO else []
    config_text = Path(config.config_file_path).read_text("utf-8")
    return (config_text, tuple(listed), _templates(config.theme.custom_dir))


def _templates(folder: str | None) -> tuple[tuple[str, int, int], ...]:
    """Each file of a theme folder: its path, size and modified time (a few files)."""
    found = []
    for top, _, names in os.walk(folder) if folder else ():
        for name in names:
            try:
                stat = os.stat(path := os.path.join(top, name))
            except OSError:
                continue
            found.append((path, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(found))


class _AlwaysBuilt(File):
    def is_modified(self) -> bool:
        return True


def always_build(file: File) -> None:
    """A file of the site's own that shows what the handbook puts in (the home page's
    areas): made again by every build, dirty or not, since its content is not its file's."""
    file.__class__ = _AlwaysBuilt


class Digests:
    """Each generated file's content fingerprint at the last build of this process."""

    def __init__(self) -> None:
        self.previous: dict[str, int] = {}
        self.site = 0
        # The last build's File of each generated file that is not a page, by path.
        self.files: dict[str, StableFile] = {}

    def start(self, site: object) -> None:
        """Begin a build; `site` is what every page depends on (settings, the nav)."""
        self.site = hash(site)

    def mark(self, file: StableFile, content: str | bytes) -> None:
        digest = hash((self.site, content))
        file.unchanged = self.previous.get(file.src_uri) == digest
        self.previous[file.src_uri] = digest

    def file(self, config: MkDocsConfig, path: str, content: str | bytes) -> StableFile:
        """The generated file of this content at `path`, marked: the last build's File
        object if it is unchanged (the same content, and nothing every page depends on
        changed: `start`), for the same site folder and URL style, and not a page (MkDocs
        gives a page's File its page, made again each build); MkDocs made 2,900 of them
        again after each edit at 1,000 standards."""
        made = self.files.get(path)
        if (
            made is None
            or self.previous.get(path) != hash((self.site, content))
            or made.dest_dir != config.site_dir
            or made.use_directory_urls != config.use_directory_urls
            or getattr(made, "_content", None) != content
        ):
            made = StableFile.generated(config, path, content=content)  # type: ignore[assignment]
        assert made is not None
        self.mark(made, content)
        if not made.is_documentation_page():
            self.files[path] = made
        return made


class VersionedFolder:
    """A folder of generated files named for their content (the search index's,
    `search/handbook/<version>/`: finding/index.py), moved rather than written again.

    An edit changes a few of the index's 900 files, and so its version: a dirty build
    wrote all 900 into the new folder, which under a busy disk took up to 0.4 s of a
    rebuild. Here the last build's folder is renamed to the new version before the files
    are written, each file takes its digest from its name in the old folder, so only the
    files whose content changed are written (stable.py's `StableFile`), and the files of
    the old version that the new one has not are deleted: the folder holds what a full
    build writes there. Where the new folder exists already (an earlier version again)
    or the rename fails, the files are written as before. Browsers are reloaded after
    each rebuild; a page of the old version still open would find its index gone."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix  # the folders' parent, "search/handbook/"
        self.folder: str | None = None  # the last build's

    def move(self, paths: Iterable[str], site_dir: str, digests: Digests) -> None:
        """Before this build's files (`paths`) are written to `site_dir`."""
        prefix = self.prefix
        inside = [p[len(prefix) :] for p in paths if p.startswith(prefix)]
        folders = {p.split("/", 1)[0] for p in inside}
        old, self.folder = self.folder, next(iter(folders)) if len(folders) == 1 else None
        new = self.folder
        if old is None or new is None or old == new:
            return
        source, target = os.path.join(site_dir, prefix, old), os.path.join(site_dir, prefix, new)
        if not os.path.isdir(source) or os.path.lexists(target):
            return
        try:
            os.rename(source, target)
        except OSError:
            return
        wanted = {prefix + p for p in inside}
        for path in [p for p in digests.previous if p.startswith(f"{prefix}{old}/")]:
            moved = f"{prefix}{new}/{path[len(prefix) + len(old) + 1 :]}"
            digest = digests.previous.pop(path)
            digests.files.pop(path, None)
            if moved in wanted:
                digests.previous[moved] = digest
            else:
                digests.previous.pop(moved, None)
                with contextlib.suppress(OSError):
                    os.remove(os.path.join(site_dir, moved))


class Unread:
    """What dirty builds do not read: each page's title when it was last read, and what
    the handbook put in the site's own pages it fills in, when they were last built."""

    def __init__(self) -> None:
        self.titles: dict[str, str] = {}
        # The pages the handbook fills in: a digest of their fill and the site's
        # signature (Digests.site) at their last build.
        self.filled: dict[str, int] = {}
        self.fills: dict[str, str] = {}  # this build's fill of each of them
        self.make: Callable[[str], str] = lambda page: ""  # this build's `fill`
        self.site = 0

    def start(self, files: Files, fill: Callable[[str], str], site: int) -> None:
        """Before the pages are read: `fill` gives what the handbook puts in a page (its
        HTML, by page), `site` the site's signature; a page filled before is built again
        when its fill differs from its last build's."""
        self.make, self.site, self.fills = fill, site, {}
        for file in files.documentation_pages():
            if file.src_uri in self.filled:
                made = self.fills[file.src_uri] = fill(file.src_uri)
                if hash((site, made)) != self.filled[file.src_uri]:
                    always_build(file)

    def filling(self, page: str) -> str:
        """The fill of `page`, whose Markdown is read in this build, remembered."""
        made = self.fills.get(page)
        if made is None:
            made = self.make(page)
        self.filled[page] = hash((self.site, made))
        return made

    def unfilled(self, page: str) -> None:
        """`page`, read in this build, is not filled in (any more)."""
        self.filled.pop(page, None)

    def note(self, page: Page) -> None:
        if page.title is not None:
            self.titles[page.file.src_uri] = page.title

    def fill(self, files: Files) -> None:
        for file in files.documentation_pages():
            page = file.page
            if page is not None and page.markdown is None and file.src_uri in self.titles:
                page.title = self.titles[file.src_uri]


class Compiled(jinja2.BytecodeCache):
    """Compiled templates, in memory for the life of the process."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


@dataclass
class Rebuilds:
    """What the plugin remembers from one `serve` build to the next, besides derived work."""

    digests: Digests = field(default_factory=Digests)
    unread: Unread = field(default_factory=Unread)
    unbuilt: Unbuilt = field(default_factory=Unbuilt)
    compiled: Compiled = field(default_factory=Compiled)
    index: VersionedFolder = field(default_factory=lambda: VersionedFolder(f"{INDEX_FOLDER}/"))

    def served(
        self, outputs: list[OutputFile], handbook: Handbook, urls: Urls, site_dir: str
    ) -> list[str]:
        """Under `serve`, before the outputs are added: a notice page for each page that
        cannot be built (added to `outputs`), and the index's folder moved to its new
        version; the warnings to log."""
        warnings = []
        for notice, warning in self.unbuilt.notices(handbook, urls):
            warnings.append(warning)
            outputs.append(notice)
        self.index.move((o.path for o in outputs), site_dir, self.digests)
        return warnings

    listing: ThemeListing = field(default_factory=ThemeListing)
