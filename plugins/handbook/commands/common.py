"""Arguments shared by several subcommands."""

from __future__ import annotations

import argparse
from pathlib import Path

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
