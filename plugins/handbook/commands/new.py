"""`handbook new`: start a new standard file with the next free id and every section."""

from __future__ import annotations

import argparse
import sys

from ..scaffold import ScaffoldError, new_standard, write
from .common import add_config_argument, settings_from_args


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "new",
        help="write a new standard file to fill in",
        description="Write a new draft standard under the standards folder, with the next "
        "free id for its area and every section ready to fill in. Then run `handbook lint` "
        "on it to see what is left.",
    )
    parser.add_argument("--area", required=True, help="the handbook area, e.g. telephone")
    parser.add_argument("--title", required=True, help='the title, e.g. "Taking a message"')
    parser.add_argument(
        "--prefix",
        help="id prefix, e.g. EMAIL (default: the one the area's standards use, "
        "or id_prefixes in mkdocs.yml)",
    )
    parser.add_argument("--owner", help='the owner role, e.g. "Contact centre manager"')
    add_config_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    try:
        new = new_standard(settings, args.area, args.title, prefix=args.prefix, owner=args.owner)
        write(new)
    except ScaffoldError as e:
        print(f"handbook new: {e}", file=sys.stderr)
        return 2
    print(new.path.relative_to(settings.root).as_posix())
    print(
        f"Wrote {new.id} as a draft. Fill in each TODO, then run: handbook lint",
        file=sys.stderr,
    )
    return 0
