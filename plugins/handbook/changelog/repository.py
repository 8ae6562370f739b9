"""Where the standards are in the git repository, and their history as revisions."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..model import blob_id
from ..render.escape import xml_text
from ..settings import Settings
from .git import Git, GitError, Tag
from .history import BlobCache, Revision, State, is_standard_file

MAIN_BRANCHES = ("main", "origin/main", "master", "origin/master")


@dataclass
class Location:
    """The repository holding a handbook, and the handbook's folders inside it."""

    git: Git
    top: Path
    folder: str  # the standards folder, relative to the repository's top
    prefix: str  # the handbook root (mkdocs.yml's folder), relative to the top: "" or "x/"
    shallow: bool
    standards_path: Path

    @classmethod
    def find(cls, settings: Settings, git: Git | None = None) -> Location:
        """Raises GitError when git is missing or the handbook is not in a repository."""
        start = settings.root if settings.root.is_dir() else Path.cwd()
        git = git or Git(start)
        top, shallow = git.toplevel()
        git.cwd = top
        top = top.resolve()
        root = settings.root.resolve()
        prefix = _relative(root, top)
        folder = _relative(settings.standards_path.resolve(), top)
        return cls(git, top, folder.rstrip("/"), prefix, shallow, settings.standards_path)

    def handbook_path(self, path: str) -> str:
        """A repository path as the handbook names files (relative to mkdocs.yml)."""
        return path[len(self.prefix) :] if path.startswith(self.prefix) else path

    def standard_files(self, snapshot: Mapping[str, str]) -> dict[str, str]:
        return {
            self.handbook_path(path): blob
            for path, blob in snapshot.items()
            if is_standard_file(path, self.folder)
        }


def _relative(path: Path, top: Path) -> str:
    relative = os.path.relpath(path, top).replace(os.sep, "/")
    if relative.startswith(".."):
        raise GitError(f"{path} is outside the git repository at {top}", "not-a-repo")
    return "" if relative == "." else relative + "/"


def commit_revisions(
    location: Location, head: str, cache: BlobCache, include_drafts: bool
) -> list[Revision]:
    """Every first-parent commit that changed the standards folder, oldest first."""
    snapshot: dict[str, str] = {}
    snapshots = []
    log = list(reversed(location.git.log(head, location.folder or ".")))
    for entry in log:
        for change in entry.changes:
            if not is_standard_file(change.path, location.folder):
                continue
            path = location.handbook_path(change.path)
            if change.blob is None:
                snapshot.pop(path, None)
            else:
                snapshot[path] = change.blob
        snapshots.append(dict(snapshot))
    cache.fill(location.git.blobs, {b for s in snapshots for b in s.values()})
    revisions: list[Revision] = []
    previous: State | None = None
    for index, (entry, files) in enumerate(zip(log, snapshots, strict=True)):
        commit = entry.commit
        date = dt.datetime.fromisoformat(commit.date)
        title, notes = titled(shown(commit.subject), shown(commit.body))
        previous = State.build(files, cache, previous, include_drafts)
        revisions.append(
            Revision(
                key=f"{date:%Y-%m-%d}-{commit.sha[:7]}",
                name=commit.sha[:7],
                title=title or commit.sha[:7],
                notes=notes,
                date=date,
                author=shown(commit.author),
                commit=commit.sha,
                state=previous,
                starts_history=location.shallow and index == 0,
            )
        )
    return revisions


def tag_revisions(
    location: Location, tags: list[Tag], cache: BlobCache, include_drafts: bool
) -> list[Revision]:
    """Release mode: one revision per release tag (oldest first), as `Git.tags` lists them."""
    snapshots = [
        location.standard_files(location.git.ls_tree(t.commit, location.folder or "."))
        for t in tags
    ]
    cache.fill(location.git.blobs, {b for s in snapshots for b in s.values()})
    revisions: list[Revision] = []
    previous: State | None = None
    for index, (tag, files) in enumerate(zip(tags, snapshots, strict=True)):
        previous = State.build(files, cache, previous, include_drafts)
        revisions.append(
            Revision(
                key=tag_key(tag.name),
                name=tag.name,
                title=shown(tag.subject) if tag.annotated and tag.subject else tag.name,
                notes=shown(tag.body) if tag.annotated else "",
                date=dt.datetime.fromisoformat(tag.date),
                author="",
                commit=tag.commit,
                state=previous,
                starts_history=location.shallow and index == 0,
            )
        )
    return revisions


def shown(text: str) -> str:
    """A git message or name without the control characters a page cannot show (a pasted
    one came out as a box on the page, and XML forbids it)."""
    return str(xml_text(text))


def titled(subject: str, body: str) -> tuple[str, str]:
    """A revision's title and notes: GitHub's merge commits keep the pull request's title
    on the body's first line ("Merge pull request #12 from org/branch" says nothing)."""
    if _MERGE_PR.match(subject) and body:
        first, _, rest = body.partition("\n")
        return first.strip(), rest.strip()
    return subject, body


_MERGE_PR = re.compile(r"Merge pull request #\d+ from \S+$")


def tag_key(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.") or "tag"


def snapshot_at(location: Location, commit: str) -> dict[str, str]:
    return location.standard_files(location.git.ls_tree(commit, location.folder or "."))


def working_tree(location: Location, read: Mapping[str, str] | None = None) -> dict[str, bytes]:
    """{handbook path: content} of the standard files on disk, as the build reads them;
    a file the build has read already (`read`: its text, by handbook path) is not read
    again (the loader decodes the bytes as UTF-8, so encoding gives them back)."""
    folder = location.standards_path
    files: dict[str, bytes] = {}
    if not folder.is_dir():
        return files
    read = read or {}
    skip = len(folder.parts)
    for path in sorted(folder.rglob("*")):
        inside = "/".join(path.parts[skip:])  # path.relative_to(folder).as_posix(), sooner
        relative = f"{location.folder}/{inside}" if location.folder else inside
        if path.is_file() and is_standard_file(relative, location.folder):
            name = location.handbook_path(relative)
            text = read.get(name)
            files[name] = path.read_bytes() if text is None else text.encode("utf-8")
    return files


def working_state(
    location: Location,
    cache: BlobCache,
    previous: State | None,
    include_drafts: bool,
    read: Mapping[str, str] | None = None,
) -> State:
    files = working_tree(location, read)
    blobs = {path: blob_id(content) for path, content in files.items()}
    contents = {blobs[path]: content for path, content in files.items()}
    cache.fill(lambda ids: {i: contents[i] for i in ids}, contents)
    return State.build(blobs, cache, previous, include_drafts)


def default_base(git: Git, head: str = "HEAD") -> str | None:
    """Where a pull request starts: the merge base of HEAD and the main branch."""
    for branch in MAIN_BRANCHES:
        try:
            git.resolve(branch)
        except GitError:
            continue
        return git.merge_base(head, branch)
    return None
