"""Benchmark: the quick-card PDF of 100 cards, and print the time (target: under 3 s).

The cards are copies of the sample handbook's standards under new ids; a standard too
long for one card gets the `card:` section an editor would add, dropping only as many
wordings, steps and targets as it must (found before timing). Timed, each run in a fresh
process (so nothing Typst remembered from another run helps): making the cards, laying
them out with Typst (which also checks that each fits) and writing the PDF.

    .venv/bin/python benchmarks/cards_bench.py [--count 100] [--size a6] [--runs 3]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader

from handbook.cards import fitting
from handbook.cards.model import carded, make_cards
from handbook.cards.pdf import render
from handbook.cards.sizes import SIZES, Size
from handbook.handbook import Handbook
from handbook.loader import load
from handbook.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def synthetic(count: int, sections: list[dict] | None = None) -> Handbook:
    """`count` standards copied from the sample's, with the `card:` sections given (by
    default their own)."""
    sample = load(Settings.from_mkdocs_yml(ROOT / "mkdocs.yml"))
    if sample.errors:
        sys.exit(f"the sample handbook has errors: {sample.errors[0]}")
    originals = carded(sample)
    if sections is not None:
        originals = [replace(s, card=card) for s, card in zip(originals, sections, strict=True)]
    copies = []
    for n in range(count):
        s = originals[n % len(originals)]
        copies.append(replace(s, id=f"{s.id.split('-')[0]}-{500 + n}"))
    return Handbook(copies, [], sample.settings)


def fitted_sections(size: Size) -> list[dict]:
    """Each sample standard's `card:` section, shortened only as much as it must be for
    its card to fit (the sample's cards fit A6; a smaller size needs shorter ones)."""
    sample = load(Settings.from_mkdocs_yml(ROOT / "mkdocs.yml"))
    standards = carded(sample)
    fitted = fitting.fitted_sections(sample, standards, size)
    return [fitted.get(s.id, s.card) for s in standards]


def _cpu() -> float:
    """CPU seconds of this process and its finished worker processes."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def run_once(count: int, size: Size, sections: list[dict]) -> dict:
    """One timed run: the cards made, laid out and checked, and the PDF written."""
    handbook = synthetic(count, sections)
    start, cpu = time.perf_counter(), _cpu()
    cards = make_cards(handbook, handbook.standards)
    rendering = render(cards, size, handbook.settings.areas)
    data = rendering.pdf()
    return {
        "seconds": time.perf_counter() - start,
        "cpu": _cpu() - cpu,
        "fit": len(rendering.fitting),
        "overflow": len(rendering.overflowing),
        "pages": len(PdfReader(io.BytesIO(data)).pages),
        "kib": len(data) // 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--size", choices=list(SIZES), default="a6")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sections", type=Path, help=argparse.SUPPRESS)  # one run, in a child
    args = parser.parse_args()
    size = SIZES[args.size]
    if args.sections:
        sections = json.loads(args.sections.read_text("utf-8"))
        print(json.dumps(run_once(args.count, size, sections)))
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sections.json"
        path.write_text(json.dumps(fitted_sections(size)), "utf-8")
        command = [sys.executable, __file__, "--count", str(args.count), "--size", args.size]
        runs = [
            json.loads(
                subprocess.run(
                    [*command, "--sections", str(path)], check=True, capture_output=True, text=True
                ).stdout
            )
            for _ in range(args.runs)
        ]
    times = [r["seconds"] for r in runs]
    last = runs[-1]
    print(
        f"{args.count} cards, {size.label}: {last['fit']} fit, {last['overflow']} do not; "
        f"PDF of {last['pages']} pages, {last['kib']} KiB"
    )
    print(
        f"median {statistics.median(times):.2f} s over {args.runs} runs, each in a new process "
        f"(min {min(times):.2f} s); CPU {statistics.median(r['cpu'] for r in runs):.2f} s; "
        f"load average {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
