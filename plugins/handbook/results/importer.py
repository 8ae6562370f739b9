"""`handbook results import`: a phone or ticket system's CSV export into the results folder.

The export needs a header row and, per row, the standard's id, the target's id and the
value; its column names are mapped with `--column standard=Queue`. A value may carry a
`%` sign. Every row is checked against the handbook (unknown standard or target, a unit
that is not the target's, a value that is not a number, a result already recorded for the
period) and each problem is reported at the export's file, line and column; with any
problem nothing is written. The rows are added to `results/<period>.csv`, each with the
goal in force today, so the charts keep the target line as it was when the figure came in.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import targets
from ..problems import Problem
from ..settings import Settings
from .model import Period
from .source import COLUMNS, _field_columns, parse_number

FIELDS = ("period", "standard", "target", "value", "unit", "note")


@dataclass
class Imported:
    rows: list[list[str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _value(text: str) -> float | None:
    cleaned = text.strip().removesuffix("%").strip()
    if "," in cleaned:
        return None  # 1,234 or 12,5: which one is not ours to guess
    return parse_number(cleaned)


def _goal(data: dict[str, Any]) -> str:
    goal = targets.current_goal(data)
    if goal is None:
        return ""
    return "-".join(targets.number(g) for g in goal)


def convert(
    text: str,
    path: str,
    handbook: Any,
    period: Period | None,
    columns: dict[str, str] | None = None,
) -> Imported:
    """The results rows of an export, or the problems that stop it being imported."""
    out = Imported()
    lines = text.splitlines()
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        out.problems.append(Problem(path, 1, 1, "results-import", "the file has no header row"))
        return out
    names = [cell.strip().lower() for cell in header]
    wanted = {name: (columns or {}).get(name, name).strip().lower() for name in FIELDS}
    needed = ["standard", "target", "value"] + ([] if period else ["period"])
    position: dict[str, int] = {}
    for name in FIELDS:
        if wanted[name] in names:
            position[name] = names.index(wanted[name])
        elif name in needed:
            hint = "" if period or name != "period" else " (or give --period)"
            out.problems.append(
                Problem(
                    path,
                    1,
                    1,
                    "results-import",
                    f"no column '{wanted[name]}' for the {name}{hint}: the header has "
                    f"{', '.join(names)}; map one with --column {name}=NAME",
                )
            )
    if out.problems:
        return out
    standards = {s.id: s for s in handbook.standards}
    recorded = {
        (r.standard, r.target, r.period): f"{r.file}:{r.line}"
        for rows in handbook.results.by_target.values()
        for r in rows
    }
    seen: set[tuple[str, str, Period]] = set()
    try:
        for row in reader:
            number = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            raw = lines[number - 1] if number - 1 < len(lines) else ""
            starts = _field_columns(raw)

            def cell(name: str, row: list[str] = row) -> str:
                index = position.get(name)
                return row[index].strip() if index is not None and index < len(row) else ""

            def problem(
                name: str, message: str, starts: list[int] = starts, number: int = number
            ) -> None:
                index = position.get(name, 0)
                column = starts[index] if index < len(starts) else 1
                out.problems.append(Problem(path, number, column, "results-import", message))

            when = period
            if "period" in position and cell("period"):
                when = Period.parse(cell("period"))
                if when is None:
                    problem(
                        "period",
                        f"period '{cell('period')}' does not parse: write 2026-10, 2026-Q4 or 2026",
                    )
            value = _value(cell("value"))
            if value is None:
                problem(
                    "value",
                    f"value '{cell('value')}' is not a number: write digits with a point, "
                    "e.g. 87.5 (a % sign may follow)",
                )
            sid, tid = cell("standard"), cell("target")
            standard = standards.get(sid)
            target = next((t for t in standard.targets if t.id == tid), None) if standard else None
            if standard is None:
                problem("standard", f"no standard has the id '{sid}'")
            elif target is None:
                listed = ", ".join(t.id for t in standard.targets if t.id) or "none with an id"
                problem(
                    "target", f"{sid} has no target with the id '{tid}' (its targets: {listed})"
                )
            unit = cell("unit")
            if target is not None:
                if not unit:
                    unit = targets.result_unit(target.data)
                elif not targets.same_unit(unit, target.data):
                    problem(
                        "unit",
                        f"unit '{unit}' is not the unit of {sid} {tid}: its results are in "
                        f"'{targets.result_unit(target.data)}'",
                    )
            if when is not None and target is not None:
                key = (sid, tid, when)
                if key in recorded:
                    problem(
                        "target",
                        f"{sid} {tid} already has a result for {when} at {recorded[key]}: "
                        "delete that line to replace it",
                    )
                elif key in seen:
                    problem("target", f"{sid} {tid} appears twice for {when} in this file")
                seen.add(key)
            if when is None or value is None or target is None:
                continue
            out.rows.append(
                [str(when), sid, tid, targets.number(value), unit, _goal(target.data), cell("note")]
            )
    except csv.Error as e:
        out.problems.append(
            Problem(path, reader.line_num, 1, "results-import", f"not valid CSV ({e})")
        )
    if out.problems:
        out.rows = []
    return out


def write(rows: list[list[str]], target: Path) -> None:
    """Add rows to a results file, with the header when the file is new."""
    target.parent.mkdir(parents=True, exist_ok=True)
    new = not target.exists() or not target.read_text("utf-8").strip()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if new:
        writer.writerow(COLUMNS)
    elif not target.read_text("utf-8").endswith("\n"):
        buffer.write("\n")
    writer.writerows(rows)
    with target.open("a", encoding="utf-8", newline="") as handle:
        handle.write(buffer.getvalue())


def default_out(settings: Settings, period: Period | None, rows: list[list[str]]) -> Path:
    name = str(period) if period else (rows[0][0] if rows else "imported")
    return Path(settings.root) / settings.options.results.dir / f"{name}.csv"
