"""Where generated pages live and how pages link to each other.

Page bodies are HTML blocks, which the site engine does not rewrite, so links are made
relative here, for either URL style (`page/` or `page.html`). Paths are percent-encoded
(escape.url_path), so no file or folder name can end an attribute or make a link with a
scheme; templates write every link to a page of the site with `Urls.relative`.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

from ..model import Standard
from .escape import url_path
from .headings import HeadingStyle

STANDARDS = "standards"


def standard_path(standard: Standard) -> str:
    return f"{STANDARDS}/{standard.slug}.md"


def area_path(area: str) -> str:
    return f"{STANDARDS}/{area}/index.md"


def index_path() -> str:
    return f"{STANDARDS}/index.md"


class Urls:
    """Turns docs paths into URLs relative to the site root, or to another page; `headings`
    says how the site writes headings, the anchors links point to."""

    def __init__(self, use_directory_urls: bool = True, headings: HeadingStyle | None = None):
        self.use_directory_urls = use_directory_urls
        self.headings = headings or HeadingStyle()

    def url(self, path: str) -> str:
        """Site-root-relative URL of a docs path, e.g. 'standards/phone-001/'."""
        return _url(path, self.use_directory_urls)

    def relative(self, from_path: str, to_path: str) -> str:
        """URL of `to_path` as linked from the page at `from_path`."""
        return _relative(self.url(from_path), self.url(to_path))


@lru_cache(maxsize=200_000)
def _url(path: str, use_directory_urls: bool) -> str:
    return url_path(_page_url(path, use_directory_urls))


def _page_url(path: str, use_directory_urls: bool) -> str:
    if not path.endswith(".md"):
        return path
    stem = path[: -len(".md")]
    if posixpath.basename(stem) in ("index", "README"):
        directory = posixpath.dirname(stem)
        if use_directory_urls:
            return f"{directory}/" if directory else "./"
        return f"{directory}/index.html" if directory else "index.html"
    return f"{stem}/" if use_directory_urls else f"{stem}.html"


@lru_cache(maxsize=200_000)
def _relative(source: str, target: str) -> str:
    # Pages link to the same few targets thousands of times: computed once per pair, and
    # by splitting paths, since posixpath.relpath asks the OS for the working directory.
    base = source.rstrip("/") if source.endswith("/") else posixpath.dirname(source)
    base_parts = [p for p in base.split("/") if p not in ("", ".")]
    target_parts = [p for p in (target.rstrip("/") or ".").split("/") if p not in ("", ".")]
    common = 0
    for a, b in zip(base_parts, target_parts, strict=False):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(base_parts) - common) + target_parts[common:]
    rel = "/".join(parts) or "."
    if target.endswith("/") and rel != ".":
        rel += "/"
    return "./" if rel == "." else rel
