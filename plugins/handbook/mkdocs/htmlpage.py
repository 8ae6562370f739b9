"""Generated pages handed to MkDocs as the HTML they are, with their table of contents.

The core renders each generated page to HTML (after its front matter) and lists the
headings it wrote, with the ids and permalinks the site's `toc` settings give them
(render/headings.py). MkDocs still reads the front matter and runs every plugin's hooks;
the plugin gives Markdown nothing to convert and hands the page its HTML, its table of
contents made from the list with MkDocs' own `get_toc`, and the ids it holds.
"""

from __future__ import annotations

import re
from html import unescape
from typing import TYPE_CHECKING, Any

from markdown.extensions.toc import nest_toc_tokens
from mkdocs.structure.toc import get_toc

from ..render.headings import Heading, HeadingStyle, toc_levels
from ..render.output import OutputFile

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

_TOC = ("toc", "markdown.extensions.toc")
# Where the page's HTML can be linked to: any id, and <a name> (as MkDocs collects them).
_ANCHOR = re.compile(r"""<[a-zA-Z][^>]*?\s(?:id|name)=(?:"([^"]*)"|'([^']*)')""")


class HtmlPages:
    """A build's generated pages of HTML, by path; `standards` are the standards' pages."""

    def __init__(self, standards: set[str] | None = None) -> None:
        self.outputs: dict[str, OutputFile] = {}
        self.standards = standards or set()
        self.held: dict[str, str] = {}  # a page's HTML from the Markdown to the content hook

    def add(self, output: OutputFile) -> None:
        if output.headings is not None:
            self.outputs[output.path] = output

    def is_standard(self, page: Page) -> bool:
        return page.file.src_uri in self.standards and page.file.src_uri in self.outputs

    def hold(self, page: Page, markdown: str) -> str | None:
        """Nothing for Markdown to convert ("") when the page is HTML, kept for `content`."""
        if page.file.src_uri not in self.outputs:
            return None
        self.held[page.file.src_uri] = markdown
        return ""

    def content(self, page: Page, config: MkDocsConfig) -> str | None:
        """The page's HTML, its table of contents and anchors set; None for other pages."""
        html = self.held.pop(page.file.src_uri, None)
        if html is None:
            return None
        return hand_over(page, html, self.outputs[page.file.src_uri].headings or (), config)


def heading_style(config: MkDocsConfig) -> HeadingStyle:
    """The headings the site's `toc` extension would write (MkDocs always enables it)."""
    return HeadingStyle.from_toc(_toc_options(config))


def hand_over(page: Page, html: str, headings: tuple[Heading, ...], config: MkDocsConfig) -> str:
    """Give the page its table of contents and anchors; the HTML is its content."""
    top, bottom = toc_levels(_toc_options(config).get("toc_depth", 6))
    tokens: list[dict[str, Any]] = [
        {"level": h.level, "id": h.id, "name": h.title, "html": h.title, "data-toc-label": ""}
        for h in headings
        if top <= h.level <= bottom
    ]
    page.toc = get_toc(nest_toc_tokens(tokens))
    page.present_anchor_ids = {unescape(a or b) for a, b in _ANCHOR.findall(html)}
    return html


def _toc_options(config: MkDocsConfig) -> dict[str, Any]:
    configs = config.mdx_configs or {}
    for name in _TOC:
        if name in configs:
            return dict(configs[name] or {})
    return {}
