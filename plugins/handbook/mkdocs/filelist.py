"""The build's list of files: the project's own files that lead out of it dropped, the
handbook's outputs added as MkDocs files."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from mkdocs.structure.files import File, Files

from ..boundary import inside
from ..render.escape import url_path
from ..render.output import OutputFile
from ..settings import Settings
from .later import later_file
from .stable import Digests, StableFile

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def drop_outside(files: Files, root: Path) -> None:
    """Drop the files of the project's folders (docs, theme overrides) that lead out of
    the project: the loader reports them as problems; under `serve` the site is still
    made. The theme's own files (Material's, wherever it is installed) stay."""
    for found in list(files):
        source = found.abs_src_path
        if (
            source
            and not found.generated_by
            and found.src_dir is not None
            and inside(Path(found.src_dir), root)
            and not inside(Path(source), root)
        ):
            files.remove(found)


def add(
    files: Files, config: MkDocsConfig, output: OutputFile, settings: Settings, digests: Digests
) -> File | None:
    """Add a handbook output to the build's files (None: the site's own page of that path
    wins over a generated one)."""
    existing = files.src_uris.get(_src_uri(output.path))  # as get_file_from_path
    if existing is not None:
        if existing.generated_by is None and output.is_page:
            return None
        files.remove(existing)
    file: File
    if output.later is not None:
        file = later_file(config, output.path, output.later, instead=existing)
    elif output.source is not None:
        file = File.generated(config, output.path, abs_src_path=str(output.source))
    elif output.edit_path is None:  # the last build's File while unchanged (stable.py)
        file = digests.file(config, output.path, output.content or "")
    else:
        file = StableFile.generated(config, output.path, content=output.content or "")
        digests.mark(file, output.content or "")  # type: ignore[arg-type]  # File.generated: cls(...)
    if output.edit_path:
        file.edit_uri = _edit_uri(str(settings.root), output.edit_path, config.docs_dir)
    files.append(file)
    return file


def _edit_uri(root: str, edit_path: str, docs_dir: str) -> str:
    """The repository file's path from the docs folder, percent-encoded (the theme writes
    the edit link as it is); worked out once per file where no path depends on the
    working folder."""
    if os.path.isabs(root) and os.path.isabs(docs_dir):
        return _absolute_edit_uri(root, edit_path, docs_dir)
    return _absolute_edit_uri.__wrapped__(root, edit_path, docs_dir)


@lru_cache(maxsize=16384)
def _absolute_edit_uri(root: str, edit_path: str, docs_dir: str) -> str:
    target = Path(root) / edit_path
    return url_path(os.path.relpath(target, docs_dir).replace(os.sep, "/"))


@lru_cache(maxsize=16384)
def _src_uri(path: str) -> str:
    """The name MkDocs gives the file at `path` (PurePath's, worked out once a path)."""
    return PurePath(path).as_posix()
