"""Material's fragments rendered once per page shape give the same site, byte for byte."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import build
from handbook.synth import write_project

TRICKY_TITLE = 'Hold & transfer: "warm" handover for Ana’s callers'


def _site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module", params=["page/", "page.html"])
def builds(request, tmp_path_factory) -> tuple:
    """The same synthetic handbook built with and without the cache, in a URL style."""
    root = tmp_path_factory.mktemp("theme-cache")
    cached = root / "cached"
    # More standards than the sidebar lists in full, so standard pages share their shape.
    files = write_project(cached, 64, seed=3)
    first = files[0]
    text = first.read_text("utf-8")
    title = re.search(r"^title: (.*)$", text, re.M).group(1)
    first.write_text(text.replace(f"title: {title}", f"title: '{TRICKY_TITLE}'", 1), "utf-8")
    config = cached / "mkdocs.yml"
    # No quick-card layout (WeasyPrint): it is not what this test is about, and slow.
    cards_off = re.sub(
        r"^      cards:\n(?:        .*\n)+",
        '      cards: {overflow: "off", pdf: false}\n',
        config.read_text("utf-8"),
        flags=re.M,
    )
    assert "pdf: false" in cards_off
    # The footer's links to the previous and next page are parts of each page's own.
    footer = cards_off.replace(
        "    - navigation.top\n", "    - navigation.top\n    - navigation.footer\n"
    )
    assert footer != cards_off
    # And a site URL, for each page's canonical link.
    head = "site_url: https://example.org/handbook/\n"
    if request.param == "page.html":
        head += "use_directory_urls: false\n"
    config.write_text(head + footer, "utf-8")
    plain = root / "plain"
    shutil.copytree(cached, plain)
    (plain / "mkdocs.yml").write_text(
        config.read_text("utf-8").replace(
            "  - handbook:\n", "  - handbook:\n      theme_cache: false\n"
        ),
        "utf-8",
    )
    # Not --strict: recombined sample text keeps the sample's readability warnings.
    return build(cached, "--no-strict", "--verbose"), build(plain, "--no-strict")


def test_same_site_with_and_without_the_cache(builds):
    cached, plain = builds
    assert cached.returncode == 0, cached.output
    assert plain.returncode == 0, plain.output
    with_cache, without = _site_files(cached.site), _site_files(plain.site)
    assert with_cache.keys() == without.keys()
    different = [name for name in with_cache if with_cache[name] != without[name]]
    assert different == []


def test_standard_pages_share_their_shapes_shells(builds):
    cached, _ = builds
    found = re.search(
        r"theme fragments: rendered (\d+), reused (\d+); "
        r"pages: (\d+) from (\d+) shared shells, (\d+) alone",
        cached.output,
    )
    assert found, cached.output[-2000:]
    shared, shells, alone = (int(found.group(n)) for n in (3, 4, 5))
    assert shared == 64 and alone == 0
    if (cached.site / "standards/access-001").is_dir():
        assert shells < shared / 2  # 64 standards in 10 areas; at 1,000, 20 shells
    else:
        # Each page.html links to itself by its own name: no two share a shell, yet.
        assert shells == shared


def test_tricky_title_in_the_shared_shell(builds):
    cached, _ = builds
    page = (
        "standards/access-001/"
        if (cached.site / "standards/access-001").is_dir()
        else ("standards/access-001.html")
    )
    html = cached.page(page)
    assert "\ue000" not in html
    topic = 'data-md-component="header-topic">'
    header = html[html.index(topic) + len(topic) :]
    # As Material prints it: MkDocs' theme environment does not escape, and the schema
    # keeps HTML out of titles.
    assert header[: header.index("</div>")].split() == [
        *'<span class="md-ellipsis">'.split(),
        *TRICKY_TITLE.split(),
        "</span>",
    ]


def test_a_theme_override_that_reads_the_page_turns_the_cache_off(builds, tmp_path):
    """An override may show page data the shared shells know nothing of: every page's own."""
    cached, _ = builds
    project = tmp_path / "override"
    shutil.copytree(cached.project, project, ignore=shutil.ignore_patterns("site"))
    (project / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n{% block content %}{{ super() }}'
        '<p class="owner-check">{{ page.meta.handbook_id }}</p>{% endblock %}\n',
        "utf-8",
    )
    result = build(project, "--no-strict", "--verbose")
    assert result.returncode == 0, result.output
    assert "theme fragments" not in result.output
    pages = [p for p in (result.site / "standards").rglob("*.html") if "hb-title" in p.read_text()]
    assert len(pages) == 64
    for page in pages:
        html = page.read_text("utf-8")
        own = re.search(r'<h1 id="[^"]*" class="hb-title"><span class="hb-id">([^<]+)</span>', html)
        assert f'<p class="owner-check">{own.group(1)}</p>' in html, page
