"""`handbook score [FILE|-]`: readability figures of any text, to check wording before a commit."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..lint.textstats import text_stats


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "score",
        help="print word, sentence and syllable counts and Flesch scores of a text",
        description="Print the readability figures the linter uses, for a text file or "
        "standard input: words, sentences, syllables, Flesch reading ease (higher is "
        "easier; the handbook asks for 60 or more) and Flesch-Kincaid grade (the handbook "
        "asks for 8 or less, 6 for wordings said aloud).",
    )
    parser.add_argument(
        "file", nargs="?", default="-", metavar="FILE", help="text file, or - for standard input"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON object")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.file == "-":
        text = sys.stdin.read()
    else:
        path = Path(args.file)
        if not path.is_file():
            print(f"handbook score: '{path}' is not a file", file=sys.stderr)
            return 2
        try:
            text = path.read_text("utf-8")
        except UnicodeDecodeError as e:
            print(f"handbook score: '{path}' is not UTF-8 text ({e.reason})", file=sys.stderr)
            return 2
    figures = text_stats(text).as_dict()
    if args.json:
        print(json.dumps(figures))
    else:
        width = max(map(len, figures))
        for key, value in figures.items():
            print(f"{key:<{width}}  {value}")
    return 0
