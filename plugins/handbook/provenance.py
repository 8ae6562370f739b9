"""Which of several files came into the repository last, asked of git.

Used when two standard files hold the same id: the newer one is the copy to renumber,
whatever order the files sort in.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

_UNTRACKED = float("inf")


def newest(root: Path, paths: list[str]) -> str | None:
    """The path added to git last (a file git does not track yet counts as newest), or
    None when git cannot tell: no git, not a repository, or a tie."""
    ages: dict[str, float] = {}
    for path in paths:
        added = _added(root, path)
        if added is None:
            return None
        ages[path] = added
    latest = max(ages.values())
    winners = [path for path, age in ages.items() if age == latest]
    return winners[0] if len(winners) == 1 else None


def _added(root: Path, path: str) -> float | None:
    """How late the file was added on the checked-out branch; inf if untracked."""
    tracked = _git(root, "ls-files", "--error-unmatch", "--", path)
    if tracked is None:
        return None if _git(root, "rev-parse", "--git-dir") is None else _UNTRACKED
    commit = _git(root, "log", "--diff-filter=A", "--format=%H", "-1", "--", path)
    if not commit:
        return _UNTRACKED  # staged, not committed yet
    # How many commits lead to the one that added it: later commits have more, even
    # when clocks or rebases make their dates disagree.
    count = _git(root, "rev-list", "--count", commit.strip())
    return float(count) if count else None


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None
