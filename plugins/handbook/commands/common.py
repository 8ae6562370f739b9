"""Arguments and steps shared by several subcommands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..handbook import Handbook
from ..loader import load
from ..settings import Settings


def add_config_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-f",
        "--config-file",
        default="mkdocs.yml",
        help="the handbook's mkdocs.yml, which names the standards folder (default: mkdocs.yml)",
    )


def settings_from_args(args: argparse.Namespace) -> Settings:
    config = Path(args.config_file)
    if config.is_file():
        return Settings.from_mkdocs_yml(config)
    return Settings(root=config.parent.resolve())


def load_or_report(args: argparse.Namespace) -> Handbook | None:
    """The handbook `-f` names, or None after printing its errors: a command that makes
    something from the standards (cards, scorecards, imported results) needs them whole."""
    handbook = load(settings_from_args(args))
    if not handbook.errors:
        return handbook
    for problem in sorted(handbook.errors):
        print(problem, file=sys.stderr)
    print("fix these problems first (handbook check lists them too)", file=sys.stderr)
    return None
