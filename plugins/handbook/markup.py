"""Inline Markdown in standard text, turned into HTML that can never carry script.

Editors may write *emphasis*, **strong**, `code` and [links](https://…) in any text
field. Raw HTML is not for them: after Markdown, the result is cleaned by an allow-list
sanitizer (nh3, a binding of the Ammonia library), which drops every tag, attribute
and URL scheme not listed here — `<script>`, `onclick=`, `javascript:` links included.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import markdown
import nh3

from .render.escape import SCHEMES

ALLOWED_TAGS = {"em", "strong", "code", "a", "br"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}

# Text with none of these characters has no Markdown or HTML in it: escaping is enough,
# and skips the far slower Markdown pass for most fields.
_MARKUP = re.compile(r"[*_`\[\]<>&\\]|https?:|\n\n")
_md = markdown.Markdown(extensions=[], output_format="html")


@lru_cache(maxsize=65536)
def inline(text: str) -> str:
    """Render one text field's inline Markdown as safe HTML, without a wrapping <p>."""
    if not _MARKUP.search(text):
        return html.escape(text, quote=False)
    rendered = _md.reset().convert(text).strip()
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    rendered = rendered.replace("</p>\n<p>", "<br><br>").replace("<p>", "").replace("</p>", "")
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(SCHEMES),  # the schemes every other link of the site may have
        link_rel="noopener",
    )


@lru_cache(maxsize=65536)
def plain(text: str) -> str:
    """The words of a text field without Markdown markers, for search and summaries."""
    return html.unescape(nh3.clean(inline(text).replace("<br>", " "), tags=set())).strip()
