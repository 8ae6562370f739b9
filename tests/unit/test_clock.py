"""HANDBOOK_TODAY: a handbook built or linted as of another day, or a clear refusal."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest

from conftest import ROOT
from handbook import clock


def test_unset_is_the_system_date(monkeypatch):
    monkeypatch.delenv(clock.VARIABLE, raising=False)
    assert clock.today() == dt.date.today()
    assert clock.problem() is None


def test_set_is_that_date(monkeypatch):
    monkeypatch.setenv(clock.VARIABLE, " 2027-04-15 ")
    assert clock.today() == dt.date(2027, 4, 15)


@pytest.mark.parametrize("value", ["2027-13-01", "15/04/2027", "tomorrow"])
def test_not_a_date_says_how_to_write_it(monkeypatch, value):
    monkeypatch.setenv(clock.VARIABLE, value)
    with pytest.raises(clock.BadToday):
        clock.today()
    assert clock.problem() == (
        f"HANDBOOK_TODAY={value!r} is not a date: write it as YYYY-MM-DD "
        "(e.g. 2027-03-01), or unset it to use today's date"
    )


def _lint(today: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "handbook.cli", "lint", "--strict"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, clock.VARIABLE: today},
    )


def test_the_sample_linted_after_its_pilot_ended_asks_for_a_decision():
    later = _lint("2027-04-15")
    assert later.returncode == 1
    assert (
        "phone-004-answering-calls-pilot.yml:23:8: warning pilot the pilot ended on 2027-03-26"
        in later.stdout
    )
    assert "Traceback" not in later.stderr


def test_a_bad_date_stops_the_cli_without_a_traceback():
    bad = _lint("2027-02-30")
    assert bad.returncode == 2
    assert bad.stderr == (
        "handbook: HANDBOOK_TODAY='2027-02-30' is not a date: write it as YYYY-MM-DD "
        "(e.g. 2027-03-01), or unset it to use today's date\n"
    )
