"""Everything the core adds to a site, for any site engine to place."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from typing import Any

from .. import illustrations, schema
from ..buildstate import BuildState, cold
from ..handbook import Handbook
from .export import standards_json
from .output import OutputFile
from .pages import PageExtras, PageRenderer
from .reference import reference_page
from .urls import Urls

CSS_PATH = "assets/handbook/handbook.css"


def stylesheet() -> str:
    return resources.files("handbook").joinpath("assets", "handbook.css").read_text("utf-8")


def site_files(
    handbook: Handbook,
    urls: Urls,
    features: Sequence[Any] = (),
    state: BuildState | None = None,
) -> list[OutputFile]:
    """The standard pages and data files, plus what each feature adds; `state` keeps
    what they are made of for the engine's next build (buildstate.py)."""
    extras = PageExtras()
    for feature in features:
        feature.extras(handbook, urls, extras)
    state = state or cold()
    renderer = PageRenderer(handbook, urls, extras, state)
    files = list(renderer.pages())
    files.append(reference_page())
    files.append(standards_json(handbook, urls, state))
    files.append(OutputFile("schema/standard.schema.json", schema.schema_text()))
    files.append(OutputFile(CSS_PATH, stylesheet()))
    pictures = {p.file for s in handbook.published() for p in s.illustrations}
    settings = handbook.settings
    for name in sorted(pictures):
        # Under `serve` the site is made in spite of problems: never with these files.
        if illustrations.problem(settings.illustrations_path, settings.root, name) is None:
            source = settings.illustrations_path / name
            files.append(OutputFile(f"illustrations/{name}", source=source))
    # Features whose files wait for work begun beside the build make them last, so the
    # work has the others' time to finish; the files still come in the features' order.
    made: dict[int, list[OutputFile]] = {}
    order = sorted(range(len(features)), key=lambda n: bool(getattr(features[n], "late", False)))
    for n in order:
        made[n] = features[n].files(handbook, urls)
    for n in range(len(features)):
        files.extend(made[n])
    return files
