"""The results' options, from the `results` entry of the handbook plugin in mkdocs.yml.

plugins:
  - handbook:
      results:
        dir: results         # the folder of results files (default: results)
        missed_periods: 2    # a target missed this many periods running puts its standard on
                             # Due for review and is reported by the `missed-target` lint
                             # rule (default: 2; 0: neither)

Read here once for every reader (the loader, the pages, Due for review, the linter, the
importer), so they cannot disagree on a default.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..problems import Problem
from ..settings import Settings

RULE = "results-config"
DIR = "results"
MISSED_PERIODS = 2


@dataclass(frozen=True)
class ResultsOptions:
    dir: str = DIR
    missed_periods: int = MISSED_PERIODS


def results_options(settings: Settings) -> tuple[ResultsOptions, list[Problem]]:
    """The options as given, defaults for what is not, and a located problem for each
    value that is not usable (the default is used in its place)."""
    given: Any = settings.extra.get("results") or {}
    problems: list[Problem] = []

    def problem(key: str, message: str) -> None:
        where = settings.where("results", key) if key else settings.where("results")
        problems.append(Problem(*where, RULE, f"results: {message}"))

    if not isinstance(given, dict):
        problem("", "should be a mapping of options (dir, missed_periods)")
        given = {}
    for key in sorted(set(given) - {"dir", "missed_periods"}):
        problem(key, f"unknown option '{key}': use dir or missed_periods")
    folder = given.get("dir") or DIR
    if not isinstance(folder, str):
        problem("dir", "dir should be a folder name, e.g. results")
        folder = DIR
    periods = given.get("missed_periods", MISSED_PERIODS)
    if not isinstance(periods, int) or isinstance(periods, bool) or periods < 0:
        problem("missed_periods", "missed_periods should be a whole number, 0 (never) or more")
        periods = MISSED_PERIODS
    return ResultsOptions(folder, periods), problems
