"""mkdocs.yml read once for both front doors: INHERIT followed, options located."""

from __future__ import annotations

from pathlib import Path

from handbook.settings import Settings

BASE = """\
site_name: Base
theme:
  name: material
  language: en
plugins:
  - search
  - handbook:
      standards_dir: rules
      include_drafts: !ENV [HANDBOOK_TEST_UNSET, false]
      cards:
        size: a5
      changelog: [wrong]
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def test_options_are_located_at_their_line(tmp_path):
    settings = Settings.from_mkdocs_yml(_write(tmp_path, "mkdocs.yml", BASE))
    assert settings.standards_dir == "rules"
    assert settings.where("cards") == ("mkdocs.yml", 10, 7)
    assert settings.where("cards", "size") == ("mkdocs.yml", 11, 9)
    assert settings.where("cards", "pdf") == ("mkdocs.yml", 10, 7)  # not written: its section
    assert settings.where("owners") == ("mkdocs.yml", 7, 5)  # not written: the plugin entry
    assert [str(p) for p in settings.problems] == [
        "mkdocs.yml:11:9: error config cards.size: 'a5' is not one of a6, a7, index-4x6 or a4-4up",
        "mkdocs.yml:12:7: error config changelog: should be a mapping of options "
        "(enabled, tag_pattern, unreleased, allow_shallow, as_of)",
    ]


def test_inherit_is_followed_as_mkdocs_does(tmp_path):
    """An offline copy's config inherits the plugin options; mappings merge, lists replace."""
    _write(tmp_path, "base.yml", BASE)
    child = _write(
        tmp_path, "mkdocs.offline.yml", "INHERIT: base.yml\nsite_url: https://x.example/\n"
    )
    settings = Settings.from_mkdocs_yml(child)
    assert settings.standards_dir == "rules" and settings.options.cards.size == "a6"
    assert [p.file for p in settings.problems] == ["base.yml", "base.yml"]  # where written
    assert settings.site_url == "https://x.example/"
    assert settings.where("cards", "size") == ("base.yml", 11, 9)  # where it is written
    own = _write(
        tmp_path,
        "own.yml",
        "INHERIT: base.yml\nplugins:\n  - handbook:\n      standards_dir: other\n",
    )
    settings = Settings.from_mkdocs_yml(own)
    assert settings.standards_dir == "other" and settings.problems == []
    assert settings.where("standards_dir") == ("own.yml", 4, 7)


def test_without_a_file_problems_name_mkdocs_yml():
    assert Settings().where("cards") == ("mkdocs.yml", 1, 1)
