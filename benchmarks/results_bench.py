"""Benchmark: results of targets, for a 1,000-standard synthetic handbook.

1. Load and validate 1,000 standards × 24 months of results (about 47,000 rows), each
   run in a fresh interpreter after the standards are loaded: target under 1 s.
2. With `--build`: the site built with 12 months of results against the same site
   without them, cold, builds taking turns (as `run.py`): as shipped (the sample's
   configuration, quick cards checked and printed), and, labelled, with the quick
   cards off, where the results are a larger share: target within 10%.
3. With `--charts`: our trend charts against two charting libraries (pygal, matplotlib)
   drawing the same charts (line, marks, stepped dashed target, 12 labelled periods, no
   script) for 1,000 targets: CPU time and size. The libraries are not dependencies of
   the handbook: `pip install pygal matplotlib` to measure them.

    .venv/bin/python benchmarks/results_bench.py [--count 1000] [--runs 3] [--build] [--charts]

Figures go into results.json and results.md (the section "Results of targets") and the
docs page, keeping the other benchmarks' figures. The machine is shared: the load average
is recorded with each figure; CPU time is the fairer measure when it is high.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

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


def _loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def load_time(project: Path, runs: int) -> dict[str, Any]:
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
        "seconds": statistics.median(f["wall"] for f in found),
        "cpu_seconds": statistics.median(f["cpu"] for f in found),
        "runs": runs,
    }


def builds(work: Path, count: int, runs: int) -> dict[str, Any]:
    """Without and with 12 months of results: as shipped, and with the quick cards off."""
    projects = {}
    for label, months in (("without", 0), ("with 12 months", 12)):
        shipped, off = work / f"shipped-{months}", work / f"cards-off-{months}"
        write_project(shipped, count, results=months)
        write_project(off, count, results=months)
        card_check_off(off)
        projects[f"as shipped, {label}"] = shipped
        projects[f"cards off, {label}"] = off
    before = _loadavg()
    figures = median_builds(projects, runs)
    return {
        "runs": runs,
        "load_average_before": before,
        "load_average_after": _loadavg(),
        **{
            kind: {
                "without": figures[f"{kind}, without"],
                "with": figures[f"{kind}, with 12 months"],
            }
            for kind in ("as shipped", "cards off")
        },
    }


# --- Charting libraries ----------------------------------------------------------------------


def _targets(project: Path) -> list[tuple[Any, Any]]:
    from handbook.loader import load
    from handbook.settings import Settings

    handbook = load(Settings.from_mkdocs_yml(project / "mkdocs.yml"))
    return [(s, r) for s in handbook.published() for r in handbook.results.of(s) if r.outcomes]


def _ours(s: Any, r: Any) -> str:
    from handbook.results.chart import chart
    from handbook.results.feature import _chart_title

    return chart(r, _chart_title(s, r))


def _pygal(s: Any, r: Any) -> bytes:
    import pygal
    from pygal.style import Style

    shown = r.shown
    style = Style(background="white", plot_background="white", colors=("#000", "#000"))
    graph = pygal.Line(
        width=360, height=170, js=[], style=style, show_legend=True, legend_at_bottom=True
    )
    graph.title = None
    graph.x_labels = [o.result.period.short for o in shown]
    graph.add("result", [o.result.value for o in shown])
    goals = [o.goal[0] if o.goal else None for o in shown]
    graph.add("target", goals, stroke_style={"dasharray": "6,4"}, show_dots=False)
    return bytes(graph.render())


def _matplotlib(s: Any, r: Any) -> bytes:
    import matplotlib.pyplot as plt

    shown = r.shown
    xs = list(range(len(shown)))
    values = [o.result.value for o in shown]
    figure, axes = plt.subplots(figsize=(3.6, 1.7), dpi=100)
    axes.plot(xs, values, color="black", linewidth=2)
    met = [(x, v) for x, v, o in zip(xs, values, shown, strict=True) if o.met is not False]
    missed = [(x, v) for x, v, o in zip(xs, values, shown, strict=True) if o.met is False]
    if met:
        axes.plot(*zip(*met, strict=True), "o", color="black", label="met")
    if missed:
        axes.plot(*zip(*missed, strict=True), "s", mfc="white", mec="black", label="missed")
    goals = [o.goal[0] if o.goal else float("nan") for o in shown]
    axes.step(xs, goals, where="mid", color="black", linestyle="--", label="target")
    axes.set_xticks(xs, [o.result.period.short for o in shown])
    axes.legend(loc="lower left", fontsize=7, frameon=False, ncols=3)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg")
    plt.close(figure)
    return buffer.getvalue()


def chart_libraries(project: Path, count: int) -> dict[str, Any]:
    """CPU time and size of `count` charts drawn by each way that is installed (neither
    library is a dependency of the handbook: one not installed is reported so)."""
    try:
        import matplotlib
    except ImportError:
        pass
    else:
        matplotlib.use("svg")
        matplotlib.rcParams["svg.fonttype"] = "none"  # text as text: smaller, as ours
    pairs = _targets(project)[:count]
    found: dict[str, Any] = {"charts": len(pairs), "load_average_before": _loadavg()}
    for name, draw in (("ours", _ours), ("pygal", _pygal), ("matplotlib", _matplotlib)):
        try:
            draw(*pairs[0])  # imports and first-use costs are not per chart
        except ImportError as e:
            found[name] = {"available": False, "note": f"not installed ({e.name})"}
            continue
        clock = time.process_time()
        size = sum(len(draw(s, r)) for s, r in pairs)
        cpu = time.process_time() - clock
        found[name] = {"cpu_seconds": cpu, "bytes": size}
    found["load_average_after"] = _loadavg()
    return found


# --- Writing the figures ---------------------------------------------------------------------


def save(found: dict[str, Any], out: Path, docs: Path | None) -> None:
    """Into results.json's `results` (keeping parts not measured this run), results.md
    and the docs page."""
    from report import write_reports

    results_file = out / "results.json"
    results = json.loads(results_file.read_text("utf-8")) if results_file.is_file() else {}
    results["results"] = {**results.get("results", {}), **found}
    if "machine" in results and "builds" in results:
        write_reports(results, out, docs)
    else:
        out.mkdir(parents=True, exist_ok=True)
        results_file.write_text(json.dumps(results, indent=1) + "\n", "utf-8")


def measure(work: Path, count: int, runs: int, build: bool, charts: bool) -> dict[str, Any]:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=HERE, capture_output=True, text=True
    ).stdout.strip()
    # Each part carries when and at what commit it was measured: a later run of one
    # part keeps the others' figures.
    stamp = {"date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"), "commit": commit}
    found: dict[str, Any] = {"count": count}
    project = work / "months-24"
    write_project(project, count, results=24)
    load = load_time(project, runs)
    found["load"] = {**load, "load_average": _loadavg(), **stamp}
    print(
        f"results load+validate, {count} standards x 24 months ({load['rows']} rows): "
        f"median {load['seconds']:.2f} s wall, {load['cpu_seconds']:.2f} s CPU "
        f"(median of {runs}, load average {found['load']['load_average']})",
        flush=True,
    )
    if charts:
        libraries = chart_libraries(project, 1000)
        found["charts"] = {**libraries, **stamp}
        for name in ("ours", "pygal", "matplotlib"):
            figure = libraries[name]
            if figure.get("available", True):
                print(
                    f"{libraries['charts']} charts, {name}: {figure['cpu_seconds']:.2f} s CPU, "
                    f"{figure['bytes'] / 1e6:.1f} MB",
                    flush=True,
                )
    if build:
        figures = builds(work, count, runs)
        found["build"] = {**figures, **stamp}
        for kind in ("as shipped", "cards off"):
            base, measured = figures[kind]["without"], figures[kind]["with"]
            print(
                f"build, {count} standards, {kind}: without results "
                f"{base['cpu_seconds']:.1f} s CPU, with 12 months "
                f"{measured['cpu_seconds']:.1f} s: "
                f"{measured['cpu_seconds'] / base['cpu_seconds']:.2f}x CPU, "
                f"{measured['output_mb'] - base['output_mb']:+.1f} MB (median of {runs}, load "
                f"{figures['load_average_before']} before, {figures['load_average_after']} after)",
                flush=True,
            )
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--build", action="store_true", help="also compare site builds")
    parser.add_argument("--charts", action="store_true", help="also time charting libraries")
    parser.add_argument("--out", type=Path, default=HERE, help="where results.json/md are")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="results-bench-"))
    try:
        found = measure(work, args.count, args.runs, args.build, args.charts)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    docs = HERE.parent / "docs" / "editors" / "benchmarks.md" if args.out == HERE else None
    save(found, args.out, docs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
