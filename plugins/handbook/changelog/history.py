"""The standards folder at each revision: files read from git, parsed once per blob.

A revision's `State` maps each standard id to its data and file. Blobs are parsed with
libyaml when available (the history of a big handbook has thousands of them); parsing is
lenient: a file counts as a standard when it is a mapping with an `id`, whatever the
schema of today says, so an old revision is never thrown away because the format moved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

import yaml

from ..loader import YAML_SUFFIXES
from ..yamlsource import YamlProblem, parse

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _HistoryLoader(_Loader):  # type: ignore[misc, valid-type]
    """Safe loading with dates kept as written, as the build's loader does."""


_HistoryLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


@dataclass(frozen=True)
class Parsed:
    """A standard file as read at one revision: its data, or why it could not be read."""

    data: dict[str, Any] | None
    error: str | None = None

    @property
    def id(self) -> str | None:
        return self.data.get("id") if self.data is not None else None


def parse_blob(content: bytes) -> Parsed:
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as e:
        return Parsed(None, f"the file is not UTF-8 text ({e.reason})")
    try:
        data = yaml.load(text, Loader=_HistoryLoader)
    except yaml.YAMLError:
        data = None
    if data is None or not _is_tree(data):
        # The build's own parser explains the problem with its line and column.
        try:
            data, _ = parse(text)
        except YamlProblem as e:
            return Parsed(None, f"line {e.line}, column {e.column}: {e.message}")
    if not isinstance(data, dict):
        return Parsed(None, "the file is not a mapping of keys (id: …, title: …)")
    if not isinstance(data.get("id"), str) or not data["id"].strip():
        return Parsed(None, "the file has no id")
    return Parsed(data)


def _is_tree(data: Any) -> bool:
    """False when anchors and aliases made the data share parts (refused, as in the build)."""
    seen: set[int] = set()
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict | list):
            if id(item) in seen:
                return False
            seen.add(id(item))
            stack.extend(item.values() if isinstance(item, dict) else item)
    return True


def is_standard_file(path: str, folder: str) -> bool:
    """The files the build reads: YAML files under the folder, none of them hidden."""
    parts = PurePosixPath(path).parts[len(PurePosixPath(folder).parts) :]
    return (
        bool(parts)
        and path.lower().endswith(YAML_SUFFIXES)
        and not any(part.startswith(".") for part in parts)
    )


@dataclass(frozen=True)
class Entry:
    """One standard at one revision."""

    id: str
    path: str
    data: dict[str, Any]

    @property
    def title(self) -> str:
        return str(self.data.get("title") or self.id)

    @property
    def area(self) -> str:
        return str(self.data.get("area") or "")

    @property
    def status(self) -> str:
        return str(self.data.get("status") or "")


@dataclass
class State:
    """The standards at one revision, by id; files that did not parse, by path."""

    entries: dict[str, Entry] = field(default_factory=dict)
    broken: dict[str, str] = field(default_factory=dict)
    # Each file's blob, to tell which broken files this revision touched.
    blobs: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        files: Mapping[str, Parsed],
        previous: State | None = None,
        include_drafts: bool = True,
        blobs: Mapping[str, str] | None = None,
    ) -> State:
        state = cls(blobs=dict(blobs or {}))
        by_path = {e.path: e for e in previous.entries.values()} if previous else {}
        for path in sorted(files):
            parsed = files[path]
            if parsed.data is None:
                state.broken[path] = parsed.error or "did not parse"
                # Keep what the file said last, so one bad revision is not "removed, added".
                last = by_path.get(path)
                if last is not None and last.id not in state.entries:
                    state.entries[last.id] = last
                continue
            entry = Entry(str(parsed.id), path, parsed.data)
            if entry.status == "draft" and not include_drafts:
                continue
            state.entries.setdefault(entry.id, entry)
        return state


@dataclass(frozen=True)
class Revision:
    """A point in the history: a commit (or a release tag) and the standards it holds."""

    key: str  # unique, usable in a URL: "2026-05-12-6ca4554" or the tag's name
    name: str  # how people refer to it: "6ca4554" or the tag's name
    title: str
    notes: str
    date: dt.datetime
    author: str
    commit: str | None
    state: State
    # True for the oldest revision of a shallow clone: what came before is unknown.
    starts_history: bool = False


class BlobCache:
    """Parsed files by blob id: a blob never changes, so it is parsed once per process."""

    def __init__(self) -> None:
        self.parsed: dict[str, Parsed] = {}

    def fill(self, read: Any, blobs: Iterable[str]) -> None:
        """Parse the blobs not seen yet; `read(ids)` returns {id: bytes}."""
        missing = sorted({b for b in blobs if b not in self.parsed})
        if not missing:
            return
        for blob, content in read(missing).items():
            self.parsed[blob] = parse_blob(content)
        for blob in missing:
            self.parsed.setdefault(blob, Parsed(None, "git could not read this file"))

    def files(self, snapshot: Mapping[str, str]) -> dict[str, Parsed]:
        return {path: self.parsed[blob] for path, blob in snapshot.items()}

    def keep_only(self, blobs: set[str]) -> None:
        """Forget blobs no longer in the history, so a long `serve` session stays small."""
        for blob in set(self.parsed) - blobs:
            del self.parsed[blob]
