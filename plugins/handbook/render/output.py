"""What the core hands to a site engine: files to add to the site."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class OutputFile:
    """A file of the built site, relative to the docs folder.

    Pages are Markdown (`.md`) for the site engine to render with its theme; other files
    are copied as they are, from `content` or from the file at `source`. `edit_path` is
    the repository file an editor changes to change this page.
    """

    path: str
    content: str | bytes | None = None
    source: Path | None = None
    edit_path: str | None = None

    @property
    def is_page(self) -> bool:
        return self.path.endswith(".md")
