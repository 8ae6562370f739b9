"""`handbook results import FILE.csv --period 2026-10`: add a system's export to results/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..results.importer import FIELDS, convert, default_out, write
from ..results.model import Period
from .common import add_config_argument, load_or_report


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("results", help="work with the results of targets")
    actions = parser.add_subparsers(title="actions", metavar="ACTION")
    importing = actions.add_parser(
        "import",
        help="add a CSV export (phone or ticket system) to the results folder",
        description="Check a CSV export against the handbook's targets and add its rows to "
        "results/<period>.csv. Nothing is written when any row has a problem.",
    )
    importing.add_argument("file", metavar="FILE.csv", type=Path)
    importing.add_argument(
        "--period", help="the period of every row: 2026-10, 2026-Q4 or 2026 (else a column)"
    )
    importing.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="FIELD=HEADER",
        help=f"the export's column for a field ({', '.join(FIELDS)}), e.g. standard=Queue",
    )
    importing.add_argument(
        "--out", type=Path, help="results file to add to (default: results/PERIOD.csv)"
    )
    add_config_argument(importing)
    importing.set_defaults(run=run_import)
    parser.set_defaults(run=lambda args: _usage(parser))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def run_import(args: argparse.Namespace) -> int:
    period = None
    if args.period:
        period = Period.parse(args.period)
        if period is None:
            print(
                f"--period '{args.period}' does not parse: write 2026-10, 2026-Q4 or 2026",
                file=sys.stderr,
            )
            return 2
    columns = {}
    for mapping in args.column:
        name, equals, header = mapping.partition("=")
        if not equals or name.strip() not in FIELDS:
            print(
                f"--column '{mapping}': write FIELD=HEADER with FIELD one of {', '.join(FIELDS)}",
                file=sys.stderr,
            )
            return 2
        columns[name.strip()] = header
    try:
        text = args.file.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        print(f"{args.file}: cannot read it as UTF-8 text ({e})", file=sys.stderr)
        return 2
    handbook = load_or_report(args)
    if handbook is None:
        return 1
    settings = handbook.settings
    imported = convert(text, str(args.file), handbook, period, columns)
    for problem in sorted(imported.problems):
        print(problem, file=sys.stderr)
    if imported.problems:
        print(f"{len(imported.problems)} problem(s): nothing was written", file=sys.stderr)
        return 1
    if not imported.rows:
        print(f"{args.file}: no rows to import", file=sys.stderr)
        return 1
    out = args.out or default_out(settings, period, imported.rows)
    write(imported.rows, out)
    print(f"added {len(imported.rows)} result(s) to {out}")
    return 0
