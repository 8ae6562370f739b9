"""The build state keeps derived work by content across builds, and checks itself."""

from __future__ import annotations

from conftest import FIXTURES
from handbook.buildstate import BuildState, cold
from handbook.loader import load_one


def counted(calls: list[str], value: str):
    def make() -> str:
        calls.append(value)
        return value

    return make


def test_a_kept_result_is_reused_by_the_next_build_and_checked():
    state = BuildState(checks=1)
    calls: list[str] = []
    state.start()
    assert [state.kept("page", k, counted(calls, k)) for k in "abc"] == ["a", "b", "c"]
    state.start()
    assert [state.kept("page", k, counted(calls, k)) for k in "abc"] == ["a", "b", "c"]
    # Made once each, and the first reused one made again to compare.
    assert calls == ["a", "b", "c", "a"]
    assert (state.hits, state.misses, state.failed) == (3, 0, 0)


def test_a_key_that_misses_an_input_is_caught_and_that_kind_no_longer_kept():
    state = BuildState(checks=1)
    state.start()
    assert state.kept("page", "same key", lambda: "old text") == "old text"
    state.kept("card", "x", lambda: "card")
    state.start()
    # The input changed but the key did not: the check makes it again and sees it.
    assert state.kept("page", "same key", lambda: "new text") == "new text"
    assert state.failed == 1 and state.distrusted == {"page"}
    assert state.kept("card", "x", lambda: "card") == "card"
    assert state.kept("page", "other", lambda: "fresh") == "fresh"
    state.start()
    assert state.kept("page", "other", lambda: "made again") == "made again"
    assert state.kept("card", "x", lambda: "card") == "card"  # other kinds still kept
    assert (state.hits, state.misses) == (1, 0)


def test_results_unused_by_a_build_are_dropped_and_cold_keeps_nothing():
    state = BuildState(checks=0)
    state.start()
    state.kept("page", 1, lambda: "one")
    state.start()
    state.kept("page", 2, lambda: "two")
    state.start()
    assert state.kept("page", 1, lambda: "one again") == "one again"
    assert state.kept("page", None, lambda: "unkeyed") == "unkeyed"
    calls: list[str] = []
    nothing = cold()
    nothing.kept("page", 1, counted(calls, "x"))
    nothing.kept("page", 1, counted(calls, "x"))
    nothing.once("revision", 1, counted(calls, "y"))
    nothing.once("revision", 1, counted(calls, "y"))
    assert calls == ["x", "x", "y", "y"]


def test_once_is_once_per_build():
    state = BuildState()
    calls: list[str] = []
    state.start()
    state.once("revision", "/root", counted(calls, "a1b2c3d"))
    state.once("revision", "/root", counted(calls, "a1b2c3d"))
    state.start()
    state.once("revision", "/root", counted(calls, "a1b2c3d"))
    assert calls == ["a1b2c3d", "a1b2c3d"]


def test_a_standard_is_keyed_by_its_file_path_and_text():
    text = (FIXTURES / "basic" / "standards" / "phone-001.yml").read_text("utf-8")
    one, problems = load_one("standards/a.yml", text)
    assert problems == [] and one is not None and len(one.digest) == 32
    other, _ = load_one("standards/a.yml", text.replace("summary: ", "summary: Changed. "))
    moved, _ = load_one("standards/b.yml", text)
    assert other is not None and moved is not None
    assert len({one.digest, other.digest, moved.digest}) == 3


def test_a_released_state_keeps_nothing_and_makes_again():
    state = BuildState(checks=0)
    calls: list[str] = []
    state.start()
    state.kept("page", "a", counted(calls, "a"))
    state.once("revision", "root", counted(calls, "r"))
    state.release()
    assert state.kept("page", "a", counted(calls, "a")) == "a"
    assert state.once("revision", "root", counted(calls, "r")) == "r"
    assert calls == ["a", "r", "a", "r"]


def test_a_reused_result_of_a_changed_standard_is_always_checked():
    state = BuildState(checks=0)  # no sampled checks: only the changed standard's
    state.start()
    state.kept("page", "PHONE-001", lambda: "old text", of="digest-1")
    state.kept("page", "PHONE-002", lambda: "other", of="digest-2")
    state.start()
    # The key forgot the file's content; the file changed (a new digest): caught.
    assert state.kept("page", "PHONE-001", lambda: "new text", of="digest-1b") == "new text"
    assert state.failed == 1 and state.distrusted == {"page"}
    state = BuildState(checks=0)
    state.start()
    state.kept("page", "PHONE-002", lambda: "other", of="digest-2")
    state.start()
    # An unchanged file's result is reused without being made again.
    assert state.kept("page", "PHONE-002", lambda: "not made", of="digest-2") == "other"
    assert state.failed == 0


def test_a_part_is_the_same_object_in_every_build_unless_nothing_is_kept():
    state = BuildState()
    state.start()
    first = state.part("digests", dict)
    first["page.md"] = 1
    assert state.part("digests", dict) is first
    state.start()
    state.release()  # results go; the engine's bookkeeping stays for the next build
    assert state.part("digests", dict) is first
    nothing = cold()
    nothing.start()
    made = nothing.part("digests", dict)
    made["page.md"] = 1
    assert nothing.part("digests", dict) is made  # within a build, one object
    nothing.start()
    assert nothing.part("digests", dict) == {}  # the next build sees nothing of it


def test_work_kept_only_for_rebuilds_is_kept_from_the_first_build_when_rebuilds_follow():
    state = BuildState()
    state.start()
    assert not state.rebuilding  # a `mkdocs build`: its one build keeps none of it
    state.start()
    assert state.rebuilding  # a second build of the process: it is
    serving = BuildState()
    serving.rebuilds = True  # `serve`: from its first build on
    serving.start()
    assert serving.rebuilding
    cold = BuildState(keep=False)
    cold.rebuilds = True
    cold.start()
    cold.start()
    assert not cold.rebuilding  # a state that keeps nothing, never
