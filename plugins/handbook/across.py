"""The checks across a handbook's standard files, once each file has loaded: ids used
twice, areas, related standards and illustrations that do not exist, goals not declared,
pilots that revise no active standard."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from . import illustrations, provenance
from .model import Standard
from .problems import Problem
from .settings import Settings


def _at(standard: Standard, key_path: tuple[str | int, ...], rule: str, message: str) -> Problem:
    assert standard.source is not None
    span = standard.source.span(key_path)
    return Problem(standard.path, span.line, span.column, rule, message)


def check_across(
    standards: Iterable[Standard],
    settings: Settings,
    check_files: bool,
    unloaded: Mapping[str, Problem] | None = None,
) -> list[Problem]:
    problems: list[Problem] = []
    by_id: dict[str, list[Standard]] = {}
    for standard in standards:
        by_id.setdefault(standard.id, []).append(standard)
    for group in by_id.values():
        if len(group) > 1:
            problems.extend(_duplicates(group, settings if check_files else None))
    for standard in standards:
        if standard.area not in settings.areas:
            problems.append(
                _at(
                    standard,
                    ("area",),
                    "unknown-area",
                    f"area '{standard.area}' is not a handbook area: use one of {', '.join(settings.areas)} "
                    "(or add it under 'areas' in mkdocs.yml)",
                )
            )
    pictures: dict[str, tuple[str, str] | None] = {}  # a picture shown by many is checked once
    for standard in standards:
        for index, related in enumerate(standard.related):
            if related in by_id:
                continue
            failed = (unloaded or {}).get(related)
            message = (
                f"related standard {related} could not be loaded (see {failed.file}:{failed.line}): "
                "fix that file first"
                if failed is not None
                else f"related standard {related} does not exist: fix the id or remove it"
            )
            problems.append(_at(standard, ("related", index), "unknown-related", message))
        if check_files:
            for index, picture in enumerate(standard.illustrations):
                if picture.file not in pictures:
                    folder = settings.illustrations_path
                    pictures[picture.file] = illustrations.problem(
                        folder, settings.root, picture.file
                    )
                found = pictures[picture.file]
                if found is not None:
                    problems.append(_at(standard, ("illustrations", index, "file"), *found))
    return problems


def _duplicates(group: list[Standard], settings: Settings | None) -> Iterator[Problem]:
    """Blame the file that came into git last; both, when git cannot tell (or when the
    texts are a past revision's, `settings` None)."""
    paths = [standard.path for standard in group]
    newer = provenance.newest(settings.root, paths) if settings is not None else None
    ident = group[0].id
    for standard in group:
        others = ", ".join(path for path in paths if path != standard.path)
        if newer is None:
            message = (
                f"id {ident} is also used by {others}: give the newer of these files the next "
                "free id (git cannot tell which is newer)"
            )
        elif standard.path == newer:
            message = (
                f"id {ident} is already used by {others}, which came first: give this "
                "standard the next free id"
            )
        else:
            continue
        yield _at(standard, ("id",), "duplicate-id", message)


def check_loop(standards: list[Standard], settings: Settings) -> list[Problem]:
    """Goals named by standards exist; pilots have sensible dates and revise a real standard."""
    goals = settings.options.goals
    problems: list[Problem] = []
    by_id = {s.id: s for s in standards}
    for standard in standards:
        for index, goal in enumerate(standard.goals):
            if goal not in goals:
                known = ", ".join(goals) if goals else "none is declared yet"
                problems.append(
                    _at(
                        standard,
                        ("goals", index),
                        "unknown-goal",
                        f"goal '{goal}' is not one of the company's goals ({known}): fix the "
                        "id, or declare it under the handbook plugin's 'goals' in mkdocs.yml",
                    )
                )
        pilot = standard.pilot
        if pilot is None:
            continue
        if pilot.end < pilot.start:
            problems.append(
                _at(
                    standard,
                    ("pilot", "end"),
                    "pilot-dates",
                    f"the pilot ends ({pilot.end}) before it starts ({pilot.start}): "
                    "correct one of the dates",
                )
            )
        if pilot.revises is not None:
            current = by_id.get(pilot.revises)
            if current is None or current is standard:
                what = "is this standard itself" if current is standard else "does not exist"
                problems.append(
                    _at(
                        standard,
                        ("pilot", "revises"),
                        "unknown-pilot-standard",
                        f"this pilot revises {pilot.revises}, which {what}: give the id of "
                        "the active standard it is a new version of",
                    )
                )
            elif current.status != "active" and standard.status == "pilot":
                problems.append(
                    _at(
                        standard,
                        ("pilot", "revises"),
                        "pilot-of-inactive",
                        f"{current.id} is {current.status}, not active: only an active "
                        "standard's revision is piloted beside it (set status: pilot on "
                        f"{current.id} itself to pilot it)",
                    )
                )
    return problems
