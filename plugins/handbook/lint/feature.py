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
        config_file = handbook.settings.config_file or handbook.settings.root / "mkdocs.yml"
        return [_for_build(p) for p in lint(handbook, config_file=config_file)]

    def files(self, handbook: Handbook, urls: Urls) -> list[OutputFile]:
        return [rules_page()]


def _for_build(problem: Problem) -> Problem:
    if problem.rule == "lint-config" or problem.severity != "error":
        return problem  # bad lint settings stop the build like any other bad setting
    return replace(problem, severity="warning", message=f"(lint error) {problem.message}")
