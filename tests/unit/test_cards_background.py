"""The cards typeset beside the build (cards/background.py): started when the standards
are loaded and joined where their result is needed, they give the same problems and the
same files as laying the cards out and printing them at that point; a Typst failure is
kept and stops the build with its message where the result is joined.

These tests run the typesetting in a thread of the test process (`no_fork`), as under
`serve`; test_beside.py runs the same work in a forked copy, as `mkdocs build` does."""

from __future__ import annotations

import re

import pytest
from cardkit import copy_cards_fixture, fixture_handbook, huge_standard

from handbook import beside
from handbook.buildstate import BuildState
from handbook.cards import feature as cards_feature
from handbook.cards import typeset
from handbook.cards.feature import CardsFeature, pdf_path
from handbook.feature import FeatureFailed
from handbook.features import all_features, early, late, problems_of, start
from handbook.render.site import site_files
from handbook.render.urls import Urls


@pytest.fixture(autouse=True)
def no_fork(monkeypatch):
    monkeypatch.setattr(beside, "can_fork", lambda: False)
    monkeypatch.setattr(cards_feature, "can_fork", lambda: False)


def undated(data: str | bytes) -> str | bytes:
    """A file's content, a PDF's with the date and time it was made (and the document
    ids Typst derives from them) left out: two runs a second apart differ only there."""
    if isinstance(data, str):
        return data
    data = re.sub(rb"D:\d{14}Z", b"D:", data)
    data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", b"T", data)
    return re.sub(rb"(ID>|ID\[\(|\)\()[A-Za-z0-9+/=]{24}", rb"\1", data)


def files_of(features, handbook, urls) -> dict[str, str | bytes]:
    return {f.path: undated(f.content) for f in site_files(handbook, urls, features)}


def test_typeset_beside_the_build_the_site_is_the_same(tmp_path):
    """As the engine runs it (start, the other features' problems and files, then the
    cards'), against each feature asked in turn with nothing started."""
    alone_project = copy_cards_fixture(tmp_path / "alone")
    huge_standard(alone_project)
    handbook = fixture_handbook(alone_project)
    urls = Urls()
    features = all_features()
    alone = (problems_of(handbook, features), files_of(features, handbook, urls))

    beside_project = copy_cards_fixture(tmp_path / "beside")  # no cache from the first
    huge_standard(beside_project)
    handbook = fixture_handbook(beside_project)
    features = all_features(BuildState())
    features[0].state.start()
    start(features, handbook, urls)
    problems = problems_of(handbook, early(features))
    files = files_of(features, handbook, urls)
    problems += [p for f in late(features) for p in f.problems(handbook)]

    assert "card-overflow" in {p.rule for p in alone[0]}
    assert pdf_path("all") in alone[1] and "cards/huge-001.html" in alone[1]
    assert sorted(problems) == sorted(alone[0])
    assert list(files) == list(alone[1])  # the same files, in the same order
    assert files == alone[1]


def test_the_typesetting_runs_once_for_problems_and_files(tmp_path, monkeypatch):
    project = copy_cards_fixture(tmp_path)
    handbook = fixture_handbook(project)
    laid_out, printed = [], []
    real_lay_out, real_pdfs = typeset.lay_out, typeset.pdfs
    monkeypatch.setattr(typeset, "lay_out", lambda *a: laid_out.append(1) or real_lay_out(*a))
    monkeypatch.setattr(typeset, "pdfs", lambda *a: printed.append(1) or real_pdfs(*a))
    feature = CardsFeature()
    urls = Urls()
    feature.start(handbook, urls)
    assert feature.problems(handbook) == []
    assert pdf_path("all") in {f.path for f in feature.files(handbook, urls)}
    assert feature.problems(handbook) == []
    assert (laid_out, printed) == ([1], [1])


def test_a_typst_failure_stops_where_the_result_is_joined_with_its_message(tmp_path, monkeypatch):
    project = copy_cards_fixture(tmp_path)
    handbook = fixture_handbook(project)

    def fails(texts, cards):
        raise RuntimeError("Typst worker failed: out of memory")

    monkeypatch.setattr(typeset, "lay_out", fails)
    feature = CardsFeature()
    urls = Urls()
    feature.start(handbook, urls)  # fails in its thread, raises nothing here
    with pytest.raises(FeatureFailed, match="Typst worker failed: out of memory"):
        feature.files(handbook, urls)
    with pytest.raises(FeatureFailed, match="Typst worker failed: out of memory"):
        feature.problems(handbook)
