"""Synthetic handbooks for benchmarks: N realistic standards made from the sample's text.

Every field is drawn from the same field of the sample standards (whole items, or
sentences of two items recombined), so the text stays like real standards in length and
wording, and lint rules see what they would see in a real handbook. The same seed gives
the same files, byte for byte, and the same git history.

Over 300 lines: one generator per field of the format, and the project and git history
around them.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import shutil
import subprocess
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from . import targets
from .loader import load
from .settings import Settings

# Ten areas, as in the plain-MkDocs baseline of ten folders: the sample's seven and three
# more that large organisations keep. Each has the id prefix its standards use.
AREAS: dict[str, tuple[str, str]] = {
    "telephone": ("Telephone", "PHONE"),
    "email-and-chat": ("Email and chat", "CHAT"),
    "in-person": ("In person", "DESK"),
    "complaints": ("Complaints", "COMP"),
    "appearance-and-conduct": ("Appearance and conduct", "CONDUCT"),
    "uncommon-situations": ("Uncommon situations", "UNC"),
    "service-policy": ("Service policy", "POLICY"),
    "payments-and-billing": ("Payments and billing", "PAY"),
    "deliveries-and-returns": ("Deliveries and returns", "DELIV"),
    "accessibility": ("Accessibility", "ACCESS"),
}

# Who a standard is for, to make thousands of distinct titles from the sample's few.
_SEGMENTS = (
    "retail customers",
    "business accounts",
    "new customers",
    "members",
    "trade customers",
    "students",
    "older customers",
    "key accounts",
    "the returns desk",
    "the night shift",
    "the weekend team",
    "the help desk",
    "partner shops",
    "outlet stores",
    "the call centre",
)
_SITES = (
    "Leeds",
    "Bristol",
    "Glasgow",
    "Cardiff",
    "Belfast",
    "Norwich",
    "York",
    "Derby",
    "Exeter",
    "Dundee",
    "Bath",
    "Hull",
    "Preston",
    "Oxford",
    "Reading",
    "Swansea",
    "Lincoln",
    "Carlisle",
    "Chester",
    "Durham",
)
_STATUSES = ("active",) * 17 + ("pilot", "pilot", "retired")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_TEXT_LISTS = ("rules", "steps", "aliases", "tags")
_RECORD_LISTS = ("targets", "wordings", "examples", "escalation")
KEY_ORDER = (
    "id",
    "title",
    "summary",
    "area",
    "situation",
    "aliases",
    "channels",
    "stage",
    "status",
    "owner",
    "effective",
    "last_reviewed",
    "review_by",
    "tags",
    "rules",
    "targets",
    "steps",
    "wordings",
    "examples",
    "escalation",
    "illustrations",
    "related",
    "sources",
)
EPOCH = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)


class SynthError(Exception):
    pass


@dataclass
class Pools:
    """The sample standards' values, field by field, to draw from."""

    samples: list[dict[str, Any]]
    values: dict[str, list[Any]]

    @classmethod
    def from_sample(cls, sample: Path) -> Pools:
        handbook = load(Settings.from_mkdocs_yml(sample / "mkdocs.yml"))
        samples = [s.data for s in handbook.standards]
        if not samples:
            raise SynthError(f"{sample}: no valid sample standards to draw text from")
        values: dict[str, list[Any]] = {}
        for data in samples:
            for key, value in data.items():
                items = value if isinstance(value, list) else [value]
                values.setdefault(key, []).extend(items)
        return cls(samples, values)

    def pick(self, rng: random.Random, key: str) -> Any:
        return rng.choice(self.values[key])


def _mix(rng: random.Random, first: str, second: str) -> str:
    """The first sentences of one text followed by the last of another."""
    a, b = _SENTENCE.split(first), _SENTENCE.split(second)
    if len(a) < 2 or len(b) < 2:
        return first
    return " ".join([*a[: len(a) // 2 or 1], *b[len(b) // 2 :]])


def _texts(rng: random.Random, pools: Pools, key: str, count: int) -> list[str]:
    chosen: list[str] = []
    pool = pools.values.get(key, [])
    for _ in range(count * 3):
        if len(chosen) == count or not pool:
            break
        text = rng.choice(pool)
        if key in ("rules", "steps") and rng.random() < 0.5:
            text = _mix(rng, text, rng.choice(pool))
        if text not in chosen:
            chosen.append(text)
    return chosen


def _records(rng: random.Random, pools: Pools, key: str, count: int) -> list[dict[str, Any]]:
    pool = pools.values.get(key, [])
    records = [dict(rng.choice(pool)) for _ in range(count)] if pool else []
    if key == "examples" and len(records) >= 2:
        # A good and a poor example, as editors write them.
        good = [e for e in pool if e["kind"] == "good"]
        poor = [e for e in pool if e["kind"] == "poor"]
        if good and poor:
            records[0], records[1] = dict(rng.choice(good)), dict(rng.choice(poor))
    if key == "targets":
        # Target ids are unique within a standard: a target drawn twice gets a new one.
        seen: set[str] = set()
        for number, record in enumerate(records, 1):
            if record.get("id") in seen:
                record["id"] = f"{record['id']}-{number}"
            seen.add(record.get("id", ""))
    return records


class Generator:
    def __init__(self, pools: Pools, seed: int, pictures: list[str]):
        self.pools = pools
        self.rng = random.Random(seed)
        self.pictures = pictures
        self.titles: set[str] = set()
        self.heads: set[str] = set()  # the first words of each situation, lower case
        self.aliases: set[str] = set()

    def title(self, base: str, situation: str) -> tuple[str, str, str]:
        """A title no other standard has, who the standard is for ("members, Leeds"), and
        its situation said for them ("Leeds members: a customer asks ..."), whose first six
        words no other standard's situation starts with (the situation query of
        benchmarks/search_rank.py): each synthetic standard has its own, as in a real
        handbook, so alias and situation queries have one right answer."""
        rng = self.rng
        lower = situation[:1].lower() + situation[1:]
        for _ in range(50):
            segment, site = rng.choice(_SEGMENTS), rng.choice(_SITES)
            title = f"{base}: {segment}, {site}"
            said = f"{site} {segment.removeprefix('the ')}: {lower}"
            head = " ".join(said.lower().split()[:6])
            if title not in self.titles and head not in self.heads and len(title) <= 80:
                self.titles.add(title)
                self.heads.add(head)
                return title, f"{segment}, {site}", said
        number = len(self.titles) + 1
        self.titles.add(f"{base} {number}")
        return f"{base} {number}", f"team {number}", f"Team {number}: {lower}"

    def own_aliases(self, drawn: list[str], whom: str) -> list[str]:
        """The sample's aliases said for this standard's people and place ("refund request
        (members, Leeds)"): no two synthetic standards share one."""
        own = []
        for alias in drawn:
            text = f"{alias} ({whom})"
            if len(text) <= 80 and text.lower() not in self.aliases:
                self.aliases.add(text.lower())
                own.append(text)
        return own

    def standard(self, sid: str, area: str, ids_in_area: list[str]) -> dict[str, Any]:
        rng, pools = self.rng, self.pools
        # Title, summary and field counts follow one real standard of the same area.
        local = [d for d in pools.samples if d.get("area") == area]
        model = rng.choice(local or pools.samples)
        effective = dt.date(2024, 6, 1) + dt.timedelta(days=rng.randrange(540))
        reviewed = effective + dt.timedelta(days=rng.randrange(30, 300))
        # Far enough ahead that the handbook stays current for a few years of benchmarks.
        review_by = dt.date(2029, 1, 1) + dt.timedelta(days=rng.randrange(700))
        title, whom, situation = self.title(model["title"], model["situation"])
        data: dict[str, Any] = {
            "id": sid,
            "title": title,
            "summary": model["summary"] if rng.random() < 0.5 else pools.pick(rng, "summary"),
            "area": area,
            "situation": situation,
            "channels": list(rng.choice(pools.samples).get("channels") or ["phone"]),
            "stage": pools.pick(rng, "stage"),
            "status": rng.choice(_STATUSES),
            "owner": model["owner"],
            "effective": effective.isoformat(),
            "last_reviewed": reviewed.isoformat(),
            "review_by": review_by.isoformat(),
            "sources": list(rng.choice(pools.samples).get("sources") or ["management"]),
        }
        for key in _TEXT_LISTS:
            count = len(model.get(key) or [])
            if count or key == "rules":
                data[key] = _texts(rng, pools, key, max(count, 1 if key == "rules" else 0))
        if data.get("aliases"):
            data["aliases"] = self.own_aliases(data["aliases"], whom)
        for key in _RECORD_LISTS:
            count = len(model.get(key) or [])
            if count:
                data[key] = _records(rng, pools, key, count)
        if self.pictures and rng.random() < 0.3:
            alt = pools.pick(rng, "illustrations")
            data["illustrations"] = [{**alt, "file": rng.choice(self.pictures)}]
        others = [i for i in ids_in_area if i != sid]
        if others:
            data["related"] = rng.sample(others, min(len(others), rng.randint(1, 3)))
        return {key: data[key] for key in KEY_ORDER if data.get(key) not in (None, [])}


def dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def _file_name(data: dict[str, Any]) -> str:
    words = re.sub(r"[^a-z0-9]+", "-", data["title"].lower()).strip("-")
    return f"{data['id'].lower()}-{words[:50].rstrip('-')}.yml"


def default_sample() -> Path:
    """The repository's own handbook, next to the installed package (editable install)."""
    return Path(__file__).resolve().parents[2]


def write_project(
    out: Path,
    count: int,
    seed: int = 1,
    revisions: int = 0,
    sample: Path | None = None,
    results: int = 0,
) -> list[Path]:
    """Write a buildable handbook project with `count` standards; return their files.

    With `results`, also that many months of results of every target, up to October 2026,
    in `results/synthetic.csv`.
    """
    sample = sample or default_sample()
    if not (sample / "mkdocs.yml").is_file():
        raise SynthError(f"{sample}: no mkdocs.yml of a sample handbook to model on")
    if out.exists() and any(out.iterdir()):
        raise SynthError(f"{out} is not empty: give a new or empty folder")
    out.mkdir(parents=True, exist_ok=True)
    pools = Pools.from_sample(sample)
    _copy_site(sample, out)
    pictures = sorted(p.name for p in (out / "illustrations").glob("*") if p.is_file())
    gen = Generator(pools, seed, pictures)
    areas = list(AREAS)
    per_area = {a: [f"{AREAS[a][1]}-{n:03d}" for n in range(1, count + 1)] for a in areas}
    share = {a: count // len(areas) + (i < count % len(areas)) for i, a in enumerate(areas)}
    files: dict[Path, dict[str, Any]] = {}
    for area in areas:
        ids = per_area[area][: share[area]]
        for sid in ids:
            data = gen.standard(sid, area, ids)
            files[out / "standards" / area / _file_name(data)] = data
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump(data), "utf-8")
    _fit_cards(out, files)
    if results:
        write_results(out / "results" / "synthetic.csv", list(files.values()), results, seed)
    if revisions:
        _history(out, files, revisions, random.Random(seed + 1), pools)
    return sorted(files)


def _fit_cards(out: Path, files: dict[Path, dict[str, Any]]) -> None:
    """Give each standard whose quick card does not fit the `card:` section its editors
    would write (cards/fitting.py): a real handbook prints every card, its strict build
    refusing one too long, so a synthetic one is built as such a handbook is."""
    from .cards.fitting import fitted_sections
    from .cards.model import carded
    from .cards.sizes import SIZES

    handbook = load(Settings.from_mkdocs_yml(out / "mkdocs.yml"))
    size = SIZES[handbook.settings.options.cards.size]
    sections = fitted_sections(handbook, carded(handbook), size)
    for path, data in files.items():
        if data["id"] in sections:
            data["card"] = sections[data["id"]]
            path.write_text(dump(data), "utf-8")


def months_up_to(last: tuple[int, int], count: int) -> list[str]:
    """`count` months ending with (year, month), oldest first, as 2026-10."""
    year, month = last
    found = []
    for _ in range(count):
        found.append(f"{year}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return found[::-1]


def write_results(path: Path, standards: list[dict[str, Any]], months: int, seed: int) -> int:
    """A results file: each target's monthly result, near its goal, met about 3 times in 4."""
    rng = random.Random(seed + 2)
    periods = months_up_to((2026, 10), months)
    lines = [
        "# sample data: synthetic results for benchmarks",
        "period,standard,target,value,unit,goal,note",
    ]
    for data in standards:
        for target in data.get("targets") or []:
            goal = targets.current_goal(target)
            if not target.get("id") or goal is None:
                continue
            unit = targets.result_unit(target)
            better = 1 if targets.higher_is_better(target) else -1
            centre = sum(goal) / len(goal)
            spread = max(abs(centre) * 0.05, 0.5)
            goal_text = "-".join(targets.number(g) for g in goal)
            for period in periods:
                value = centre + better * rng.gauss(spread * 0.7, spread)
                value = round(max(0.0, min(value, 100.0) if unit == "%" else value), 1)
                lines.append(
                    f"{period},{data['id']},{target['id']},{targets.number(value)},{unit},{goal_text},"
                )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return len(lines) - 2


def _copy_site(sample: Path, out: Path) -> None:
    for name in ("docs", "overrides", "illustrations"):
        if (sample / name).is_dir():
            shutil.copytree(sample / name, out / name)
    if (sample / "glossary.yml").is_file():  # the sample's nav lists its Glossary page
        shutil.copy2(sample / "glossary.yml", out / "glossary.yml")
    # What `handbook init` keeps out of git (built sites, the cards' cache): the build
    # leaves a committed cache alone and warns (cards/cache.py).
    ignored = resources.files("handbook").joinpath("templates/init/gitignore")
    (out / ".gitignore").write_text(ignored.read_text("utf-8"), "utf-8")
    (out / "standards").mkdir()
    text = (sample / "mkdocs.yml").read_text("utf-8")
    match = re.search(r"^(\s*)- handbook:[ \t]*\n(\s*)", text, re.M)
    if not match:
        raise SynthError(f"{sample}/mkdocs.yml has no '- handbook:' plugin entry with options")
    indent = match.group(2)
    lines = [f"{indent}areas:\n"] + [
        f"{indent}  {slug}: {title}\n" for slug, (title, _) in AREAS.items()
    ]
    text = text[: match.end(0) - len(indent)] + "".join(lines) + text[match.end(0) - len(indent) :]
    (out / "mkdocs.yml").write_text(text, "utf-8")
    if list(Settings.from_mkdocs_yml(out / "mkdocs.yml").areas) != list(AREAS):
        raise SynthError(f"{sample}/mkdocs.yml: could not set the synthetic areas")


def git(out: Path, *args: str, when: dt.datetime | None = None) -> None:
    """Run git in `out` as a fixed editor at a fixed time, untouched by the user's config,
    so the same seed makes the same commits."""
    stamp = (when or EPOCH).isoformat()
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Synth Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Synth Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "HOME": str(out),
    }
    try:
        subprocess.run(["git", *args], cwd=out, env=env, check=True, capture_output=True)
    except FileNotFoundError:
        raise SynthError("--revisions makes a git repository: install git") from None
    except subprocess.CalledProcessError as e:
        told = e.stderr.decode(errors="replace").strip()
        raise SynthError(f"git {args[0]} failed for --revisions: {told}") from None


def _history(
    out: Path, files: dict[Path, dict[str, Any]], revisions: int, rng: random.Random, pools: Pools
) -> None:
    """A git repository whose last `revisions` commits are the edits editors make."""
    git(out, "init", "-q", "-b", "main")
    git(out, "add", ".")
    git(out, "commit", "-q", "-m", "Handbook as first published")
    paths = sorted(files)
    for number in range(1, revisions + 1):
        path = rng.choice(paths)
        data = files.pop(path)
        message, new_path = _edit(rng, pools, path, data)
        paths[paths.index(path)] = new_path
        files[new_path] = data
        if new_path != path:
            git(out, "mv", str(path.relative_to(out)), str(new_path.relative_to(out)))
        new_path.write_text(dump(data), "utf-8")
        git(out, "add", str(new_path.relative_to(out)))
        git(out, "commit", "-q", "-m", message, when=EPOCH + dt.timedelta(days=number))


def _edit(rng: random.Random, pools: Pools, path: Path, data: dict[str, Any]) -> tuple[str, Path]:
    """Change one standard as an editor would; returns the commit message and its path."""
    sid = data["id"]
    kind = rng.choice(("target", "target", "wording", "wording", "rule", "retire", "rename"))
    if kind == "target" and data.get("targets"):
        target = rng.choice(data["targets"])
        key = {"service-level": "share", "range": "max"}.get(target.get("kind"), "value")
        old = target.get(key, 1)
        new = max(1, old + rng.choice((-5, -1, 1, 2, 5))) if old > 5 else old + 1
        target[key] = min(new, 100) if key == "share" else new
        return f"{sid}: target for {target['metric'].lower()} is now {target[key]}", path
    if kind == "retire" and data["status"] != "retired":
        data["status"] = "retired"
        return f"{sid}: retire, replaced by newer practice", path
    if kind == "rename":
        data["title"] = data["title"].split(":")[0] + f": {rng.choice(_SEGMENTS)}"
        return f"{sid}: new title '{data['title']}'", path.with_name(_file_name(data))
    if kind == "wording" or not pools.values.get("rules"):
        wording = dict(rng.choice(pools.values["wordings"]))
        data.setdefault("wordings", []).append(wording)
        return f"{sid}: add a wording for '{wording.get('when', 'any time')}'", path
    data["rules"].append(rng.choice(pools.values["rules"]))
    return f"{sid}: add a rule", path
