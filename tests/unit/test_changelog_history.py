"""Reading revisions from git: commits, merges, tags, renames, broken files, edge cases."""

from __future__ import annotations

import subprocess

import pytest

from gitrepo import Repo, standard
from handbook.changelog.feature import ChangelogFeature
from handbook.changelog.git import Git, GitError
from handbook.handbook import Handbook
from handbook.loader import load
from handbook.render.pages import PageExtras
from handbook.render.urls import Urls
from handbook.settings import Settings

PHONE = "standards/telephone/phone-001.yml"
HOLD = "standards/telephone/phone-002.yml"
EMAIL = "standards/email/email-001.yml"


def outcome(repo: Repo, feature: ChangelogFeature | None = None, **options: object):
    settings = Settings.from_options(repo.path, {"changelog": options})
    assert not settings.problems, settings.problems
    return (feature or ChangelogFeature()).outcome(Handbook([], [], settings))


def revisions(repo: Repo, **options: object):
    result = outcome(repo, **options)
    assert result.changelog is not None, result.problems
    return result.changelog.revisions


def kinds(revision) -> dict[str, str]:
    return {c.id: c.kind for c in revision.changes}


def sentences(revision, sid: str) -> list[str]:
    change = next(c for c in revision.changes if c.id == sid)
    return [f.sentence for f in change.changes]


@pytest.fixture
def repo(tmp_path) -> Repo:
    repo = Repo(tmp_path / "handbook")
    repo.commit(
        "First standards\n\nThe handbook starts with two standards.",
        {
            PHONE: standard("PHONE-001", "Answering the phone"),
            EMAIL: standard("EMAIL-001", "First reply", "email-and-chat"),
        },
    )
    return repo


def test_each_commit_that_changes_standards_is_a_revision_newest_first(repo):
    repo.commit("Docs only", {"docs/index.md": "# Home\n"})
    repo.commit("Add hold", {HOLD: standard("PHONE-002", "Hold")})
    found = revisions(repo)
    assert [r.revision.title for r in found] == ["Add hold", "First standards"]
    assert found[1].revision.notes == "The handbook starts with two standards."
    assert found[0].key.startswith("2026-03-05-")  # committed on the third day
    assert kinds(found[0]) == {"PHONE-002": "added"}
    assert kinds(found[1]) == {"PHONE-001": "added", "EMAIL-001": "added"}


def test_a_merged_branch_is_one_revision(repo):
    repo.git("checkout", "-q", "-b", "feature")
    repo.commit("Step one", repo.edit(PHONE, "three rings", "two rings"))
    repo.commit("Step two", {HOLD: standard("PHONE-002", "Hold")})
    repo.git("checkout", "-q", "main")
    repo.commit("Unrelated", {"README.md": "hi\n"})
    repo.day += 1
    subprocess.run(
        ["git", "merge", "-q", "--no-ff", "feature", "-m", "Merge pull request #7: faster answers"],
        cwd=repo.path, env=repo.env(), check=True, capture_output=True,
    )  # fmt: skip
    found = revisions(repo)
    assert [r.revision.title for r in found] == [
        "Merge pull request #7: faster answers",
        "First standards",
    ]
    assert kinds(found[0]) == {"PHONE-001": "changed", "PHONE-002": "added"}


def test_a_file_renamed_and_changed_in_one_commit_is_one_changed_standard(repo):
    repo.move(PHONE, "standards/phone/answering.yml")
    repo.commit(
        "Move and edit", repo.edit("standards/phone/answering.yml", "three rings", "two rings")
    )
    latest = revisions(repo)[0]
    assert kinds(latest) == {"PHONE-001": "changed"}
    said = sentences(latest, "PHONE-001")
    assert "Rule is now “Answer within two rings.” (was “Answer within three rings.”)" in said
    assert f"File moved from {PHONE} to standards/phone/answering.yml" in said


def test_retired_and_removed_standards(repo):
    repo.commit("Retire email", repo.edit(EMAIL, '"active"', '"retired"'))
    repo.commit("Remove email", {EMAIL: None})
    removed, retired, _ = revisions(repo)
    assert kinds(retired) == {"EMAIL-001": "retired"}
    assert kinds(removed) == {"EMAIL-001": "removed"}


def test_a_revision_where_a_standard_did_not_parse_says_so_and_nothing_is_lost(repo):
    repo.commit("Break it", {PHONE: repo.read(PHONE).replace("rules:", "rules: [", 1)})
    repo.commit("Fix it", {PHONE: standard("PHONE-001", "Answering calls")})
    fixed, broken, _ = revisions(repo)
    assert list(broken.broken) == [PHONE]
    assert "line" in broken.broken[PHONE]  # where the YAML goes wrong
    assert broken.changes == []  # not "removed"
    assert kinds(fixed) == {"PHONE-001": "changed"}
    assert "Renamed from “Answering the phone” to “Answering calls”" in sentences(
        fixed, "PHONE-001"
    )


def test_a_reused_id_is_flagged_and_a_restored_standard_is_not(repo):
    repo.commit("Remove email", {EMAIL: None})
    repo.commit("Reuse id", {EMAIL: standard("EMAIL-001", "Chat greetings", "email-and-chat")})
    repo.commit("Remove again", {EMAIL: None})
    repo.commit("Restore", {EMAIL: standard("EMAIL-001", "Chat greetings", "email-and-chat")})
    restored, _, reused, _, _ = revisions(repo)
    reuse = next(c for c in reused.changes if c.id == "EMAIL-001")
    assert reuse.reused_id
    assert "“First reply”" in reuse.notes[0] and "never be reused" in reuse.notes[0]
    back = next(c for c in restored.changes if c.id == "EMAIL-001")
    assert not back.reused_id and back.notes[0].startswith("Brought back")


def test_release_mode_revisions_are_tags_covering_everything_since_the_last(repo):
    repo.tag("handbook-2026.1", "Spring release\n\nFirst edition.")
    repo.commit("Faster", repo.edit(PHONE, "three rings", "two rings"))
    repo.tag("not-a-release")
    repo.commit("Hold", {HOLD: standard("PHONE-002", "Hold")})
    repo.tag("handbook-2026.2")
    repo.commit("After the last tag", repo.edit(PHONE, "two rings", "one ring"))
    found = revisions(repo, tag_pattern="handbook-*", unreleased=False)
    assert [r.revision.name for r in found] == ["handbook-2026.2", "handbook-2026.1"]
    assert (
        found[1].revision.title == "Spring release" and found[1].revision.notes == "First edition."
    )
    assert kinds(found[0]) == {"PHONE-001": "changed", "PHONE-002": "added"}
    # The commit after the last tag shows as unreleased.
    unreleased = revisions(repo, tag_pattern="handbook-*")[0]
    assert unreleased.unreleased and kinds(unreleased) == {"PHONE-001": "changed"}


def test_uncommitted_edits_are_unreleased_changes(repo):
    repo.write(repo.edit(PHONE, "three rings", "two rings"))
    found = revisions(repo)
    assert found[0].unreleased and found[0].revision.title == "Unreleased changes"
    assert kinds(found[0]) == {"PHONE-001": "changed"}
    assert not revisions(repo, unreleased=False)[0].unreleased


def test_drafts_stay_out_of_the_changelog_until_published(repo):
    repo.commit("Draft", {HOLD: standard("PHONE-002", "Hold", status="draft")})
    repo.commit("Publish", repo.edit(HOLD, '"draft"', '"pilot"'))
    published, _ = revisions(repo)  # the draft commit changed nothing on the site
    assert kinds(published) == {"PHONE-002": "added"}


def test_no_revisions_yet(tmp_path):
    repo = Repo(tmp_path / "empty")
    assert revisions(repo) == []
    repo.write({PHONE: standard("PHONE-001", "Answering the phone")})
    (only,) = revisions(repo)
    assert only.unreleased and kinds(only) == {"PHONE-001": "added"}


def test_not_a_git_repository_leaves_the_changelog_out_with_one_info_message(tmp_path):
    (tmp_path / "standards").mkdir()
    settings = Settings(root=tmp_path)
    feature = ChangelogFeature()
    handbook = Handbook([], [], settings)
    problems = feature.problems(handbook)
    assert [(p.severity, p.rule) for p in problems] == [("suggestion", "changelog-git")]
    assert "not in a git repository" in problems[0].message
    (index,) = feature.files(handbook, Urls())
    assert index.path == "changelog/index.md" and "not a git repository" in index.content


def test_git_not_installed(tmp_path, monkeypatch, repo):
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools"))
    result = outcome(repo)
    assert result.changelog is None
    assert [(p.severity, p.rule) for p in result.problems] == [("suggestion", "changelog-git")]
    assert "git is not installed" in result.problems[0].message
    with pytest.raises(GitError, match="install git"):
        Git(repo.path).head()


def test_a_shallow_clone_warns_how_to_fetch_the_whole_history(tmp_path, repo):
    repo.commit("Second", repo.edit(PHONE, "three rings", "two rings"))
    repo.commit("Third", {HOLD: standard("PHONE-002", "Hold")})
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo.path}", str(clone)],
        check=True, capture_output=True,
    )  # fmt: skip
    result = outcome(_at(clone))
    (warning,) = [p for p in result.problems if p.rule == "changelog-shallow"]
    assert warning.severity == "warning"
    assert "fetch-depth: 0" in warning.message and "git fetch --unshallow" in warning.message
    (only,) = result.changelog.revisions
    assert only.revision.starts_history
    quiet = outcome(_at(clone), allow_shallow=True)
    assert [p.severity for p in quiet.problems] == ["suggestion"]


def _at(path):
    repo = Repo.__new__(Repo)
    repo.path = path
    repo.day = 0
    return repo


def test_history_is_read_once_while_head_stays(repo, monkeypatch):
    feature = ChangelogFeature()
    calls = []
    original = Git.log
    monkeypatch.setattr(Git, "log", lambda self, *a: calls.append(a) or original(self, *a))
    first = outcome(repo, feature)
    repo.write(repo.edit(PHONE, "three rings", "two rings"))
    second = outcome(repo, feature)  # a new build: unreleased edit, same HEAD
    assert len(calls) == 1
    assert second.changelog.revisions[0].unreleased
    assert not first.changelog.revisions[0].unreleased
    repo.commit("Commit the edit")
    outcome(repo, feature)
    assert len(calls) == 2


def test_updates_section_on_each_changed_standard(repo):
    repo.commit("Faster answers", repo.edit(PHONE, "three rings", "two rings"))
    settings = Settings(root=repo.path)
    feature = ChangelogFeature()
    handbook = load(settings)
    extras = PageExtras()
    feature.extras(handbook, Urls(), extras)
    (found,) = extras.sections["PHONE-001"]
    assert found.title == "Updates to this standard"
    section = found.html
    assert "Faster answers" in section and "First standards" in section
    assert (
        '<del><span class="hb-sr">removed: </span>three</del> '
        '<ins><span class="hb-sr">added: </span>two</ins>'
    ) in section
    assert 'href="../../changelog/2026-03-03-' in section


def test_a_github_merge_commit_is_titled_by_its_pull_request(repo):
    repo.git("checkout", "-q", "-b", "faster")
    repo.commit("wip", repo.edit(PHONE, "three rings", "two rings"))
    repo.git("checkout", "-q", "main")
    repo.day += 1
    message = "Merge pull request #12 from org/faster\n\nAnswer by the second ring\n\nWhy: queues."
    subprocess.run(
        ["git", "merge", "-q", "--no-ff", "faster", "-m", message],
        cwd=repo.path, env=repo.env(), check=True, capture_output=True,
    )  # fmt: skip
    latest = revisions(repo)[0].revision
    assert (latest.title, latest.notes) == ("Answer by the second ring", "Why: queues.")


def test_the_build_s_own_reading_of_its_files_is_the_history_s_and_is_not_parsed_again(repo):
    repo.commit("Add hold", {HOLD: standard("PHONE-002", "Hold")})
    repo.commit("Faster", repo.edit(PHONE, "three rings", "two rings"))
    repo.write(repo.edit(EMAIL, '"active"', '"retired"'))  # not committed: unreleased

    def told(result) -> list[object]:
        assert result.changelog is not None, result.problems
        return [
            (r.key, r.revision.title, [(c.id, c.kind, [f.sentence for f in c.changes])
                                       for c in r.changes])
            for r in result.changelog.revisions
        ]  # fmt: skip

    settings = Settings.from_options(repo.path, {"changelog": {}})
    parsed_here = ChangelogFeature()
    alone = parsed_here.outcome(Handbook([], [], settings))
    handbook = load(settings)
    assert len(handbook.standards) == 3 and not handbook.errors
    given = ChangelogFeature()
    with_build = given.outcome(handbook)
    assert told(with_build) == told(alone)
    assert len(told(alone)) == 4  # three commits and the unreleased change
    for s in handbook.standards:  # the same values, taken from the build, not parsed
        assert given.cache.parsed[s.blob].data is s.data
        assert parsed_here.cache.parsed[s.blob].data == s.data


def test_the_working_tree_is_made_of_the_texts_the_build_read(tmp_path):
    from handbook.changelog.repository import Location, working_tree
    from handbook.loader import load
    from handbook.settings import Settings

    repo = Repo(tmp_path / "handbook")
    repo.commit("First", {"standards/a.yml": standard("PHONE-001", "Answering")})
    (repo.path / "standards/b.yml").write_text("\ufeff" + standard("PHONE-002", "Holding"))
    settings = Settings(root=repo.path)
    location = Location.find(settings)
    read = load(settings).texts
    assert set(read) == {"standards/a.yml", "standards/b.yml"}
    assert working_tree(location, read) == working_tree(location)  # byte for byte, BOM too
    # A text the build read is used as it is, not read from the disk again.
    read = {**read, "standards/a.yml": "id: PHONE-001\n"}
    assert working_tree(location, read)["standards/a.yml"] == b"id: PHONE-001\n"


def test_a_date_with_a_time_reads_the_same_in_the_history_as_in_the_build(repo):
    # The build reads `effective: 2026-01-05T10:00:00` as the date 2026-01-05; the
    # history read it as written: given the build's reading of the file at HEAD, the
    # changelog told an effective date change no commit made.
    timed = standard("PHONE-002", "Hold").replace(
        'effective: "2026-01-05"', "effective: 2026-01-05T10:00:00"
    )
    assert "T10:00:00" in timed
    repo.commit("Add hold", {HOLD: timed})
    repo.commit("Rename hold", repo.edit(HOLD, '"Hold"', '"Holding a call"'))

    def told(result) -> list[object]:
        assert result.changelog is not None, result.problems
        return [
            (r.revision.title, [(c.id, c.kind, [f.sentence for f in c.changes])
                                for c in r.changes])
            for r in result.changelog.revisions
        ]  # fmt: skip

    settings = Settings.from_options(repo.path, {"changelog": {}})
    alone = told(ChangelogFeature().outcome(Handbook([], [], settings)))
    handbook = load(settings)
    assert len(handbook.standards) == 3 and not handbook.errors
    assert told(ChangelogFeature().outcome(handbook)) == alone
    renamed = dict((title, changes) for title, changes in alone)["Rename hold"]
    assert [kind for _, kind, _ in renamed] == ["changed"]
    assert len(renamed[0][2]) == 1, renamed  # the title alone


def test_the_working_tree_lists_what_the_paths_of_its_files_say_in_path_order(tmp_path):
    from handbook.changelog.history import is_standard_file
    from handbook.changelog.repository import Location, working_tree
    from handbook.settings import Settings

    repo = Repo(tmp_path / "repo")
    repo.commit("First", {"site/standards/a.yml": standard("PHONE-001", "Answering")})
    folder = repo.path / "site" / "standards"
    for name in ("a-b/x.yml", "a/x.yml", "a/y.YAML", "a/notes.txt", ".hidden/z.yml", "b/.z.yml"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(standard("PHONE-009", "Other"))
    location = Location.find(Settings(root=repo.path / "site"))
    listed = list(working_tree(location))
    # As pathlib names and orders them (parts compared, "a" before "a-b").
    expected = []
    for path in sorted(folder.rglob("*")):
        relative = f"{location.folder}/{path.relative_to(folder).as_posix()}"
        if path.is_file() and is_standard_file(relative, location.folder):
            expected.append(location.handbook_path(relative))
    # By parts: a sort of the strings would put "a-b/x.yml" first.
    order = ["standards/a/x.yml", "standards/a/y.YAML", "standards/a-b/x.yml", "standards/a.yml"]
    assert listed == expected == order
