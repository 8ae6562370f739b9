"""What changed between two states of the standards, standard by standard.

Standards are matched by id, so a moved or renamed file is one changed standard, not a
removed one and an added one. The same comparison serves the changelog pages and
`handbook diff`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from .fields import FieldChange, compare
from .history import Entry, State

KINDS = ("added", "changed", "retired", "removed")
KIND_LABELS = {"added": "Added", "changed": "Changed", "retired": "Retired", "removed": "Removed"}


@dataclass(frozen=True)
class StandardChange:
    id: str
    kind: str  # one of KINDS
    title: str
    area: str
    path: str
    summary: str = ""
    old_path: str | None = None
    changes: list[FieldChange] = field(default_factory=list)
    # Said about the change as a whole, e.g. that an id was reused.
    notes: list[str] = field(default_factory=list)
    reused_id: bool = False
    # The channels the standard covers at this revision (before it, when removed).
    channels: list[str] = field(default_factory=list)

    @property
    def affects_work(self) -> bool:
        return self.kind != "changed" or any(c.affects_work for c in self.changes)

    @property
    def work_changes(self) -> list[FieldChange]:
        return [c for c in self.changes if c.affects_work]

    @property
    def editorial_changes(self) -> list[FieldChange]:
        return [c for c in self.changes if not c.affects_work]

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "area": self.area,
            "path": self.path,
            "old_path": self.old_path,
            "affects_work": self.affects_work,
            "changes": [c.as_dict() for c in self.changes],
            "notes": self.notes,
            "reused_id": self.reused_id,
        }


def _summary(entry: Entry) -> str:
    value = entry.data.get("summary")
    return value.strip() if isinstance(value, str) else ""


def _channels(entry: Entry) -> list[str]:
    value = entry.data.get("channels")
    return [str(c) for c in value] if isinstance(value, list) else []


def diff_states(old: State | None, new: State) -> list[StandardChange]:
    """Added, changed, retired and removed standards, in id order."""
    before = old.entries if old is not None else {}
    after = new.entries
    result: list[StandardChange] = []
    for sid in sorted(set(before) | set(after)):
        was, now = before.get(sid), after.get(sid)
        if now is None:
            assert was is not None
            removed = StandardChange(
                sid,
                "removed",
                was.title,
                was.area,
                was.path,
                _summary(was),
                channels=_channels(was),
            )
            result.append(removed)
            continue
        if was is None:
            added = StandardChange(
                sid, "added", now.title, now.area, now.path, _summary(now), channels=_channels(now)
            )
            result.append(added)
            continue
        if was is now or (was.data == now.data and was.path == now.path):
            continue
        changes = compare(was.data, now.data)
        if was.path != now.path:
            changes.append(FieldChange("file", f"File moved from {was.path} to {now.path}", False))
        if not changes:
            continue
        kind = "retired" if now.status == "retired" and was.status != "retired" else "changed"
        result.append(
            StandardChange(
                sid,
                kind,
                now.title,
                now.area,
                now.path,
                _summary(now),
                old_path=was.path if was.path != now.path else None,
                changes=changes,
                channels=_channels(now),
            )
        )
    return result


def broken_in(old: State | None, new: State) -> dict[str, str]:
    """Files that do not parse in `new` and that this revision wrote (not old breakage)."""
    before = old.blobs if old is not None else {}
    return {
        path: message
        for path, message in new.broken.items()
        if before.get(path) != new.blobs.get(path)
    }


def flag_reused(
    changes: list[StandardChange], gone: Mapping[str, tuple[Entry, str]]
) -> list[StandardChange]:
    """The changes, with each added standard whose id an earlier, removed one had marked.

    `gone` maps an id to the last version of the removed standard and where it went.
    Bringing back the same standard (same title) is a restore, not a reuse.
    """
    return [_flagged(change, gone) for change in changes]


def _flagged(change: StandardChange, gone: Mapping[str, tuple[Entry, str]]) -> StandardChange:
    if change.kind != "added" or change.id not in gone:
        return change
    entry, when = gone[change.id]
    if entry.title.strip().lower() == change.title.strip().lower():
        return replace(change, notes=[*change.notes, f"Brought back: it was removed in {when}."])
    note = (
        f"The id {change.id} is reused: it belonged to “{entry.title}”, removed in "
        f"{when}. Ids must never be reused; give this standard a new id."
    )
    return replace(change, reused_id=True, notes=[*change.notes, note])
