"""Checks of beside.py run by test_beside.py in a fresh interpreter (one that has not
run Typst, whose threads would keep it from forking): `python besidekit.py CHECK [DIR]`
prints its findings as JSON on the last line."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path


def synthetic(folder: str, count: int = 64, long_cards: bool = False):
    """A synthetic handbook; with `long_cards`, without the `card:` sections synth gives
    the standards whose cards would not fit (so some cards are too long)."""
    from handbook.loader import load
    from handbook.settings import Settings

    project = Path(folder) / f"synth-{count}"
    if not project.exists():
        # In a process of its own: synth lays the cards out to fit them, and a process
        # that has run Typst keeps its threads, so this one could no longer fork.
        write = "import sys; from pathlib import Path; from handbook.synth import write_project; "
        write += "write_project(Path(sys.argv[1]), int(sys.argv[2]), 3)"
        subprocess.run([sys.executable, "-c", write, str(project), str(count)], check=True)
        for path in (project / "standards").rglob("*.yml") if long_cards else ():
            text = path.read_text("utf-8")
            path.write_text(text.split("\ncard:\n")[0] + "\n", "utf-8")  # synth writes it last
    return load(Settings.from_mkdocs_yml(project / "mkdocs.yml"))


def undated(data):
    """A file's content, a PDF's without the time it was made (and the ids made from it)."""
    if isinstance(data, str) or data is None:
        return data
    data = re.sub(rb"D:\d{14}Z", b"D:", data)
    data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", b"T", data)
    return re.sub(rb"(ID>|ID\[\(|\)\()[A-Za-z0-9+/=]{24}", rb"\1", data)


def check_lint(folder: str) -> dict:
    from handbook.lint.feature import LintFeature
    from handbook.render.urls import Urls

    handbook = synthetic(folder)
    feature = LintFeature()
    feature.start(handbook, Urls())
    assert feature.linting is not None
    forked = feature.linting[1].forked
    beside = feature.problems(handbook)
    alone = LintFeature().problems(handbook)
    return {"forked": forked, "count": len(alone), "same": beside == alone}


def check_files(folder: str) -> dict:
    from handbook.finding.filters import FiltersFeature
    from handbook.finding.searchbox import SearchFeature
    from handbook.render.urls import Urls
    from handbook.scorecards.feature import ScorecardsFeature

    handbook = synthetic(folder)
    urls = Urls()
    found = {}
    for feature in (SearchFeature, ScorecardsFeature, FiltersFeature):
        started = feature()
        started.start(handbook, urls)
        assert started.making is not None
        forked = started.making[2].forked
        beside = started.files(handbook, urls)
        alone = feature().files(handbook, urls)
        found[feature.__name__] = {
            "forked": forked,
            "same": beside == alone and len(alone) > 1,
            "handed_over_once": started.making is None,
        }
    return found


def check_cards(folder: str) -> dict:
    """The quick cards made in a copy against the same made in this process (its
    typesetting in a thread), in folders of their own so neither reads the other's cache."""
    from handbook.cards import feature as cards
    from handbook.render.urls import Urls

    forked_handbook = synthetic(os.path.join(folder, "forked"), 48, long_cards=True)
    urls = Urls()
    started = cards.CardsFeature()
    started.start(forked_handbook, urls)
    forked = started.made is not None and started.made.forked
    niceness = started.made.nice if started.made is not None else None
    # Listed without waiting for the copy; their content comes when it is asked for.
    made = started.files(forked_handbook, urls)
    waited = started.made is not None and started.made._made != []
    later = sorted(f.path for f in made if f.later is not None and f.path.endswith(".pdf"))
    finished = [f.path for f in made if f.finish is not None]
    files = {f.path: undated(as_bytes(content_of(f))) for f in made}
    files = {path: content for path, content in files.items() if content is not None}
    problems = started.problems(forked_handbook)

    handbook = synthetic(os.path.join(folder, "here"), 48, long_cards=True)
    cards.can_fork = lambda: False  # the typesetting in a thread of this process
    here = cards.CardsFeature()
    here.start(handbook, urls)
    assert here.made is None and here.typesetting is not None
    alone_problems = here.problems(handbook)
    alone_files = {f.path: undated(as_bytes(f.content)) for f in here.files(handbook, urls)}

    def located(found):
        return sorted((Path(p.file).name, p.line, p.rule, p.message) for p in found)

    return {
        "forked": forked,
        "nice": niceness,
        "waited": waited,
        "finished": finished,
        "rules": sorted({p.rule for p in problems}),
        "pdfs": sum(1 for path in files if path.endswith(".pdf")),
        "later": set(later) >= {path for path in files if path.endswith(".pdf")},
        "same_problems": located(problems) == located(alone_problems),
        "same_files": list(files) == list(alone_files)
        and all(files[path] == alone_files[path] for path in files),
    }


def as_bytes(content):
    return content.encode("utf-8") if isinstance(content, str) else content


def content_of(file):
    """A file's content as the engine publishes it: a page made late (`finish`) whole, a
    file made later (`later`) as made (None: not published)."""
    if file.finish is not None:
        made = file.finish()
        assert made.path == file.path and made.content.startswith(file.content)
        return made.content
    return file.later() if file.later is not None else file.content


def check_load(folder: str) -> dict:
    """A handbook loaded with half of its files read in a copy against one read here,
    some of its files broken so that there are problems to hand back too."""
    from handbook import beside, loader
    from handbook.settings import Settings

    synthetic(folder)  # the project; loaded in this process (64 files: no copy)
    project = Path(folder) / "synth-64"
    files = sorted((project / "standards").rglob("*.yml"))
    files[1].write_text(files[1].read_text("utf-8").replace("title:", "title: [", 1), "utf-8")
    files[-1].write_text("id: WRONG\n", "utf-8")
    settings = Settings.from_mkdocs_yml(project / "mkdocs.yml")
    forked = []

    class Watched(beside.Beside):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            forked.append(self.forked)

    beside.Beside, loader.LOAD_BESIDE = Watched, 10
    loader._load_one_cached.cache_clear()
    split = loader.load(settings)
    with beside.forking(False):
        loader._load_one_cached.cache_clear()
        alone = loader.load(settings)

    def seen(handbook):
        return [
            (s, s.digest, s.blob, s.source.span(("title",)), s.source.span(("rules", 0)))
            for s in handbook.standards
        ]

    return {
        "forked": forked,
        "count": len(alone.standards),
        "problems": sorted({p.rule for p in alone.problems}),
        "same": seen(split) == seen(alone) and split.problems == alone.problems,
    }


def check_pid() -> dict:
    from handbook.beside import Beside

    made = Beside(os.getpid, "a process id")
    return {"forked": made.forked, "made_by": made.result(), "build": os.getpid()}


def check_nice() -> dict:
    from handbook.beside import Parts

    made = Parts(lambda: iter([os.nice(0)]), "a niceness", nice=5)
    return {"forked": made.forked, "copy": made.part(0), "build": os.nice(0)}


def _failure(make) -> dict:
    from handbook.beside import Beside
    from handbook.feature import FeatureFailed

    made = Beside(make, "linting the standards")
    try:
        made.result()
    except FeatureFailed as e:
        return {"forked": made.forked, "message": str(e)}
    return {"forked": made.forked, "message": None}


def check_fails() -> dict:
    def fails():
        raise ValueError("no standards folder")

    return _failure(fails)


def check_dies() -> dict:
    return _failure(lambda: os._exit(3))


if __name__ == "__main__":
    from handbook.beside import forking

    name, *args = sys.argv[1:]
    with forking():  # as `mkdocs build` starts the features' work
        found = globals()[f"check_{name}"](*args)
    print(json.dumps(found))
