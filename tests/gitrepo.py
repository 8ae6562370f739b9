"""A git repository in a temporary folder, with commits and tags at known dates."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path

START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


class Repo:
    def __init__(self, path: Path, branch: str = "main"):
        self.path = path
        self.day = 0
        path.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", branch)

    def env(self) -> dict[str, str]:
        stamp = (START + dt.timedelta(days=self.day)).isoformat()
        return {
            **os.environ,
            "GIT_AUTHOR_NAME": "Editor",
            "GIT_AUTHOR_EMAIL": "editor@example.org",
            "GIT_COMMITTER_NAME": "Editor",
            "GIT_COMMITTER_EMAIL": "editor@example.org",
            "GIT_AUTHOR_DATE": stamp,
            "GIT_COMMITTER_DATE": stamp,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": os.devnull,
        }

    def git(self, *args: str) -> str:
        result = subprocess.run(
            ["git", *args], cwd=self.path, env=self.env(), capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    def write(self, files: dict[str, str | None]) -> None:
        """Write (or, for None, delete) files, relative to the repository."""
        for name, text in files.items():
            path = self.path / name
            if text is None:
                path.unlink()
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, "utf-8")

    def commit(self, message: str, files: dict[str, str | None] | None = None) -> str:
        """Commit the given changes (all changes in the folder) a day after the last one."""
        self.day += 1
        if files:
            self.write(files)
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        return self.git("rev-parse", "HEAD")

    def move(self, old: str, new: str) -> None:
        (self.path / new).parent.mkdir(parents=True, exist_ok=True)
        self.git("mv", old, new)

    def tag(self, name: str, message: str | None = None) -> None:
        if message is None:
            self.git("tag", name)
        else:
            self.git("tag", "-a", name, "-m", message)

    def read(self, name: str) -> str:
        return (self.path / name).read_text("utf-8")

    def edit(self, name: str, old: str, new: str) -> dict[str, str | None]:
        """A change to one file: `old` replaced by `new` (which must be there)."""
        text = self.read(name)
        assert old in text, f"{old!r} not in {name}"
        return {name: text.replace(old, new, 1)}


def standard(sid: str, title: str, area: str = "telephone", **fields: object) -> str:
    """A valid standard file; keyword arguments replace or add top-level keys."""
    values: dict[str, object] = {
        "id": sid,
        "title": title,
        "summary": f"{title}: what staff do, in one sentence.",
        "area": area,
        "situation": "A customer contacts the team.",
        "status": "active",
        "owner": "Contact centre manager",
        "effective": "2026-01-05",
        "review_by": "2099-01-05",
        "rules": ["Answer within three rings.", "Say your first name."],
    }
    values.update(fields)
    # JSON values are valid YAML, so any text is written safely.
    return "".join(f"{key}: {json.dumps(value)}\n" for key, value in values.items())
