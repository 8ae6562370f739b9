"""Standard pages split for search give the sections Material's own parser gives."""

from __future__ import annotations

import re
from html import unescape
from types import SimpleNamespace

import pytest
from material.plugins.search.plugin import Parser, SearchIndex, SearchPlugin
from mkdocs.plugins import BasePlugin, PluginCollection

from handbook.mkdocs.searchparse import (
    FastSearchIndex,
    leave_unmade,
    speed_up,
    standard_sections,
    without_excluded,
)

TRICKY = [
    '<h1 id="t" class="hb-title"><span class="hb-id">X-1</span> Fish &amp; chips</h1>'
    '<div class="hb-meta" data-search-exclude><span>Owner</span> Sam</div>'
    '<p class="hb-summary">Say &#39;hello&#39; &lt;first&gt;.</p>'
    '<h2 id="steps">Steps<a class="headerlink" href="#steps" title="Permanent link">&para;</a>'
    '</h2>\n<ol class="hb-steps">\n<li>One <strong>two</strong></li>\n<li>Three</li>\n</ol>',
    '<h2 id="early">Before any h1</h2><p>x</p><h3>No id</h3><p>y</p><h3 id="z">Z</h3><p> </p>',
    '<p>Preface</p><h1 id="t">T</h1><table><tr><td>a</td><td>b</td></tr></table>',
    '<h2 id="k"><code>code</code> in a title</h2><ul>\n<li> </li></ul><p>end <sub>2</sub></p>',
]


def _material(html: str) -> list[tuple]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return _plain(parser.data)


def _plain(found: list) -> list[tuple]:
    return [
        (s.el.tag, s.id, "".join(s.title).strip(), _words("".join(s.text)), s.is_excluded())
        for s in found
    ]


def _words(text: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]*>", " ", text)).split())


@pytest.mark.parametrize("html", TRICKY)
def test_same_sections_as_material_parser(html):
    assert _plain(standard_sections(html)) == _material(html)


def test_keeps_list_and_paragraph_tags_without_attributes():
    html = TRICKY[0]
    text = "".join(standard_sections(html)[1].text).strip()
    assert text == "<ol> <li>One two</li> <li>Three</li> </ol>"
    intro = "".join(standard_sections(html)[0].text).strip()
    assert intro == "<p>Say 'hello' &lt;first&gt;.</p>"


def test_every_standard_page_of_the_sample(sample_site):
    pages = [
        path
        for path in sorted((sample_site.site / "standards").glob("*/index.html"))
        if re.fullmatch(r"[a-z]+-\d+", path.parent.name)
    ]
    assert len(pages) == 21
    for path in pages:
        found = re.search(r"<article[^>]*>(.*)</article>", path.read_text("utf-8"), re.S)
        html = found.group(1)
        # The built page's article also holds Material's tags and edit button; the index
        # reads the page content, which starts at the standard's title.
        html = html[html.index("<h1") :]
        assert _plain(standard_sections(html)) == _material(html), path


@pytest.mark.parametrize(
    "html",
    [
        '<p>a</p><div class="x" data-search-exclude><table><tr><td>1</td></tr></table></div><p>b</p>',
        '<div data-search-exclude><p>first</p></div><h2 id="h">H</h2><p>t</p>',
        '<div data-search-exclude><h2 id="in">Heading inside</h2></div><p>t</p>',
        '<ul data-search-exclude hidden><li>x</li></ul><h1 id="a">A</h1>',
    ],
)
def test_emptied_exclusions_give_the_same_sections(html):
    assert _material(without_excluded(html)) == _material(html)


def test_emptied_exclusions_on_the_samples_other_pages(sample_site):
    pages = [
        path
        for path in sorted(sample_site.site.rglob("index.html"))
        if not re.fullmatch(r"[a-z]+-\d+", path.parent.name)
    ]
    emptied = 0
    for path in pages:
        found = re.search(r"<article[^>]*>(.*)</article>", path.read_text("utf-8"), re.S)
        if found:
            html = found.group(1)
            emptied += without_excluded(html) != html
            assert _material(without_excluded(html)) == _material(html), path
    assert emptied >= 3  # the standards index, the filters and the targets pages


def test_speed_up_swaps_only_materials_own_index():
    class Plugin:
        search_index = SearchIndex(lang=["en"])

    plugin = Plugin()
    speed_up(plugin, lambda page: True, lambda page: True)
    assert type(plugin.search_index) is FastSearchIndex
    assert plugin.search_index.is_standard_page(None) is True

    class Other:
        search_index = object()

    other = Other()
    speed_up(other, lambda page: True, lambda page: True)
    assert type(other.search_index) is object


def _with_search(search) -> PluginCollection:
    plugins = PluginCollection()
    plugins["material/search"] = search
    return plugins


def test_leave_unmade_drops_the_index_write_and_indexes_no_page():
    search = SearchPlugin()
    search.load_config({})
    search.search_index = SearchIndex(lang=["en"])
    plugins = _with_search(search)
    assert leave_unmade(plugins) is True
    assert search.on_post_build not in plugins.events["post_build"]
    assert len(plugins.events["page_context"]) == 1
    # Pages are indexed by none, and cleaned as Material's hook cleans them.
    valued = '<h1 id="a">A</h1><p data-search-boost="2">b</p>'
    bare = '<h1 id="a">A</h1><div data-search-exclude>c</div><p data-search-x="">d</p>'
    for html, cleaned in ((valued, '<h1 id="a">A</h1><p>b</p>'), (bare, bare)):
        page = SimpleNamespace(meta={}, content=html)
        plugins.run_event("page_context", {}, page=page, config=None, nav=None)
        assert page.content == cleaned
        material = SearchPlugin()
        material.load_config({})
        material.search_index = _NoIndex(lang=["en"])
        page = SimpleNamespace(meta={}, content=html)
        material.on_page_context({}, page=page, config=None, nav=None)
        assert page.content == cleaned  # what Material's own hook makes of it
    assert search.search_index.entries == []
    assert leave_unmade(plugins) is False  # once per build: the write is already out


class _NoIndex(SearchIndex):
    def add_entry_from_context(self, page):
        return None


def test_leave_unmade_leaves_another_search_plugin_alone():
    class Other(BasePlugin):
        search_index = SearchIndex(lang=["en"])

        def on_post_build(self, *, config):
            return None

    other = Other()
    plugins = _with_search(other)
    assert leave_unmade(plugins) is False
    assert other.on_post_build in plugins.events["post_build"]
    assert type(other.search_index) is SearchIndex
