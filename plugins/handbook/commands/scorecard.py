"""`handbook scorecard --out F.pdf|.csv|.json [--id ID …] [--area A]`: QA scorecards."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..cards.revision import revision
from ..scorecards.feature import scored
from ..scorecards.model import scorecard
from ..scorecards.render import csv_text, json_text, pdf
from .common import add_config_argument, load_or_report

FORMATS = (".pdf", ".csv", ".json")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "scorecard",
        help="QA scorecards of standards as a PDF (A4), or CSV/JSON for a QA tool",
        description="Write the criteria a supervisor checks a contact against: one per rule, "
        "step, wording (say and don't say) and target, each with an id that stays the same "
        "while its words do.",
    )
    parser.add_argument("--out", type=Path, required=True, help="F.pdf, F.csv or F.json")
    parser.add_argument(
        "--id", action="append", default=[], metavar="ID", help="a standard (repeat)"
    )
    parser.add_argument("--area", help="only this area's standards")
    add_config_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    suffix = args.out.suffix.lower()
    if suffix not in FORMATS:
        print(f"--out must end in {', '.join(FORMATS)}", file=sys.stderr)
        return 2
    handbook = load_or_report(args)
    if handbook is None:
        return 1
    settings = handbook.settings
    chosen = scored(handbook)
    if args.id:
        wanted = set(args.id)
        unknown = sorted(wanted - {s.id for s in chosen})
        if unknown:
            print(f"no published standard with the id {', '.join(unknown)}", file=sys.stderr)
            return 2
        chosen = [s for s in chosen if s.id in wanted]
    if args.area:
        chosen = [s for s in chosen if s.area == args.area]
    if not chosen:
        print("no standard matches", file=sys.stderr)
        return 2
    name = revision(settings.root)
    cards = [scorecard(s, name) for s in chosen]
    if suffix == ".pdf":
        args.out.write_bytes(pdf(cards, str(settings.root)))
    elif suffix == ".csv":
        args.out.write_text(csv_text(cards), "utf-8")
    else:
        args.out.write_text(json_text(cards), "utf-8")
    count = sum(len(c.criteria) for c in cards)
    print(f"wrote {len(cards)} scorecard(s), {count} criteria, to {args.out}")
    return 0
