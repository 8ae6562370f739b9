"""A generated page's headings: written by its template, listed for the table of contents.

Generated pages are HTML, handed to the site engine as they are. A template writes each
heading that belongs in the page's table of contents with `heading(level, title)`, which
gives it the id Python-Markdown's `toc` extension would give it (the site's slugify, `_1`,
`_2`… for a repeat), adds the permalink the site asks for, and lists it; the engine builds
the table of contents from that list. Headings written as plain HTML stay out of it.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from markdown.extensions.toc import slugify, unique
from markupsafe import Markup, escape


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    title: str  # the heading's text as HTML, white space collapsed


@dataclass(frozen=True)
class HeadingStyle:
    """How the site writes headings: the options of Python-Markdown's `toc` extension."""

    permalink: bool | str = False
    permalink_class: str = "headerlink"
    permalink_title: str = "Permanent link"
    permalink_leading: bool = False
    anchorlink: bool = False
    anchorlink_class: str = "toclink"
    baselevel: int = 1
    slugify: Callable[[str, str], str] = slugify
    separator: str = "-"

    @classmethod
    def from_toc(cls, options: Mapping[str, Any]) -> HeadingStyle:
        """The style the `toc` extension's options (as a site configures them) give."""
        permalink = options.get("permalink", False)
        return cls(
            permalink=permalink if isinstance(permalink, bool | str) else bool(permalink),
            permalink_class=str(options.get("permalink_class", "headerlink")),
            permalink_title=str(options.get("permalink_title", "Permanent link")),
            permalink_leading=bool(options.get("permalink_leading", False)),
            anchorlink=bool(options.get("anchorlink", False)),
            anchorlink_class=str(options.get("anchorlink_class", "toclink")),
            baselevel=int(options.get("baselevel", 1)),
            slugify=options.get("slugify", slugify),
            separator=str(options.get("separator", "-")),
        )


def toc_levels(depth: int | str) -> tuple[int, int]:
    """The heading levels a table of contents lists, as the `toc` extension reads
    `toc_depth`: a number (the deepest level) or a range "2-5"."""
    if isinstance(depth, str) and "-" in depth:
        top, bottom = (int(part) for part in depth.split("-", 1))
        return top, bottom
    return 1, int(depth)


@dataclass
class Headings:
    """Collects a page's headings while its template writes them (`heading(2, "Steps")`)."""

    style: HeadingStyle = field(default_factory=HeadingStyle)
    found: list[Heading] = field(default_factory=list)
    used: set[str] = field(default_factory=set)

    def __call__(self, level: int, title: object, id: str | None = None) -> Markup:
        """The heading's HTML; `id` keeps an id that links already point to."""
        style = self.style
        text = str(escape(title))
        name = " ".join(text.split())
        if id is None:
            anchor = unique(style.slugify(html.unescape(name), style.separator), self.used)
        else:
            anchor = id
            self.used.add(id)
        level = min(level + style.baselevel - 1, 6)
        self.found.append(Heading(level, anchor, name))
        ref = _attribute(anchor)
        inner = text.strip()
        if style.anchorlink:
            inner = f'<a class="{_attribute(style.anchorlink_class)}" href="#{ref}">{inner}</a>'
        if style.permalink not in (False, None):
            mark = "&para;" if style.permalink is True else _text(str(style.permalink))
            title_attribute = (
                f' title="{_attribute(style.permalink_title)}"' if style.permalink_title else ""
            )
            link = (
                f'<a class="{_attribute(style.permalink_class)}" href="#{ref}"'
                f"{title_attribute}>{mark}</a>"
            )
            inner = link + inner if style.permalink_leading else inner + link
        return Markup(f'<h{level} id="{ref}">{inner}</h{level}>')


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(value: str) -> str:
    return _text(value).replace('"', "&quot;")
