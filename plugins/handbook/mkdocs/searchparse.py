"""Material's search index, read from each page's HTML by a faster tokenizer.

Material's search plugin splits every page into sections with Python's `html.parser`,
which reads HTML one character class at a time: at 1,000 standards that was a fifth of
the build. The handbook's pages are well-formed HTML with no scripts, styles or
declarations, so one regular expression can cut them into the same tags and text runs.
`FastParser` does that and hands each token to Material's own handlers, so the index
holds exactly what Material would write; anything the expression does not cover exactly
(scripts, styles, declarations, a stray `<`) goes to `html.parser` as before.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Any

from material.plugins.search.plugin import Parser, SearchIndex

_NAME = r"[a-zA-Z][a-zA-Z0-9-]*"
_ATTRIBUTE = r"""\s+([^\s"'/<>=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?"""
_TOKEN = re.compile(
    rf"<(?P<name>{_NAME})(?P<attributes>(?:{_ATTRIBUTE})*)\s*(?P<closed>/?)>"
    rf"|</(?P<end>{_NAME})\s*>"
    r"|<!--(?!>|->)(?:(?!--!?>).)*?-->"  # a comment, which the search index ignores
    r"|(?P<text>[^<]+)",
    re.S,
)
_ATTRIBUTES = re.compile(_ATTRIBUTE, re.S)
# What html.parser reads in modes of its own: leave those pages to it.
_SPECIAL = re.compile(r"<(?:script|style)\b|<[!?](?!--)", re.I)


class FastParser(Parser):
    """Material's search parser with a tokenizer for well-formed HTML."""

    def feed(self, data: str) -> None:
        tokens = _tokens(data)
        if tokens is None:
            super().feed(data)
            return
        for kind, *values in tokens:
            if kind == "start":
                tag, attrs, closed = values
                self.handle_starttag(tag, attrs)
                if closed:
                    self.handle_endtag(tag)
            elif kind == "end":
                self.handle_endtag(values[0])
            else:
                self.handle_data(values[0])


def _tokens(data: str) -> list[tuple[Any, ...]] | None:
    """The page as html.parser reports it, or None where this tokenizer cannot say."""
    if _SPECIAL.search(data):
        return None
    tokens: list[tuple[Any, ...]] = []
    at = 0
    for match in _TOKEN.finditer(data):
        if match.start() != at:
            return None  # a `<` that starts no tag: html.parser's business
        at = match.end()
        name, attributes, closed, end, text = match.group(
            "name", "attributes", "closed", "end", "text"
        )
        if name is not None:
            tokens.append(("start", name.lower(), _attrs(attributes), bool(closed)))
        elif end is not None:
            tokens.append(("end", end.lower()))
        elif text is not None:
            tokens.append(("data", unescape(text)))
    return tokens if at == len(data) else None


def _attrs(text: str) -> list[tuple[str, str | None]]:
    found = []
    for m in _ATTRIBUTES.finditer(text):
        name, double, single, bare = m.groups()
        value = next((v for v in (double, single, bare) if v is not None), None)
        found.append((name.lower(), None if value is None else unescape(value)))
    return found


class FastSearchIndex(SearchIndex):
    """Material's search index, with the page split by `FastParser`."""

    def add_entry_from_context(self, page: Any) -> None:
        search = page.meta.get("search") or {}
        if search.get("exclude"):
            return
        parser = FastParser()
        parser.feed(page.content)
        parser.close()
        for section in parser.data:
            if not section.is_excluded():
                self.create_entry_for_section(section, page.toc, page.url, page)


def speed_up(search_plugin: Any) -> None:
    """Give Material's search plugin the faster index, keeping what it holds so far."""
    index = getattr(search_plugin, "search_index", None)
    if type(index) is SearchIndex:
        index.__class__ = FastSearchIndex
