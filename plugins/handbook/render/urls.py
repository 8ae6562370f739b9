"""Where generated pages live and how pages link to each other.

Page bodies are HTML blocks, which the site engine does not rewrite, so links are made
relative here, for either URL style (`page/` or `page.html`).
"""

from __future__ import annotations

import posixpath

from ..model import Standard

STANDARDS = "standards"


def standard_path(standard: Standard) -> str:
    return f"{STANDARDS}/{standard.slug}.md"


def area_path(area: str) -> str:
    return f"{STANDARDS}/{area}/index.md"


def index_path() -> str:
    return f"{STANDARDS}/index.md"


class Urls:
    """Turns docs paths into URLs relative to the site root, or to another page."""

    def __init__(self, use_directory_urls: bool = True):
        self.use_directory_urls = use_directory_urls

    def url(self, path: str) -> str:
        """Site-root-relative URL of a docs path, e.g. 'standards/phone-001/'."""
        if not path.endswith(".md"):
            return path
        stem = path[: -len(".md")]
        if posixpath.basename(stem) in ("index", "README"):
            directory = posixpath.dirname(stem)
            if self.use_directory_urls:
                return f"{directory}/" if directory else "./"
            return f"{directory}/index.html" if directory else "index.html"
        return f"{stem}/" if self.use_directory_urls else f"{stem}.html"

    def relative(self, from_path: str, to_path: str) -> str:
        """URL of `to_path` as linked from the page at `from_path`."""
        source = self.url(from_path)
        target = self.url(to_path)
        base = source.rstrip("/") if source.endswith("/") else posixpath.dirname(source)
        base = "" if base in (".", "") else base
        rel = posixpath.relpath(target.rstrip("/") or ".", base or ".")
        if target.endswith("/") and rel != ".":
            rel += "/"
        return "./" if rel == "." else rel
