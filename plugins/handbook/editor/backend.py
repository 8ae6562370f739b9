"""Decap CMS's local backend protocol (as the npm `decap-server` speaks it), for one
clone: the form reads and writes standard files, and nothing else.

Every save goes through the build's own checks first: a file with an error (or, unless
it is a draft, a warning that fails `--strict`) is not written, and the form shows why.
Paths are confined to the standards folder; links that leave the project are refused.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from ..boundary import inside, link_problem, read_text
from ..lint.runner import lint
from ..loader import YAML_SUFFIXES, load, load_texts
from ..problems import Problem
from ..scaffold import SCHEMA_LINE, read_existing, schema_path
from ..settings import Settings
from .config import LEFT_TO_YAML


class Refused(Exception):
    """A request the backend will not carry out; the message is shown in the form."""


@dataclass
class LocalBackend:
    settings: Settings

    def handle(self, action: str, params: dict[str, Any]) -> Any:
        if action == "info":
            return {
                "repo": self.settings.root.name,
                "publish_modes": ["simple"],
                "type": "local_fs",
            }
        if action == "entriesByFolder":
            return [self._entry(path) for path in self._files(str(params.get("folder", "")))]
        if action == "entriesByFiles":
            return [self._entry(str(f.get("path", ""))) for f in params.get("files", [])]
        if action == "getEntry":
            return self._entry(str(params.get("path", "")))
        if action == "persistEntry":
            return self._persist(params)
        if action in ("getMedia",):
            return []
        if action == "getDeployPreview":
            return None
        if action in ("deleteFile", "deleteFiles", "persistMedia", "getMediaFile"):
            raise Refused(
                "the form editor only changes standards: delete a standard or add an "
                "illustration by pull request"
            )
        raise Refused(f"unknown action {action!r}")

    # Reading

    def _files(self, folder: str) -> list[str]:
        base = self._path(folder, must_exist=False)
        if not base.is_dir():
            return []
        found = []
        for path in sorted(base.iterdir()):
            if (
                path.suffix.lower() in YAML_SUFFIXES
                and link_problem(path, self.settings.root) is None
            ):
                found.append(path.relative_to(self.settings.root).as_posix())
        return found

    def _entry(self, relative: str) -> dict[str, Any]:
        path = self._path(relative)
        text, problem = read_text(path, self.settings.root)
        if problem is not None or text is None:
            return {"data": None, "file": {"path": relative, "id": None}}
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return {"data": text, "file": {"path": relative, "id": digest}}

    # Writing

    def _persist(self, params: dict[str, Any]) -> dict[str, str]:
        if params.get("assets"):
            raise Refused("add illustrations by pull request, not through the form")
        entry = params.get("entry") or {}
        files = params.get("dataFiles") or [entry]
        for data_file in files:
            if data_file.get("newPath"):
                raise Refused("a standard's file is not renamed from the form: its id stays")
            relative = str(data_file.get("path", ""))
            text = self._prepared(relative, str(data_file.get("raw", "")))
            self._check(relative, text)
            self._write(self._path(relative, must_exist=False), text)
        return {"message": "entry persisted"}

    def _prepared(self, relative: str, raw: str) -> str:
        """The form's YAML with the keys the form does not edit (card, lint) kept from the
        file on disk, and the file's schema line for editors' autocomplete."""
        try:
            data = yaml.safe_load(raw)
        except yaml.YAMLError as e:
            raise Refused(f"the form sent YAML that does not parse: {e}") from None
        except RecursionError:  # brackets thousands deep: PyYAML's reader recurses
            raise Refused("the form sent YAML nested too deep to read") from None
        path = self._path(relative, must_exist=False)
        old_text = ""
        if path.is_file():
            old_text = read_text(path, self.settings.root)[0] or ""
            try:
                old = yaml.safe_load(old_text)
            except (yaml.YAMLError, RecursionError):
                old = None
            if isinstance(old, dict) and isinstance(data, dict):
                for key in LEFT_TO_YAML:
                    if key in old and key not in data:
                        data[key] = old[key]
        try:
            body = raw if not isinstance(data, dict) else _dump(data)
        except RecursionError:  # hundreds deep: read, but PyYAML's writer takes more stack
            raise Refused("the form sent YAML nested too deep to read") from None
        line = SCHEMA_LINE.match(old_text)
        target = (
            line.group(1)
            if line
            else schema_path(
                path.parent, read_existing(self.settings.standards_path), self.settings.root
            )
        )
        return f"# yaml-language-server: $schema={target}\n{body}"

    def _check(self, relative: str, text: str) -> None:
        """The build's checks on the handbook as it would be with this file: refuse the
        save when they find an error, or a warning in a standard that is not a draft."""
        handbook = load(self.settings)
        texts = {s.path: s.source.text for s in handbook.standards if s.source is not None}
        texts[relative] = text
        changed = load_texts(texts, self.settings, check_files=True)
        found = [p for p in changed.problems if p.file == relative]
        standard = next((s for s in changed.standards if s.path == relative), None)
        if standard is not None:
            found += lint(changed, files=[relative])
        draft = standard is not None and standard.status == "draft"
        blocking = [
            p for p in found if p.severity == "error" or (p.severity == "warning" and not draft)
        ]
        if blocking:
            raise Refused(_explain(blocking))

    def _write(self, path: Path, text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)

    def _path(self, relative: str, must_exist: bool = True) -> Path:
        """A path inside the standards folder, or Refused."""
        pure = PurePosixPath(relative)
        standards = self.settings.standards_path
        path = self.settings.root / pure
        if pure.is_absolute() or ".." in pure.parts or not inside(path, standards):
            raise Refused(f"{relative!r} is not in {self.settings.standards_dir}/")
        if link_problem(path, self.settings.root) is not None:
            raise Refused(f"{relative!r} leads out of the project")
        if must_exist and not path.is_file():
            raise Refused(f"{relative!r} does not exist")
        return path


def _dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def _explain(problems: list[Problem]) -> str:
    # The form shows no line numbers: each message names its field instead.
    lines = [f"{p.message}" for p in sorted(problems)[:12]]
    more = len(problems) - len(lines)
    tail = f"\n… and {more} more" if more > 0 else ""
    return "Not saved. Fix these first:\n" + "\n".join(lines) + tail
