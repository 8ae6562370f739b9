"""Reading old file versions, and the changelog's feed and notes, without a site build."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from gitrepo import Repo, standard
from handbook.changelog.feature import ChangelogFeature
from handbook.changelog.history import parse_blob
from handbook.changelog.render import ChangelogRenderer, notes, word_diff
from handbook.handbook import Handbook
from handbook.loader import load
from handbook.render.urls import Urls
from handbook.settings import Settings

ATOM = "{http://www.w3.org/2005/Atom}"


def test_old_versions_are_read_as_the_build_reads_them():
    parsed = parse_blob(standard("PHONE-001", "Answering", effective="2026-01-05").encode())
    assert parsed.error is None and parsed.data["effective"] == "2026-01-05"
    plain = parse_blob(b"id: PHONE-001\ndate: 2026-01-05\ncount: 3\nok: true\nnothing:\n")
    assert plain.data == {
        "id": "PHONE-001", "date": "2026-01-05", "count": 3, "ok": True, "nothing": None,
    }  # fmt: skip


def test_files_that_are_not_standards_say_why():
    assert parse_blob(b"id: A-001\nrules: [\n").error == (
        "line 2, column 8: this bracket ([) is not closed on its line: end the text with ]"
    )
    assert parse_blob(b"id: A-001\nrules:\n - a\n b: c\n").error.startswith(
        "line 4, column 2: this is not valid YAML"
    )
    assert "anchors and aliases" in parse_blob(b"id: A-001\na: &x [1]\nb: *x\n").error
    assert parse_blob(b"- a list\n").error.startswith("the file is not a mapping")
    assert parse_blob(b"title: no id\n").error == "the file has no id"
    assert "not UTF-8" in parse_blob("id: É".encode("latin-1")).error
    # A hostile file: brackets 20,000 deep, whose title Python could not even print.
    deep = parse_blob(b"id: A-001\ntitle: " + b"[" * 20_000 + b"]" * 20_000 + b"\n")
    assert deep.error.startswith("line 2, column ") and "nested more than 20 levels" in deep.error
    assert parse_blob(b"id: A-001\ntitle: " + b"[" * 19 + b"]" * 19 + b"\n").error is None


def test_word_diff_marks_deleted_and_inserted_words():
    assert word_diff("Answer by the **third** ring.", "Answer by the second ring.") == [
        ("=", "Answer by the"),
        ("-", "third"),
        ("+", "second"),
        ("=", "ring."),
    ]


def test_commit_message_bodies_become_paragraphs_and_lists():
    body = "Why we changed it.\nStill the same paragraph.\n\n- one\n- two\n\nSigned-off-by: A <a@b>"
    assert notes(body) == [
        {"bullets": [], "text": "Why we changed it. Still the same paragraph."},
        {"bullets": ["one", "two"], "text": ""},
    ]


def test_feed_links_are_absolute_with_a_site_url_and_relative_without(tmp_path):
    repo = Repo(tmp_path / "handbook")
    repo.commit("First", {"standards/phone-001.yml": standard("PHONE-001", "Answering")})
    for site_url, expected in (
        ("https://handbook.example.org/", "https://handbook.example.org/changelog/2026-03-03-"),
        (None, "2026-03-03-"),
    ):
        settings = Settings(root=repo.path, site_name="Acme standards", site_url=site_url)
        handbook = load(settings)
        outcome = ChangelogFeature().outcome(Handbook(handbook.standards, [], settings))
        feed = ChangelogRenderer(outcome.changelog, handbook, Urls()).feed()
        root = ET.fromstring(feed.content)
        assert root.findtext(f"{ATOM}title") == "Acme standards: changes to the standards"
        (entry,) = root.findall(f"{ATOM}entry")
        assert entry.find(f"{ATOM}link").get("href").startswith(expected)
        assert entry.findtext(f"{ATOM}id").startswith("urn:uuid:")
        content = entry.findtext(f"{ATOM}content")
        link = (
            "https://handbook.example.org/standards/phone-001/"
            if site_url
            else "../standards/phone-001/"
        )
        assert f'href="{link}"' in content


def test_text_from_a_standard_cannot_inject_markup_into_the_changelog(tmp_path):
    repo = Repo(tmp_path / "handbook")
    evil = "<script>alert(1)</script> [x](javascript:alert(1))"
    repo.commit("First", {"standards/a.yml": standard("PHONE-001", "Answering")})
    repo.commit("Evil", {"standards/a.yml": standard("PHONE-001", "Answering", rules=[evil])})
    settings = Settings(root=repo.path)
    handbook = load(settings)
    outcome = ChangelogFeature().outcome(Handbook(handbook.standards, [], settings))
    renderer = ChangelogRenderer(outcome.changelog, handbook, Urls())
    text = "".join(str(f.content) for f in renderer.files())
    assert "<script>" not in text and "javascript:" not in text


def test_pages_of_released_revisions_are_kept_while_only_the_unreleased_changes_differ(
    tmp_path,
):
    from handbook.buildstate import BuildState
    from handbook.features import all_features

    repo = Repo(tmp_path / "handbook")
    repo.commit("First", {"standards/a.yml": standard("PHONE-001", "Answering")})
    repo.commit("Second", {"standards/a.yml": standard("PHONE-001", "Answering calls")})
    state = BuildState()
    (feature,) = [f for f in all_features(state) if isinstance(f, ChangelogFeature)]
    settings = Settings(root=repo.path, site_name="Acme standards")
    made = []
    for title in ("Answering the phone", "Answering the phone soon", "Answering at once"):
        (repo.path / "standards/a.yml").write_text(standard("PHONE-001", title), "utf-8")
        state.start()
        loaded = load(settings, state)
        handbook = Handbook(loaded.standards, [], settings)
        files = {f.path: f for f in feature.files(handbook, Urls())}
        cold = ChangelogFeature().files(handbook, Urls())  # nothing kept
        assert files == {f.path: f for f in cold}
        made.append(files)
    released = [
        p
        for p in made[0]
        if p.endswith((".md", ".xml")) and "unreleased" not in p and p != "changelog/index.md"
    ]
    assert len(released) >= 3  # two revisions' pages and the feed, at least
    for path in released:  # the same objects: kept, not made again
        assert made[2][path] is made[1][path]
    assert "Answering at once" in str(made[2]["changelog/unreleased.md"].content)
    assert state.failed == 0
