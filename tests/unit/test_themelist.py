"""The theme's list of files, kept across `serve` rebuilds while its folders stay as they are."""

from __future__ import annotations

import os

from mkdocs.config import load_config

from handbook.mkdocs.themelist import _MKDOCS_FILTER_READS, ThemeListing, filter_key, keep_listing

AN_HOUR_AGO = 3600


def _age(top):
    """Every folder under `top` last changed an hour ago (older than a listing's racy second)."""
    for folder, _, _ in os.walk(top):
        stat = os.stat(folder)
        os.utime(folder, (stat.st_atime - AN_HOUR_AGO, stat.st_mtime - AN_HOUR_AGO))


def _theme(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ntheme: {name: mkdocs, custom_dir: own}\n")
    (tmp_path / "docs").mkdir()
    (tmp_path / "own" / "css").mkdir(parents=True)
    (tmp_path / "own" / "css" / "a.css").write_text("a {}")
    _age(tmp_path / "own")
    return load_config(str(tmp_path / "mkdocs.yml")).theme


def _listed(theme, listing):
    keep_listing(theme, listing)
    return theme.get_env().list_templates()


def test_the_listing_is_kept_while_no_folder_changes_and_made_again_when_one_does(tmp_path):
    own = tmp_path / "own"
    theme, listing = _theme(tmp_path), ThemeListing()
    unkept = theme.get_env().list_templates()  # as MkDocs lists it, every build
    assert "css/a.css" in unkept and any(n.endswith(".html") for n in unkept)
    assert _listed(theme, listing) == unkept and listing.made == 1
    assert _listed(_theme_again(tmp_path), listing) == unkept and listing.made == 1  # kept
    (own / "css" / "b.css").write_text("b {}")  # a file added
    assert _listed(_theme_again(tmp_path), listing) == sorted([*unkept, "css/b.css"])
    assert listing.made == 2
    # Just changed: not kept (a change in the same tick of a coarse clock would not show).
    assert _listed(_theme_again(tmp_path), listing) == sorted([*unkept, "css/b.css"])
    assert listing.made == 3
    _age(own)
    _listed(_theme_again(tmp_path), listing)
    assert listing.made == 4
    assert _listed(_theme_again(tmp_path), listing) == sorted([*unkept, "css/b.css"])
    assert listing.made == 4  # kept again
    (own / "img").mkdir()  # a folder added, then a file in it
    (own / "img" / "c.png").write_bytes(b"png")
    _age(own / "img")
    assert "img/c.png" in _listed(_theme_again(tmp_path), listing) and listing.made == 5
    (own / "css" / "a.css").unlink()  # a file removed
    assert "css/a.css" not in _listed(_theme_again(tmp_path), listing) and listing.made == 6


def test_a_listing_is_kept_for_its_own_folders_only(tmp_path):
    listing = ThemeListing()
    names = _listed(_theme(tmp_path), listing)
    other = tmp_path / "other"
    other.mkdir()
    (other / "mkdocs.yml").write_text("site_name: y\ntheme: {name: mkdocs}\n")
    (other / "docs").mkdir()
    elsewhere = _listed(load_config(str(other / "mkdocs.yml")).theme, listing)
    assert listing.made == 2 and "css/a.css" in names and "css/a.css" not in elsewhere


def _theme_again(tmp_path):
    """The theme of the next build (`serve` loads the configuration again)."""
    return load_config(str(tmp_path / "mkdocs.yml")).theme


def _static_files(theme, listing, static_templates=()):
    """The theme's static files as MkDocs adds them before a build's files event."""
    from mkdocs.structure.files import Files

    config = load_config(str(theme.custom_dir + "/../mkdocs.yml"))
    config.theme.static_templates.update(static_templates)
    keep_listing(config.theme, listing)
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return sorted(f.src_uri for f in files)


def test_what_mkdocs_filters_of_a_kept_listing_is_kept_by_what_its_filter_reads(tmp_path):
    theme, listing = _theme(tmp_path), ThemeListing()
    (tmp_path / "own" / "extra.xml").write_text("<x/>")
    _age(tmp_path / "own")
    unkept = _static_files(_theme_again(tmp_path), ThemeListing())
    assert "css/a.css" in unkept and "extra.xml" in unkept
    assert not any(name.endswith(".html") for name in unkept)  # templates left out
    for _ in range(4):  # kept, reused (and checked), reused
        assert _static_files(theme, listing) == unkept
    assert len(listing.filtered) == 1 and listing.reused and not listing.distrusted
    # A setting the filter reads (static templates are left out) is part of its key.
    assert _static_files(theme, listing, {"extra.xml"}) == sorted(set(unkept) - {"extra.xml"})
    assert len(listing.filtered) == 2


def test_a_kept_filtering_that_differs_at_its_reuse_is_not_kept_any_more(tmp_path):
    listing = ThemeListing()
    names = _listed(_theme(tmp_path), listing)
    assert listing.kept
    css = listing.filter(names, lambda n: n.endswith(".css"), key="k")
    assert "css/a.css" in css and not any(n.endswith(".html") for n in css)
    # The same key for another filter (a key that missed an input): found at its reuse.
    other = listing.filter(names, lambda n: n.endswith(".html"), key="k")
    assert other and "css/a.css" not in other and listing.distrusted
    assert listing.filter(names, lambda n: n.endswith(".css"), key="k") == css


def test_only_mkdocs_own_filter_is_keyed():
    from mkdocs.structure.files import Files

    def mine(name):
        return name.endswith(".css")

    assert filter_key(mine) is None
    code = next(c for c in Files.add_files_from_theme.__code__.co_consts if hasattr(c, "co_names"))
    assert code.co_name == "filter" and set(code.co_names) <= set(_MKDOCS_FILTER_READS)


def test_every_environment_of_the_theme_compiles_its_templates_once(tmp_path):
    from handbook.mkdocs.stable import Compiled

    compiled, listing = Compiled(), ThemeListing()
    for _ in range(2):  # as serve: each build's configuration and theme made again
        theme = _theme_again(tmp_path) if compiled.code else _theme(tmp_path)
        keep_listing(theme, listing, compiled)
        env = theme.get_env()  # as Material's search plugin gets one, besides the build's
        assert env.bytecode_cache is compiled
        env.get_template("main.html")
    assert len(compiled.code) == 1  # main.html, compiled by the first build only


def test_a_serve_rebuild_compiles_no_template_again(tmp_path, monkeypatch):
    """Material's search plugin makes its theme environments in its own `config` event,
    which runs before the handbook's: the kept theme is in place before it."""
    import shutil
    from pathlib import Path

    import jinja2
    from mkdocs.commands.build import build

    project = tmp_path / "basic"
    shutil.copytree(Path(__file__).resolve().parents[1] / "fixtures" / "basic", project)
    monkeypatch.chdir(project)
    compiled = []
    compile_ = jinja2.Environment.compile
    monkeypatch.setattr(
        jinja2.Environment,
        "compile",
        lambda env, *a, **k: compiled.append(a[1]) or compile_(env, *a, **k),
    )

    def config():  # as serve: the configuration loaded again for every build
        return load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))

    first = config()
    first.plugins.on_startup(command="serve", dirty=True)
    build(first, serve_url="http://127.0.0.1:8000/", dirty=True)
    assert "partials/language.html" in compiled  # the search plugin's
    compiled.clear()
    build(config(), serve_url="http://127.0.0.1:8000/", dirty=True)
    assert compiled == []
