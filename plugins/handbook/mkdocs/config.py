"""The `handbook` plugin's options for MkDocs: typed, defaulted and checked by the
engine-free `options.parse` (the one the `handbook` command uses), so each problem is
reported at its line in mkdocs.yml. See options.py for what each option does."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config import base
from mkdocs.config.base import ValidationError

from .. import options as o
from ..settings import read_mkdocs_yml


class HandbookConfig(base.Config):
    # Declared so that MkDocs leaves it to the plugin; options.parse checks it with the rest.
    enabled = base.BaseConfigOption[bool]()
    options: o.Options  # every option, typed
    places: o.Places  # where each is written

    def validate(self):
        failed, _ = super().validate()  # MkDocs' warnings name the undeclared options
        path = self.config_file_path
        self.places = (
            read_mkdocs_yml(Path(path))[1] if path and os.path.isfile(path) else o.Places()
        )
        self.options, problems = o.parse(dict(self), self.places.where)
        self.enabled = self.options.enabled
        warnings = []
        for problem in problems:
            # Each message starts with the option's path ("cards.size: …").
            key = problem.message.split(":", 1)[0].split(".", 1)[0]
            text = f"{problem.file}:{problem.line}:{problem.column}: {problem.message}"
            if problem.severity == "error":
                failed.append((key, ValidationError(text)))
            else:
                warnings.append((key, text))
        return failed, warnings
