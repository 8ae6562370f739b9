"""Announced changes: a change written into a standard before it takes effect.

Until its date (`upcoming[].from`), the standard's page keeps its current text and shows
"From 4 January 2027: …" with the wording it replaces; team briefings list it as upcoming.
A standard whose own `effective` date is still to come says from when it applies.
Once the date has passed, the `stale` lint rule asks the editor to write the change into
the standard's text.
"""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from ..feature import DatedFeature
from ..handbook import Handbook
from ..model import Standard, Upcoming
from ..render.pages import PageExtras
from ..render.urls import Urls
from .templates import render


def pending(standard: Standard, today: dt.date) -> list[Upcoming]:
    """The standard's announced changes still to come, soonest first."""
    return sorted((u for u in standard.upcoming if u.start > today), key=lambda u: u.start)


class UpcomingFeature(DatedFeature):
    def extras(self, handbook: Handbook, urls: Urls, extras: PageExtras) -> None:
        today = self.today()
        for standard in handbook.published():
            if standard.status == "retired":
                continue
            changes = pending(standard, today)
            later = standard.effective > today
            if changes or later:
                banner = Markup(
                    render("upcoming_banner.html.j2", changes=changes, s=standard, later=later)
                )
                extras.banners.setdefault(standard.id, []).append(banner)
