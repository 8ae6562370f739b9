"""Benchmark: what the "as it was" pages and a team briefing cost on a large handbook.

Two histories of 1,000 standards made by `handbook synth`:
- `handbook synth --revisions 50` (each revision edits one standard), built whole, cold,
  as shipped (the sample's mkdocs.yml, `mkdocs build`) with the changelog's `as_of`
  pages (default) and without them (labelled "as_of off"), taking turns run after run;
  and `handbook briefing` over all its revisions, to a PDF;
- changelog_bench.py's (49 revisions editing 5 to 40 standards each, so about a thousand
  superseded versions; its removed standards leave dangling `related` ids, so it does not
  build whole): the changelog feature's pages and sections rendered in-process with and
  without `as_of`, and `handbook briefing` over all its revisions.
CPU time is user + system time; wall time depends on the machine's load, printed beside.

    .venv/bin/python benchmarks/asof_bench.py [--count 1000] [--revisions 50] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from changelog_bench import make_repository  # noqa: E402
from handbook.changelog.feature import ChangelogFeature  # noqa: E402
from handbook.handbook import Handbook  # noqa: E402
from handbook.loader import load  # noqa: E402
from handbook.render.urls import Urls  # noqa: E402
from handbook.settings import Settings  # noqa: E402
from handbook.synth import write_project  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
BIN = Path(sys.executable).parent


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """(CPU seconds of the child, wall seconds) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=ENV, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def set_as_of(config: Path, on: bool) -> None:
    text = re.sub(r"\n      changelog:\n        as_of: (true|false)\n", "\n", config.read_text())
    if not on:
        text = text.replace(
            "  - handbook:\n", "  - handbook:\n      changelog:\n        as_of: false\n", 1
        )
    config.write_text(text)


def briefing_times(root: Path, runs: int) -> list[tuple[float, float]]:
    first = subprocess.run(
        ["git", "rev-list", "--max-parents=0", "HEAD"], cwd=root, capture_output=True, text=True
    ).stdout.strip()
    command = [str(BIN / "handbook"), "briefing", "--since", first, "--out", "b.pdf"]
    return [timed(command, root) for _ in range(runs)]


def rendered(root: Path, runs: int) -> tuple[int, float, float]:
    """(as-of pages, median CPU seconds with them, without them) of the changelog's
    pages and sections, from a history already read (the build's cost of rendering)."""
    settings = Settings.from_mkdocs_yml(root / "mkdocs.yml")
    handbook = load(settings)
    pages, on, off = 0, [], []
    for _ in range(runs):
        for as_of in (True, False):
            settings.extra["changelog"] = {"as_of": as_of}
            feature = ChangelogFeature()
            changelog = feature.outcome(Handbook(handbook.standards, [], settings)).changelog
            assert changelog is not None
            start = time.process_time()
            files, _ = feature._render(
                changelog, Handbook(handbook.standards, [], settings), Urls()
            )
            spent = time.process_time() - start
            (on if as_of else off).append(spent)
            if as_of:
                pages = sum(1 for f in files if "/as-of-" in f.path)
    return pages, statistics.median(on), statistics.median(off)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--revisions", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        heavy = Path(folder) / "heavy"
        make_repository(heavy, args.count, args.revisions)
        in_process = rendered(heavy, args.runs)
        heavy_briefing = briefing_times(heavy, args.runs)
        root = Path(folder) / "handbook"
        write_project(root, args.count, seed=1, revisions=args.revisions)
        config = root / "mkdocs.yml"
        results: dict[str, list[tuple[float, float]]] = {"as_of on": [], "as_of off": []}
        pages = 0
        for _ in range(args.runs):
            for label, on in (("as_of on", True), ("as_of off", False)):
                set_as_of(config, on)
                shutil.rmtree(root / "site", ignore_errors=True)
                results[label].append(timed([str(BIN / "mkdocs"), "build", "-q"], root))
                if on:
                    pages = len(list((root / "site" / "standards").glob("*/as-of-*.html")))
        first = subprocess.run(
            ["git", "rev-list", "--max-parents=0", "HEAD"], cwd=root, capture_output=True, text=True
        ).stdout.strip()
        briefing = [
            timed([str(BIN / "handbook"), "briefing", "--since", first, "--out", "b.pdf"], root)
            for _ in range(args.runs)
        ]
    average = Path("/proc/loadavg").read_text().split()[:3]
    print(f"{args.count} standards, {args.revisions} revisions, median of {args.runs} runs")
    print("synth --revisions history (one standard edited per revision), whole build:")
    for label, runs in results.items():
        cpu = statistics.median(c for c, _ in runs)
        wall = statistics.median(w for _, w in runs)
        print(f"  build, {label}: {cpu:.2f} s CPU, {wall:.2f} s wall")
    on = statistics.median(c for c, _ in results["as_of on"])
    off = statistics.median(c for c, _ in results["as_of off"])
    print(f"  as-of pages: {pages}, adding {100 * (on - off) / off:.1f}% CPU to the build")
    cpu = statistics.median(c for c, _ in briefing)
    wall = statistics.median(w for _, w in briefing)
    print(f"  handbook briefing over all revisions to PDF: {cpu:.2f} s CPU, {wall:.2f} s wall")
    print("changelog_bench history (5 to 40 standards edited per revision), changelog only:")
    pages_on, cpu_on, cpu_off = in_process
    print(f"  changelog pages and sections: {cpu_off:.2f} s CPU as_of off, {cpu_on:.2f} s as_of on")
    print(f"  as-of pages: {pages_on} ({cpu_on - cpu_off:.2f} s CPU)")
    cpu = statistics.median(c for c, _ in heavy_briefing)
    wall = statistics.median(w for _, w in heavy_briefing)
    print(f"  handbook briefing over all revisions to PDF: {cpu:.2f} s CPU, {wall:.2f} s wall")
    print(f"  load average: {' '.join(average)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
