"""Values made safe for each place the handbook writes them, at the point where they are written.

Jinja's autoescaping covers HTML text and quoted attributes in every template. What it
cannot know is handled here, one function per kind of place:

- `front_matter`: page metadata (title, description, tags) goes to the theme, which
  prints it into its HTML as it is (`<title>`, `<meta name="description">`, the header,
  the navigation), so it is handed over as escaped HTML.
- `url_path` and `safe_url`: paths become percent-encoded URLs that cannot be read as
  having a scheme; a whole URL is written only with an allowed scheme.
- `xml_text`: XML 1.0 forbids most control characters, even as references.
- `json_for_html`: JSON that stays harmless if a tool pastes it into a page.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

# The only schemes a link or image may have; a relative URL has none.
SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
# Characters a URL may hold as they are (quote() keeps letters, digits and "_.-~" too).
_URL_SAFE = "!#$%&'()*+,/:;=?@[]"
# Characters XML 1.0 does not allow, even as a character reference.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def front_matter(text: object) -> Markup:
    """A page metadata value for the theme: HTML-escaped text as a YAML (JSON) string."""
    return Markup(json.dumps(str(escape(str(text))), ensure_ascii=False))


@lru_cache(maxsize=65536)
def url_path(path: str) -> str:
    """A file or page path as a URL path: every character but letters, digits, "/" and
    "_.-~" percent-encoded, so no name can end the attribute, start a query or fragment,
    or be read as a scheme ("javascript:…")."""
    return quote(path, safe="/", errors="surrogatepass")


@lru_cache(maxsize=65536)
def safe_url(url: str) -> str | None:
    """`url` fit to write as a link or image source, or None when it must not be written.

    Characters a URL cannot hold (spaces, quotes, angle brackets, controls, non-ASCII)
    are percent-encoded; a URL with a scheme other than http, https, mailto and tel
    (`javascript:`, `data:`, `vbscript:`…) is refused. A relative URL has no scheme.
    """
    encoded = quote(url, safe=_URL_SAFE, errors="surrogatepass")
    scheme = _SCHEME.match(encoded)
    if scheme is not None and scheme.group(1).lower() not in SCHEMES:
        return None
    return encoded


def xml_text(value: Any) -> Any:
    """A value for an XML document without the characters XML 1.0 forbids (git metadata
    can hold control characters); markup stays markup."""
    if isinstance(value, str) and _NOT_XML.search(value):
        return type(value)(_NOT_XML.sub("", value))
    return value


def json_for_html(data: Any, **options: Any) -> str:
    """JSON with "<", ">" and "&" written as escapes: the same data once parsed, but no
    `</script>` or markup anywhere, should a tool paste it into a page."""
    text = json.dumps(data, ensure_ascii=False, **options)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
