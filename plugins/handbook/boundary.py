"""The project folder is the boundary: nothing outside it is read, copied or published.

A symbolic link in `standards/`, `illustrations/`, `docs/` or the theme overrides that
leads out of the project (to /etc/passwd, to /proc/self/environ and the build's secrets,
to a folder elsewhere) is a problem at the link's own path, and so is a link to nothing.
Links that stay inside the project are followed. A standard file is checked for size
before it is read, and read with a bounded read, so a huge file costs no memory.
"""

from __future__ import annotations

import os
from pathlib import Path

from .problems import Problem
from .settings import Settings
from .yamlsource import MAX_BYTES

RULE = "outside-project"


def inside(path: Path, folder: Path) -> bool:
    """Whether `path`, with every link in it followed, is `folder` or inside it."""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))


def name(path: Path, root: Path) -> str:
    """A path as problems give it: relative to the project root when written inside it."""
    absolute = Path(os.path.abspath(path))
    if absolute.is_relative_to(root):
        return absolute.relative_to(root).as_posix()
    return path.as_posix()


def link_problem(path: Path, root: Path) -> Problem | None:
    """A problem when `path`, written inside the project, leads out of it or nowhere.

    A path written outside the project (a file named to `handbook lint`) is the user's
    own choice, not the repository's: it is not a problem here.
    """
    if not Path(os.path.abspath(path)).is_relative_to(root):
        return None
    if inside(path, root):
        if os.path.lexists(path) and not path.exists():
            return _at(path, root, "this link points to nothing: fix it or delete it")
        return None
    if not os.path.lexists(path):
        return None
    target = os.path.realpath(path)
    return _at(
        path,
        root,
        f"this leads outside the project (to {target}), and nothing outside it is published: "
        "copy the file into the repository instead of linking to it",
    )


def walk(folder: Path, root: Path) -> tuple[list[Path], list[Problem]]:
    """The files under `folder`, following only links that stay in the project.

    Links that leave it, or point to nothing, are problems; hidden files and folders
    (.git, .DS_Store) are passed over, and a folder reached twice is read once.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    _walk(folder, root, files, problems, {os.path.realpath(folder)})
    return sorted(files), problems


def _walk(
    folder: Path, root: Path, files: list[Path], problems: list[Problem], seen: set[str]
) -> None:
    for directory, subfolders, names in os.walk(folder):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        base = Path(directory)
        for entry in (*subfolders, *names):
            path = base / entry
            if entry.startswith("."):
                continue
            if path.is_symlink():
                problem = link_problem(path, root)
                if problem is not None:
                    problems.append(problem)
                    continue
                if path.is_dir():
                    real = os.path.realpath(path)
                    if real not in seen:
                        seen.add(real)
                        _walk(path, root, files, problems, seen)
                    continue
            if entry in names and path.is_file():
                files.append(path)


def read_text(path: Path, root: Path) -> tuple[str | None, Problem | None]:
    """A standard file's text, or the problem that keeps it from being read.

    A path written inside the project must not lead out of it: `walk` has checked the
    files it found, other callers check with `link_problem` first.

    The size is checked before reading, and the read is bounded, so a file of a
    gigabyte costs a stat and a megabyte; an unreadable file (permissions, a folder
    where a file should be) is a problem like any other.
    """
    try:
        os.fsencode(path).decode("utf-8")
    except UnicodeDecodeError:
        # A name in another encoding (Latin-1 "é" as one byte): its path cannot be
        # printed into the site (edit links) nor named in a problem as it is.
        message = "this file's name is not UTF-8 text: rename it"
        return None, _at(path, root, message, "encoding")
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as e:
        reason = e.strerror or type(e).__name__
        message = f"this file cannot be read ({reason}): check it is a file you may read"
        return None, _at(path, root, message, "unreadable")
    if len(data) > MAX_BYTES:
        message = f"file is larger than {MAX_BYTES:,} bytes: split it up"
        return None, _at(path, root, message, "too-large")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        column = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        return None, Problem(
            name(path, root),
            line,
            column,
            "encoding",
            f"file is not UTF-8 text ({e.reason}): save it as UTF-8",
        )


def folder_problems(settings: Settings) -> list[Problem]:
    """Links out of the project in the folders the site is made from (other than
    `standards/`, which the loader walks), and folders set outside the project."""
    problems: list[Problem] = []
    root = settings.root
    for setting, (folder, where) in settings.folders().items():
        if not inside(folder, root):
            problems.append(
                Problem(
                    *where,
                    RULE,
                    f"{setting} '{folder}' is outside the project folder, and nothing outside it "
                    "is published: use a folder inside the project",
                )
            )
        elif folder.is_dir() and setting != "standards_dir":
            problems.extend(walk(folder, root)[1])
    return problems


def _at(path: Path, root: Path, message: str, rule: str = RULE) -> Problem:
    return Problem(name(path, root), 1, 1, rule, message)
