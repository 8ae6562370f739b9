"""Benchmark: what the "as it was" pages and a team briefing cost on a large handbook.

The handbook is changelog_bench.py's: 1,000 standards made by `handbook synth`, in a git
repository of 50 revisions whose 49 edits change 5 to 40 standards each. Timed, cold, as
shipped (the sample's mkdocs.yml, `mkdocs build`): the whole site with the changelog's
`as_of` pages (default) and without them (labelled "as_of off"), the two taking turns run
after run; and `handbook briefing` over all 50 revisions, to a PDF. CPU time is the
child's user + system time; wall time depends on the machine's load, printed beside it.

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--revisions", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "handbook"
        make_repository(root, args.count, args.revisions)
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
    load = Path("/proc/loadavg").read_text().split()[:3]
    print(f"{args.count} standards, {args.revisions} revisions, median of {args.runs} runs")
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
    print(f"  load average: {' '.join(load)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
