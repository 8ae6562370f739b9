"""`handbook check`: load every standard and report what stops the site from building."""

from __future__ import annotations

import argparse
import sys

from ..loader import load
from .common import add_config_argument, settings_from_args


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check", help="check that every standard file is valid (as the build does)"
    )
    add_config_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    handbook = load(settings)
    for problem in sorted(handbook.problems):
        print(problem, file=sys.stderr)
    count = len(handbook.standards)
    errors = len(handbook.errors)
    if errors:
        print(f"{errors} problem(s) in {count} standard file(s)", file=sys.stderr)
        return 1
    print(f"{count} standards are valid")
    return 0
