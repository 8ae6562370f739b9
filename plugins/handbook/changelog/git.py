"""Reading a repository's history with the git command line, a few processes per build.

Every call goes through `Git.run`, so a missing git, a folder outside any repository and
a failing command all surface as `GitError` with a message that says what to do.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

FILE_MODES = ("100644", "100755")


class GitError(Exception):
    """Git could not answer; `kind` says why (no-git, not-a-repo, failed)."""

    def __init__(self, message: str, kind: str = "failed"):
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class Commit:
    sha: str
    date: str  # ISO 8601, when the commit landed (committer date)
    author: str
    message: str

    @property
    def subject(self) -> str:
        return self.message.split("\n", 1)[0].strip()

    @property
    def body(self) -> str:
        parts = self.message.split("\n", 1)
        return parts[1].strip() if len(parts) > 1 else ""


@dataclass(frozen=True)
class FileChange:
    """One file of a commit's diff against its first parent: new blob, or None if deleted."""

    path: str
    blob: str | None


@dataclass(frozen=True)
class LogEntry:
    commit: Commit
    changes: tuple[FileChange, ...]


@dataclass(frozen=True)
class Tag:
    name: str
    commit: str
    date: str
    subject: str
    body: str
    annotated: bool


@dataclass
class Git:
    """The git command line, run in one folder of a working tree."""

    cwd: Path
    executable: str | None = field(default=None)

    def __post_init__(self) -> None:
        if self.executable is None:
            self.executable = shutil.which("git")

    def run(self, *args: str, input: bytes | None = None) -> bytes:
        if self.executable is None:
            raise GitError(
                "git is not installed (or not on PATH): install git to build the changelog",
                "no-git",
            )
        env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
        # Find the repository from the folder, even when run from a git hook.
        for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
            env.pop(name, None)
        try:
            result = subprocess.run(
                [self.executable, "-c", "core.quotepath=off", *args],
                cwd=self.cwd,
                input=input,
                capture_output=True,
                env=env,
                check=False,
            )
        except OSError as e:
            message = f"could not run git ({e}): check that git is installed"
            raise GitError(message, "no-git") from None
        if result.returncode != 0:
            message = result.stderr.decode("utf-8", "replace").strip()
            if "not a git repository" in message.lower():
                raise GitError(
                    f"{self.cwd} is not in a git repository: build from a git clone "
                    "to include the changelog",
                    "not-a-repo",
                )
            raise GitError(f"git {args[0]} failed: {message}")
        return result.stdout

    def text(self, *args: str) -> str:
        return self.run(*args).decode("utf-8", "replace")

    def toplevel(self) -> tuple[Path, bool]:
        """The working tree's root, and whether the clone is shallow."""
        lines = self.text("rev-parse", "--show-toplevel", "--is-shallow-repository").split("\n")
        return Path(lines[0]), lines[1].strip() == "true"

    def head(self) -> str | None:
        """The commit checked out, or None in a repository with no commits yet."""
        try:
            return self.text("rev-parse", "--verify", "--quiet", "HEAD^{commit}").strip() or None
        except GitError as e:
            if e.kind != "failed":
                raise
            return None

    def resolve(self, revision: str) -> str:
        try:
            return self.text("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").strip()
        except GitError:
            message = f"'{revision}' is not a commit, branch or tag of this repository"
            raise GitError(message) from None

    def merge_base(self, a: str, b: str) -> str | None:
        try:
            return self.text("merge-base", a, b).strip() or None
        except GitError:
            return None

    def log(self, head: str, folder: str) -> list[LogEntry]:
        """First-parent commits that changed `folder`, newest first, with their changes.

        One process for the whole history: `--raw` lists each commit's changed files with
        the new blob ids, so the folder's state at every commit can be rebuilt in order.
        """
        out = self.text(
            "log",
            "--first-parent",
            "--diff-merges=first-parent",
            "--no-renames",
            "--raw",
            "-z",
            "--abbrev=40",
            "--format=%x1e%H%x00%cI%x00%an%x00%B%x00",
            head,
            "--",
            folder,
        )
        entries = []
        for record in out.split("\x1e")[1:]:
            sha, date, author, message, rest = record.split("\x00", 4)
            changes = []
            tokens = rest.lstrip("\x00\n").split("\x00")
            for meta, path in zip(tokens[::2], tokens[1::2], strict=False):
                meta = meta.strip()
                if not meta.startswith(":"):
                    continue
                _, new_mode, _, new_blob, status = meta[1:].split(" ")
                keep = status[0] != "D" and new_mode in FILE_MODES
                changes.append(FileChange(path, new_blob if keep else None))
            entries.append(LogEntry(Commit(sha, date, author, message.strip()), tuple(changes)))
        return entries

    def tags(self, pattern: str, head: str) -> list[Tag]:
        """Tags matching `pattern` that HEAD contains, oldest first."""
        fields = (
            "%(refname:short)",
            "%(objecttype)",
            "%(objectname)",
            "%(*objectname)",
            "%(creatordate:iso-strict)",
            "%(*committerdate:unix)",
            "%(committerdate:unix)",
            "%(contents:subject)",
            "%(contents:body)",
        )
        out = self.text(
            "for-each-ref",
            f"--merged={head}",
            "--format=" + "%00".join(fields) + "%1e",
            f"refs/tags/{pattern}",
        )
        found = []
        for record in out.split("\x1e"):
            record = record.lstrip("\n")
            if not record:
                continue
            name, kind, obj, peeled, date, peeled_time, own_time, subject, body = record.split(
                "\x00"
            )
            annotated = kind == "tag"
            commit = peeled if annotated else obj
            when = int(peeled_time or own_time or 0)
            found.append((when, date, Tag(name, commit, date, subject, body.strip(), annotated)))
        found.sort(key=lambda item: (item[0], item[1]))
        return [tag for _, _, tag in found]

    def ls_tree(self, commit: str, folder: str) -> dict[str, str]:
        """{path: blob} of the files under `folder` at `commit`."""
        out = self.text("ls-tree", "-r", "-z", "--full-tree", commit, "--", folder)
        files = {}
        for line in out.split("\x00"):
            if not line:
                continue
            meta, path = line.split("\t", 1)
            mode, kind, blob = meta.split(" ")
            if kind == "blob" and mode in FILE_MODES:
                files[path] = blob
        return files

    def blobs(self, ids: list[str]) -> dict[str, bytes]:
        """Contents of many blobs, read by one `git cat-file --batch` process."""
        if not ids:
            return {}
        out = self.run("cat-file", "--batch", input="".join(f"{i}\n" for i in ids).encode())
        contents: dict[str, bytes] = {}
        position = 0
        while position < len(out):
            end = out.index(b"\n", position)
            header = out[position:end].decode().split(" ")
            position = end + 1
            if len(header) != 3:  # "<id> missing"
                continue
            size = int(header[2])
            contents[header[0]] = out[position : position + size]
            position += size + 1
        return contents
