"""`handbook synth`: write a synthetic handbook project of N standards, for benchmarks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..synth import SynthError, write_project


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "synth",
        help="write a buildable synthetic handbook of N standards (for benchmarks)",
        description="Write a complete handbook project (mkdocs.yml, docs/, standards/, "
        "illustrations/) whose N standards recombine the text of the sample handbook.",
    )
    parser.add_argument("out_dir", metavar="OUT_DIR", type=Path, help="a new or empty folder")
    parser.add_argument("--count", type=int, required=True, help="number of standards")
    parser.add_argument(
        "--revisions", type=int, default=0, help="make a git repository with R commits of edits"
    )
    parser.add_argument(
        "--results", type=int, default=0, metavar="MONTHS", help="also MONTHS months of results"
    )
    parser.add_argument("--seed", type=int, default=1, help="same seed, same files (default 1)")
    parser.add_argument(
        "--sample", type=Path, default=None, help="handbook to model on (default: this repository)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.count < 1 or args.revisions < 0 or args.results < 0:
        print("--count must be at least 1 and --revisions at least 0", file=sys.stderr)
        return 2
    try:
        files = write_project(
            args.out_dir, args.count, args.seed, args.revisions, args.sample, args.results
        )
    except SynthError as e:
        print(f"handbook synth: {e}", file=sys.stderr)
        return 1
    history = f" and {args.revisions} revisions" if args.revisions else ""
    if args.results:
        history += f", with {args.results} months of results"
    print(f"wrote {len(files)} standards{history} to {args.out_dir}")
    return 0
