"""Material's search index: not made under the staff search; made faster under `search: false`.

With the handbook's staff search on (as shipped), the header's search box is the
handbook's (templates/theme/partials/search.html: its form is not named "search", so
Material's script never fetches search/search_index.json). No page loads Material's
index, so `leave_unmade()` keeps its plugin from reading the pages and writing it.

With `search: false`, Material's search is the site's, with its index, as before.
Material's search plugin splits every page into sections with a subclass of Python's
`html.parser`, which reads HTML a character class at a time and compares every open
element through Python-level `__eq__`/`__hash__`: at 1,000 standards that was a third
of the build. A standard page's HTML is the handbook's own, made from its templates:
headings with ids, no scripts, no nested excluded blocks. So `standard_sections()` cuts
it at its headings with regular expressions and keeps what Material's parser keeps
(paragraph and list tags, the text, not the permalink), ten times faster. Tests check
that each section has the same title, link and words as Material's parser gives it.
Every other page goes to Material's parser, as before; on the handbook's other pages
the long lists kept out of the index are emptied first, so it does not read them.
"""

from __future__ import annotations

import re
from html import escape, unescape
from typing import TYPE_CHECKING, Any

from material.plugins.search.plugin import Element, Parser, SearchIndex, SearchPlugin, Section

if TYPE_CHECKING:
    from mkdocs.plugins import PluginCollection

# Tags Material's parser keeps (without attributes) in a section's text.
_KEPT = "p|code|pre|li|ol|ul|sub|sup"
_HEADING = re.compile(r"<(h[1-6])\b([^>]*)>(.*?)</\1\s*>", re.S | re.I)
_ID = re.compile(r"""\bid\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# An excluded element ends at the first closing tag of its name, as in Material's parser.
_EXCLUDED = re.compile(r"<([a-zA-Z][\w-]*)\b[^>]*\bdata-search-exclude\b[^>]*>.*?</\1\s*>", re.S)
_ANY_HEADING = re.compile(r"<h[1-6]\b", re.I)
_PERMALINK = re.compile(r"<a\b[^>]*\bclass=\"headerlink\"[^>]*>.*?</a\s*>", re.S)
_KEPT_TAG = re.compile(rf"<(/?)({_KEPT})\b[^>]*>", re.I)
_OTHER_TAG = re.compile(rf"<(?!/?(?:{_KEPT})\b)[^>]*>", re.I)
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);?")
_EMPTY_KEPT = re.compile(rf"<({_KEPT})>\s*</\1>")
_SPACE = re.compile(r"\s+")


def standard_sections(html: str) -> list[Section]:
    """A standard page's sections: its title and text, then one per heading with an id."""
    html = _EXCLUDED.sub("", html)
    sections: list[Section] = []
    at = 0
    for heading in _HEADING.finditer(html):
        found = _ID.search(heading.group(2))
        if found is None:
            continue  # Material starts sections only at headings with an id
        _add_text(sections, html[at : heading.start()])
        tag = heading.group(1).lower()
        section = Section(Element(tag, {"id": found.group(1) or found.group(2)}))
        if sections or tag != "h1":
            if not sections:
                sections.append(Section(Element("hx")))  # text before the first heading
            section.id = found.group(1) or found.group(2)
        section.title = [_text(_PERMALINK.sub("", heading.group(3)))]
        sections.append(section)
        at = heading.end()
    _add_text(sections, html[at:])
    return sections


def _add_text(sections: list[Section], html: str) -> None:
    if not sections:
        if not html.strip():
            return
        sections.append(Section(Element("hx")))
    sections[-1].text.append(_text(html))


def _text(html: str) -> str:
    """The section's text as Material keeps it: bare list and paragraph tags, and words."""
    text = _OTHER_TAG.sub("", html)  # every tag but the kept ones goes, with no space
    text = _KEPT_TAG.sub(_bare, text)
    text = _ENTITY.sub(_reescape, text)
    text = _SPACE.sub(" ", text)
    while True:
        shorter = _EMPTY_KEPT.sub("", text)
        if shorter == text:
            return text
        text = _SPACE.sub(" ", shorter)


def _bare(tag: re.Match[str]) -> str:
    return f"<{tag.group(1)}{tag.group(2).lower()}>"


def _reescape(entity: re.Match[str]) -> str:
    """An entity as Material writes it: read, then escaped again without quotes."""
    return escape(unescape(entity.group(0)), quote=False)


def without_excluded(html: str) -> str:
    """The HTML with each excluded element emptied, for Material's parser to skip faster.

    Lists of every standard are kept out of the index, but Material's parser still reads
    them tag by tag. An emptied element opens and closes as before; one holding a heading
    stays, as Material makes a section of any heading with an id.
    """

    def empty(m: re.Match[str]) -> str:
        return m.group(0) if _ANY_HEADING.search(m.group(0)) else f"<{m.group(1)}></{m.group(1)}>"

    return _EXCLUDED.sub(empty, html)


class FastSearchIndex(SearchIndex):
    """Material's search index, reading the handbook's generated pages faster."""

    is_standard_page: Any = staticmethod(lambda page: False)
    is_generated_page: Any = staticmethod(lambda page: False)

    def add_entry_from_context(self, page: Any) -> None:
        search = page.meta.get("search") or {}
        if search.get("exclude"):
            return
        if self.is_standard_page(page):
            found = standard_sections(page.content)
        else:
            parser = Parser()
            generated = self.is_generated_page(page)
            parser.feed(without_excluded(page.content) if generated else page.content)
            parser.close()
            found = parser.data
        for section in found:
            if not section.is_excluded():
                self.create_entry_for_section(section, page.toc, page.url, page)


def speed_up(search_plugin: Any, is_standard_page: Any, is_generated_page: Any) -> None:
    """Give Material's search plugin the faster index, keeping what it holds so far."""
    index = getattr(search_plugin, "search_index", None)
    if type(index) is SearchIndex:
        index.__class__ = FastSearchIndex
    if isinstance(index, FastSearchIndex):
        index.is_standard_page = is_standard_page
        index.is_generated_page = is_generated_page


class _NoEntries(SearchIndex):
    """An index that takes no page."""

    def add_entry_from_context(self, page: Any) -> None:
        return None


# A page Material's page hook changes: one with a `data-search-*` attribute with a value
# (its own pattern, `\s?data-search-\w+="[^"]+"`, finds no page this one does not).
_VALUED = re.compile(r'data-search-\w+="[^"]')


def leave_unmade(plugins: PluginCollection) -> bool:
    """Material's search plugin reads no page for its index and writes none; `True` if so.

    It read every page (half the time the pages took to render at 1,000 standards) and
    wrote a 7 MB file that no page loads. The plugin stays configured, as Material's
    header shows the search box only while it is. Its hooks are changed in this build's
    list of hooks, the list Material's own `group` plugin edits: the one that writes the
    index is taken out; the page hook, which also removes `data-search-*` attributes
    with a value from the page, runs only on a page that has one, with an index that
    takes no page. `False`, changing nothing, when the plugin is not Material's as
    expected.
    """
    search = plugins.get("material/search")
    write = getattr(search, "on_post_build", None)
    read = getattr(search, "on_page_context", None)
    if (
        not isinstance(search, SearchPlugin)
        or write not in plugins.events["post_build"]
        or read not in plugins.events["page_context"]
        or type(search.search_index) not in (SearchIndex, FastSearchIndex)
    ):
        return False
    search.search_index.__class__ = _NoEntries

    def page_context(context: Any, *, page: Any, config: Any, nav: Any) -> Any:
        if _VALUED.search(page.content):
            return read(context, page=page, config=config, nav=nav)
        return None

    hooks = plugins.events["page_context"]
    hooks[hooks.index(read)] = page_context
    plugins.events["post_build"].remove(write)
    return True
