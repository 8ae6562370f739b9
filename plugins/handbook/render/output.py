"""What the core hands to a site engine: files to add to the site."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .headings import Heading, Headings, HeadingStyle

if TYPE_CHECKING:
    from jinja2 import Template


@dataclass(frozen=True)
class OutputFile:
    """A file of the built site, relative to the docs folder.

    Pages (`.md`) are rendered by the site engine with its theme. A generated page is HTML
    after its front matter, with `headings` listing what goes in its table of contents;
    a page with `headings` None is Markdown, for the engine to convert. Other files are
    copied as they are, from `content` or from the file at `source`. `edit_path` is the
    repository file an editor changes to change this page (or `later`, see below).
    """

    path: str
    content: str | bytes | None = None
    source: Path | None = None
    edit_path: str | None = None
    headings: tuple[Heading, ...] | None = None
    # A file made while the pages are rendered: its content, once made (waits for it;
    # None: the file is not part of the site after all). The engine writes it after the
    # pages; none of them reads it.
    later: Callable[[], bytes | None] | None = None
    # A generated page made while the pages before it are rendered: `content` is its
    # front matter alone, `finish()` the page once made (waits for it; the same front
    # matter). The engine fills it in at its turn among the pages.
    finish: Callable[[], OutputFile] | None = None

    @property
    def is_page(self) -> bool:
        return self.path.endswith(".md")


def html_page(path: str, template: Template, style: HeadingStyle, **context: Any) -> OutputFile:
    """A generated page from a Jinja template that writes headings with `heading(...)`."""
    headings = Headings(style)
    text = template.render(heading=headings, **context)
    return OutputFile(path, text, headings=tuple(headings.found))


def front_matter(text: str) -> str:
    """The front matter that starts a generated page's text, its `---` lines included
    ("" if none)."""
    if not text.startswith("---\n"):
        return ""
    end = text.find("\n---\n", 3)
    return text[: end + 5] if end >= 0 else ""
