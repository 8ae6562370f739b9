"""Reading the results folder: CSV files of results, each checked against the targets it names.

Every file under `results/` is a CSV file with a header row; its columns, in any order:

| Column | Required | What to write |
| --- | --- | --- |
| `period` | yes | `2026-10` (a month), `2026-Q4` (a quarter) or `2026` (a year) |
| `standard` | yes | the standard's id, e.g. `PHONE-001` |
| `target` | yes | the target's `id` in that standard, e.g. `answer-time` |
| `value` | yes | the result, a number (`87.5`) |
| `unit` | yes | the unit of the result: `%` for a service level, the target's unit otherwise |
| `goal` | no | the goal in force then (`90`, or `2-4` for a range); `handbook results import` writes it |
| `note` | no | anything to remember about the figure |

Lines starting with `#` are comments; a file whose first line is `# sample` holds sample
data, and the site says so wherever it shows it. Each problem (a period that does not
parse, an unknown standard or target, a unit that is not the target's, a second result for
the same target and period, …) is reported at its file, line and column, all together.

Over 300 lines: the docstring above is the user documentation of the CSV format.
"""

from __future__ import annotations

import csv
import difflib
import hashlib
from collections.abc import Iterable
from functools import partial
from typing import Any

from .. import targets
from ..boundary import inside, walk
from ..buildstate import BuildState, cold
from ..problems import Problem
from .model import Period, Result, Results

COLUMNS = ("period", "standard", "target", "value", "unit", "goal", "note")
REQUIRED = COLUMNS[:5]
SAMPLE_MARK = "# sample"


def load(
    settings: Any, standards: Iterable[Any], state: BuildState | None = None
) -> tuple[Results, list[Problem]]:
    """Every CSV file under the results folder, checked against `standards`.

    The folder is read as the standards folder is: nothing outside the project (a folder
    set outside it, a link leading out) is read, each such link is a located problem.
    The files are read each time; `state` keeps what was made of them by their text and
    the standards' ids and targets, so a `serve` rebuild after an edit that changes
    neither checks no results again."""
    options = settings.options.results
    problems: list[Problem] = []
    folder = settings.root / options.dir
    if not folder.is_dir():
        return Results(), problems
    if not inside(folder, settings.root):
        file, line, column = settings.where("results", "dir")
        problems.append(
            Problem(
                file,
                line,
                column,
                "outside-project",
                f"results dir '{options.dir}' is outside the project folder, and nothing "
                "outside it is read: use a folder inside the project",
            )
        )
        return Results(), problems
    texts: dict[str, str] = {}
    files, found = walk(folder, settings.root)
    problems.extend(found)
    for path in files:
        relative = path.relative_to(settings.root).as_posix()
        if path.suffix.lower() != ".csv":
            problems.append(
                Problem(relative, 1, 1, "results-file", "only results files (.csv) belong here")
            )
            continue
        try:
            texts[relative] = path.read_text("utf-8-sig")
        except UnicodeDecodeError as e:
            problems.append(
                Problem(relative, 1, 1, "encoding", f"not UTF-8 text ({e.reason}): save as UTF-8")
            )
    standards = list(standards)
    state = state or cold()
    digest = _digest(texts, standards)
    targets = tuple(
        state.kept("results-targets", s.digest or None, partial(_targets_of, s), of=s.digest)
        for s in standards
    )
    make = partial(_checked, texts, standards, digest)
    results, checked = state.kept("results", (digest, targets), make, rarely=True)
    return results, problems + list(checked)


def _digest(texts: dict[str, str], standards: list[Any]) -> str:
    """The results files' text and the standards' ids (which results each row is for)."""
    digest = hashlib.sha256()
    for path, text in sorted(texts.items()):
        digest.update(f"{path}\0{len(text)}\0{text}".encode())
    digest.update("\0".join(s.id for s in standards).encode())
    return digest.hexdigest()[:32]


def _targets_of(standard: Any) -> str:
    """What checking results reads of a standard besides its id: its targets."""
    return repr([(t.id, t.data) for t in standard.targets])


def _checked(
    texts: dict[str, str], standards: list[Any], digest: str
) -> tuple[Results, tuple[Problem, ...]]:
    results, problems = check_texts(texts, standards)
    results.digest = digest
    return results, tuple(problems)


def _field_columns(line: str) -> list[int]:
    """The 1-based column where each comma-separated field of `line` starts."""
    columns, quoted = [1], False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            columns.append(index + 2)
    return columns


def parse_number(text: str) -> float | None:
    try:
        number = float(text)
    except ValueError:
        return None
    return number if number == number and abs(number) != float("inf") else None


def parse_goal(text: str) -> tuple[float, ...] | None:
    """'90' -> (90,), '2-4' -> (2, 4); None when it is neither."""
    low, dash, high = text.partition("-")
    if dash and low.strip():
        pair = parse_number(low), parse_number(high)
        return (pair[0], pair[1]) if pair[0] is not None and pair[1] is not None else None
    number = parse_number(text)
    return None if number is None else (number,)


class _Checker:
    def __init__(self, standards: Iterable[Any]):
        self.targets: dict[str, dict[str, Any]] = {}
        self.ids: list[str] = []
        for standard in standards:
            self.targets[standard.id] = {t.id: t.data for t in standard.targets if t.id}
            self.ids.append(standard.id)
        self.seen: dict[tuple[str, str, Period], tuple[str, int]] = {}
        self.results = Results()
        self.problems: list[Problem] = []
        self.periods: dict[str, Period | None] = {}
        self.units: dict[tuple[str, str, str], bool] = {}

    def unit_fits(self, unit: str, sid: str, tid: str, target: dict[str, Any]) -> bool:
        key = (unit, sid, tid)
        fits = self.units.get(key)
        if fits is None:
            fits = self.units[key] = targets.same_unit(unit, target)
        return fits

    def text(self, path: str, text: str) -> None:
        lines = text.splitlines()
        sample = bool(lines) and lines[0].strip().lower().startswith(SAMPLE_MARK)
        kept = ["" if line.lstrip().startswith("#") else line for line in lines]
        header: dict[str, int] | None = None
        reader = csv.reader(kept, strict=True)
        line_number = 0
        try:
            for row in reader:
                line_number = reader.line_num
                if not row or not any(cell.strip() for cell in row):
                    continue
                if header is None:
                    header = self.header(path, line_number, kept[line_number - 1], row)
                    if header is None:
                        return
                    continue
                self.row(path, line_number, kept[line_number - 1], row, header, sample)
        except csv.Error as e:
            self.problem(path, line_number + 1, 1, "results-format", f"not valid CSV ({e})")
        if header is None:
            self.problem(
                path, 1, 1, "results-format", f"no header row: start with {','.join(REQUIRED)}"
            )

    def problem(self, path: str, line: int, column: int, rule: str, message: str) -> None:
        self.problems.append(Problem(path, line, column, rule, message))

    def header(self, path: str, number: int, line: str, row: list[str]) -> dict[str, int] | None:
        columns = _field_columns(line)
        names = [cell.strip().lower() for cell in row]
        good = True
        for index, name in enumerate(names):
            if name not in COLUMNS or names.index(name) != index:
                close = difflib.get_close_matches(name, COLUMNS, n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"use {', '.join(COLUMNS)}"
                what = "repeated" if name in COLUMNS else "unknown"
                self.problem(
                    path,
                    number,
                    columns[index],
                    "results-format",
                    f"{what} column '{name}': {hint}",
                )
                good = False
        missing = [name for name in REQUIRED if name not in names]
        if missing:
            self.problem(
                path,
                number,
                1,
                "results-format",
                f"the header has no {', '.join(missing)} column: results need "
                f"{', '.join(REQUIRED)}",
            )
            good = False
        return {name: index for index, name in enumerate(names)} if good else None

    def row(
        self,
        path: str,
        number: int,
        line: str,
        row: list[str],
        header: dict[str, int],
        sample: bool,
    ) -> None:
        if len(row) != len(header):
            self.problem(
                path,
                number,
                1,
                "results-format",
                f"{len(row)} values for {len(header)} columns: give one value per column "
                "(quote a value that holds a comma)",
            )
            return
        cells = dict(zip(header, (cell.strip() for cell in row), strict=True))

        def at(name: str) -> int:
            return _field_columns(line)[header[name]]

        before = len(self.problems)
        period = self.periods.get(cells["period"])
        if period is None and cells["period"] not in self.periods:
            period = self.periods[cells["period"]] = Period.parse(cells["period"])
        if period is None:
            self.problem(
                path,
                number,
                at("period"),
                "results-period",
                f"period '{cells['period']}' does not parse: write a month (2026-10), "
                "a quarter (2026-Q4) or a year (2026)",
            )
        value = parse_number(cells["value"])
        if value is None:
            self.problem(
                path,
                number,
                at("value"),
                "results-value",
                f"value '{cells['value']}' is not a number: write digits with a point, "
                "e.g. 87.5, without % or thousands separators",
            )
        goal = None
        if cells.get("goal"):
            goal = parse_goal(cells["goal"])
            if goal is None:
                self.problem(
                    path,
                    number,
                    at("goal"),
                    "results-goal",
                    f"goal '{cells['goal']}' is not a number (or low-high for a range)",
                )
        sid, tid = cells["standard"], cells["target"]
        known = self.targets.get(sid)
        target = None
        if known is None:
            close = difflib.get_close_matches(sid, self.ids, n=1)
            hint = f"did you mean {close[0]}?" if close else "check the id in the standard's file"
            self.problem(
                path,
                number,
                at("standard"),
                "results-standard",
                f"no standard has the id '{sid}': {hint}",
            )
        else:
            target = known.get(tid)
            if target is None:
                listed = ", ".join(known) or "none with an id"
                self.problem(
                    path,
                    number,
                    at("target"),
                    "results-target",
                    f"{sid} has no target with the id '{tid}' (its targets: {listed}); if the "
                    "target was removed, delete or move its results",
                )
            elif not self.unit_fits(cells["unit"], sid, tid, target):
                self.problem(
                    path,
                    number,
                    at("unit"),
                    "results-unit",
                    f"unit '{cells['unit']}' is not the unit of {sid} {tid}: its results are "
                    f"in '{targets.result_unit(target)}'",
                )
        if period is not None and target is not None:
            key = (sid, tid, period)
            first = self.seen.setdefault(key, (path, number))
            if first != (path, number):
                self.problem(
                    path,
                    number,
                    at("period"),
                    "results-duplicate",
                    f"a second result for {sid} {tid} in {period}: the first is at "
                    f"{first[0]}:{first[1]}; keep one",
                )
        if len(self.problems) != before or period is None or value is None:
            return
        self.results.by_target.setdefault((sid, tid), []).append(
            Result(
                sid,
                tid,
                period,
                value,
                cells["unit"],
                goal,
                cells.get("note", ""),
                path,
                number,
                sample,
            )
        )


def check_texts(texts: dict[str, str], standards: Iterable[Any]) -> tuple[Results, list[Problem]]:
    """Results from {path: CSV text}, and every problem found in them."""
    checker = _Checker(standards)
    for path, text in texts.items():
        checker.text(path, text)
    return checker.results, checker.problems
