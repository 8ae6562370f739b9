"""The faster search tokenizer gives Material's parser exactly what html.parser gives it."""

from __future__ import annotations

import re

import pytest
from handbook.mkdocs.searchparse import FastParser, FastSearchIndex, _tokens, speed_up
from material.plugins.search.plugin import Parser, SearchIndex

TRICKY = [
    "<h1 id=\"a\">Title <span class='x'>&amp; more</span></h1><p>text &lt;3 &#x27;q&#39;</p>",
    '<h2 id="b">B<a class="headerlink" href="#b" title="Permanent link">&para;</a></h2>',
    "<p>one<br>two<br/>three<br />four</p><hr>",
    "<div data-search-exclude><p>hidden</p></div><p>shown</p>",
    '<ul><li><input type="checkbox" disabled checked> done</li></ul>',
    "<p>a<!--hb:0-->b</p><!-- a comment -->",
    "<table><tr><td>1</td><td>2</td></tr></table><p>  \n  </p>",
    "<pre><code>line 1\n\n  line 2 &amp; &gt;</code></pre>",
    '<a href=bare>unquoted</a><svg viewBox="0 0 1 1"><path d="M0 0"/></svg>',
    '<section><h3 id="n">Nested</h3><p>in</p></section><p>after</p>',
    "<p>fish & chips, 5 > 3</p>",
    '<P CLASS="Upper">Case</P>',
    # Left to html.parser: the tokenizer must not guess.
    "<p>1 < 2</p>",
    "<script>var a = '<p>';</script><p>x</p>",
    "<!DOCTYPE html><p>doc</p>",
    '<a href="x"class="y">no space</a>',
]


def _sections(parser_class: type[Parser], html: str) -> list[tuple]:
    parser = parser_class()
    parser.feed(html)
    parser.close()
    return [(s.el.tag, s.id, s.title, s.text, s.depth, s.is_excluded()) for s in parser.data]


@pytest.mark.parametrize("html", TRICKY)
def test_same_sections_as_material_parser(html):
    assert _sections(FastParser, html) == _sections(Parser, html)


@pytest.mark.parametrize(
    "html", ["<p>1 < 2</p>", "<script>x</script>", "<!DOCTYPE html>", '<a href="x"class="y">']
)
def test_leaves_what_it_cannot_read_to_html_parser(html):
    assert _tokens(html) is None


def test_reads_the_handbooks_pages_itself(sample_site):
    """Every page of the sample handbook goes through the fast path, with the same result."""
    articles = []
    for path in sorted(sample_site.site.rglob("*.html")):
        found = re.search(r"<article[^>]*>(.*)</article>", path.read_text("utf-8"), re.S)
        if found:
            articles.append((path, found.group(1)))
    assert len(articles) > 40
    standard_pages = [a for a in articles if "/standards/" in str(a[0])]
    for path, html in standard_pages:
        assert _tokens(html) is not None, path
    for path, html in articles:
        assert _sections(FastParser, html) == _sections(Parser, html), path


def test_speed_up_swaps_only_materials_own_index():
    class Plugin:
        search_index = SearchIndex(lang=["en"])

    plugin = Plugin()
    speed_up(plugin)
    assert type(plugin.search_index) is FastSearchIndex

    class Other:
        search_index = object()

    other = Other()
    speed_up(other)
    assert type(other.search_index) is object
