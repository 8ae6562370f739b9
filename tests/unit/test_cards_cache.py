"""Cards are laid out and printed once per content: the next build reads them from
`.cache/handbook/cards/`, and any change to a card's printed text makes a new entry."""

from __future__ import annotations

import shutil
from functools import partial
from unittest.mock import patch

from cardkit import copy_cards_fixture, fixture_handbook, huge_standard

from gitrepo import Repo
from handbook.buildstate import CHECKS, BuildState
from handbook.cards import cache, typeset
from handbook.cards.feature import CardsFeature, pdf_path
from handbook.changelog.git import Git
from handbook.render.urls import Urls


def pdfs(files) -> dict[str, bytes]:
    return {f.path: f.content for f in files if f.path.endswith(".pdf")}


def test_a_second_build_reads_measures_and_pdfs_from_the_cache(tmp_path, monkeypatch):
    project = copy_cards_fixture(tmp_path)
    huge_standard(project)
    handbook = fixture_handbook(project)
    feature = CardsFeature()
    first = feature.problems(handbook)
    assert [p.rule for p in first] == ["card-overflow"]
    made = pdfs(feature.files(handbook, Urls()))
    assert pdf_path("all") in made and pdf_path("telephone") in made
    assert len(list((project / cache.PATH).iterdir())) >= 2

    def no_typst(*args, **kwargs):
        raise AssertionError("Typst ran again")

    monkeypatch.setattr(typeset, "lay_out", no_typst)
    monkeypatch.setattr(typeset, "pdfs", no_typst)
    again = CardsFeature()
    handbook = fixture_handbook(project)
    assert [(p.file, p.line, p.message) for p in again.problems(handbook)] == [
        (p.file, p.line, p.message) for p in first
    ]
    assert pdfs(again.files(handbook, Urls())) == made


def test_a_changed_card_is_laid_out_and_printed_again(tmp_path):
    project = copy_cards_fixture(tmp_path)
    feature = CardsFeature()
    before = pdfs(feature.files(fixture_handbook(project), Urls()))
    path = project / "standards" / "email-001.yml"
    path.write_text(
        path.read_text("utf-8").replace("First reply to an email", "First answer to an email"),
        "utf-8",
    )
    after = pdfs(feature.files(fixture_handbook(project), Urls()))
    assert after[pdf_path("email-and-chat")] != before[pdf_path("email-and-chat")]
    assert after[pdf_path("telephone")] == before[pdf_path("telephone")]


def test_an_edit_lays_out_only_the_card_it_changed(tmp_path, monkeypatch):
    project = copy_cards_fixture(tmp_path)
    feature = CardsFeature()
    feature.problems(fixture_handbook(project))
    path = project / "standards" / "email-001.yml"
    path.write_text(
        path.read_text("utf-8").replace("First reply to an email", "First answer to an email"),
        "utf-8",
    )
    laid_out = []
    real = typeset.lay_out

    def spy(texts, cards):
        laid_out.append(cards)
        return real(texts, cards)

    monkeypatch.setattr(typeset, "lay_out", spy)
    assert feature.problems(fixture_handbook(project)) == []
    assert laid_out == [1]


def test_a_broken_cache_is_ignored(tmp_path):
    (tmp_path / cache.PATH).mkdir(parents=True)
    (tmp_path / cache.PATH / "measures.json").write_text("{not json", "utf-8")
    assert cache.load_measures(tmp_path) == {}
    name = cache.key("cards")
    assert cache.load_pdf(tmp_path, name) is None
    cache.save_pdf(tmp_path, name, b"%PDF")
    assert cache.load_pdf(tmp_path, name) == b"%PDF"


def test_a_cache_committed_to_the_repository_is_neither_read_nor_written(tmp_path):
    """A pull request can commit files to .cache/ (past .gitignore) under the names a
    build will look for (a release tag's cards print the tag's name, not a commit's):
    while git tracks any, the cache is left alone and a warning says so."""
    project = copy_cards_fixture(tmp_path)
    repo = Repo(project)
    repo.commit("the handbook")
    repo.git("tag", "-a", "v9", "-m", "release 9")
    cache.refusal.cache_clear()  # what git tracks changes under this test's process
    made = pdfs(CardsFeature().files(fixture_handbook(project), Urls()))
    folder = project / cache.PATH
    for path in folder.glob("*.pdf"):  # the names the next build of v9 looks for
        path.write_bytes(b"%PDF-1.7 a pull request's own card")
    repo.git("add", "-f", ".cache")
    repo.git("commit", "-q", "-m", "cards")
    repo.git("tag", "-f", "-a", "v9", "-m", "release 9")
    cache.refusal.cache_clear()
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    feature = CardsFeature()
    handbook = fixture_handbook(project)
    (warning,) = [p for p in feature.problems(handbook) if p.rule == "committed-cache"]
    assert warning.severity == "warning" and warning.file.startswith(".cache/handbook/cards/")
    assert f"({len(before)} files)" in warning.message
    again = pdfs(feature.files(handbook, Urls()))
    assert again.keys() == made.keys()
    assert not [data for data in again.values() if b"a pull request" in data]
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # nor written
    repo.git("rm", "-r", "-q", "--cached", ".cache")
    cache.refusal.cache_clear()
    assert cache.problems(project) == []


def test_a_cache_folder_that_is_a_link_is_neither_read_nor_written(tmp_path):
    """A pull request can commit `.cache` (or a folder in it) as a symbolic link: to
    another place, or into the sources. The build leaves it alone and says so."""
    project = copy_cards_fixture(tmp_path / "a")
    elsewhere = tmp_path / "elsewhere"
    made = pdfs(CardsFeature().files(fixture_handbook(project), Urls()))
    (project / ".cache").rename(elsewhere)
    for path in (elsewhere / "handbook" / "cards").glob("*.pdf"):
        path.write_bytes(b"%PDF-1.7 a pull request's own card")
    before = sorted(p.name for p in elsewhere.rglob("*"))
    (project / ".cache").symlink_to(elsewhere)
    cache.refusal.cache_clear()  # the folder changed under this test's process
    feature = CardsFeature()
    handbook = fixture_handbook(project)
    (warning,) = [p for p in feature.problems(handbook) if p.rule == "linked-cache"]
    assert (warning.file, warning.severity) == (".cache", "warning")
    again = pdfs(feature.files(handbook, Urls()))
    assert again.keys() == made.keys()
    assert not [data for data in again.values() if b"a pull request" in data]
    assert sorted(p.name for p in elsewhere.rglob("*")) == before  # nothing written there


def test_the_key_depends_on_the_content_not_on_the_folder(tmp_path):
    assert cache.key("cards") == cache.key("cards!"[:5])
    assert cache.key("cards") != cache.key("cards!")
    assert str(tmp_path) not in typeset.signature()
    assert "Noto Sans Thai" in typeset.signature()  # the fonts are part of it


def test_pages_reuse_what_the_fit_check_prepared_and_come_out_the_same(tmp_path, monkeypatch):
    project = copy_cards_fixture(tmp_path)
    huge_standard(project)
    handbook = fixture_handbook(project)
    alone = {f.path: f.content for f in CardsFeature().files(handbook, Urls())}
    calls = []
    real = typeset.card_data

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(typeset, "card_data", counted)
    feature = CardsFeature()
    feature.state = BuildState()  # as the engine hands every feature its build state
    feature.state.start()
    feature.problems(handbook)
    checked = len(calls)
    after_check = {f.path: f.content for f in feature.files(handbook, Urls())}
    # The pages prepared no card again, but for the first reused ones the build state
    # makes again to check itself (buildstate.CHECKS).
    again = min(CHECKS, checked)
    assert checked and len(calls) == checked + again
    assert after_check == alone
    # Cards that print another address (pages without folders) are prepared again.
    feature.files(handbook, Urls(use_directory_urls=False))
    assert handbook.settings.published_at and len(calls) == 2 * checked + again


def test_a_cache_in_a_repository_git_cannot_read_is_neither_read_nor_written(tmp_path):
    """Where git is missing, or refuses the repository (a checkout owned by another user
    fails git's safe.directory check), whether the cache is committed cannot be told:
    in a repository it is left alone, and a warning says why; outside one it is used."""
    project = copy_cards_fixture(tmp_path / "a")
    repo = Repo(project)
    repo.commit("the handbook")
    made = pdfs(CardsFeature().files(fixture_handbook(project), Urls()))
    folder = project / cache.PATH
    for path in folder.glob("*.pdf"):
        path.write_bytes(b"%PDF-1.7 a pull request's own card")
    repo.git("add", "-f", ".cache")
    repo.git("commit", "-q", "-m", "cards")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    for failing in ("/nonexistent/git", str(tmp_path / "failing-git")):
        (tmp_path / "failing-git").write_text(
            "#!/bin/sh\necho 'fatal: dubious ownership' >&2\nexit 128\n"
        )
        (tmp_path / "failing-git").chmod(0o755)
        cache.refusal.cache_clear()
        with patch.object(cache, "Git", partial(Git, executable=failing)):
            feature = CardsFeature()
            handbook = fixture_handbook(project)
            (warning,) = [p for p in feature.problems(handbook) if p.rule == "committed-cache"]
            assert warning.severity == "warning" and "git could not tell" in warning.message
            again = pdfs(feature.files(handbook, Urls()))
        assert again.keys() == made.keys()
        assert not [data for data in again.values() if b"a pull request" in data]
        assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # nor written
    shutil.rmtree(project / ".git")  # not a repository: nothing can be committed
    cache.refusal.cache_clear()
    with patch.object(cache, "Git", partial(Git, executable="/nonexistent/git")):
        assert cache.problems(project) == []
    cache.refusal.cache_clear()
