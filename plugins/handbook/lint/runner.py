"""Running the rules over a handbook, applying suppressions, and locating each finding."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import re
from collections.abc import Hashable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .. import clock
from ..boundary import link_problem, read_text
from ..buildstate import BuildState, cold
from ..handbook import Handbook
from ..loader import YAML_SUFFIXES, load, load_texts
from ..model import Standard
from ..problems import Problem
from ..settings import Settings
from .config import RuleSetting, rule_settings
from .context import Finding, LintContext
from .fields import Pattern, covers, field_name, parse_field
from .rules import say_dont_say

IGNORE_RULE = "lint-ignore"


@dataclass
class _Ignore:
    index: int
    rule: str
    field: Pattern | None
    used: bool = False


def lint(
    handbook: Handbook,
    today: dt.date | None = None,
    files: Iterable[str] | None = None,
    state: BuildState | None = None,
) -> list[Problem]:
    """Every lint problem in the handbook's standards, sorted (bad lint settings are the
    settings' problems, reported where mkdocs.yml is read).

    `files` limits the report to those standard files; the rest of the handbook still
    counts for handbook-wide rules (say-dont-say). Loading problems are not included.

    `state` keeps each standard's problems by its file's digest and everything else the
    rules read (`handbook_inputs`): a `serve` rebuild lints again only the standards
    that changed, and all of them when a handbook-wide input did (a `dont_say` phrase
    added anywhere, the glossary, the results, the date, the settings).
    """
    settings = rule_settings(handbook.settings.options.lint)
    problems: list[Problem] = []
    context = LintContext(handbook, today or clock.today())
    wanted = None if files is None else set(files)
    state = state or cold()
    with no_cycle_collection():
        wide = handbook_inputs(context, settings) if state.keep else None
        for standard in handbook.standards:
            if wanted is None or standard.path in wanted:
                key = (standard.digest, wide) if standard.digest and wide is not None else None
                make = partial(_linted, standard, context, settings)
                problems.extend(state.kept("lint", key, make, of=standard.digest))
    return sorted(problems)


def handbook_inputs(context: LintContext, settings: dict[str, RuleSetting]) -> str:
    """What the rules read besides the standard's own file: the date (stale, pilot), the
    rules' settings, the company's goals (no-goal), the glossary (plain-words,
    readability), every standard's `dont_say` phrases (say-dont-say) and the results
    (missed-target). A rule that reads more of the handbook adds it here; the build
    state's checks catch a key that misses it."""
    options = context.handbook.settings.options
    chosen = tuple(
        (rule_id, setting.severity, repr(sorted(setting.options.items())))
        for rule_id, setting in settings.items()
    )
    dont_say: Hashable = None
    if say_dont_say.ID in settings:
        dont_say = say_dont_say.handbook_key(context, settings[say_dont_say.ID].options)
    inputs = (
        context.today,
        chosen,
        repr(sorted(options.goals.items())),
        context.glossary.terms,
        dont_say,
        context.handbook.results.digest,
    )
    # One short key for every standard's entry: a tuple is hashed again at each use.
    return hashlib.sha256(repr(inputs).encode()).hexdigest()


def _linted(
    standard: Standard, context: LintContext, settings: dict[str, RuleSetting]
) -> tuple[Problem, ...]:
    return tuple(lint_standard(standard, context, settings))


@contextmanager
def no_cycle_collection(keep: bool = False) -> Iterator[None]:
    """Pause Python's cyclic garbage collector: loading and linting make many small objects
    and no reference cycles, and the collector would walk the whole handbook again and
    again (a third of the time for 1,000 standards). Memory is still freed as usual.

    With `keep`, every object there is at the end is kept out of later collections
    (gc.freeze), for a process that keeps them to its end (a build): else the collector's
    first run after the pause walks them all, and its later runs again (0.15 s of a
    1,000-standard build). A reference cycle among them is then never freed."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if keep:
            gc.freeze()
        if collecting:
            gc.enable()


def lint_standard(
    standard: Standard, context: LintContext, settings: dict[str, RuleSetting]
) -> list[Problem]:
    ignores, problems = _ignores(standard)
    for rule_id, setting in settings.items():
        rule_ignores = [i for i in ignores if i.rule == rule_id]
        for finding in setting.module.check(standard, context, setting.options):
            suppressed = [
                i for i in rule_ignores if i.field is None or covers(i.field, finding.path)
            ]
            for ignore in suppressed:
                ignore.used = True
            if not suppressed:
                severity = setting.severity or finding.severity or setting.module.DEFAULT
                problems.append(_problem(standard, rule_id, severity, finding))
    for ignore in ignores:
        if not ignore.used and ignore.rule in settings:
            problems.append(
                _at(
                    standard,
                    ("lint", "ignore", ignore.index),
                    f"this ignore of '{ignore.rule}' matches no problem: remove it",
                    "suggestion",
                )
            )
    return problems


def _ignores(standard: Standard) -> tuple[list[_Ignore], list[Problem]]:
    """The standard's `lint: ignore:` entries, and problems with entries that are unusable."""
    ignores: list[_Ignore] = []
    problems: list[Problem] = []
    for index, entry in enumerate((standard.data.get("lint") or {}).get("ignore") or []):
        rule = entry["rule"]  # the schema allows only known rule ids
        field = None
        if entry.get("field"):
            field = parse_field(entry["field"])
            if field is None:
                message = (
                    f"field '{entry['field']}' is not written as a field path: "
                    "write e.g. 'summary', 'rules[2]' or 'wordings[1].say'"
                )
                problems.append(_at(standard, ("lint", "ignore", index, "field"), message, "error"))
                continue
        ignores.append(_Ignore(index, rule, field))
    return ignores, problems


def _at(standard: Standard, path: tuple[str | int, ...], message: str, severity: str) -> Problem:
    assert standard.source is not None
    line, column = standard.source.locate(path)
    return Problem(standard.path, line, column, IGNORE_RULE, message, severity)


def _problem(standard: Standard, rule_id: str, severity: str, finding: Finding) -> Problem:
    assert standard.source is not None
    occurrence = 0
    if finding.needle and finding.offset:
        text = _value(standard, finding.path)
        if isinstance(text, str):
            # locate() counts matches in the raw YAML; count the same matches before ours.
            pattern = r"\s+".join(re.escape(part) for part in finding.needle.split())
            occurrence = len(re.findall(pattern, text[: finding.offset], flags=re.IGNORECASE))
    line, column = standard.source.locate(finding.path, finding.needle, occurrence)
    message = f"{finding.message} [{field_name(finding.path)}]"
    return Problem(standard.path, line, column, rule_id, message, severity, finding.suggestion)


def _value(standard: Standard, path: tuple[str | int, ...]) -> object:
    value: object = standard.data
    for part in path:
        try:
            value = value[part]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return None
    return value


# --- Linting files ---------------------------------------------------------------------------


def yaml_files(paths: Iterable[Path]) -> tuple[list[Path], list[str]]:
    """The standard files named or inside the folders named, and the paths that do not exist."""
    found: list[Path] = []
    missing: list[str] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p for p in path.rglob("*") if p.suffix.lower() in YAML_SUFFIXES and p.is_file()
                )
            )
        elif path.is_file():
            found.append(path)
        else:
            missing.append(str(path))
    return found, missing


def lint_paths(
    paths: Iterable[Path] | None,
    settings: Settings,
    today: dt.date | None = None,
) -> tuple[list[Problem], int]:
    """Load and lint the standards (all, or the files at `paths`); return problems and count.

    Loading problems (a file that does not parse, a schema error) are reported with their
    location and linting goes on with the other files. The whole standards folder is
    always loaded, so links between standards and handbook-wide rules stay right.
    """
    with no_cycle_collection():
        return _lint_paths(paths, settings, today)


def _lint_paths(
    paths: Iterable[Path] | None,
    settings: Settings,
    today: dt.date | None,
) -> tuple[list[Problem], int]:
    handbook = load(settings)
    if paths is None:
        found = handbook.problems + lint(handbook, today)
        files = {s.path for s in handbook.standards} | {p.file for p in handbook.problems}
        return sorted(found), len(files)
    paths_found, _ = yaml_files(paths)
    texts = {s.path: s.source.text for s in handbook.standards if s.source is not None}
    problems = list(settings.problems)  # the options' own, at their lines in mkdocs.yml
    wanted: set[str] = set()
    reread = False
    for path in paths_found:
        name = _name(path, settings.root)
        wanted.add(name)
        if name in texts:
            continue
        reread = True
        problem = link_problem(path, settings.root)
        text, problem = (None, problem) if problem else read_text(path, settings.root)
        if problem is not None:
            problems.append(problem)
        elif text is not None:
            texts[name] = text
    if reread:
        handbook = load_texts(texts, settings, check_files=True)
    problems += [p for p in handbook.problems if p.file in wanted]
    problems += lint(handbook, today, wanted)
    return sorted(problems), len(wanted)


def _name(path: Path, root: Path) -> str:
    """A file's name as problems give it: relative to the handbook root when inside it."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
