"""Builds a project the way `mkdocs serve --dirty` does, in one process: load the
configuration again for each build, `serve`'s startup event once, dirty rebuilds into
the same folder. Between builds it applies edits: a JSON list of [path, old, new] ([path, None, new path]:
the file renamed, or deleted if None; [path, "", text] for a path with no file: new).
It prints the handbook's warnings of the last build, one a line.

python servebuild.py PROJECT SITE_DIR EDITS_JSON  (an empty list: one build, cold)
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

URL = "http://127.0.0.1:8000/"


class Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.found: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith("mkdocs.plugins.handbook"):
            self.found.append(record.getMessage())


def main() -> None:
    project, site, edits = Path(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3])
    os.chdir(project)

    def config():  # as serve's get_config: a new configuration for every build
        loaded = load_config(config_file=str(project / "mkdocs.yml"), site_dir=site)
        loaded.site_url = URL
        return loaded

    warnings = Warnings()
    logging.getLogger("mkdocs").addHandler(warnings)
    first = config()
    first.plugins.on_startup(command="serve", dirty=True)
    build(first, serve_url=URL, dirty=True)
    for path, old, new in edits:
        source = project / path
        if old is None:  # [path, None, new path]: renamed (None: deleted)
            source.rename(project / new) if new is not None else source.unlink()
            warnings.found = []
            build(config(), serve_url=URL, dirty=True)
            continue
        if not old and not source.exists():  # [path, "", text]: a new file
            source.write_text(new, "utf-8")
            warnings.found = []
            build(config(), serve_url=URL, dirty=True)
            continue
        text = source.read_text("utf-8")
        assert old in text, (path, old)
        source.write_text(text.replace(old, new, 1), "utf-8")
        warnings.found = []
        build(config(), serve_url=URL, dirty=True)
    print("\n".join(warnings.found))


if __name__ == "__main__":
    main()
