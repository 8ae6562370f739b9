"""Cards laid out and printed once per content, kept in `.cache/handbook/cards/`.

`measures.json` holds how much room each card took, by a digest of the card's printed
content; `<digest>.pdf` files hold PDFs, by a digest of their whole input. Each digest
also covers the template, the Typst version and the card fonts (typeset.signature), and
nothing of the machine or the folder, so CI runs can share the folder (the workflows
keep it with actions/cache). It is only a cache: deleting it, or a folder where it
cannot be written, costs time and nothing else.

It is the build's own, never the repository's: a cache file committed to git is a pull
request's to write (a PDF or a measure with a name the build will look for), and a
folder of it committed as a symbolic link leads out of it. While git tracks any file in
the folder, or a folder of it is a link, the build neither reads nor writes it, and says
so.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from pathlib import Path

from ..changelog.git import Git, GitError
from ..problems import Problem
from . import typeset
from .pdf import Measure

PATH = Path(".cache") / "handbook" / "cards"
# Measures kept: enough for the cards of several handbook versions; older ones go first.
MEASURES = 20000
# PDFs kept: a few builds' worth of per-area PDFs.
PDFS = 64


def key(document: str) -> str:
    return hashlib.sha256(f"{typeset.signature()}\n{document}".encode()).hexdigest()[:32]


@cache  # once a process: `serve` sees a change to what git tracks when it starts again
def refusal(root: Path) -> Problem | None:
    """Why the cache at `root` is left alone, as a warning (None: it is used): a folder
    of it is a symbolic link (the build would read and write elsewhere, its sources
    perhaps), or git tracks files in it."""
    folder = root
    for part in PATH.parts:
        folder = folder / part
        if folder.is_symlink():
            where = folder.relative_to(root).as_posix()
            message = (
                f"{where} is a symbolic link: the quick cards' cache is kept only in the "
                "project's own folder, so the build does not read or write it"
            )
            return Problem(where, 1, 1, "linked-cache", message, "warning", "remove the link")
    try:
        listed = Git(root).run("ls-files", "-z", "--", PATH.as_posix())
    except GitError as e:
        if e.kind == "not-a-repo" or not _in_repository(root):
            return None  # outside git: nothing is committed
        # Git missing, or refusing the repository (safe.directory): it cannot be told.
        message = (
            f"git could not tell whether the quick cards' cache {PATH.as_posix()}/ is "
            f"committed to the repository ({e}): the build does not read it, since a pull "
            "request could put any PDF in it"
        )
        fix = (
            "let git read the repository (install git; or git config --global --add safe.directory)"
        )
        return Problem(PATH.as_posix(), 1, 1, "committed-cache", message, "warning", fix)
    found = [os.fsdecode(name) for name in listed.split(b"\0") if name]
    if not found:
        return None
    message = (
        f"the quick cards' cache {PATH.as_posix()}/ is committed to the repository "
        f"({len(found)} file{'s' if len(found) > 1 else ''}): the build does not read it, "
        "since a pull request could put any PDF in it"
    )
    fix = "take it out of git (git rm -r --cached .cache); .gitignore lists .cache/"
    return Problem(found[0], 1, 1, "committed-cache", message, "warning", fix)


def _in_repository(root: Path) -> bool:
    """Whether the folder is in a git working tree (a `.git` in it or above it)."""
    folder = Path(os.path.abspath(root))
    return any((place / ".git").exists() for place in (folder, *folder.parents))


def problems(root: Path) -> list[Problem]:
    """A warning when the cache is left alone (`refusal`)."""
    found = refusal(root)
    return [found] if found is not None else []


def load_measures(root: Path) -> dict[str, Measure]:
    if refusal(root) is not None:
        return {}
    try:
        data = json.loads((root / PATH / "measures.json").read_text("utf-8"))
        return {k: Measure(int(pages), float(length)) for k, (pages, length) in data.items()}
    except (OSError, ValueError, TypeError):
        return {}


def save_measures(root: Path, measures: dict[str, Measure]) -> None:
    if refusal(root) is not None:
        return
    kept = dict(list(measures.items())[-MEASURES:])
    _write(root / PATH / "measures.json", json.dumps({k: list(v) for k, v in kept.items()}))


def load_pdf(root: Path, name: str) -> bytes | None:
    if refusal(root) is not None:
        return None
    try:
        return (root / PATH / f"{name}.pdf").read_bytes()
    except OSError:
        return None


def save_pdf(root: Path, name: str, data: bytes) -> None:
    if refusal(root) is not None:
        return
    _write(root / PATH / f"{name}.pdf", data)
    try:
        found = sorted((root / PATH).glob("*.pdf"), key=lambda p: p.stat().st_mtime)
        for old in found[:-PDFS]:
            old.unlink()
    except OSError:
        pass


def _write(path: Path, content: str | bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        if isinstance(content, str):
            temporary.write_text(content, "utf-8")
        else:
            temporary.write_bytes(content)
        temporary.replace(path)
    except OSError:
        pass
