"""The `handbook` plugin's options for MkDocs: declared here, typed, defaulted and checked
by the engine-free `options.parse` (the one the `handbook` command uses), so each problem
is reported at its line in mkdocs.yml. See options.py for what each option does."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypeVar

from mkdocs.config import base
from mkdocs.config.base import ValidationError

from .. import options as o
from ..settings import read_mkdocs_yml

T = TypeVar("T")


class _Parsed(base.BaseConfigOption[T]):
    """Any value passes MkDocs' own check; `HandbookConfig.validate` parses them all."""


class HandbookConfig(base.Config):
    enabled = _Parsed[bool]()
    standards_dir = _Parsed[str]()
    illustrations_dir = _Parsed[str]()
    areas = _Parsed[dict[str, str]]()
    include_drafts = _Parsed[bool]()
    goals = _Parsed[dict[str, o.Goal]]()
    feedback = _Parsed[o.FeedbackOptions]()
    lint = _Parsed[dict[str, o.LintRule]]()
    owners = _Parsed[dict[str, tuple[str, ...]]]()
    id_prefixes = _Parsed[dict[str, str]]()
    cards = _Parsed[o.CardOptions]()
    changelog = _Parsed[o.ChangelogOptions]()
    results = _Parsed[o.ResultsOptions]()
    review_soon_days = _Parsed[int]()
    search = _Parsed[o.SearchOptions]()
    theme_cache = _Parsed[bool]()

    options: o.Options
    places: o.Places

    def validate(self):
        failed, warnings = super().validate()
        # An unknown option is options.parse's warning too, located and with a suggestion.
        warnings = [(key, warning) for key, warning in warnings if key in o.NAMES]
        path = self.config_file_path
        self.places = (
            read_mkdocs_yml(Path(path))[1] if path and os.path.isfile(path) else o.Places()
        )
        self.options, problems = o.parse(dict(self), self.places.where)
        for name in o.NAMES:
            self[name] = getattr(self.options, name)
        for problem in problems:
            # Each message starts with the option's path ("cards.size: …").
            key = problem.message.split(":", 1)[0].split(".", 1)[0]
            text = f"{problem.file}:{problem.line}:{problem.column}: {problem.message}"
            if problem.severity == "error":
                failed.append((key, ValidationError(text)))
            else:
                warnings.append((key, text))
        return failed, warnings
