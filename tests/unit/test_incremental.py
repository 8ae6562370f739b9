"""A `serve` rebuild lints and reads results again only for what changed, and reports
what a cold run reports: each test runs builds with one BuildState, as `serve` does,
and compares every build's findings with a run that keeps nothing."""

from __future__ import annotations

from pathlib import Path

from lintkit import BASE, TODAY, standard_text

from handbook.buildstate import BuildState
from handbook.lint.runner import lint
from handbook.loader import load
from handbook.settings import Settings

OTHER = BASE.replace("TEST-001", "TEST-002")
HEAD = "period,standard,target,value,unit\n"


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")


def build(root: Path, state: BuildState):
    """One build's handbook and lint problems with the kept state, and a cold run's."""
    state.start()
    settings = Settings(root=root)
    kept = load(settings, state)
    problems = lint(kept, TODAY, state=state)
    cold = load(Settings(root=root))
    assert problems == lint(cold, TODAY)
    return kept, problems


def test_an_edit_that_changes_a_handbook_wide_finding_is_reported_on_the_unchanged_file(
    tmp_path,
):
    write(tmp_path, {"standards/a.yml": standard_text(""), "standards/b.yml": OTHER})
    state = BuildState()
    _, first = build(tmp_path, state)
    assert not [p for p in first if p.rule == "say-dont-say"]
    _, again = build(tmp_path, state)
    assert again == first and state.hits >= 2  # nothing changed: all reused
    # b.yml forbids a phrase a.yml recommends: a.yml, unchanged, now has the finding.
    forbid = "Good morning, Support team, Sam speaking"
    write(tmp_path, {"standards/b.yml": OTHER.replace("Yeah, hello?", f'"{forbid}"')})
    _, edited = build(tmp_path, state)
    found = {(p.file, p.message.split(" (")[0]) for p in edited if p.rule == "say-dont-say"}
    assert found == {
        ("standards/a.yml", f"'{forbid}' is listed as don't say in TEST-002"),
        ("standards/b.yml", f"'{forbid}' is listed as don't say in this standard"),
    }
    assert state.failed == 0  # found by the key, not by the state's own check
    # And it goes away when the edit is undone.
    write(tmp_path, {"standards/b.yml": OTHER})
    _, undone = build(tmp_path, state)
    assert undone == first and state.failed == 0


def test_a_duplicate_id_made_by_an_edit_is_reported_by_the_rebuild(tmp_path):
    write(tmp_path, {"standards/a.yml": standard_text(""), "standards/b.yml": OTHER})
    state = BuildState()
    handbook, _ = build(tmp_path, state)
    assert not handbook.problems
    write(tmp_path, {"standards/b.yml": BASE})  # b.yml now says TEST-001 too
    handbook, _ = build(tmp_path, state)
    assert {(p.file, p.rule) for p in handbook.problems} >= {("standards/b.yml", "duplicate-id")}


def test_results_are_checked_again_when_a_results_file_changes(tmp_path):
    target = "targets:\n  - id: third-ring\n" + BASE.split("  - id: third-ring\n")[1].split(
        "steps:"
    )[0].replace("weekly", "monthly")
    rows = "".join(f"2026-0{m},TEST-001,third-ring,{v},%\n" for m, v in ((1, 95), (2, 96)))
    write(tmp_path, {"standards/a.yml": standard_text(target), "results/r.csv": HEAD + rows})
    state = BuildState()
    handbook, first = build(tmp_path, state)
    assert len(handbook.results.by_target[("TEST-001", "third-ring")]) == 2
    assert not [p for p in first if p.rule == "missed-target"]
    kept = handbook.results
    handbook, _ = build(tmp_path, state)
    assert handbook.results is kept  # the same files: not checked again
    # Missed three months running: the results and the lint finding follow the file.
    missed = "".join(f"2026-0{m},TEST-001,third-ring,50,%\n" for m in (3, 4, 5))
    write(tmp_path, {"results/r.csv": HEAD + rows + missed})
    handbook, edited = build(tmp_path, state)
    assert len(handbook.results.by_target[("TEST-001", "third-ring")]) == 5
    assert [p.rule for p in edited if p.rule == "missed-target"] == ["missed-target"]
    # A row for a target the standard no longer has is a problem once the standard changes.
    write(tmp_path, {"standards/a.yml": standard_text(target.replace("third-ring", "ring"))})
    handbook, _ = build(tmp_path, state)
    assert any(p.file == "results/r.csv" for p in handbook.problems)
    assert state.failed == 0
