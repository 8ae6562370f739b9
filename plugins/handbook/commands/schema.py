"""`handbook schema`: print the JSON Schema of the standard format."""

from __future__ import annotations

import argparse
import sys

from .. import schema


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("schema", help="print the JSON Schema of a standard file")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(schema.schema_text())
    return 0
