"""Benchmark: results of targets, for a 1,000-standard synthetic handbook.

1. Load and validate 1,000 standards × 24 months of results (about 47,000 rows), each
   run in a fresh interpreter after the standards are loaded: target under 1 s.
2. With `--build`: the site built with 12 months of results against the same site
   without them, builds taking turns (as `run.py`, cards' fit check and PDFs off, the
   same for both): target within 10%.

    .venv/bin/python benchmarks/results_bench.py [--count 1000] [--runs 5] [--build]

The machine is shared: the load average is printed with each figure; CPU time is the
fairer measure when it is high.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from handbook.synth import write_project  # noqa: E402
from run import card_check_off, median_builds  # noqa: E402

_RUN = """
import json, sys, time
from pathlib import Path
from handbook.loader import load_texts
from handbook.results import source
from handbook.settings import Settings
settings = Settings.from_mkdocs_yml(Path(sys.argv[1]) / "mkdocs.yml")
texts = {p.relative_to(settings.root).as_posix(): p.read_text("utf-8")
         for p in settings.standards_path.rglob("*.yml")}
standards = load_texts(texts, settings).standards
clock = (time.perf_counter(), time.process_time())
results, problems = source.load(settings, standards)
rows = sum(len(r) for r in results.by_target.values())
print(json.dumps({"wall": time.perf_counter() - clock[0], "cpu": time.process_time() - clock[1],
                  "rows": rows, "problems": len(problems)}))
"""


def _loadavg() -> str:
    return Path("/proc/loadavg").read_text().split(" ")[0]


def load_time(project: Path, runs: int) -> dict[str, float]:
    found = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", _RUN, str(project)], capture_output=True, text=True, check=True
        )
        found.append(json.loads(done.stdout))
    if found[0]["problems"]:
        raise RuntimeError(f"the synthetic results have {found[0]['problems']} problems")
    return {
        "rows": found[0]["rows"],
        "wall": statistics.median(f["wall"] for f in found),
        "cpu": statistics.median(f["cpu"] for f in found),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--build", action="store_true", help="also compare site builds")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="results-bench-"))
    try:
        project = work / "months-24"
        write_project(project, args.count, results=24)
        figure = load_time(project, args.runs)
        print(
            f"results load+validate, {args.count} standards x 24 months ({figure['rows']} rows): "
            f"median {figure['wall']:.2f} s wall, {figure['cpu']:.2f} s CPU "
            f"(median of {args.runs}, load average {_loadavg()})"
        )
        if args.build:
            plain, measured = work / "without", work / "months-12"
            write_project(plain, args.count)
            write_project(measured, args.count, results=12)
            for folder in (plain, measured):
                card_check_off(folder)
            builds = median_builds({"without results": plain, "12 months": measured}, 3)
            base, with_results = builds["without results"], builds["12 months"]
            print(
                f"build, {args.count} standards: without results {base['cpu_seconds']:.1f} s CPU "
                f"({base['seconds']:.1f} s wall), with 12 months {with_results['cpu_seconds']:.1f} s "
                f"CPU ({with_results['seconds']:.1f} s wall): "
                f"{with_results['cpu_seconds'] / base['cpu_seconds']:.2f}x CPU, "
                f"{with_results['output_mb'] - base['output_mb']:+.1f} MB (median of 3, "
                f"load average {_loadavg()})"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
