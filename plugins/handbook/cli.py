"""The `handbook` command: the same core as the MkDocs plugin, from a terminal or CI."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from . import clock, commands


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="handbook", description="Work with a handbook of customer-service standards."
    )
    subparsers = main_parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        command = importlib.import_module(f"{commands.__name__}.{module.name}")
        if hasattr(command, "register"):
            command.register(subparsers)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not hasattr(args, "run"):
        parser().print_help()
        return 2
    if bad_today := clock.problem():
        print(f"handbook: {bad_today}", file=sys.stderr)
        return 2
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
