"""Headings of generated pages get the ids, permalinks and table of contents entries
Python-Markdown's `toc` extension gives the same heading (render/headings.py)."""

from __future__ import annotations

import html

import markdown
import pytest

from handbook.render.headings import Headings, HeadingStyle

TITLES = [
    "Steps",
    "Within 24 hours",
    "Customer's rights",
    'Q&A: <refunds> & "returns"',
    "Café, crème brûlée",
    "日本語の案内",
    "2026",
    "  Spaces   inside  ",
    "Steps",  # a repeat: steps_1
]


def _markdown(titles: list[str], **toc: object) -> tuple[list[str], list[dict]]:
    """The <h2> lines and the toc tokens Markdown makes of the same titles, written as the
    page templates did before (HTML-escaped text on a Markdown heading line)."""
    md = markdown.Markdown(extensions=["toc"], extension_configs={"toc": toc})
    source = "\n\n".join(f"## {html.escape(t)}" for t in titles)
    return md.convert(source).split("\n"), md.toc_tokens  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "toc",
    [
        {},
        {"permalink": True},
        {"permalink": "#", "permalink_title": "Link to here", "permalink_class": "x"},
        {"permalink": True, "permalink_leading": True},
        {"anchorlink": True},
        {"baselevel": 2, "separator": "_"},
    ],
)
def test_ids_html_and_entries_are_markdowns(toc):
    heading = Headings(HeadingStyle(**toc))
    written = [str(heading(2, title)) for title in TITLES]
    lines, tokens = _markdown(TITLES, **toc)
    assert [h.id for h in heading.found] == [t["id"] for t in tokens]
    assert [h.level for h in heading.found] == [t["level"] for t in tokens]
    assert [html.unescape(h.title) for h in heading.found] == [
        html.unescape(t["name"]) for t in tokens
    ]
    # The same HTML, but for the quotes Jinja's escaping writes as references.
    assert [html.unescape(w) for w in written] == [html.unescape(line) for line in lines]


def test_a_digit_an_apostrophe_and_non_ascii_get_the_toc_id():
    heading = Headings()
    for title in ("Within 24 hours", "Customer's rights", "Café crème", "日本語", "日本語"):
        heading(2, title)
    assert [h.id for h in heading.found] == [
        "within-24-hours",
        "customers-rights",
        "cafe-creme",
        "_1",
        "_2",
    ]


def test_the_sites_slugify_is_used():
    from markdown.extensions.toc import slugify_unicode

    heading = Headings(HeadingStyle(slugify=slugify_unicode))
    heading(2, "Café 日本")
    assert heading.found[0].id == "café-日本"


def test_an_id_links_point_to_is_kept_and_not_given_again():
    heading = Headings(HeadingStyle(permalink=True))
    made = heading(2, "Answer quickly", id="quick-response")
    heading(2, "Quick response")
    assert made.startswith('<h2 id="quick-response">Answer quickly<a class="headerlink"')
    assert [h.id for h in heading.found] == ["quick-response", "quick-response_1"]
