"""Benchmark: lint 1,000 standards, as `handbook lint` does, and print the time.

The standards are made by `handbook synth` from the sample's own text (recombined, so
texts differ and the per-text caches get no free hits) in a temporary folder. Each run
is a fresh process, so the syllable dictionary is read from disk every time, as in CI.

    .venv/bin/python benchmarks/lint_bench.py [--count 1000] [--runs 3] [--distinct]

The synthetic standards share many texts (whole rules and wordings recur), which the
linter's per-text cache scans once. `--distinct` appends a numbered sentence to every
prose field so no two texts are alike: the worst case for the cache.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from handbook.synth import dump, write_project

_PROSE = ("summary", "situation", "rules", "steps", "wordings", "examples")

# One run, in a fresh interpreter: load and lint everything, timing each part.
_RUN = """
import json, sys, time
clocks = [(time.perf_counter(), time.process_time())]
def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
from pathlib import Path
from handbook.lint.runner import lint, no_cycle_collection
from handbook.loader import load
from handbook.settings import Settings
settings = Settings.from_mkdocs_yml(Path(sys.argv[1]) / "mkdocs.yml")
clocks.append((time.perf_counter(), time.process_time()))
# As handbook.lint.runner.lint_paths (what `handbook lint` runs), in two timed parts.
with no_cycle_collection():
    handbook = load(settings)
    clocks.append((time.perf_counter(), time.process_time()))
    problems = lint(handbook)
clocks.append((time.perf_counter(), time.process_time()))
texts = [v for s in handbook.standards for v in _strings(s.data)]
def _phase(start, end):
    return {"wall": end[0] - start[0], "cpu": end[1] - start[1]}
phases = {
    "import": _phase(clocks[0], clocks[1]),
    "load": _phase(clocks[1], clocks[2]),
    "lint": _phase(clocks[2], clocks[3]),
    "total": _phase(clocks[0], clocks[3]),
}
print(json.dumps({
    "standards": len(handbook.standards),
    "texts": len(texts),
    "distinct": len(set(texts)),
    "problems": len(problems) + len(handbook.problems),
    **phases,
}))
"""


def _distinct(value: object, number: int, key: str = "") -> object:
    """`value` with " Case <number>." after every prose text in it."""
    if isinstance(value, dict):
        return {k: _distinct(v, number, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_distinct(v, number, key) for v in value]
    if isinstance(value, str) and key in _PROSE + ("say", "why", "scenario", "response"):
        return f"{value} Case {number}."
    return value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--distinct", action="store_true", help="make every text unique")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "handbook"
        files = write_project(project, args.count)
        if args.distinct:
            for number, path in enumerate(files, 1):
                path.write_text(dump(_distinct(yaml.safe_load(path.read_text("utf-8")), number)))
        runs = []
        for _ in range(args.runs):
            out = subprocess.run(
                [sys.executable, "-c", _RUN, str(project)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            runs.append(json.loads(out))
    best = {"standards": runs[0]["standards"], "texts": runs[0]["texts"]}
    for phase in ("import", "load", "lint", "total"):
        best[phase] = {clock: min(r[phase][clock] for r in runs) for clock in ("wall", "cpu")}
    print(
        f"{best['standards']} standards ({runs[0]['texts']} text fields, "
        f"{runs[0]['distinct']} distinct), {runs[0]['problems']} problems; "
        f"best of {args.runs} runs, wall (CPU) seconds:"
    )
    for phase, what in (
        ("import", "imports"),
        ("load", "load: parse and validate"),
        ("lint", "lint rules"),
        ("total", "total"),
    ):
        print(f"  {what:<26} {best[phase]['wall']:6.2f} ({best[phase]['cpu']:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
