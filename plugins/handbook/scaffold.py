"""Writing a new standard file: the next free id for its area and every section to fill in.

The file comes from the `templates/new-standard.yml.j2` template, with "TODO:" placeholders
that pass the schema, so the new standard loads at once and the linter lists what is
left to write.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import yaml

from . import clock, schema
from .loader import YAML_SUFFIXES, load_one, raw_id
from .settings import Settings

PLACEHOLDER = "TODO:"
SCHEMA_LINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)")
_PREFIX = re.compile(r"^[A-Z][A-Z0-9]*$")
_ID = re.compile(r"^([A-Z][A-Z0-9]*)-([0-9]{3,4})$")
_HISTORY_ID = re.compile(r"^[-+]id:\s*['\"]?([A-Z][A-Z0-9]*-[0-9]{3,4})\b", re.MULTILINE)


class ScaffoldError(Exception):
    """A new standard cannot be written; the message says what to do."""


@dataclass(frozen=True)
class Existing:
    """What a new standard needs to know about one existing file."""

    path: Path
    id: str | None
    area: str | None
    title: str | None
    channels: tuple[str, ...]
    schema_target: str | None


@dataclass(frozen=True)
class NewStandard:
    path: Path
    id: str
    text: str


def new_standard(
    settings: Settings,
    area: str,
    title: str,
    prefix: str | None = None,
    owner: str | None = None,
    today: dt.date | None = None,
) -> NewStandard:
    """Prepare a new standard for `area` (nothing is written; see `write`)."""
    if area not in settings.areas:
        raise ScaffoldError(
            f"'{area}' is not a handbook area: use one of {', '.join(settings.areas)} "
            "(or add it under 'areas' in mkdocs.yml)"
        )
    existing = read_existing(settings.standards_path)
    for item in existing:
        if item.title and item.title.strip().casefold() == title.strip().casefold():
            where = item.path.relative_to(settings.root).as_posix()
            raise ScaffoldError(
                f"{item.id or 'a standard'} in {where} already has this title: "
                "edit that file, or choose another title"
            )
    prefix = prefix or id_prefix(area, existing, settings.options.id_prefixes)
    if not _PREFIX.match(prefix):
        raise ScaffoldError(
            f"id prefix '{prefix}' must be capital letters and digits, starting with a letter"
        )
    new_id = next_id(prefix, existing, ids_in_history(settings.standards_path))
    folder = settings.standards_path / area
    path = folder / f"{new_id.lower()}-{slugify(title)}.yml"
    today = today or clock.today()
    text = _template().render(
        id=new_id,
        title=title.strip(),
        area=area,
        areas=list(settings.areas),
        goals=list(settings.options.goals),
        owner=owner or f"{PLACEHOLDER} the role that owns this standard",
        channels=area_channels(area, existing),
        effective=today.isoformat(),
        review_by=_one_year_after(today).isoformat(),
        schema_path=schema_path(folder, existing, settings.root),
        illustrations_dir=settings.illustrations_dir,
        path=path.relative_to(settings.root).as_posix(),
    )
    relative = path.relative_to(settings.root).as_posix()
    standard, problems = load_one(relative, text)
    if problems:
        # Only what the user typed can make the template invalid, e.g. a 100-letter title.
        raise ScaffoldError("; ".join(p.message for p in problems))
    assert standard is not None
    return NewStandard(path, new_id, text)


def write(new: NewStandard) -> None:
    """Write the file; never over an existing one."""
    new.path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with new.path.open("x", encoding="utf-8") as file:
            file.write(new.text)
    except FileExistsError:
        raise ScaffoldError(
            f"{new.path} already exists: choose another title, or edit that file"
        ) from None


def read_existing(folder: Path) -> list[Existing]:
    """The id, area and schema line of every standard file, broken ones included:
    an id in a file that does not validate yet is still taken."""
    found: list[Existing] = []
    if not folder.is_dir():
        return found
    for path in sorted(p for p in folder.rglob("*") if p.suffix.lower() in YAML_SUFFIXES):
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        match = SCHEMA_LINE.match(text)
        try:
            data = yaml.safe_load(text)
        except (yaml.YAMLError, RecursionError):  # also brackets thousands deep
            data = None
        if not isinstance(data, dict):
            data = {"id": raw_id(text)}
        channels = data.get("channels")
        found.append(
            Existing(
                path=path,
                id=data.get("id") if isinstance(data.get("id"), str) else None,
                area=data.get("area") if isinstance(data.get("area"), str) else None,
                title=data.get("title") if isinstance(data.get("title"), str) else None,
                channels=tuple(c for c in channels if isinstance(c, str))
                if isinstance(channels, list)
                else (),
                schema_target=match.group(1) if match else None,
            )
        )
    return found


def id_prefix(area: str, existing: list[Existing], configured: dict[str, Any]) -> str:
    """The id prefix for an area: from mkdocs.yml's `id_prefixes`, else the one most
    standards of the area use, else the area's first word in capitals."""
    if isinstance(configured.get(area), str):
        return str(configured[area])
    counts = Counter(
        match.group(1)
        for item in existing
        if item.area == area and item.id and (match := _ID.match(item.id))
    )
    if counts:
        return min(counts, key=lambda prefix: (-counts[prefix], prefix))
    return re.split(r"[^a-z0-9]+", area)[0].upper()


def next_id(prefix: str, existing: list[Existing], past: Iterable[str] = ()) -> str:
    """One more than the highest number used with this prefix, in any area, now or in
    the past (`past`: ids of removed standards, which must not be given out again)."""
    ids = [item.id for item in existing if item.id] + list(past)
    numbers = [
        int(match.group(2)) for id in ids if (match := _ID.match(id)) and match.group(1) == prefix
    ]
    return f"{prefix}-{max(numbers, default=0) + 1:03d}"


def ids_in_history(folder: Path) -> set[str]:
    """Every id that a standard file in `folder` ever had, on any branch of its git
    repository; empty when there is no git or no repository."""
    command = ["git", "log", "--all", "--format=", "-p", "-U0", "-G", "^id:", "--", "."]
    try:
        result = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return set()
    if result.returncode != 0:
        return set()
    return set(_HISTORY_ID.findall(result.stdout))


def area_channels(area: str, existing: list[Existing]) -> list[str]:
    """The channels the area's standards already use, in the schema's order."""
    used = {channel for item in existing if item.area == area for channel in item.channels}
    return [channel for channel in _CHANNELS if channel in used]


def schema_path(folder: Path, existing: list[Existing], root: Path | None = None) -> str:
    """The schema for the `$schema` line, relative to the new file's folder: the one the
    other standards point at, else a `standard.schema.json` in the handbook's root folder
    (as `handbook schema > standard.schema.json` writes it), else the installed package's."""
    here = folder.resolve()
    for item in existing:
        if item.schema_target and "://" in item.schema_target:
            return item.schema_target
        if item.schema_target:
            candidate = (item.path.parent / item.schema_target).resolve()
            if candidate.is_file():
                return Path(os.path.relpath(candidate, here)).as_posix()
    local = root / schema.SCHEMA_FILE if root else None
    if local is None or not local.is_file():
        local = Path(str(resources.files("handbook").joinpath("schema", schema.SCHEMA_FILE)))
    return Path(os.path.relpath(local.resolve(), here)).as_posix()


def slugify(title: str, limit: int = 50) -> str:
    words = re.findall(r"[a-z0-9]+", title.lower())
    slug = ""
    for word in words:
        if slug and len(slug) + 1 + len(word) > limit:
            break
        slug = f"{slug}-{word}" if slug else word[:limit]
    return slug or "standard"


def _one_year_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _yaml_scalar(value: str) -> str:
    # PyYAML quotes only when it must, so titles stay readable and always parse back.
    # Dumped inside a flow list so the result is one line with no document end marker.
    text = yaml.safe_dump([value], default_flow_style=True, width=10_000, allow_unicode=True)
    return text.strip()[1:-1]


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("handbook", "templates"),
        autoescape=False,  # YAML, not HTML: values go through yaml_scalar instead
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["yaml_scalar"] = _yaml_scalar
    return env.get_template("new-standard.yml.j2")


_CHANNELS = schema.allowed("channels")
