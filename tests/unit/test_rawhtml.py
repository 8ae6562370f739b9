"""Generated pages' HTML set aside from Markdown comes back the same as Markdown makes it."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from handbook.loader import load
from handbook.mkdocs.rawhtml import put_back, set_aside
from handbook.render.pages import PageRenderer
from handbook.settings import Settings

ROOT = Path(__file__).parents[2]
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.superfences"]


def _convert(text: str) -> tuple[str, str]:
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={"toc": {"permalink": True}})
    html = md.convert(text)
    return html, md.toc


def _body(page: str) -> str:
    return page.split("---\n", 2)[2]  # MkDocs takes the front matter off first


@pytest.fixture(scope="module")
def pages() -> list[str]:
    handbook = load(Settings.from_mkdocs_yml(ROOT / "mkdocs.yml"))
    return [_body(f.content) for f in PageRenderer(handbook).pages() if f.content]


def test_same_html_and_toc_as_markdown(pages):
    for text in pages:
        quick, blocks = set_aside(text)
        html, toc = _convert(quick)
        assert (put_back(html, blocks), toc) == _convert(text)


def test_most_of_a_standard_page_skips_markdown(pages):
    page = next(p for p in pages if "hb-steps" in p)  # a standard's page
    quick, blocks = set_aside(page)
    assert len(blocks) >= 5
    assert len(quick) < len(page) / 5


@pytest.mark.parametrize(
    "text",
    [
        "<div>\n\n*no Markdown in a raw block*\n\n</div>\n\n## After",
        "<div>\n<div>a</div>\n\n<p>b</p>\n</div>\n\nText *here*",
        '<div markdown="1">\n*Markdown inside*\n</div>',
        "```html\n<div>code</div>\n```",
        "<span>inline</span> text",
        "<div><div>a</div>\n\n</div>",
        "<div>a</div> and *text*\n\n<p>b</p>",
        "<table>\n<tr><td>x</td></tr>\n</table>\n\n<ul>\n<li>y</li>\n</ul>",
    ],
)
def test_any_markdown_comes_out_the_same(text):
    quick, blocks = set_aside(text)
    html, toc = _convert(quick)
    assert (put_back(html, blocks), toc) == _convert(text)


def test_markdown_inside_or_code_is_left_to_markdown():
    for text in ('<div markdown="1">\n*x*\n</div>', "```html\n<div>code</div>\n```"):
        assert set_aside(text) == (text, [])
