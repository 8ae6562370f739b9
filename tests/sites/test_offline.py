"""The built sample handbook loads nothing from another host."""

from __future__ import annotations

import re

# Attributes and CSS that make a browser fetch something.
FETCHING = re.compile(
    r"""(?:src|href|srcset|poster|data|action)\s*=\s*["']?\s*((?:https?:)?//[^"'\s>]+)"""
    r"""|url\(\s*["']?((?:https?:)?//[^"')]+)"""
    r"""|@import\s+["']((?:https?:)?//[^"']+)""",
    re.I,
)


def external_loads(text: str) -> list[str]:
    found = []
    for match in FETCHING.finditer(text):
        url = next(g for g in match.groups() if g)
        start = text.rfind("<", 0, match.start())
        tag = text[start : match.start()].lower()
        # Plain links the reader may follow (<a href>, the repo link) are not loads.
        if tag.startswith("<a ") or tag.startswith("<a\n"):
            continue
        if 'rel="canonical"' in tag or "xmlns" in url or "www.w3.org" in url:
            continue
        found.append(url)
    return found


def test_no_page_or_asset_loads_from_another_host(sample_site):
    offenders = {}
    checked = 0
    for path in sample_site.site.rglob("*"):
        if path.suffix not in (".html", ".css", ".js", ".svg", ".xml", ".webmanifest"):
            continue
        if path.name.endswith(".min.js") and "workers" in path.parts:
            continue
        if path.suffix in (".xml",) and path.name.startswith("sitemap"):
            continue
        checked += 1
        loads = external_loads(path.read_text("utf-8", errors="replace"))
        if path.suffix == ".js":
            # Minified bundles mention URLs in strings; only flag font and CDN hosts.
            loads = [u for u in loads if re.search(r"fonts\.googleapis|gstatic|cdn|unpkg", u)]
        if loads:
            offenders[str(path.relative_to(sample_site.site))] = loads
    assert checked > 20
    assert offenders == {}


def test_detector_finds_external_loads():
    assert external_loads('<script src="https://cdn.example/x.js"></script>') == [
        "https://cdn.example/x.js"
    ]
    assert external_loads("body{background:url(//fonts.example/a.woff)}") == [
        "//fonts.example/a.woff"
    ]
    assert external_loads('<link rel="stylesheet" href="https://fonts.googleapis.com/css">')
    assert external_loads('<a href="https://example.org">a link</a>') == []


def test_no_google_fonts(sample_site):
    home = sample_site.page("")
    assert "fonts.googleapis.com" not in home and "fonts.gstatic.com" not in home
