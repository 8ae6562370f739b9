"""`handbook codeowners`: print (or write, or check) the CODEOWNERS file for the standards."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..codeowners import codeowners
from ..loader import load
from .common import add_config_argument, settings_from_args


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "codeowners",
        help="print a CODEOWNERS file that sends each standard's review to its owner's team",
        description="Print a CODEOWNERS file: each standard file goes to the team of its "
        "owner, as mapped under 'owners' in the handbook plugin's options in mkdocs.yml.",
    )
    add_config_argument(parser)
    action = parser.add_mutually_exclusive_group()
    action.add_argument("-o", "--output", metavar="FILE", help="write it to FILE instead")
    action.add_argument(
        "--check",
        metavar="FILE",
        help="exit with status 1 when FILE (e.g. .github/CODEOWNERS) is not up to date",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    handbook = load(settings)
    # A file that does not load has no owner to read: its review cannot be routed.
    loaded = {standard.path for standard in handbook.standards}
    unreadable = [problem for problem in handbook.errors if problem.file not in loaded]
    if unreadable:
        for problem in unreadable:
            print(problem, file=sys.stderr)
        print("handbook codeowners: fix the problems above first", file=sys.stderr)
        return 1
    result = codeowners(handbook, settings.options.owners)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if args.check:
        path = Path(args.check)
        current = path.read_text("utf-8") if path.is_file() else None
        if current != result.text:
            print(
                f"{path} is not up to date: run `handbook codeowners --output {path}`",
                file=sys.stderr,
            )
            return 1
        print(f"{path} is up to date")
    elif args.output:
        path = Path(args.output)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(result.text, "utf-8")
        print(f"wrote {path}", file=sys.stderr)
    else:
        sys.stdout.write(result.text)
    return 0
