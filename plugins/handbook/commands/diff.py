"""`handbook diff [BASE] [HEAD]`: what a change means for the standards, for a pull request.

Prints the semantic change summary (the changelog's sentences) as Markdown, ready for a
pull-request comment or a CI job summary, or as JSON with `--format json`; it includes
the lint problems the change introduces. Exit status: 0, or 2 when git cannot answer.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..changelog.change_review import compare
from ..changelog.git import GitError
from ..changelog.render import diff_markdown
from .common import add_config_argument, settings_from_args


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "diff",
        help="summarise what a change does to the standards (for pull requests)",
        description="Compare the standards at two git revisions, matched by id, and list "
        "each change in plain sentences, marked 'affects how you work' or 'editorial', "
        "with the lint problems the change introduces.",
    )
    parser.add_argument(
        "base",
        nargs="?",
        metavar="BASE",
        help="revision to compare with (default: where HEAD left the main branch)",
    )
    parser.add_argument(
        "head",
        nargs="?",
        metavar="HEAD",
        help="revision to compare (default: the working folder, uncommitted edits included)",
    )
    parser.add_argument(
        "--format", choices=("markdown", "json"), default="markdown", help="output format"
    )
    add_config_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    try:
        comparison = compare(settings, args.base, args.head)
    except GitError as e:
        print(f"handbook diff: {e}", file=sys.stderr)
        return 2
    if args.format == "json":
        json.dump(comparison.as_dict(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(diff_markdown(comparison, settings.areas))
    return 0
