"""Benchmark: build the changelog of 1,000 standards over 50 revisions, and print the time.

The standards are made by `handbook synth` from the sample's text, in a temporary git
repository. The first revision publishes them all; each of the 49 after it edits 5 to 40
standards as editors do (targets, rules, steps, wordings, summaries, typo fixes,
retirements, renamed and moved files, new and removed standards). Timed: what the site
build does for the changelog (git history, parsing, comparing, rendering every page, the
feed and the per-standard sections), cold in a fresh feature, then a `serve` rebuild.

    .venv/bin/python benchmarks/changelog_bench.py [--count 1000] [--revisions 50] [--runs 3]
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from handbook.changelog.feature import ChangelogFeature
from handbook.handbook import Handbook
from handbook.loader import load
from handbook.render.pages import PageExtras
from handbook.render.urls import Urls
from handbook.settings import Settings
from handbook.synth import Pools, default_sample, dump, git, write_project

START = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)


class History:
    """A synthetic handbook in git, edited revision by revision."""

    def __init__(self, root: Path, rng: random.Random, pools: Pools):
        self.root, self.rng, self.pools = root, rng, pools
        self.files = {
            p: yaml.safe_load(p.read_text("utf-8")) for p in sorted(root.glob("standards/*/*.yml"))
        }
        self.next_id = 900
        self.dirty: set[Path] = set()

    def git(self, *args: str, day: int = 0) -> None:
        git(self.root, *args, when=START + dt.timedelta(days=day))

    def edit(self, path: Path) -> str:
        """One editor's change to one standard; returns what it was."""
        rng, data = self.rng, self.files[path]
        self.dirty.add(path)
        kind = rng.choice(
            ["target", "rule", "rule", "step", "wording", "summary", "typo", "retire", "move"]
        )
        if kind == "target" and data.get("targets"):
            target = rng.choice(data["targets"])
            if isinstance(target.get("value"), int | float):
                target["value"] = max(1, target["value"] + rng.choice((-5, -1, 1, 2, 5)))
                return "target"
        if kind == "rule":
            if rng.random() < 0.5:
                data["rules"].append(self.pools.pick(rng, "rules"))
            else:
                data["rules"][rng.randrange(len(data["rules"]))] = self.pools.pick(rng, "rules")
            return "rule"
        if kind == "step" and data.get("steps"):
            data["steps"][rng.randrange(len(data["steps"]))] = self.pools.pick(rng, "steps")
            return "step"
        if kind == "wording":
            data.setdefault("wordings", []).append(dict(self.pools.pick(rng, "wordings")))
            return "wording"
        if kind == "typo":
            index = rng.randrange(len(data["rules"]))
            data["rules"][index] = data["rules"][index].replace(" the ", " teh ", 1)
            return "typo"
        if kind == "retire" and data["status"] != "retired":
            data["status"] = "retired"
            return "retire"
        if kind == "move":
            new = path.with_name("moved-" + path.name)
            self.git("mv", str(path.relative_to(self.root)), str(new.relative_to(self.root)))
            self.files[new] = self.files.pop(path)
            self.dirty.discard(path)
            self.dirty.add(new)
            data["rules"][0] = data["rules"][0].rstrip(".") + ", every time."
            return "move"
        data["summary"] = self.pools.pick(rng, "summary")
        return "summary"

    def revision(self, day: int) -> None:
        rng = self.rng
        for path in rng.sample(sorted(self.files), rng.randint(5, 40)):
            self.edit(path)
        if rng.random() < 0.3:  # a new standard, modelled on an existing one
            model = self.files[rng.choice(sorted(self.files))]
            prefix = model["id"].split("-")[0]
            data: dict[str, Any] = {**copy.deepcopy(model), "id": f"{prefix}-{self.next_id}"}
            self.next_id += 1
            new = self.root / "standards" / data["area"] / f"{data['id'].lower()}.yml"
            self.files[new] = data
            self.dirty.add(new)
        if rng.random() < 0.1:  # a standard removed
            path = rng.choice(sorted(self.files))
            del self.files[path]
            self.dirty.discard(path)
            path.unlink()
        for path in self.dirty:
            path.write_text(dump(self.files[path]), "utf-8")
        self.dirty.clear()
        self.git("add", "-A", "standards")
        self.git("commit", "-q", "-m", f"Revision {day}: edits from the review meeting", day=day)


def make_repository(root: Path, count: int, revisions: int) -> None:
    write_project(root, count, seed=7)
    history = History(root, random.Random(7), Pools.from_sample(default_sample()))
    history.git("init", "-q", "-b", "main")
    history.git("add", "-A")
    history.git("commit", "-q", "-m", "Handbook as first published")
    for day in range(1, revisions):
        history.revision(day)


def changelog_build(loaded: Handbook, feature: ChangelogFeature) -> dict[str, float]:
    """What a site build does for the changelog, timed in parts."""
    # Each build loads the standards anew (not timed here: the site build does it anyway).
    handbook = Handbook(loaded.standards, [], loaded.settings)
    cpu = _cpu()
    start = time.perf_counter()
    outcome = feature.outcome(handbook)
    assert outcome.changelog is not None, outcome.problems
    read = time.perf_counter()
    # As the site build calls the feature: sections for standard pages, then files.
    feature.extras(handbook, Urls(), PageExtras())
    files = feature.files(handbook, Urls())
    done = time.perf_counter()
    return {
        "history": read - start,
        "render": done - read,
        "total": done - start,
        "cpu": _cpu() - cpu,
        "revisions": len(outcome.changelog.revisions),
        "pages": len(files),
        "changes": sum(len(r.changes) for r in outcome.changelog.revisions),
    }


def _cpu() -> float:
    """CPU seconds of this process and of the git processes it ran."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--revisions", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="make the repository here, or reuse it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = args.keep or Path(folder) / "handbook"
        if not (root / ".git").is_dir():
            made = time.perf_counter()
            make_repository(root, args.count, args.revisions)
            print(f"made {args.count} standards, {args.revisions} revisions in "
                  f"{time.perf_counter() - made:.1f} s")  # fmt: skip
        loaded = load(Settings.from_mkdocs_yml(root / "mkdocs.yml"))
        cold = []
        for _ in range(args.runs):
            feature = ChangelogFeature()
            cold.append(changelog_build(loaded, feature))
        warm = changelog_build(loaded, feature)  # a `serve` rebuild: same HEAD
        best = min(cold, key=lambda r: r["total"])
        print(
            f"{best['revisions']} revisions, {best['changes']} standard changes, "
            f"{best['pages']} changelog files"
        )
        median = statistics.median(r["total"] for r in cold)
        cpu = statistics.median(r["cpu"] for r in cold)
        print(
            f"cold build: median {median:.2f} s wall, {cpu:.2f} s CPU (best: history "
            f"{best['history']:.2f} s, render {best['render']:.2f} s); "
            f"serve rebuild with HEAD unchanged: {warm['total']:.2f} s"
        )
        print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        return 0 if median < 5 else 1


if __name__ == "__main__":
    sys.exit(main())
