"""`handbook briefing`: what changes for staff, for a team briefing, from the changelog.

Only the changes that affect how staff work, grouped by area and channel, each with its
wording before and after and the date it takes effect; changes announced for later are
listed as coming up. `--out F.pdf` writes one A4 sheet (where it fits); `--out F.md` or
`F.txt` plain text ready to paste into an e-mail; without `--out` the text is printed.
Exit status: 0, or 2 when the history cannot be read or an option is wrong.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..changelog import briefing
from ..changelog.feature import ChangelogFeature
from ..handbook import Handbook
from ..render import labels
from .common import add_config_argument, settings_from_args

SUFFIXES = (".pdf", ".md", ".txt")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "briefing",
        help="a team briefing: what changes for staff since a date or revision",
        description="List the changes that affect how staff work since a date or a "
        "revision, grouped by area and channel, with before and after wording and the "
        "date each takes effect, and what is coming up. Writes one A4 PDF sheet (where "
        "it fits) or plain text for an e-mail.",
    )
    parser.add_argument(
        "--since",
        metavar="REV|DATE",
        help="changes after this revision (name, key or commit) or from this date "
        "(YYYY-MM-DD); default: the last 7 days",
    )
    parser.add_argument("--area", help="only this area (its folder name, e.g. telephone)")
    parser.add_argument(
        "--channel", choices=list(labels.CHANNELS), help="only standards for this channel"
    )
    parser.add_argument("--title", help="the sheet's title (default: Team briefing)")
    parser.add_argument(
        "--today", type=dt.date.fromisoformat, help=argparse.SUPPRESS
    )  # for tests: what counts as coming up
    parser.add_argument(
        "--out", metavar="FILE", type=Path, help="write FILE.pdf, FILE.md or FILE.txt"
    )
    add_config_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    if args.area is not None and args.area not in settings.areas:
        return _fail(f"no area '{args.area}': use one of {', '.join(settings.areas)}")
    if args.out is not None and args.out.suffix.lower() not in SUFFIXES:
        return _fail(f"--out {args.out}: write a .pdf, .md or .txt file")
    # The changelog reads the standards from git and the folder itself: no validated
    # handbook is needed, so a briefing does not wait for every file to be checked.
    outcome = ChangelogFeature().outcome(Handbook([], [], settings))
    if outcome.changelog is None:
        return _fail(outcome.unavailable or "the changelog is turned off in mkdocs.yml")
    try:
        sheet = briefing.build(
            outcome.changelog,
            settings.areas,
            since=args.since,
            today=args.today,
            area=args.area,
            channel=args.channel,
            title=args.title,
        )
    except LookupError as e:
        return _fail(str(e.args[0]))
    if args.out is None:
        sys.stdout.write(briefing.text(sheet))
        return 0
    if args.out.suffix.lower() == ".pdf":
        args.out.write_bytes(briefing.pdf(sheet))
    else:
        args.out.write_text(briefing.text(sheet), "utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


def _fail(message: str) -> int:
    print(f"handbook briefing: {message}", file=sys.stderr)
    return 2
