"""Which revision of the handbook a card (or a suggestion link) was made from."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..changelog.git import Git, GitError

UNVERSIONED = "unversioned"


def revision(root: Path) -> str:
    """A short name for the handbook's current revision, e.g. 'a1b2c3d' or 'a1b2c3d-dirty'.

    Kept in one function so that a richer naming (release tags, changelog entries) can
    replace it in one place. Outside a git repository the cards say 'unversioned'.
    """
    name = _name(_git(root, "describe", "--always", "--dirty"))
    return name.strip() if name and name.strip() else UNVERSIONED


@dataclass(frozen=True)
class Revision:
    """The commit the handbook is at, and which of the files a standard's card prints
    from differ from it.

    A card says '-dirty' only when its own standard's file (or mkdocs.yml) has changes
    not committed: one edit under `serve` leaves every other card as it was, where the
    whole tree's state would have changed all of them (and their PDFs) at the first edit.
    """

    name: str = UNVERSIONED
    # Paths relative to the handbook root, as Standard.path, that differ from `name`
    # (changed, added or not yet tracked).
    changed: frozenset[str] = frozenset()
    config_changed: bool = False

    def of(self, path: str) -> str:
        """The revision a standard's file at `path` is printed as."""
        if self.name == UNVERSIONED:
            return UNVERSIONED
        dirty = self.config_changed or path in self.changed
        return f"{self.name}-dirty" if dirty else self.name


def current(root: Path, standards: Path, config_file: Path | None) -> Revision:
    """The handbook's revision at `root`: its commit, and which files under `standards`
    and which `config_file` differ from it."""
    name = _name(_git(root, "describe", "--always"))
    top = _git(root, "rev-parse", "--show-toplevel")
    if not name or not name.strip() or not top:
        return Revision()
    # Relative to `root`, where git runs (an absolute path through a symbolic link
    # would be outside the repository to git), links resolved: git sees a link as a
    # file of its own, not the folder it leads to.
    folder = _relative(standards, root)
    # A file outside the repository (INHERIT: ../x.yml) would make git refuse them all.
    inside = os.path.join(os.path.realpath(top.strip()), "")
    configs = [
        _relative(p, root)
        for p in _inherited(config_file)
        if os.path.realpath(p).startswith(inside)
    ]
    spec = [folder, *configs]
    # -z: paths exactly as they are, whatever characters they hold; relative to the
    # repository's top folder. --literal-pathspecs: a folder named ':x' or '*' is that
    # folder, not git's pathspec magic or a pattern. --ignored: a file git ignores is
    # published all the same, and no commit holds it.
    status = _git(
        root,
        "--literal-pathspecs",
        "status",
        "--porcelain=v1",
        "-z",
        "--untracked-files=all",
        "--ignored=traditional",
        "--",
        *spec,
    )
    if status is None:
        return Revision()
    top_path = Path(top.strip())
    named = os.path.relpath(standards, root).replace(os.sep, "/")  # as Standard.path
    changed: set[str] = set()
    entries = iter(status.split("\0"))
    for entry in entries:
        if len(entry) < 4:
            continue
        if entry[0] in "RC":
            next(entries, None)  # a rename's or copy's former path follows
        path = _relative(top_path / entry[3:], root)
        if path.startswith(f"{folder}/"):
            path = named + path[len(folder) :]
        changed.add(path)
    return Revision(name.strip(), frozenset(changed), any(c in changed for c in configs))


def _inherited(config_file: Path | None) -> list[Path]:
    """The configuration file and those it inherits (MkDocs' `INHERIT: mkdocs.yml`, a
    path from its folder), read as lines: the file may hold tags (!ENV) no plain YAML
    reader takes."""
    files: list[Path] = []
    while config_file is not None and config_file not in files:
        files.append(config_file)
        try:
            text = config_file.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            break
        found = _INHERIT.search(text)
        config_file = config_file.parent / found.group(1).strip("'\"") if found else None
    return files


_INHERIT = re.compile(r"^INHERIT:[ \t]*([^#\s](?:[^#\n]*[^#\s])?)[ \t]*(?:#.*)?$", re.MULTILINE)


def _relative(path: Path, root: Path) -> str:
    return os.path.relpath(os.path.realpath(path), os.path.realpath(root)).replace(os.sep, "/")


def _name(printed: str | None) -> str | None:
    """A revision's name as text that can be printed: a tag's name is bytes to git,
    not always UTF-8 (those bytes are shown as U+FFFD)."""
    if printed is None:
        return None
    return os.fsencode(printed).decode("utf-8", "replace")


def _git(root: Path, *args: str) -> str | None:
    """What git prints for `args` in `root`; None if git fails or is missing. Run as the
    changelog runs it (changelog/git.py: a hook's GIT_DIR left out, no prompt).

    Decoded as Python decodes file names (os.fsdecode): a path git prints is the same
    string as the file's name listed by Python, whatever bytes it holds.
    """
    try:
        return os.fsdecode(Git(root).run(*args))
    except GitError:
        return None
