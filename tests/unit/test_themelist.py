"""The theme's list of files, kept across `serve` rebuilds while its folders stay as they are."""

from __future__ import annotations

import os

from mkdocs.config import load_config

from handbook.mkdocs.themelist import ThemeListing, keep_listing

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
