"""Hostile values, and what a built page must not contain whatever they were.

Each payload tries one way out of the place it is written: out of an attribute, out of
`<title>` or a CDATA section, into a link or a Markdown attribute list. Every one of them
carries the marker `alert(` or `pwned`, so anything it managed to create is recognisable.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ATTRIBUTE = '" data-pwned="1'
QUOTE = "' onmouseover=alert(1) data-pwned='"
TAG = '"><script>alert(2)</script>'
TITLE = "</title><script>alert(3)</script>"
IMAGE = "<img src=x onerror=alert(4)>"
CDATA = "]]><script>alert(5)</script>"
LINK = "[click](javascript:alert(6))"
ATTR_LIST = "{onclick=alert(7) data-pwned=1}"
SCHEME = "javascript:alert(8)"
CONTROL = "\x01\x07\x0b\x1b"
# The ones with angle brackets, for the fields where the schema allows them.
TAGS = (TAG, TITLE, IMAGE, CDATA)
ALL = (ATTRIBUTE, QUOTE, *TAGS, LINK, ATTR_LIST, SCHEME)

_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data"}
_ALLOWED_SCHEME = re.compile(r"(https?|mailto|tel):", re.I)
_ANY_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:", re.I)
_MARKERS = ("alert(", "pwned")


@dataclass
class Page:
    """What an HTML document holds, as a browser's parser reads it (references decoded)."""

    scripts: list[tuple[str, str]] = field(default_factory=list)  # (src, text)
    attributes: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, name, value)
    tags: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    metas: dict[str, str] = field(default_factory=dict)
    elements: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def attribute(self, tag: str, name: str, **having: str) -> list[str]:
        """Values of attribute `name` on `tag` elements, of those also having `having`."""
        found = []
        for element in self.elements:
            if element[0] == tag and all(element[1].get(k) == v for k, v in having.items()):
                if name in element[1]:
                    found.append(element[1][name])
        return found

    def problems(self) -> list[str]:
        """Everything a payload could have made: script, handlers, script URLs, attributes."""
        found = []
        for src, text in self.scripts:
            if any(m in src + text for m in _MARKERS):
                found.append(f"script from data: {src or text[:60]!r}")
        for tag, name, value in self.attributes:
            if name.startswith("on") or "pwned" in name or any(m in name for m in "()<>\"'"):
                found.append(f"attribute made from data: <{tag} {name}={value!r}>")
            if name in _URL_ATTRIBUTES and not _safe_url(value):
                found.append(f"URL with a refused scheme: <{tag} {name}={value!r}>")
        for tag in self.tags:
            if tag in ("iframe", "object", "embed", "frame", "base") or not tag.isalnum():
                found.append(f"element made from data: <{tag}>")
        return found


def _safe_url(value: str) -> bool:
    # A browser drops whitespace and control characters before reading a scheme.
    squeezed = re.sub(r"[\x00-\x20]", "", value)
    return not _ANY_SCHEME.match(squeezed) or bool(_ALLOWED_SCHEME.match(squeezed))


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.page.tags.append(tag)
        self.page.elements.append((tag, values))
        self.page.attributes.extend((tag, name, value) for name, value in values.items())
        if tag == "script":
            self.page.scripts.append((values.get("src", ""), ""))
        if tag == "meta" and "name" in values:
            self.page.metas[values["name"]] = values.get("content", "")
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.open and self.open[-1] == tag:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1] == "script":
            src, text = self.page.scripts[-1]
            self.page.scripts[-1] = (src, text + data)
        elif self.open and self.open[-1] == "title":
            self.page.titles.append(data)
        else:
            self.page.text.append(data)


def parse(html: str) -> Page:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.page


def text_of(html: str) -> str:
    """The text a reader sees, whitespace collapsed."""
    return " ".join(" ".join(parse(html).text).split())


def site_problems(site: Path) -> dict[str, list[str]]:
    """Problems of every HTML page of a built site, by page."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        problems = parse(path.read_text("utf-8")).problems()
        if problems:
            found[path.relative_to(site).as_posix()] = problems
    return found


def search_index_problems(site: Path) -> list[str]:
    """The search index: written with no raw markup, and its HTML fields (Material shows
    titles and texts as HTML) clean when parsed as HTML."""
    raw = (site / "search" / "search_index.json").read_text("utf-8")
    found = ["raw '<' in the file"] if "<" in raw else []
    for doc in json.loads(raw)["docs"]:
        for key in ("title", "text"):
            found.extend(f"{doc['location']} {key}: {p}" for p in parse(doc[key]).problems())
    return found
