"""Arguments shared by several subcommands."""

from __future__ import annotations

import argparse
import difflib
from pathlib import Path

from ..problems import Problem
from ..settings import Settings, read_mkdocs_yml


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


def option_problems(settings: Settings) -> list[Problem]:
    """The `handbook` plugin's options checked by the plugin's own option classes, as
    `mkdocs build` checks them: a misspelt option (`area:` for `areas:`) is a problem
    here too, not a setting silently left at its default."""
    if settings.config_file is None or not settings.config_file.is_file():
        return []
    from ..mkdocs.config import HandbookConfig  # MkDocs' option checks: the build's own

    data, _ = read_mkdocs_yml(settings.config_file)
    options: dict[str, object] = {}
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("handbook"), dict):
            options = plugin["handbook"]
    config = HandbookConfig(config_file_path=str(settings.config_file))
    config.load_dict(options)
    failed, warnings = config.validate()
    problems = []
    for (key, message), severity in [(f, "error") for f in failed] + [
        (w, "warning") for w in warnings
    ]:
        close = difflib.get_close_matches(key, _option_names(), n=1)
        hint = f": did you mean '{close[0]}'?" if close and close[0] != key else ""
        problems.append(
            Problem(
                *settings.where(key),
                "config",
                f"handbook option '{key}': {message}{hint}",
                severity,
            )
        )
    return problems


def _option_names() -> list[str]:
    from ..mkdocs.config import HandbookConfig

    defaults = HandbookConfig()
    defaults.load_dict({})
    defaults.validate()
    return list(defaults)
