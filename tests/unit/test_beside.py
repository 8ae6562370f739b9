"""Work made beside the build (beside.py): a forked copy of the process makes it and hands
it back, the same as making it in the build's process; where forking is not safe (other
threads) it is made when asked for; a copy that fails stops the build with its message."""

from __future__ import annotations

import os
import threading

import pytest

from handbook.beside import Beside
from handbook.feature import FeatureFailed
from handbook.finding.searchbox import SearchFeature
from handbook.lint.feature import LintFeature
from handbook.loader import load
from handbook.render.urls import Urls
from handbook.scorecards.feature import ScorecardsFeature
from handbook.settings import Settings
from handbook.synth import write_project


def test_the_linters_findings_made_in_a_forked_copy_are_the_same(tmp_path):
    write_project(tmp_path / "synth", 64, seed=3)
    handbook = load(Settings.from_mkdocs_yml(tmp_path / "synth" / "mkdocs.yml"))
    alone = LintFeature().problems(handbook)
    feature = LintFeature()
    feature.start(handbook, Urls())
    assert feature.linting is not None and feature.linting[1].forked
    beside = feature.problems(handbook)
    assert len(alone) > 64  # synthetic standards have findings of many rules
    assert beside == alone


@pytest.mark.parametrize("feature", [SearchFeature, ScorecardsFeature])
def test_files_made_in_a_forked_copy_are_the_same(tmp_path, feature):
    write_project(tmp_path / "synth", 64, seed=3)
    handbook = load(Settings.from_mkdocs_yml(tmp_path / "synth" / "mkdocs.yml"))
    urls = Urls()
    alone = feature().files(handbook, urls)
    started = feature()
    started.start(handbook, urls)
    assert started.making is not None and started.making[2].forked
    beside = started.files(handbook, urls)
    assert len(alone) > 50  # a file for most of the 64 standards
    assert beside == alone
    assert started.making is None  # handed over once


def test_the_copy_makes_it_not_the_build_process():
    made = Beside(os.getpid, "a process id")
    assert made.forked
    assert made.result() != os.getpid()


def test_with_other_threads_running_it_is_made_here_when_asked_for():
    calls = []
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        made = Beside(lambda: calls.append(os.getpid()) or len(calls), "a count")
    finally:
        stop.set()
        other.join()
    assert not made.forked and calls == []
    assert made.result() == 1 and made.result() == 1
    assert calls == [os.getpid()]


def test_a_failure_in_the_copy_stops_the_build_with_its_message():
    def fails():
        raise ValueError("no standards folder")

    made = Beside(fails, "linting the standards")
    assert made.forked
    with pytest.raises(FeatureFailed, match="linting the standards failed: ValueError: no st"):
        made.result()


def test_a_copy_that_ends_without_answering_stops_the_build():
    made = Beside(lambda: os._exit(3), "linting the standards")
    with pytest.raises(FeatureFailed, match=r"ended without an answer \(exit 3\)"):
        made.result()
