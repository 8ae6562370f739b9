"""Benchmark: the quick-card PDF of 100 cards, and print the time (target: under 15 s).

The cards are copies of the sample handbook's standards under new ids; a standard too
long for one card gets the `card:` section an editor would add, dropping only as many
wordings, steps and targets as it must (found before timing). Timed: making the cards,
laying them out with WeasyPrint (which also checks that each fits) and writing the PDF.

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

from pypdf import PdfReader

from handbook.cards.model import carded, make_cards
from handbook.cards.pdf import measure, render
from handbook.cards.sizes import SIZES, Size
from handbook.handbook import Handbook
from handbook.loader import load
from handbook.model import Standard
from handbook.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def synthetic(count: int, size: str = "a6") -> Handbook:
    """`count` standards copied from the sample's, each shortened only as much as it must
    be to fit one card (the sample has a few standards longer than a card)."""
    sample = load(Settings.from_mkdocs_yml(ROOT / "mkdocs.yml"))
    if sample.errors:
        sys.exit(f"the sample handbook has errors: {sample.errors[0]}")
    originals = [_fitted(s, sample, SIZES[size]) for s in carded(sample)]
    copies = []
    for n in range(count):
        s = originals[n % len(originals)]
        copies.append(replace(s, id=f"{s.id.split('-')[0]}-{500 + n}"))
    return Handbook(copies, [], sample.settings)


def _shortenings(s: Standard) -> list[dict]:
    """`card:` sections from none to a short card: fewer wordings, steps and targets."""
    found: list[dict] = [{}]
    for steps in (len(s.steps), 5, 4, 3):
        for wordings in (len(s.wordings), 2, 1):
            card: dict = {}
            if 0 < steps < len(s.steps):
                card["steps"] = list(range(1, steps + 1))
            if 0 < wordings < len(s.wordings):
                card["wordings"] = list(range(1, wordings + 1))
            if card and card not in found:
                found.append(card)
    return [*found, {**found[-1], "targets": [1]} if s.targets else found[-1]]


def _fitted(s: Standard, sample: Handbook, size: Size) -> Standard:
    settings = sample.settings
    for card in _shortenings(s):
        candidate = replace(s, card=card)
        (made,) = make_cards(sample, [candidate])
        if measure([made], size, settings.areas, settings.root, {})[made.id].fits:
            return candidate
    return candidate


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
    handbook = synthetic(args.count, args.size)
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
