"""The linter as a site feature: findings in the build, and the rules page for editors."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from ..beside import Beside
from ..buildstate import BuildState
from ..feature import Feature
from ..handbook import Handbook
from ..problems import Problem
from ..render.output import OutputFile
from ..render.urls import Urls
from .docs import rules_page
from .runner import lint


class LintFeature(Feature):
    # The findings are made beside the build where they can be (beside.py): the engine
    # asks for them after making the site's files.
    late = True

    def __init__(self) -> None:
        self.linting: tuple[Handbook, Beside[list[Problem]]] | None = None

    def start(self, handbook: Handbook, urls: Urls) -> None:
        make = partial(self.state.checked, partial(_findings, handbook, self.state))
        self.linting = (handbook, Beside(make, "linting the standards"))

    def problems(self, handbook: Handbook) -> list[Problem]:
        """Lint errors and warnings as build warnings, so `serve` keeps working and
        `build --strict` fails; the original severity stays in the message."""
        if self.linting is not None and self.linting[0] is handbook:
            return self.linting[1].result()
        return _findings(handbook, self.state)

    def files(self, handbook: Handbook, urls: Urls) -> list[OutputFile]:
        return [rules_page()]


def _findings(handbook: Handbook, state: BuildState) -> list[Problem]:
    return [_for_build(p) for p in lint(handbook, state=state)]


def _for_build(problem: Problem) -> Problem:
    if problem.severity != "error":
        return problem
    return replace(problem, severity="warning", message=f"(lint error) {problem.message}")
