"""The build remembers how much room each card took, so the next build lays out only new cards."""

from __future__ import annotations

from cardkit import copy_cards_fixture, fixture_handbook, huge_standard

from handbook.cards import cache
from handbook.cards import pdf as pdf_module
from handbook.cards.feature import CardsFeature


def test_a_second_build_reads_the_measures_from_the_cache_file(tmp_path, monkeypatch):
    project = copy_cards_fixture(tmp_path)
    huge_standard(project)
    # Without PDFs the build only measures cards (with PDFs it lays them all out anyway).
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("pdf: true", "pdf: false"), "utf-8")
    handbook = fixture_handbook(project)
    first = CardsFeature().problems(handbook)
    assert [p.rule for p in first] == ["card-overflow"]
    assert (project / cache.PATH).is_file()

    def no_layout(*args, **kwargs):
        raise AssertionError("a card was laid out again")

    monkeypatch.setattr(pdf_module, "render", no_layout)
    again = CardsFeature().problems(fixture_handbook(project))
    assert [(p.file, p.line, p.message) for p in again] == [
        (p.file, p.line, p.message) for p in first
    ]


def test_a_broken_cache_file_is_ignored(tmp_path):
    (tmp_path / cache.PATH).parent.mkdir(parents=True)
    (tmp_path / cache.PATH).write_text("{not json", "utf-8")
    assert cache.load(tmp_path) == {}
    cache.save(tmp_path, {"k": pdf_module.Measure(1, 0.5)})
    assert cache.load(tmp_path) == {"k": pdf_module.Measure(1, 0.5)}
