"""`make bench`: the handbook's build against plain MkDocs + Material, on this machine.

Measures, in one run: build time, output size and peak memory for 100, 1,000 and 5,000
synthetic standards (`handbook synth`), each built as it comes (the sample's mkdocs.yml:
quick cards checked, with a PDF per area) and cold (no `.cache/` kept between runs);
at 1,000 also without the quick cards, labelled so; the same standards as hand-written Markdown built
by plain MkDocs + Material, with default settings and with `navigation.prune`; lint,
changelog and quick-card PDF times (the other benchmarks in this folder); and the time
from saving a standard to the updated page under `mkdocs serve`; results of targets (load,
the build with 12 months of them, charts: `results_bench.py`); and the handbook's search
against Material's default search (`search_bench.py`). Each figure is the
median of several runs. Writes results.json, results.md and the docs page showing them.

    .venv/bin/python benchmarks/run.py [--runs 3] [--quick] [--sizes 100,1000,5000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from baseline import write_baseline  # noqa: E402
from handbook.synth import git, write_project  # noqa: E402
from report import write_reports  # noqa: E402
from search_bench import _for_files as search_for_files  # noqa: E402
from search_bench import measure as measure_search  # noqa: E402

TIME = Path("/usr/bin/time")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
SERVE_TIMEOUT = 900
# As `make serve` runs it: dirty rebuilds write only the pages that changed.
SERVE_ARGS = ["--dirty"]


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.M)
        cpu = found.group(1).strip() if found else cpu
    ram = None
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        found = re.search(r"^MemTotal:\s*(\d+) kB", meminfo.read_text(), re.M)
        ram = round(int(found.group(1)) / 1024**2, 1) if found else None
    commit = (
        os.environ.get("HANDBOOK_BENCH_COMMIT")
        or subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": ram,
        "os": platform.platform(terse=True),
        "python": platform.python_version(),
        "mkdocs": metadata.version("mkdocs"),
        "material": metadata.version("mkdocs-material"),
        "commit": commit,
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def card_check_off(project: Path) -> None:
    """Leave out the quick cards' fit check and PDFs, for the labelled figure beside the
    main series (which builds each handbook as `handbook synth` writes it, as shipped)."""
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    found = re.search(r"^\s*- handbook:[ \t]*\n(\s*)", text, re.M)
    if not found:
        raise RuntimeError(f"{config}: no handbook plugin options to change")
    indent = found.group(1)
    off = f'{indent}cards: {{overflow: "off", pdf: false}}\n'
    # Drop the `cards:` option as written (one line, or a block of deeper lines).
    text = re.sub(rf"^{indent}cards:.*\n(?:{indent}[ \t]+.*\n)*", "", text, flags=re.M)
    at = found.end(0) - len(indent)
    config.write_text(text[:at] + off + text[at:], "utf-8")


def size_of(folder: Path) -> tuple[int, int]:
    """Bytes and number of files under a folder."""
    total = count = 0
    for path in folder.rglob("*"):
        if path.is_file():
            total += path.stat().st_size
            count += 1
    return total, count


# Every run writes to a folder of its own, removed when the benchmark ends. Deleting the
# last run's thousands of files just before a build makes ext4 skip over their freshly
# freed inodes for every file the build creates (`recently_deleted` in the kernel's
# profile): a cost of the benchmark loop, not of a build, which fell hardest on the
# site with the most files.
OUTPUTS = "bench-outputs"


def build_once(project: Path) -> dict[str, float]:
    """One cold `mkdocs build` in a fresh process: wall time, peak memory, output size.

    Cold as CI and the publish workflow start: no `.cache/` (the quick cards' typeset
    measures and PDFs) is kept from the previous run.
    """
    shutil.rmtree(project / ".cache", ignore_errors=True)
    site = project / OUTPUTS / f"site-{time.time_ns()}"
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)]
    report = project / ".time.txt"
    if TIME.is_file():
        command = [str(TIME), "-v", "-o", str(report), *command]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=project, env=ENV, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if done.returncode != 0:
        raise RuntimeError(f"build of {project} failed:\n{done.stdout}{done.stderr}"[-3000:])
    if report.is_file():
        found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report.read_text())
        peak_mb = int(found.group(1)) / 1024 if found else None
    else:  # no GNU time: the largest child so far, which is this build or a bigger one
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    output, files = size_of(site)
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "peak_mb": peak_mb,
        "output_mb": output / 1e6,
        "files": files,
    }


def median_build(project: Path, runs: int, label: str) -> dict[str, Any]:
    return median_builds({label: project}, runs)[label]


def median_builds(projects: dict[str, Path], runs: int) -> dict[str, dict[str, Any]]:
    """Median figures of each project, built in turn run after run.

    The machine is shared and its speed drifts over minutes (plain MkDocs at 1,000 pages
    took 9.6 s in one run and 14 s a quarter of an hour later), so builds that are
    compared alternate rather than follow one another.
    """
    results: dict[str, list[dict[str, float]]] = {label: [] for label in projects}
    for run in range(runs):
        for label, project in projects.items():
            results[label].append(build_once(project))
            last = results[label][-1]
            print(
                f"  {label}: run {run + 1}/{runs}: {last['seconds']:.1f} s "
                f"(CPU {last['cpu_seconds']:.1f} s)",
                flush=True,
            )
    return {label: _median(found) for label, found in results.items()}


def _median(results: list[dict[str, float]]) -> dict[str, Any]:
    return {
        "seconds": statistics.median(r["seconds"] for r in results),
        "cpu_seconds": statistics.median(r["cpu_seconds"] for r in results),
        "runs": [round(r["seconds"], 2) for r in results],
        "peak_mb": max(r["peak_mb"] or 0 for r in results),
        "output_mb": results[-1]["output_mb"],
        "files": results[-1]["files"],
    }


def other_benchmark(script: str, args: list[str], pattern: str) -> dict[str, Any]:
    """Run another engineer's benchmark script and read its headline time."""
    path = HERE / script
    if not path.is_file():
        return {"available": False, "note": f"{script} not available yet"}
    done = subprocess.run(
        [sys.executable, str(path), *args], cwd=ROOT, env=ENV, capture_output=True, text=True
    )
    output = (done.stdout + done.stderr).strip()
    found = re.search(pattern, output)
    if not found:
        return {"available": False, "note": f"{script}: no time in its output", "output": output}
    return {"available": True, "seconds": float(found.group(1)), "output": output}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


def serve_reload(project: Path, runs: int) -> dict[str, Any]:
    """Seconds from saving a changed standard to its changed page and quick card page
    served by `mkdocs serve`; the first save is the first change to a clean checkout."""
    port = free_port()
    log = open(project / ".serve.log", "w")  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *SERVE_ARGS, "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    standards = sorted((project / "standards").rglob("*.yml"))
    standard, original = standards[0], standards[0].read_text("utf-8")
    times: list[float] = []
    try:
        start = time.perf_counter()
        while _fetch(f"http://127.0.0.1:{port}/") is None:
            if server.poll() is not None or time.perf_counter() - start > SERVE_TIMEOUT:
                raise RuntimeError(f"mkdocs serve did not start: see {project}/.serve.log")
            time.sleep(0.5)
        first_build = time.perf_counter() - start
        # The first standard that has a quick card (a synthetic card may not fit), whose
        # card page shows the summary too (its description).
        for standard in standards:
            original = standard.read_text("utf-8")
            page_id = re.search(r"^id: (\S+)", original, re.M).group(1).lower()
            url = f"http://127.0.0.1:{port}/standards/{page_id}/"
            card_url = f"http://127.0.0.1:{port}/cards/{page_id}.html"
            if _fetch(card_url) is not None:
                break
        else:
            raise RuntimeError("no standard of the project has a quick card")
        for run in range(runs):
            time.sleep(1.5)  # let the watcher settle after the previous rebuild
            token = f"Reload check {run} {time.time_ns()}"
            text = re.sub(r"^summary: .*$", f"summary: {token}.", original, count=1, flags=re.M)
            start = time.perf_counter()
            standard.write_text(text, "utf-8")
            while token not in (_fetch(url) or "") or token not in (_fetch(card_url) or ""):
                if time.perf_counter() - start > 120:
                    raise RuntimeError("the edited page did not update within 120 s")
                time.sleep(0.05)
            times.append(time.perf_counter() - start)
            print(f"  serve: edit {run + 1}/{runs}: {times[-1]:.2f} s", flush=True)
    finally:
        standard.write_text(original, "utf-8")
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    return {
        "seconds": statistics.median(times),
        "runs": [round(t, 2) for t in times],
        "first_build_seconds": first_build,
    }


def handbook_project(project: Path, count: int) -> Path:
    """A synthetic handbook as editors keep one: a git checkout (as CI and the publish
    workflow clone it), its first published state and one edit committed, nothing
    changed since. The changelog and the cards' revisions are made from git."""
    if not project.exists():
        write_project(project, count, seed=1, revisions=1)
    return project


def plain_project(work: Path, source: Path, mode: str, count: int) -> Path:
    """The plain MkDocs project of a synthetic handbook, written the first time."""
    project = work / f"plain-{mode}-{count}"
    if not project.exists():
        write_baseline(source, project, prune=mode == "prune")
    return project


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--quick", action="store_true", help="1 run; 100 and 1,000 only")
    parser.add_argument("--sizes", default=None, help="standards counts, e.g. 100,1000,5000")
    parser.add_argument("--baseline-sizes", default=None, help="default: 100,1000")
    parser.add_argument(
        "--skip",
        default="",
        help="comma list: baseline,lint,changelog,cards,cards_off,serve,results,search",
    )
    parser.add_argument("--reuse", type=Path, help="keep skipped parts from this results.json")
    parser.add_argument("--work", type=Path, default=None, help="keep the projects here")
    parser.add_argument("--out", type=Path, default=HERE, help="where results.json/md go")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs" / "editors" / "benchmarks.md")
    args = parser.parse_args()
    runs = 1 if args.quick else args.runs
    sizes = [
        int(n) for n in (args.sizes or ("100,1000" if args.quick else "100,1000,5000")).split(",")
    ]
    baseline_sizes = [int(n) for n in (args.baseline_sizes or "100,1000").split(",")]
    skip = set(filter(None, args.skip.split(",")))
    work = args.work or Path(tempfile.mkdtemp(prefix="handbook-bench-"))
    results: dict[str, Any] = {"machine": machine(), "runs": runs, "builds": {}, "baseline": {}}
    if args.reuse:
        # Figures of a previous run for the parts skipped now (e.g. the slow baselines).
        previous = json.loads(args.reuse.read_text("utf-8"))
        parts = (
            "baseline",
            "lint",
            "changelog",
            "cards",
            "serve",
            "cards_off",
            "results",
            "search",
        )
        for part in parts:
            if part in skip and part in previous:
                results[part] = previous[part]
        results["reused"] = {"from": previous["machine"]["commit"], "parts": sorted(skip)}
    print(f"benchmarks in {work} on {results['machine']['cpu']}", flush=True)

    for count in sizes:
        project = handbook_project(work / f"handbook-{count}", count)
        projects = {f"handbook {count}": project}
        if count == 1000 and "cards_off" not in skip:
            # Beside the figure as shipped: the same handbook without the cards' fit check
            # and PDFs, labelled so in the results.
            off = work / "cards-off-1000"
            if not off.exists():
                handbook_project(off, count)
                card_check_off(off)
                git(off, "commit", "-qam", "Cards off")  # a clean checkout, as the others
            projects["handbook 1000, cards off"] = off
        if "baseline" not in skip and count in baseline_sizes:
            for mode in ("default", "prune"):
                projects[f"plain {mode} {count}"] = plain_project(work, project, mode, count)
        figures = median_builds(projects, runs)
        results["builds"][str(count)] = figures[f"handbook {count}"]
        if "handbook 1000, cards off" in figures:
            results["cards_off"] = {"1000": figures["handbook 1000, cards off"]}
        for mode in ("default", "prune"):
            if f"plain {mode} {count}" in figures:
                figure = figures[f"plain {mode} {count}"]
                results["baseline"].setdefault(str(count), {})[mode] = figure
    if "baseline" not in skip:
        for count in sorted(set(baseline_sizes) - set(sizes)):
            source = handbook_project(work / f"handbook-{count}", count)
            for mode in ("default", "prune"):
                project = plain_project(work, source, mode, count)
                figure = median_build(project, runs, f"plain {mode} {count}")
                results["baseline"].setdefault(str(count), {})[mode] = figure

    runs_arg = ["--runs", str(runs)]
    if "lint" not in skip:
        print("  lint 1,000 standards", flush=True)
        results["lint"] = other_benchmark(
            "lint_bench.py", ["--count", "1000", *runs_arg], r"total\s+([\d.]+)"
        )
    if "changelog" not in skip:
        print("  changelog 1,000 standards x 50 revisions", flush=True)
        results["changelog"] = other_benchmark(
            "changelog_bench.py",
            ["--count", "1000", "--revisions", "50", *runs_arg],
            r"cold build: median ([\d.]+) s",
        )
    if "cards" not in skip:
        print("  PDF of 100 quick cards", flush=True)
        results["cards"] = other_benchmark(
            "cards_bench.py", ["--count", "100", *runs_arg], r"median ([\d.]+) s"
        )
    if "serve" not in skip:
        project = handbook_project(work / "handbook-1000", 1000)
        results["serve"] = serve_reload(project, max(runs, 5))

    if "results" not in skip:
        from results_bench import measure as measure_results  # it imports this module

        print("  results of targets: load, builds with and without, charts", flush=True)
        results["results"] = measure_results(work / "results", 1000, runs, True, True)

    if "search" not in skip:
        print("  search: ranking, page weight and speed (search_bench.py)", flush=True)
        results["search"] = search_for_files(measure_search(work / "search", sizes, runs, set()))

    write_reports(results, args.out, args.docs)
    print((args.out / "results.md").read_text("utf-8"))
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    else:
        for project in work.iterdir():
            shutil.rmtree(project / OUTPUTS, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
