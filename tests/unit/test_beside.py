"""Work made beside the build (beside.py): a forked copy of the process makes it and hands
it back, the same as making it in the build's process; where forking is not safe (other
threads, Typst's own included) it is made when asked for; a copy that fails stops the
build with its message.

A process that has run Typst keeps Typst's threads, so the tests that fork run in a
fresh interpreter (`fresh`), as a build does; the test process itself may have them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from handbook.beside import Beside, can_fork, forking

CHECKS = Path(__file__).with_name("besidekit.py")
FIXTURES = Path(__file__).parents[1] / "fixtures"


def fresh(check: str, *args: str) -> dict:
    """besidekit.py's `check`, run in a new interpreter: what it printed, read as JSON."""
    done = subprocess.run(
        [sys.executable, str(CHECKS), check, *args], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_linters_findings_made_in_a_forked_copy_are_the_same(tmp_path):
    found = fresh("lint", str(tmp_path))
    assert found["forked"]
    assert found["count"] > 64  # synthetic standards have findings of many rules
    assert found["same"]


def test_files_made_in_a_forked_copy_are_the_same(tmp_path):
    found = fresh("files", str(tmp_path))
    for name in ("SearchFeature", "ScorecardsFeature", "FiltersFeature"):
        assert found[name] == {"forked": True, "same": True, "handed_over_once": True}, name


def test_the_cards_made_in_a_forked_copy_are_the_same(tmp_path):
    found = fresh("cards", str(tmp_path))
    assert found["forked"]
    assert found["nice"] == 10  # the build's pages wait for the other copies first
    # The files are listed without waiting for the copy: the picker is filled in at its
    # turn among the pages, the others are written after them.
    assert not found["waited"] and found["finished"] == ["cards/index.md"]
    assert "card-overflow" in found["rules"]
    assert found["pdfs"] >= 2 and found["later"]  # made while the pages are rendered
    assert found["same_problems"] and found["same_files"]


def test_standards_loaded_half_in_a_forked_copy_are_the_same(tmp_path):
    found = fresh("load", str(tmp_path))
    assert found["forked"] == [True, False]  # then loaded again without a copy
    assert found["count"] == 62  # 64 files, two of them broken
    assert {"schema", "yaml-syntax"} <= set(found["problems"])
    assert found["same"]


def test_a_loading_copy_that_dies_stops_the_build_with_a_message_not_a_traceback(tmp_path):
    """`mkdocs build` of a fixture whose standards are loaded half in a copy (from one
    file on), the copy dying as the kernel kills a process out of memory."""
    project = tmp_path / "basic"
    shutil.copytree(FIXTURES / "basic", project)
    build = (
        "import os, sys\n"
        "import handbook.loader as loader\n"
        "loader.LOAD_BESIDE = 1\n"
        "build, real = os.getpid(), loader._load_one\n"
        "loader._load_one = lambda path, text: (\n"
        "    real(path, text) if os.getpid() == build else os._exit(9)\n"
        ")\n"
        "from mkdocs.__main__ import cli\n"
        "sys.argv = ['mkdocs', 'build', '-d', sys.argv[1]]\n"
        "cli()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", build, str(tmp_path / "site")],
        cwd=project, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode != 0
    assert "loading the standards: the process making it ended without an answer" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_copy_makes_it_not_the_build_process():
    found = fresh("pid")
    assert found["forked"] and found["made_by"] != found["build"]


def test_a_copy_can_run_at_a_lower_priority_than_the_build():
    found = fresh("nice")
    assert found["forked"]
    assert found["copy"] == min(found["build"] + 5, 19)


def test_with_other_threads_running_it_is_made_here_when_asked_for():
    calls = []
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        with forking():
            assert not can_fork()
            made = Beside(lambda: calls.append(os.getpid()) or len(calls), "a count")
    finally:
        stop.set()
        other.join()
    assert not made.forked and calls == []
    assert made.result() == 1 and made.result() == 1
    assert calls == [os.getpid()]


def test_a_failure_in_the_copy_stops_the_build_with_its_message():
    found = fresh("fails")
    assert found["forked"]
    assert found["message"] == "linting the standards failed: ValueError: no standards folder"


def test_a_copy_that_ends_without_answering_stops_the_build():
    found = fresh("dies")
    assert found["forked"]
    assert "the process making it ended without an answer (exit 3)" in found["message"]


def test_outside_a_build_that_allows_it_nothing_forks():
    """`serve` keeps what a build made for the next one: its work is never in a copy."""
    made = Beside(os.getpid, "a process id")
    assert not made.forked
    assert made.result() == os.getpid()
