"""Standard pages made into HTML without a Markdown pass.

Once their HTML blocks are set aside (rawhtml.py), a standard page's Markdown is nothing
but plain `## Heading` lines between placeholders. MkDocs still builds a new Markdown
converter with every extension for each page, which at 1,000 standards cost more than
two seconds. `QuickPage` writes those headings as the `toc` extension would (its own
slugify, unique ids and nesting), and leaves every other page, or any configuration it
does not know to be equivalent, to Markdown.
"""

from __future__ import annotations

import logging
import re
from html import escape
from typing import Any

from markdown.extensions.toc import nest_toc_tokens, slugify, unique
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

# Extensions that leave a heading of plain words and an HTML comment as they are.
SAFE_EXTENSIONS = frozenset(
    {
        "toc",
        "tables",
        "fenced_code",
        "admonition",
        "attr_list",
        "md_in_html",
        "def_list",
        "footnotes",
        "abbr",
        "meta",
        "sane_lists",
        "pymdownx.details",
        "pymdownx.superfences",
        "pymdownx.highlight",
        "pymdownx.inlinehilite",
        "pymdownx.tabbed",
        "pymdownx.tasklist",
    }
)
# `toc` options this module knows how to follow.
TOC_OPTIONS = frozenset({"permalink", "permalink_title", "permalink_class", "title"})
_PLACEHOLDER = re.compile(r"<!--hb:\d+-->")
_HEADING = re.compile(r"(#{1,6}) ([A-Za-z]+(?: [A-Za-z]+)*)")


class QuickPage(Page):
    """A generated page: headings written directly when that is all its Markdown holds."""

    def render(self, config: Any, files: Any) -> None:
        done = render_headings(self.markdown or "", config)
        if done is None:
            super().render(config, files)
            return
        self.content, tokens = done
        self.toc = get_toc(tokens)  # type: ignore[arg-type]
        self._title_from_render = None  # the title is in an HTML block, as Markdown finds
        self.present_anchor_ids = {t["id"] for t in _flat(tokens)}
        if mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = {}


def render_headings(markdown: str, config: Any) -> tuple[str, list[dict]] | None:
    """HTML and `toc` tokens of Markdown made of headings and placeholders, else None."""
    options = config["mdx_configs"].get("toc", {})
    if not set(config["markdown_extensions"]) <= SAFE_EXTENSIONS or set(options) - TOC_OPTIONS:
        return None
    permalink = options.get("permalink", False)
    link_class = options.get("permalink_class", "headerlink")
    link_title = options.get("permalink_title", "Permanent link")
    html: list[str] = []
    tokens: list[dict] = []
    used: set[str] = set()
    for block in markdown.strip("\n").split("\n\n"):
        block = block.strip("\n")
        if not block:
            continue
        if _PLACEHOLDER.fullmatch(block):
            html.append(block + "\n")  # Markdown ends a raw HTML block with a blank line
            continue
        heading = _HEADING.fullmatch(block)
        if heading is None:
            return None
        level, name = len(heading.group(1)), heading.group(2)
        anchor = unique(slugify(name, "-"), used)
        tokens.append(
            {"level": level, "id": anchor, "name": name, "html": name, "data-toc-label": ""}
        )
        link = ""
        if permalink not in (False, None):
            text = "&para;" if permalink is True else escape(str(permalink), quote=False)
            title = f' title="{escape(link_title)}"' if link_title else ""
            link = f'<a class="{escape(link_class)}" href="#{anchor}"{title}>{text}</a>'
        html.append(f'<h{level} id="{anchor}">{name}{link}</h{level}>')
    return "\n".join(html).rstrip("\n"), nest_toc_tokens(tokens)


def _flat(tokens: list[dict]) -> list[dict]:
    found = []
    for token in tokens:
        found.append(token)
        found.extend(_flat(token.get("children", [])))
    return found
