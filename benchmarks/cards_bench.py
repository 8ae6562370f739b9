"""Benchmark: the quick-card PDF of 100 cards, and print the time (target: under 15 s).

The cards are copies of the sample handbook's standards under new ids, each with a
`card:` section that keeps its first three steps and two wordings, as editors do for a
standard too long for one A6 card. Timed: making the cards, laying them out with
WeasyPrint (which also finds cards that do not fit) and writing the PDF.

    .venv/bin/python benchmarks/cards_bench.py [--count 100] [--size a6] [--runs 3] [--workers N]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

from handbook.cards.model import carded, make_cards
from handbook.cards.pdf import render
from handbook.cards.sizes import SIZES
from handbook.handbook import Handbook
from handbook.loader import load
from handbook.settings import Settings
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent


def synthetic(count: int) -> Handbook:
    sample = load(Settings.from_mkdocs_yml(ROOT / "mkdocs.yml"))
    if sample.errors:
        sys.exit(f"the sample handbook has errors: {sample.errors[0]}")
    originals = carded(sample)
    copies = []
    for n in range(count):
        s = originals[n % len(originals)]
        card = {"steps": list(range(1, min(3, len(s.steps)) + 1))} if s.steps else {}
        if s.wordings:
            card["wordings"] = list(range(1, min(2, len(s.wordings)) + 1))
        prefix = s.id.split("-")[0]
        copies.append(replace(s, id=f"{prefix}-{500 + n}", card=card))
    return Handbook(copies, [], sample.settings)


def _cpu() -> float:
    """CPU seconds of this process and its finished worker processes."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--size", choices=list(SIZES), default="a6")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=min(4, os.cpu_count() or 1))
    args = parser.parse_args()
    handbook = synthetic(args.count)
    size = SIZES[args.size]
    times: list[float] = []
    cpus: list[float] = []
    for _ in range(args.runs):
        start, cpu = time.perf_counter(), _cpu()
        cards = make_cards(handbook, handbook.standards)
        settings = handbook.settings
        rendering = render(cards, size, settings.areas, settings.root, workers=args.workers)
        data = rendering.pdf()
        times.append(time.perf_counter() - start)
        cpus.append(_cpu() - cpu)
    pages = len(PdfReader(io.BytesIO(data)).pages)
    print(
        f"{args.count} cards, {size.label}: {len(rendering.fitting)} fit, "
        f"{len(rendering.overflowing)} do not; PDF of {pages} pages, {len(data) // 1024} KiB"
    )
    print(
        f"median {statistics.median(times):.1f} s over {args.runs} runs "
        f"(min {min(times):.1f} s), {args.workers} worker process(es); "
        f"CPU {statistics.median(cpus):.1f} s (wall time exceeds it when other work shares the machine)"
    )


if __name__ == "__main__":
    main()
