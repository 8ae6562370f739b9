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
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Any

import yaml

from ..loader import YAML_SUFFIXES
from ..model import Standard
from ..yamlsource import MAX_BYTES, MAX_DEPTH, YamlProblem, parse

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR, _NULL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:null"
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _date(node: yaml.ScalarNode) -> str:
    """A date (or a date and time) as the build reads it: the day, YYYY-MM-DD; a date
    not in the calendar as written (the build refuses it)."""
    try:
        value = _CONSTRUCTOR.construct_yaml_timestamp(node)
    except (ValueError, OverflowError):
        return str(node.value)
    return str(value.isoformat()[:10])


_SCALARS = {
    "tag:yaml.org,2002:int": _CONSTRUCTOR.construct_yaml_int,
    "tag:yaml.org,2002:float": _CONSTRUCTOR.construct_yaml_float,
    "tag:yaml.org,2002:bool": _CONSTRUCTOR.construct_yaml_bool,
    "tag:yaml.org,2002:timestamp": _date,
}
_RESOLVER = yaml.resolver.Resolver()
# First characters of plain scalars that may be numbers, booleans, nulls or dates.
_TYPED_STARTS = frozenset(yaml.resolver.Resolver.yaml_implicit_resolvers)


class _Unreadable(Exception):
    """Anchors and aliases, more than one document, values nested too deep (a hostile
    file's thousands of brackets would overflow Python's stack where the data is shown):
    left to the build's parser."""


def _load(text: str) -> Any:
    """Plain values from YAML, fast: libyaml's events, put together here.

    Dates are read as the build reads them (the day, YYYY-MM-DD), other tags as
    plain text, anchors and aliases are refused as in the build.
    """
    loader = _Loader(text)
    stack: list[list[Any]] = []  # [container, key waiting for its value]
    root: Any = None
    documents = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            kind = event.__class__
            if kind is yaml.ScalarEvent:
                value = _scalar(event)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if len(stack) > MAX_DEPTH:  # the build's parser refuses it, and says where
                    raise _Unreadable
                stack.append([{} if kind is yaml.MappingStartEvent else [], _NO_KEY])
                continue
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                value = stack.pop()[0]
            elif kind is yaml.AliasEvent:
                raise _Unreadable
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Unreadable
                continue
            else:
                continue
            if not stack:
                root = value
                continue
            parent = stack[-1]
            if isinstance(parent[0], list):
                parent[0].append(value)
            elif parent[1] is _NO_KEY:
                parent[1] = value
            else:
                parent[0][parent[1]] = value
                parent[1] = _NO_KEY
    finally:
        loader.dispose()
    return root


_NO_KEY = object()


def _scalar(event: yaml.ScalarEvent) -> Any:
    tag, value = event.tag, event.value
    if tag is None or tag == "!":
        if not (event.implicit[0] and (not value or value[0] in _TYPED_STARTS)):
            return value  # text, the common case: no pattern to try
        tag = _RESOLVER.resolve(yaml.ScalarNode, value, event.implicit)  # type: ignore[no-untyped-call]
    if tag == _STR:
        return value
    if tag == _NULL:
        return None
    construct = _SCALARS.get(tag)
    return construct(yaml.ScalarNode(tag, value)) if construct else value


@dataclass(frozen=True)
class Parsed:
    """A standard file as read at one revision: its data, or why it could not be read."""

    data: dict[str, Any] | None
    error: str | None = None

    @property
    def id(self) -> str | None:
        return self.data.get("id") if self.data is not None else None


def parse_blob(content: bytes) -> Parsed:
    if len(content) > MAX_BYTES:
        return Parsed(None, f"the file is larger than {MAX_BYTES} bytes")
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as e:
        return Parsed(None, f"the file is not UTF-8 text ({e.reason})")
    try:
        data = _load(text)
    except (yaml.YAMLError, _Unreadable, ValueError, TypeError):
        data = None
    if data is None:
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


@lru_cache(maxsize=65536)  # the same paths at every rebuild, and in every revision
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


@dataclass(frozen=True)
class State:
    """The standards at one revision, by id; files that did not parse, by path."""

    entries: dict[str, Entry] = field(default_factory=dict)
    broken: dict[str, str] = field(default_factory=dict)
    # Each file's blob, to tell which broken files this revision touched.
    blobs: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        files: Mapping[str, str],
        cache: BlobCache,
        previous: State | None = None,
        include_drafts: bool = True,
    ) -> State:
        """The state of {path: blob}, whose blobs the cache has parsed."""
        state = cls(blobs=dict(files))
        by_path = {e.path: e for e in previous.entries.values()} if previous else {}
        for path in sorted(files):
            entry = cache.entry(path, files[path])
            if isinstance(entry, str):
                state.broken[path] = entry
                # Keep what the file said last, so one bad revision is not "removed, added".
                last = by_path.get(path)
                if last is not None and last.id not in state.entries:
                    state.entries[last.id] = last
                continue
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
        self.entries: dict[tuple[str, str], Entry | str] = {}

    def fill(self, read: Any, blobs: Iterable[str]) -> None:
        """Parse the blobs not seen yet; `read(ids)` returns {id: bytes}."""
        missing = sorted({b for b in blobs if b not in self.parsed})
        if not missing:
            return
        for blob, content in read(missing).items():
            self.parsed[blob] = parse_blob(content)
        for blob in missing:
            self.parsed.setdefault(blob, Parsed(None, "git could not read this file"))

    def know(self, standards: Iterable[Standard]) -> None:
        """Take the build's own reading of its standard files: the history's copies of
        a file (the same blob) need not be parsed again. The build reads what the
        changelog's parser reads (the same values, dates as written), and a file it
        loaded passed every check the changelog makes of one."""
        for standard in standards:
            if standard.blob and standard.blob not in self.parsed:
                self.parsed[standard.blob] = Parsed(standard.data)

    def entry(self, path: str, blob: str) -> Entry | str:
        """The standard in a file, or why it is not one. The same file gives the same
        object in every revision, so comparing unchanged standards costs nothing."""
        key = (path, blob)
        found = self.entries.get(key)
        if found is None:
            parsed = self.parsed[blob]
            if parsed.data is None:
                found = parsed.error or "did not parse"
            else:
                found = Entry(str(parsed.id), path, parsed.data)
            self.entries[key] = found
        return found

    def keep_only(self, blobs: set[str]) -> None:
        """Forget blobs no longer in the history, so a long `serve` session stays small."""
        for blob in set(self.parsed) - blobs:
            del self.parsed[blob]
        self.entries = {key: e for key, e in self.entries.items() if key[1] in blobs}
