"""What a feature is: a plain class over the core that reports problems, adds parts to
standard pages and adds files to the site. The list of them is in features.py.

An instance lives as long as the engine's process (all `serve` rebuilds). Work derived
from the standards is kept, by content, in the build state the engine hands it
(`self.state`, buildstate.py), not in caches of its own.
"""

from __future__ import annotations

import datetime as dt

from . import clock
from .buildstate import BuildState, cold
from .handbook import Handbook
from .problems import Problem
from .render.output import OutputFile
from .render.pages import PageExtras
from .render.urls import Urls


class Feature:
    # The engine's build state (all_features sets it); by default nothing is kept.
    state: BuildState = cold()
    # True: its problems and files wait for work `start` began beside the build; an
    # engine asks for them after the other features' (see features.py).
    late = False
    # True (and `late`): in a build that no rebuild follows, the engine asks for its
    # problems after the pages, which its files' content may wait for too (OutputFile's
    # `later` and `finish`): its work goes on beside the whole build.
    after_pages = False
    # True: `start` runs threads, so it is started after the features that fork the
    # process (beside.py), which they would be copied with mid-step.
    threads = False

    def start(self, handbook: Handbook, urls: Urls) -> None:
        """Begin work that runs beside the build (in worker processes) for this handbook
        and these addresses; `problems` and `files` wait for it."""

    def problems(self, handbook: Handbook) -> list[Problem]:
        """Findings to report in the build (errors fail it; warnings fail --strict)."""
        return []

    def extras(self, handbook: Handbook, urls: Urls, extras: PageExtras) -> None:
        """Add banners or sections to standard pages."""

    def files(self, handbook: Handbook, urls: Urls) -> list[OutputFile]:
        """Files to add to the site."""
        return []


class FeatureFailed(Exception):
    """A feature could not do its work (a tool it runs failed): the build stops with
    this message."""


class DatedFeature(Feature):
    """A feature whose output depends on today's date (reviews due, pilots, announced
    changes). Tests fix the date; a build asks for it each time, since a `serve`
    session may run past midnight."""

    def __init__(self, today: dt.date | None = None):
        self._today = today

    def today(self) -> dt.date:
        return self._today or clock.today()
