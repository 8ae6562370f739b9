"""A generated page handed to MkDocs as HTML gets the table of contents and anchors
MkDocs would have made of the same headings in Markdown (mkdocs/htmlpage.py)."""

from __future__ import annotations

import html
from types import SimpleNamespace

import markdown
import pytest
from mkdocs.structure.toc import get_toc

from handbook.mkdocs.htmlpage import HtmlPages, hand_over, heading_style
from handbook.render.headings import Headings
from handbook.render.output import OutputFile

HEADINGS = [(1, "Results"), (2, "By area"), (3, "Telephone"), (3, "Café 24/7"), (2, "By owner")]


def _config(**toc):
    return SimpleNamespace(mdx_configs={"toc": toc} if toc else {})


@pytest.mark.parametrize("toc", [{}, {"toc_depth": 2}, {"toc_depth": "2-3"}, {"permalink": True}])
def test_table_of_contents_is_mkdocs_own(toc):
    config = _config(**toc)
    heading = Headings(heading_style(config))
    body = "\n".join(heading(level, title) for level, title in HEADINGS)
    page = SimpleNamespace()
    assert hand_over(page, body, tuple(heading.found), config) == body
    md = markdown.Markdown(extensions=["toc"], extension_configs={"toc": toc})
    converted = md.convert("\n\n".join(f"{'#' * n} {html.escape(t)}" for n, t in HEADINGS))
    assert str(page.toc) == str(get_toc(md.toc_tokens))
    assert body == converted


def test_anchors_are_every_id_in_the_page():
    page = SimpleNamespace()
    hand_over(
        page, '<h2 id="steps">S</h2><figure id="result-a&amp;b"><a name="old">', (), _config()
    )
    assert page.present_anchor_ids == {"steps", "result-a&b", "old"}


@pytest.mark.parametrize(
    ("tag", "anchors"),
    [
        ("<a\tid='tab'>", {"tab"}),
        ('<a  class="x y"\nname="nl" id=\'both\'>', {"nl"}),  # the first one a tag has
        ('<div data-id="no" id="yes">', {"yes"}),
        ('<a id=bare id="quoted">', {"quoted"}),
        ('<b class="c"id="glued">', set()),  # no white space before it: not an attribute
        ('<a ide="1" aid="2" id="3">', {"3"}),
        ('< a id="no"><p>id="text"</p>', set()),
        ('<a\u00a0id="nbsp"><i title="a > b" id="after">', {"nbsp"}),
    ],
)
def test_anchors_are_read_attribute_by_attribute(tag, anchors):
    page = SimpleNamespace()
    hand_over(page, tag, (), _config())
    assert page.present_anchor_ids == anchors


def test_style_follows_the_sites_toc_options():
    style = heading_style(_config(permalink="#", permalink_title="", baselevel=2, separator="_"))
    assert (style.permalink, style.permalink_title, style.baselevel, style.separator) == (
        "#",
        "",
        2,
        "_",
    )
    assert heading_style(_config()).permalink is False


def test_markdown_gets_nothing_to_convert_and_the_html_comes_back_as_content():
    html_page = OutputFile("results.md", "---\n---\n", headings=())
    pages = HtmlPages({"standards/a.md"})
    pages.add(html_page)
    pages.add(OutputFile("editors/format.md", "# Format"))  # Markdown: left to MkDocs
    page = SimpleNamespace(file=SimpleNamespace(src_uri="results.md"))
    other = SimpleNamespace(file=SimpleNamespace(src_uri="editors/format.md"))
    assert pages.hold(page, "<p>results</p>") == ""
    assert pages.hold(other, "# Format") is None
    assert pages.content(page, _config()) == "<p>results</p>"
    assert pages.content(other, _config()) is None
    assert not pages.is_standard(page)


def test_a_held_page_renders_what_mkdocs_makes_of_nothing(tmp_path):
    # The page's own `render` skips the Markdown converter; it must leave the page as
    # MkDocs' would with the sample's Markdown extensions and no Markdown.
    from pathlib import Path

    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    config = load_config(str(Path(__file__).parents[2] / "mkdocs.yml"))
    pages = HtmlPages()
    pages.add(OutputFile("results.md", "---\n---\n", headings=()))
    made = []
    for skip in (False, True):
        (tmp_path / "results.md").write_text("---\ntitle: Results\n---\n<p>r</p>")
        file = File("results.md", str(tmp_path), config.site_dir, config.use_directory_urls)
        page = Page(None, file, config)
        page.read_source(config)
        page.markdown = pages.hold(page, page.markdown) if skip else ""
        assert ("render" in vars(page)) is skip
        page.render(config, Files([file]))
        made.append(
            (page.content, str(page.toc), page._title_from_render, page.present_anchor_ids)
            + (page.links_to_anchors, page.title)
        )
    assert made[0] == made[1]
