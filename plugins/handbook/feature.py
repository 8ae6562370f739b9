"""What a feature is: a plain class over the core that reports problems, adds parts to
standard pages and adds files to the site. The list of them is in features.py.

An instance lives as long as the engine's process (all `serve` rebuilds), so a feature
may keep caches that do not depend on the handbook's current content.
"""

from __future__ import annotations

import datetime as dt

from . import clock
from .handbook import Handbook
from .problems import Problem
from .render.output import OutputFile
from .render.pages import PageExtras
from .render.urls import Urls


class Feature:
    def problems(self, handbook: Handbook) -> list[Problem]:
        """Findings to report in the build (errors fail it; warnings fail --strict)."""
        return []

    def extras(self, handbook: Handbook, urls: Urls, extras: PageExtras) -> None:
        """Add banners or sections to standard pages."""

    def files(self, handbook: Handbook, urls: Urls) -> list[OutputFile]:
        """Files to add to the site."""
        return []


class DatedFeature(Feature):
    """A feature whose output depends on today's date (reviews due, pilots, announced
    changes). Tests fix the date; a build asks for it each time, since a `serve`
    session may run past midnight."""

    def __init__(self, today: dt.date | None = None):
        self._today = today

    def today(self) -> dt.date:
        return self._today or clock.today()
