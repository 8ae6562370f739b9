"""`handbook diff`'s core: what a change (a pull request, a branch) means for the standards.

BASE and HEAD are any git revisions; HEAD defaults to the working folder and BASE to
where HEAD left the main branch (their merge base), so a branch is compared with what
it started from. The lint problems the change introduces are those found at HEAD and
not at BASE, compared by standard (or file), rule and message, ignoring line numbers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .. import clock
from ..handbook import Handbook
from ..loader import load_texts
from ..problems import Problem
from ..settings import Settings
from .changelog import removed_ids
from .git import GitError
from .history import BlobCache, State
from .repository import (
    Location,
    commit_revisions,
    default_base,
    snapshot_at,
    working_state,
    working_tree,
)
from .standard_changes import KINDS, StandardChange, broken_in, diff_states, flag_reused

Linter = Callable[[Handbook, list[str]], list[Problem]]


@dataclass
class Side:
    """One end of the comparison: a commit, or the working folder (commit None)."""

    label: str
    commit: str | None


@dataclass
class Comparison:
    base: Side
    head: Side
    changes: list[StandardChange]
    broken: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Why no lint problems are listed, when the linter could not run.
    lint_note: str | None = None

    def count(self, kind: str) -> int:
        return sum(1 for c in self.changes if c.kind == kind)

    @property
    def work_count(self) -> int:
        return sum(len(c.work_changes) if c.kind == "changed" else 1 for c in self.changes)

    def as_dict(self) -> dict[str, Any]:
        return {
            "base": {"label": self.base.label, "commit": self.base.commit},
            "head": {"label": self.head.label, "commit": self.head.commit},
            "summary": {
                **{kind: self.count(kind) for kind in KINDS},
                "affects_work": self.work_count,
            },
            "standards": [c.as_dict() for c in self.changes],
            "unparsed": [{"file": p, "message": m} for p, m in sorted(self.broken.items())],
            "problems": [p.as_dict() for p in self.problems],
            "lint_note": self.lint_note,
        }


def compare(
    settings: Settings,
    base: str | None = None,
    head: str | None = None,
    linter: Linter | None = None,
) -> Comparison:
    """Compare two revisions of the standards. Raises GitError with what to do."""
    location = Location.find(settings)
    git = location.git
    cache = BlobCache()
    if base is None:
        found = default_base(git)
        if found is None:
            raise GitError(
                "no main branch to compare with (main, origin/main, master): name the base, "
                "e.g. `handbook diff origin/main`"
            )
        base_commit, base_label = found, f"{found[:7]} (where this branch left main)"
    else:
        base_commit, base_label = git.resolve(base), base
    history = commit_revisions(location, base_commit, cache, include_drafts=True)
    before = _state_at(location, base_commit, cache)
    if head is None:
        after = working_state(location, cache, before, include_drafts=True)
        head_side = Side("the working folder", None)
    else:
        head_commit = git.resolve(head)
        after = _state_at(location, head_commit, cache, before)
        head_side = Side(head, head_commit)
    changes = flag_reused(diff_states(before, after), removed_ids(history, before))
    result = Comparison(Side(base_label, base_commit), head_side, changes, broken_in(before, after))
    if linter is None:
        linter = _default_linter()
    if linter is None:
        result.lint_note = "the linter is not available, so lint problems are not listed"
    else:
        texts_before = _texts(location, before, cache)
        texts_after = (
            {p: c.decode("utf-8", "replace") for p, c in working_tree(location).items()}
            if head is None
            else _texts(location, after, cache)
        )
        result.problems = introduced(
            _problems(texts_before, settings, linter, changes, before),
            _problems(texts_after, settings, linter, changes, after),
            before,
            after,
        )
    return result


def _state_at(
    location: Location, commit: str, cache: BlobCache, previous: State | None = None
) -> State:
    files = snapshot_at(location, commit)
    cache.fill(location.git.blobs, files.values())
    return State.build(files, cache, previous, True)


def _texts(location: Location, state: State, cache: BlobCache) -> dict[str, str]:
    contents = location.git.blobs(sorted(set(state.blobs.values())))
    return {
        path: contents.get(blob, b"").decode("utf-8", "replace")
        for path, blob in state.blobs.items()
    }


def _problems(
    texts: dict[str, str],
    settings: Settings,
    linter: Linter,
    changes: list[StandardChange],
    state: State,
) -> list[Problem]:
    """Loading and lint problems of the changed standards' files on one side."""
    handbook = load_texts(texts, settings, check_files=True)
    files = {e.path for c in changes if (e := state.entries.get(c.id)) is not None}
    files |= set(state.broken)
    found = [p for p in handbook.problems if p.file in files]
    return found + linter(handbook, sorted(files))


def introduced(
    before: list[Problem], after: list[Problem], old: State, new: State
) -> list[Problem]:
    """Problems at HEAD that BASE did not have, by (standard, rule, message)."""

    def keys(state: State) -> dict[str, str]:
        return {e.path: sid for sid, e in state.entries.items()}

    old_ids, new_ids = keys(old), keys(new)
    remaining = Counter((old_ids.get(p.file, p.file), p.rule, p.message) for p in before)
    result = []
    for problem in sorted(after):
        key = (new_ids.get(problem.file, problem.file), problem.rule, problem.message)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            result.append(problem)
    return result


def _default_linter() -> Linter | None:
    try:
        from ..lint.runner import lint
    except ImportError:
        return None

    def run(handbook: Handbook, files: list[str]) -> list[Problem]:
        return lint(handbook, clock.today(), files)

    return run
