"""mkdocs.yml read once for both front doors: INHERIT followed, options located."""

from __future__ import annotations

from pathlib import Path

from handbook.cards.options import card_options
from handbook.changelog.feature import options as changelog_options
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
    _, problems = card_options(settings)
    assert [(p.file, p.line) for p in problems] == [("mkdocs.yml", 10)]
    _, problems = changelog_options(settings)
    assert [(p.file, p.line, p.column) for p in problems] == [("mkdocs.yml", 12, 7)]


def test_inherit_is_followed_as_mkdocs_does(tmp_path):
    """An offline copy's config inherits the plugin options; mappings merge, lists replace."""
    _write(tmp_path, "base.yml", BASE)
    child = _write(
        tmp_path, "mkdocs.offline.yml", "INHERIT: base.yml\nsite_url: https://x.example/\n"
    )
    settings = Settings.from_mkdocs_yml(child)
    assert settings.standards_dir == "rules" and settings.extra["cards"] == {"size": "a5"}
    assert settings.site_url == "https://x.example/"
    assert settings.where("cards", "size") == ("base.yml", 11, 9)  # where it is written
    own = _write(
        tmp_path,
        "own.yml",
        "INHERIT: base.yml\nplugins:\n  - handbook:\n      standards_dir: other\n",
    )
    settings = Settings.from_mkdocs_yml(own)
    assert settings.standards_dir == "other" and "cards" not in settings.extra
    assert settings.where("standards_dir") == ("own.yml", 4, 7)


def test_without_a_file_problems_name_mkdocs_yml():
    assert Settings().where("cards") == ("mkdocs.yml", 1, 1)
