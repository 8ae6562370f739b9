"""Benchmark: lint 1,000 standards, as `handbook lint` does, and print the time.

The standards are made by `handbook synth` from the sample's own text (recombined, so
texts differ and the per-text caches get no free hits) in a temporary folder. Each run
is a fresh process, so the syllable dictionary is read from disk every time, as in CI.

    .venv/bin/python benchmarks/lint_bench.py [--count 1000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from handbook.synth import write_project

# One run, in a fresh interpreter: load and lint everything, timing each part.
_RUN = """
import json, sys, time
start = time.perf_counter()
from pathlib import Path
from handbook.lint.runner import lint
from handbook.loader import load
from handbook.settings import Settings
settings = Settings.from_mkdocs_yml(Path(sys.argv[1]) / "mkdocs.yml")
imported = time.perf_counter()
handbook = load(settings)
loaded = time.perf_counter()
problems = lint(handbook)
linted = time.perf_counter()
print(json.dumps({
    "standards": len(handbook.standards),
    "problems": len(problems) + len(handbook.problems),
    "import": imported - start,
    "load": loaded - imported,
    "lint": linted - loaded,
    "total": linted - start,
}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "handbook"
        write_project(project, args.count)
        runs = []
        for _ in range(args.runs):
            out = subprocess.run(
                [sys.executable, "-c", _RUN, str(project)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            runs.append(json.loads(out))
    best = min(runs, key=lambda r: r["total"])
    print(
        f"{best['standards']} standards, {best['problems']} problems; best of {args.runs} runs: "
        f"total {best['total']:.2f} s = import {best['import']:.2f} s + "
        f"load (parse, validate) {best['load']:.2f} s + lint rules {best['lint']:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
