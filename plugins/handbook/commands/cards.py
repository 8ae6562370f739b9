"""`handbook cards`: print quick cards of chosen standards to a PDF, typeset by Typst."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..cards.model import carded, make_cards, select
from ..cards.pdf import render
from ..cards.sizes import SIZES
from .common import add_config_argument, load_or_report


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "cards",
        help="print quick cards of the standards to a PDF",
        description="Write the quick cards of the chosen published standards to a PDF, one "
        "card per page (or four A6 cards per A4 sheet). Filters combine: a card must match "
        "all of them. Exits with 1 when a card does not fit its page (it is named, and "
        "no PDF is written) and 2 when nothing matches.",
    )
    parser.add_argument("--out", required=True, type=Path, help="the PDF file to write")
    parser.add_argument(
        "--id", action="append", default=[], metavar="ID", help="a standard's id (repeat for more)"
    )
    parser.add_argument("--area", help="only standards of this area (its slug, e.g. telephone)")
    parser.add_argument("--channel", help="only standards for this channel, e.g. phone")
    parser.add_argument("--tag", help="only standards with this tag")
    parser.add_argument(
        "--size",
        choices=list(SIZES),
        default=None,
        help="card size (default: the site's cards.size, or a6)",
    )
    parser.add_argument(
        "--keep-going",
        action="store_true",
        help="write the cards that fit even when others do not (the exit status is still 1)",
    )
    add_config_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    handbook = load_or_report(args)  # card options' problems among its errors
    if handbook is None:
        return 1
    settings = handbook.settings
    published = carded(handbook)
    unknown = sorted({i.upper() for i in args.id} - {s.id for s in published})
    if unknown:
        print(
            f"no card for {', '.join(unknown)}: no published, unretired standard has that id",
            file=sys.stderr,
        )
        return 2
    chosen = select(published, args.id, args.area, args.channel, args.tag)
    if not chosen:
        print("no published standard matches these filters", file=sys.stderr)
        return 2
    size = SIZES[args.size or settings.options.cards.size]
    cards = make_cards(handbook, chosen)
    rendering = render(cards, size, settings.areas)
    problems = rendering.problems("error")
    for problem in sorted(problems):
        print(problem, file=sys.stderr)
    fitting = rendering.fitting
    if problems and not (args.keep_going and fitting):
        print(
            f"{len(problems)} card(s) do not fit: no PDF written (--keep-going writes the rest)",
            file=sys.stderr,
        )
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(rendering.pdf())
    sheets = -(-len(fitting) // size.per_sheet)
    print(f"{len(fitting)} card(s) on {sheets} page(s) ({size.label}) written to {args.out}")
    if problems:
        print(f"{len(problems)} card(s) do not fit and are not in the PDF", file=sys.stderr)
        return 1
    return 0
