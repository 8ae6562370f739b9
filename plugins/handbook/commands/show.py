"""`handbook show ID [--as-of DATE]`: a standard as text, now or as it was on a date.

With `--as-of`, the version in force at the end of that day is read from the changelog
(the git history), with when it was in force and whether it is still current: what a
complaint investigation needs ("what did the standard say when this call happened?").
Exit status: 0, 1 when there is no such standard (then or now), 2 when the history
cannot be read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from ..changelog import asof
from ..changelog.feature import ChangelogFeature
from ..loader import load
from .common import add_config_argument, settings_from_args


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "show",
        help="print a standard as text, as it is now or as it was on a date",
        description="Print a standard as plain text. With --as-of DATE, print the version "
        "that was in force on that date, from the git history, marked when it is no longer "
        "current.",
    )
    parser.add_argument("id", metavar="ID", help="the standard's id, e.g. PHONE-001")
    parser.add_argument(
        "--as-of", metavar="DATE", help="the date (YYYY-MM-DD) to show the standard as it was"
    )
    add_config_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    sid = args.id.strip().upper()
    day = None
    if args.as_of is not None:
        try:
            day = dt.date.fromisoformat(args.as_of)
        except ValueError:
            return _fail(f"--as-of {args.as_of}: write the date as YYYY-MM-DD", 2)
    handbook = load(settings_from_args(args))
    outcome = ChangelogFeature().outcome(handbook)
    if day is not None and outcome.changelog is None:
        return _fail(outcome.unavailable or "the changelog is turned off in mkdocs.yml", 2)
    if day is None or outcome.changelog is None:
        current = handbook.by_id().get(sid)
        if current is None:
            return _fail(f"no standard {sid}", 1)
        sys.stdout.write(asof.current_text(current))
        return 0
    version = asof.on(outcome.changelog, sid, day)
    if version is None:
        return _fail(
            f"{sid} was not in force on {day.isoformat()} (not yet published, or a draft)", 1
        )
    sys.stdout.write(asof.text(version))
    return 0


def _fail(message: str, code: int) -> int:
    print(f"handbook show: {message}", file=sys.stderr)
    return code
