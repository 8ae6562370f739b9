"""The linter as a site feature: findings in the build, and the rules page for editors."""

from __future__ import annotations

from dataclasses import replace

from ..feature import Feature
from ..handbook import Handbook
from ..problems import Problem
from ..render.output import OutputFile
from ..render.urls import Urls
from .docs import rules_page
from .runner import lint


class LintFeature(Feature):
    def problems(self, handbook: Handbook) -> list[Problem]:
        """Lint errors and warnings as build warnings, so `serve` keeps working and
        `build --strict` fails; the original severity stays in the message."""
        return [_for_build(p) for p in lint(handbook, state=self.state)]

    def files(self, handbook: Handbook, urls: Urls) -> list[OutputFile]:
        return [rules_page()]


def _for_build(problem: Problem) -> Problem:
    if problem.severity != "error":
        return problem
    return replace(problem, severity="warning", message=f"(lint error) {problem.message}")
