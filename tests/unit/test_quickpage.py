"""Standard pages written without Markdown come out as Markdown would make them."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config

from handbook.loader import load
from handbook.mkdocs.quickpage import render_headings
from handbook.mkdocs.rawhtml import set_aside
from handbook.render.pages import PageRenderer
from handbook.settings import Settings

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def config():
    return load_config(str(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="module")
def standard_pages() -> list[str]:
    handbook = load(Settings.from_mkdocs_yml(ROOT / "mkdocs.yml"))
    renderer = PageRenderer(handbook)
    return [renderer.standard(s).content.split("---\n", 2)[2] for s in handbook.published()]


def _markdown(text: str, config) -> tuple[str, list]:
    md = markdown.Markdown(
        extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"]
    )
    html = md.convert(text)
    return html, md.toc_tokens


def _with_toc(config, **toc):
    return {
        "markdown_extensions": config["markdown_extensions"],
        "mdx_configs": {**config["mdx_configs"], "toc": toc},
    }


@pytest.mark.parametrize(
    "toc",
    [
        {"permalink": True},
        {},
        {"permalink": "#", "permalink_title": "Link to this section"},
        {"permalink": True, "permalink_class": "anchor", "permalink_title": ""},
    ],
)
def test_same_html_and_toc_as_markdown(standard_pages, config, toc):
    options = _with_toc(config, **toc)
    assert len(standard_pages) == 21
    for page in standard_pages:
        text, _ = set_aside(page)
        assert render_headings(text, options) == _markdown(text, options)


def test_repeated_headings_get_markdowns_unique_ids(config):
    text = "<!--hb:0-->\n\n## Steps\n\n<!--hb:1-->\n\n## Steps\n\n### Steps\n\n# Top"
    assert render_headings(text, config) == _markdown(text, config)


@pytest.mark.parametrize(
    "text",
    [
        "## Steps *now*",  # inline Markdown
        "## Steps {: #mine }",  # attr_list
        "Some paragraph",
        "## Don't say",  # punctuation some extensions change
        "<div>raw</div>",
    ],
)
def test_leaves_anything_else_to_markdown(config, text):
    assert render_headings(f"<!--hb:0-->\n\n{text}", config) is None


def test_leaves_unknown_extensions_and_toc_options_to_markdown(config):
    other = {**config["mdx_configs"]}
    text = "## Steps"
    extensions = {"markdown_extensions": [*config["markdown_extensions"], "pymdownx.emoji"]}
    assert render_headings(text, {**extensions, "mdx_configs": other}) is None
    assert render_headings(text, _with_toc(config, permalink=True, anchorlink=True)) is None
    assert render_headings(text, _with_toc(config, slugify=str.lower)) is None
