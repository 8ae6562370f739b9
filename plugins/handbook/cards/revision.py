"""Which revision of the handbook a card was printed from."""

from __future__ import annotations

import subprocess
from pathlib import Path

UNVERSIONED = "unversioned"


def revision(root: Path) -> str:
    """A short name for the handbook's current revision, e.g. 'a1b2c3d' or 'a1b2c3d-dirty'.

    Kept in one function so that a richer naming (release tags, changelog entries) can
    replace it in one place. Outside a git repository the cards say 'unversioned'.
    """
    try:
        result = subprocess.run(
            ["git", "describe", "--always", "--dirty"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.TimeoutExpired):
        return UNVERSIONED
    name = result.stdout.strip()
    return name if result.returncode == 0 and name else UNVERSIONED
