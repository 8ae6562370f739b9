"""Builds a project as `mkdocs build` does and prints, as JSON, the site paths of the files
the handbook's writer wrote beside the pages (writer.py), what started in the process in
order (each fork, with the threads then running, and the writer) and the threads left.

python writtenbuild.py PROJECT SITE_DIR             a build, in this process
python writtenbuild.py PROJECT SITE_DIR --fail PART `mkdocs build` on the command line,
    where opening a file to write whose path has PART fails as on a full disk
"""

from __future__ import annotations

import builtins
import errno
import json
import os
import sys
import threading

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure import files

from handbook.mkdocs.writer import Writer


def main() -> None:
    project, site = sys.argv[1], sys.argv[2]
    os.chdir(project)
    if sys.argv[3:4] == ["--fail"]:
        fail(site, sys.argv[4])
        return
    started: list[str] = []
    fork, start = os.fork, Writer.start

    def forking() -> int:
        pid = fork()
        if pid:
            started.append(f"fork with {threading.active_count()} thread(s)")
        return pid

    def starting(self: Writer, *args: object) -> None:
        start(self, *args)  # type: ignore[arg-type]
        started.append("writer")

    os.fork, Writer.start = forking, starting  # type: ignore[method-assign]
    config = load_config(config_file="mkdocs.yml", site_dir=site)
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    writer = config.plugins["handbook"].writer  # type: ignore[attr-defined]
    written = sorted(f.dest_uri for f in writer.files)
    print(json.dumps({"written": written, "started": started, "threads": threading.active_count()}))


def fail(site: str, part: str) -> None:
    def full_disk(path, mode="r", *args, **kwargs):
        if part in str(path) and ("w" in mode or "a" in mode):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return builtins.open(path, mode, *args, **kwargs)

    files.open = full_disk  # type: ignore[attr-defined]  # what MkDocs writes files with
    from mkdocs.__main__ import cli

    sys.argv = ["mkdocs", "build", "-d", site]
    cli()


if __name__ == "__main__":
    main()
