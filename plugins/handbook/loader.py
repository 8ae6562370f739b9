"""Reading a folder of standard files into a validated Handbook, collecting every problem.

Nothing here stops at the first problem: each file is read, parsed and validated, then
the checks across files (duplicate ids, related ids, illustrations) run over what loaded,
so one run reports everything an editor has to fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache, partial
from typing import Any

from . import schema
from .across import check_across, check_loop
from .boundary import folder_problems, inside, read_text, walk
from .buildstate import BuildState
from .cards.model import card_problems
from .handbook import Handbook
from .model import Standard, blob_id, content_digest, standard_from_data
from .problems import Problem
from .results import source as results_source
from .settings import Settings
from .yamlsource import SourceMap, YamlProblem, parse

YAML_SUFFIXES = (".yml", ".yaml")
_RAW_ID = re.compile(r"^id:\s*['\"]?([A-Z][A-Z0-9]*-[0-9]{3,4})", re.MULTILINE)


def raw_id(text: str) -> str | None:
    """The id a file means to have, read from its text even when it does not load."""
    match = _RAW_ID.search(text)
    return match.group(1) if match else None


def load(settings: Settings, state: BuildState | None = None) -> Handbook:
    """Load every standard under the settings' standards folder (and the results:
    `state` keeps what was made of them across `serve` rebuilds)."""
    folder = settings.standards_path
    if not folder.is_dir():
        problem = Problem(
            *settings.where("standards_dir"),
            "no-standards",
            f"the standards folder '{folder}' does not exist: create it or set standards_dir",
        )
        return Handbook([], [*settings.problems, problem], settings)
    problems = settings.problems + folder_problems(settings)
    if not inside(folder, settings.root):
        return Handbook([], problems, settings)  # nothing outside the project is read
    texts: dict[str, str] = {}
    files, found = walk(folder, settings.root)
    problems.extend(found)
    for path in files:
        relative = path.relative_to(settings.root).as_posix()
        if path.suffix.lower() not in YAML_SUFFIXES:
            problems.append(
                Problem(
                    relative,
                    1,
                    1,
                    "not-yaml",
                    f"only standard files (.yml) belong in {settings.standards_dir}/: "
                    f"move this file (illustrations go in {settings.illustrations_dir}/)",
                )
            )
            continue
        text, unread = read_text(path, settings.root)
        if unread is not None:
            problems.append(unread)
        elif text is not None:
            texts[relative] = text
    handbook = load_texts(texts, settings, check_files=True)
    handbook.problems[:0] = problems
    handbook.results, found = results_source.load(settings, handbook.standards, state)
    handbook.problems.extend(found)
    return handbook


def load_texts(texts: Mapping[str, str], settings: Settings, check_files: bool = False) -> Handbook:
    """Load standards from {path: YAML text}, e.g. files of a past git revision."""
    standards: list[Standard] = []
    problems: list[Problem] = []
    unloaded: dict[str, Problem] = {}  # id -> the first problem of a file that did not load
    for text, (standard, found) in zip(texts.values(), _load_all(texts), strict=True):
        problems.extend(found)
        if standard is not None:
            standards.append(standard)
        elif found and (ident := raw_id(text)) is not None:
            unloaded.setdefault(ident, min(found))
    problems.extend(check_across(standards, settings, check_files, unloaded))
    problems.extend(check_loop(standards, settings))
    return Handbook(standards, problems, settings, texts=dict(texts))


# From this many files on, half of them are loaded in a copy of the process (beside.py):
# at 1,000 standards loading takes 0.7 s, while nothing else can start. Below, forking
# and handing the standards back (pickled) would cost more than it saves.
LOAD_BESIDE = 200


def _load_all(texts: Mapping[str, str]) -> list[tuple[Standard | None, list[Problem]]]:
    """`load_one` of each text, in order: the second half in a copy of the process
    where that is allowed (`beside.forking`), the first here meanwhile."""
    from .beside import Beside

    items = list(texts.items())
    if len(items) < LOAD_BESIDE:
        return _load_many(items)
    half = len(items) // 2
    rest = Beside(partial(_load_many, items[half:]), "loading the standards")
    return _load_many(items[:half]) + rest.result()


def _load_many(items: list[tuple[str, str]]) -> list[tuple[Standard | None, list[Problem]]]:
    return [load_one(path, text) for path, text in items]


def load_one(path: str, text: str) -> tuple[Standard | None, list[Problem]]:
    """Parse and validate one file; the standard is None when it has any error.

    Results are remembered by path and text, so a `serve` rebuild reads again only the
    files that changed (and the changelog each text of the history once).
    """
    standard, problems = _load_one_cached(path, text)
    return standard, list(problems)


# For the whole process: a Standard is made of its path and text alone, and it is
# immutable, so every build (and every revision the changelog reads) can share it.
@lru_cache(maxsize=20_000)
def _load_one_cached(path: str, text: str) -> tuple[Standard | None, tuple[Problem, ...]]:
    standard, problems = _load_one(path, text)
    return standard, tuple(problems)


def _load_one(path: str, text: str) -> tuple[Standard | None, list[Problem]]:
    try:
        data, source = parse(text)
    except YamlProblem as e:
        return None, [Problem(path, e.line, e.column, e.rule, e.message)]
    if not isinstance(data, dict):
        return None, [
            Problem(
                path,
                1,
                1,
                "schema",
                "a standard must be a mapping of keys (id: …, title: …): see the format reference",
            )
        ]
    problems = [
        Problem(path, line, column, "schema", message)
        for line, column, message in schema.validate(data, source)
    ]
    if problems:
        return None, problems
    problems = list(_check_target_ids(path, data, source))
    if problems:
        return None, problems
    blob = blob_id(text.encode("utf-8"))
    standard = standard_from_data(data, path, source, content_digest(path, text), blob)
    problems = card_problems(standard)
    return (None, problems) if problems else (standard, [])


def _check_target_ids(path: str, data: dict[str, Any], source: SourceMap) -> Iterator[Problem]:
    """Target ids are what results and scorecards refer to: one target per id."""
    seen: dict[str, int] = {}
    for index, target in enumerate(data.get("targets") or []):
        ident = target.get("id")
        if ident is None:
            continue
        if ident in seen:
            span = source.span(("targets", index, "id"))
            yield Problem(
                path,
                span.line,
                span.column,
                "duplicate-target-id",
                f"target id '{ident}' is already used by target {seen[ident] + 1}: "
                "give this target an id of its own (results refer to targets by id)",
            )
        else:
            seen[ident] = index
