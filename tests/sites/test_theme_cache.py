"""The theme cache gives the same site as Material alone, byte for byte, in the
configurations users turn on (tests/fixtures/theme-cache/), and catches its own mistakes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from markupsafe import escape

from conftest import FIXTURES, build
from handbook.mkdocs import fragments
from handbook.synth import write_project

TRICKY_TITLE = 'Hold & transfer: "warm" handover for Ana’s callers'
VARIANTS = FIXTURES / "theme-cache"
_REPORT = re.compile(
    r"theme fragments: rendered (\d+), reused (\d+); "
    r"pages: (\d+) from (\d+) shared shells, (\d+) alone; differed (\d+)"
)


def _site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _report(output: str) -> dict[str, int]:
    found = _REPORT.search(output)
    assert found, output[-2000:]
    names = ("rendered", "reused", "shared", "shells", "alone", "differed")
    return dict(zip(names, map(int, found.groups()), strict=True))


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """A synthetic handbook whose mkdocs.yml is `base.yml`, for the variants to inherit."""
    project = tmp_path_factory.mktemp("theme-cache") / "base"
    # More standards than the sidebar lists in full, so standard pages share their shape.
    files = write_project(project, 64, seed=3)
    first = files[0]
    text = first.read_text("utf-8")
    title = re.search(r"^title: (.*)$", text, re.M).group(1)
    first.write_text(text.replace(f"title: {title}", f"title: '{TRICKY_TITLE}'", 1), "utf-8")
    config = project / "mkdocs.yml"
    # No quick-card layout (WeasyPrint): it is not what this test is about, and slow.
    cards_off = re.sub(
        r"^      cards:\n(?:        .*\n)+",
        '      cards: {overflow: "off", pdf: false}\n',
        config.read_text("utf-8"),
        flags=re.M,
    )
    assert "pdf: false" in cards_off
    (project / "base.yml").write_text(cards_off, "utf-8")
    config.unlink()
    return project


def _pair(base: Path, variant: str, root: Path) -> tuple:
    """The variant built with the cache (verbose, for its report) and without it."""
    cached, plain = root / "cached", root / "plain"
    for project in (cached, plain):
        shutil.copytree(base, project)
        shutil.copy(VARIANTS / f"{variant}.yml", project / "mkdocs.yml")
        for name in ("everyday.yml",):
            shutil.copy(VARIANTS / name, project / name)
    off = (plain / "base.yml").read_text("utf-8")
    off_text = off.replace("  - handbook:\n", "  - handbook:\n      theme_cache: false\n", 1)
    assert off_text != off
    (plain / "base.yml").write_text(off_text, "utf-8")
    # Not --strict: recombined sample text keeps the sample's readability warnings.
    return build(cached, "--no-strict", "--verbose"), build(plain, "--no-strict")


@pytest.fixture(scope="module")
def built(base, tmp_path_factory):
    """Each variant's pair of builds, made once for the tests that read it."""
    pairs: dict[str, tuple] = {}

    def get(variant: str) -> tuple:
        if variant not in pairs:
            pairs[variant] = _pair(base, variant, tmp_path_factory.mktemp(variant))
        return pairs[variant]

    return get


@pytest.fixture(scope="module", params=["everyday", "page-urls", "feedback", "feedback-address"])
def builds(request, built) -> tuple:
    return (request.param, *built(request.param))


def test_same_site_with_and_without_the_cache(builds):
    _, cached, plain = builds
    assert cached.returncode == 0, cached.output
    assert plain.returncode == 0, plain.output
    assert "theme fragments" not in plain.output
    with_cache, without = _site_files(cached.site), _site_files(plain.site)
    assert with_cache.keys() == without.keys()
    different = [name for name in with_cache if with_cache[name] != without[name]]
    assert different == []


def test_the_variant_is_what_it_says(builds):
    """Each configuration shows in the pages, so the comparison above compares it."""
    variant, cached, _ = builds
    page = "standards/access-001.html" if variant == "page-urls" else "standards/access-001/"
    html = cached.page(page)
    assert '<html lang="de"' in html
    assert 'rel="canonical" href="https://example.org/handbook/standards/access-001' in html
    assert 'class="md-footer__link md-footer__link--next"' in html
    assert 'class="md-tag' in html
    assert 'data-md-color-scheme="slate"' in html  # the palette toggle
    assert ("md-feedback" in html) == variant.startswith("feedback")


def test_standard_pages_share_their_shapes_shells(builds):
    variant, cached, _ = builds
    report = _report(cached.output)
    if variant == "feedback":
        # Each page's feedback note has its title, URL-encoded: a stand-in shows in every
        # shell, and every page is rendered alone.
        assert report["shared"] == 0 and report["alone"] == 64
        return
    if variant == "feedback-address":
        # Each page's note has its address: every shape that has a second page differs
        # from Material's own rendering of it there, and is dropped.
        assert report["differed"] >= 1
        assert report["alone"] >= report["differed"]
        assert "differed from Material's own rendering" in cached.output
        return
    assert report["shared"] == 64 and report["alone"] == 0 and report["differed"] == 0
    if variant == "page-urls":
        # Each page.html links to itself by its own name: no two share a shell, yet.
        assert report["shells"] == 64
    else:
        assert report["shells"] < 64 / 2  # 64 standards in 10 areas; at 1,000, 20 shells


def test_tricky_title_in_the_shared_shell(builds):
    variant, cached, _ = builds
    page = "standards/access-001.html" if variant == "page-urls" else "standards/access-001/"
    html = cached.page(page)
    assert "\ue000" not in html
    topic = 'data-md-component="header-topic">'
    header = html[html.index(topic) + len(topic) :]
    # Material prints the title as it is (MkDocs' theme environment does not escape), so
    # the handbook hands it over escaped: in the shared shell too, the same and once.
    assert header[: header.index("</div>")].split() == [
        *'<span class="md-ellipsis">'.split(),
        *str(escape(TRICKY_TITLE)).split(),
        "</span>",
    ]


def test_a_shape_whose_page_differs_is_caught_and_rendered_alone(built):
    """A cached page that is not what Material makes of it is never published: here every
    shell leaves out what the page's feedback note says, and the check sees it."""
    cached, plain = built("feedback-address")
    assert _report(cached.output)["differed"] >= 1
    pages = sorted((cached.site / "standards").glob("*-[0-9]*/index.html"))
    assert len(pages) == 64
    for page in pages:
        html = page.read_text("utf-8")
        address = "/" + page.parent.relative_to(cached.site).as_posix() + "/"
        assert f"[Feedback]+{address}" in html, page  # its own address in its feedback link
        assert html == (plain.site / page.relative_to(cached.site)).read_text("utf-8")


def test_a_theme_override_that_reads_the_page_turns_the_cache_off(base, tmp_path):
    """An override may show page data the shared shells know nothing of: every page's own."""
    project = tmp_path / "override"
    shutil.copytree(base, project)
    shutil.copy(VARIANTS / "everyday.yml", project / "mkdocs.yml")
    # In a folder named like a theme's, which must not hide it.
    custom = project / "material"
    custom.mkdir()
    (custom / "main.html").write_text(
        '{% extends "base.html" %}\n{% block content %}{{ super() }}'
        '<p class="owner-check">{{ page.meta.handbook_id }}</p>{% endblock %}\n',
        "utf-8",
    )
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "  custom_dir: material\n", "utf-8")
    result = build(project, "--no-strict", "--verbose")
    assert result.returncode == 0, result.output
    assert "theme fragments" not in result.output
    assert "theme cache off, pages rendered one by one: the theme override" in result.output
    pages = [p for p in (result.site / "standards").rglob("*.html") if "hb-title" in p.read_text()]
    assert len(pages) == 64
    for page in pages:
        html = page.read_text("utf-8")
        own = re.search(r'<h1 id="[^"]*" class="hb-title"><span class="hb-id">([^<]+)</span>', html)
        assert f'<p class="owner-check">{own.group(1)}</p>' in html, page


def test_off_outside_the_material_versions_it_was_checked_against(base, tmp_path, monkeypatch):
    project = tmp_path / "other-material"
    shutil.copytree(base, project)
    shutil.copy(VARIANTS / "everyday.yml", project / "mkdocs.yml")
    version = fragments.metadata.version("mkdocs-material")
    assert tuple(map(int, version.split(".")[:2])) in fragments.MATERIAL_VERIFIED
    # A sitecustomize that makes the installed Material report another version.
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "from handbook.mkdocs import fragments\n"
        "fragments.MATERIAL_VERIFIED = frozenset({(1, 0)})\n",
        "utf-8",
    )
    monkeypatch.setenv("PYTHONPATH", str(hook))
    result = build(project, "--no-strict", "--verbose")
    assert result.returncode == 0, result.output
    assert "theme fragments" not in result.output
    assert f"it was checked against Material 1.0, not {version}" in result.output
