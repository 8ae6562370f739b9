"""Generated pages handed to MkDocs as the HTML they are, with their table of contents.

The core renders each generated page to HTML (after its front matter) and lists the
headings it wrote, with the ids and permalinks the site's `toc` settings give them
(render/headings.py). MkDocs still reads the front matter and runs every plugin's hooks;
the plugin gives Markdown nothing to convert and hands the page its HTML, its table of
contents made from the list with MkDocs' own `get_toc`, and the ids it holds.

Converting nothing still cost MkDocs a Markdown converter with all the site's extensions
per page (a millisecond each, a second of a 1,000-standard build), so such a page's
`render` sets what converting "" sets (`_render_nothing`; a test compares the two).

A page made late (OutputFile's `finish`: the quick cards' picker in a build, whose cards
are still being fitted) is read as its front matter alone, with no HTML; `finish`, at
its turn among the pages (the context hook, before the theme renders it), gives it the
HTML and table of contents it would have had, waiting for them. Other plugins' Markdown
and content hooks saw it empty; their context hooks see it whole.
"""

from __future__ import annotations

import logging
import re
from functools import partial
from html import unescape
from typing import TYPE_CHECKING, Any

from markdown.extensions.toc import nest_toc_tokens
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

from ..render.headings import Heading, HeadingStyle, toc_levels
from ..render.output import OutputFile

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_TOC = ("toc", "markdown.extensions.toc")
# Where the page's HTML can be linked to: any id, and <a name> (as MkDocs collects them).
# A tag is read from one white space to the next (`[^>\s]*+`), not a character at a time.
_ANCHOR = re.compile(r"""<[a-zA-Z](?:[^>\s]*+\s)+?(?:id|name)=(?:"([^"]*)"|'([^']*)')""")


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
        page.render = partial(_render_nothing, page)  # type: ignore[method-assign]
        return ""

    def content(self, page: Page, config: MkDocsConfig) -> str | None:
        """The page's HTML, its table of contents and anchors set; None for other pages."""
        html = self.held.pop(page.file.src_uri, None)
        if html is None:
            return None
        return hand_over(page, html, self.outputs[page.file.src_uri].headings or (), config)

    def finish(self, page: Page, config: MkDocsConfig) -> None:
        """A page made late: its HTML, table of contents and anchors (waits for them)."""
        output = self.outputs.get(page.file.src_uri)
        if output is not None and output.finish is not None:
            made = output.finish()
            html = get_data(str(made.content))[0]  # as MkDocs reads a page's text
            page.content = hand_over(page, html, made.headings or (), config)


def _render_nothing(page: Page, config: MkDocsConfig, files: Files) -> None:
    """What MkDocs' `Page.render` sets for Markdown "" (the page's HTML comes in
    `content`): no content, table of contents, title or anchors."""
    page.content = ""
    page.toc = get_toc([])
    page._title_from_render = None
    page.present_anchor_ids = set()
    if logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = {}


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
