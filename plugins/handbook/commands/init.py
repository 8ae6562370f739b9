"""`handbook init`: start a new handbook repository in an empty folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..init import Answers, InitError, init


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "init",
        help="start a new handbook repository",
        description="Write a complete new handbook into an empty folder: mkdocs.yml, a home "
        "page, an example standard, an offline build, editor settings, pre-commit and "
        "GitHub workflows that work there as they are.",
    )
    parser.add_argument("folder", type=Path, help="a new or empty folder")
    defaults = Answers()
    parser.add_argument("--name", default=defaults.name, help="the handbook's title")
    parser.add_argument("--area", default=defaults.area, help="first area's folder name")
    parser.add_argument("--area-title", default=defaults.area_title, help="its title")
    parser.add_argument("--prefix", default=defaults.prefix, help="its standards' id prefix")
    parser.add_argument(
        "--source",
        default=defaults.source,
        help="the requirements.txt line that installs the handbook tool",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    answers = Answers(args.name, args.area, args.area_title, args.prefix, args.source)
    try:
        written = init(args.folder, answers)
    except (InitError, OSError) as e:
        print(f"handbook init: {e}", file=sys.stderr)
        return 2
    for path in written:
        print(path.relative_to(args.folder).as_posix())
    print(
        f"\nA new handbook in {args.folder}. Next:\n  cd {args.folder} && git init && mkdocs serve",
        file=sys.stderr,
    )
    return 0
