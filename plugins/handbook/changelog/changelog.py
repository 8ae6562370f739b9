"""The changelog: each revision with what it changed, and each standard's updates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .history import Entry, Revision, State
from .standard_changes import StandardChange, broken_in, diff_states, flag_reused

UNRELEASED_KEY = "unreleased"


@dataclass(frozen=True)
class RevisionChanges:
    """One revision of the changelog: what it is and what it changed."""

    revision: Revision
    changes: list[StandardChange]
    # Files this revision left unreadable, {path: why}; their changes are not shown.
    broken: dict[str, str] = field(default_factory=dict)
    unreleased: bool = False

    @property
    def key(self) -> str:
        return self.revision.key

    def count(self, kind: str) -> int:
        return sum(1 for c in self.changes if c.kind == kind)

    @property
    def work_count(self) -> int:
        """Changes that affect how staff work: whole standards added, retired, removed, and
        each work-affecting field change."""
        return sum(len(c.work_changes) if c.kind == "changed" else 1 for c in self.changes)


@dataclass(frozen=True)
class Changelog:
    revisions: list[RevisionChanges]  # newest first
    shallow: bool = False

    def updates(self) -> dict[str, list[tuple[RevisionChanges, StandardChange]]]:
        """For each standard id, the revisions that changed it, newest first."""
        found: dict[str, list[tuple[RevisionChanges, StandardChange]]] = {}
        for revision in self.revisions:
            for change in revision.changes:
                found.setdefault(change.id, []).append((revision, change))
        return found


def build(
    revisions: list[Revision],
    current: State | None = None,
    keep_empty: bool = False,
    now: dt.datetime | None = None,
) -> Changelog:
    """Compare each revision with the one before; `current` adds the unreleased changes.

    Revisions whose files changed without changing any standard (comments, formatting)
    are left out unless `keep_empty` (release mode: every release is listed).
    """
    result: list[RevisionChanges] = []
    gone: dict[str, tuple[Entry, str]] = {}
    previous: State | None = None
    for revision in revisions:
        changes = _track(diff_states(previous, revision.state), previous, gone, revision.name)
        item = RevisionChanges(revision, changes, broken_in(previous, revision.state))
        if changes or item.broken or keep_empty:
            result.append(item)
        previous = revision.state
    if current is not None:
        changes = _track(diff_states(previous, current), previous, gone, "the unreleased changes")
        broken = broken_in(previous, current)
        if changes or broken:
            unreleased = Revision(
                key=UNRELEASED_KEY,
                name="unreleased",
                title="Unreleased changes",
                notes="",
                date=now or dt.datetime.now(dt.UTC),
                author="",
                commit=None,
                state=current,
            )
            result.append(RevisionChanges(unreleased, changes, broken, unreleased=True))
    result.reverse()
    return Changelog(result, shallow=any(r.starts_history for r in revisions))


def _track(
    changes: list[StandardChange],
    previous: State | None,
    gone: dict[str, tuple[Entry, str]],
    where: str,
) -> list[StandardChange]:
    """The changes with reused ids marked; what they removed is noted in `gone`."""
    changes = flag_reused(changes, gone)
    for change in changes:
        if change.kind == "removed" and previous is not None:
            gone[change.id] = (previous.entries[change.id], where)
        elif change.kind == "added":
            gone.pop(change.id, None)
    return changes


def removed_ids(revisions: list[Revision], final: State) -> dict[str, tuple[Entry, str]]:
    """Ids that standards had in the history and `final` does not, with their last version
    and the revision that removed them: what a new standard must not reuse."""
    gone: dict[str, tuple[Entry, str]] = {}
    previous: dict[str, Entry] = {}
    for revision in revisions:
        entries = revision.state.entries
        for sid in previous.keys() - entries.keys():
            gone[sid] = (previous[sid], revision.name)
        previous = entries
    return {sid: found for sid, found in gone.items() if sid not in final.entries}
