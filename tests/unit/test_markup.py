from __future__ import annotations

import pytest

from handbook.markup import inline, plain


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>Hello",
        '<img src="x" onerror="alert(1)">',
        "[click](javascript:alert(1))",
        '<a href="javascript:alert(1)">x</a>',
        "<iframe src='https://evil.example'></iframe>",
        '<svg onload="alert(1)"></svg>',
        "**bold** <style>body{display:none}</style>",
        '<div onclick="alert(1)">text</div>',
    ],
)
def test_no_text_can_inject_script(text):
    html = inline(text).lower()
    for forbidden in (
        "<script",
        "onerror",
        "onload",
        "onclick",
        "javascript:",
        "<iframe",
        "<style",
        "<svg",
        "<img",
        "<div",
    ):
        assert forbidden not in html


def test_inline_markdown_is_kept():
    assert inline("Say *sorry* once") == "Say <em>sorry</em> once"
    assert inline("**Never** hang up") == "<strong>Never</strong> hang up"
    assert inline("[policy](https://example.org/p)") == (
        '<a href="https://example.org/p" rel="noopener">policy</a>'
    )


def test_plain_text_is_escaped():
    assert inline("Fish & chips < 5") == "Fish &amp; chips &lt; 5"


def test_plain_strips_markup():
    assert plain("Say *sorry* & [mean it](https://x.org)") == "Say sorry & mean it"
