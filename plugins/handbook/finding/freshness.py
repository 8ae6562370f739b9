"""Freshness: whether staff can trust a standard is current.

A standard past its `review_by` date gets a banner on its page, and the "Due for review"
page lists, by owner, the standards that are overdue or due within `review_soon_days`
(default 60), and those with a target missed `results.missed_periods` periods running
(default 2). "Today" is the build date unless given, so tests can fix it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import groupby

from markupsafe import Markup

from ..feature import DatedFeature
from ..handbook import Handbook
from ..model import Standard
from ..render.environment import render, render_page
from ..render.output import OutputFile
from ..render.pages import PageExtras
from ..render.urls import Urls, standard_path
from ..results.feature import missing

PAGE = "review.md"


@dataclass(frozen=True)
class Review:
    standard: Standard
    days_left: int  # negative once the review date has passed

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def when(self) -> str:
        """How far off the review is, in words: 'Overdue by 3 weeks', 'In 12 days'."""
        if self.days_left == 0:
            return "Due today"
        span = _span(abs(self.days_left))
        return f"Overdue by {span}" if self.overdue else f"In {span}"


def _span(days: int) -> str:
    for size, unit in ((365, "year"), (30, "month"), (7, "week")):
        if days >= 2 * size:
            return f"{days // size} {unit}s"
    return f"{days} day{'s' if days != 1 else ''}"


def reviews(handbook: Handbook, today: dt.date) -> list[Review]:
    """Every published, unretired standard's next review, soonest first."""
    found = [
        Review(s, (s.review_by - today).days) for s in handbook.published() if s.status != "retired"
    ]
    return sorted(found, key=lambda r: (r.standard.review_by, r.standard.id))


def due(handbook: Handbook, today: dt.date) -> list[Review]:
    """Reviews overdue or due within `review_soon_days` of today, soonest first."""
    soon_days = handbook.settings.options.review_soon_days
    return [r for r in reviews(handbook, today) if r.days_left <= soon_days]


def by_owner(reviews: list[Review]) -> list[tuple[str, list[Review]]]:
    ordered = sorted(reviews, key=lambda r: (r.standard.owner.lower(), r.standard.review_by))
    return [(owner, list(group)) for owner, group in groupby(ordered, lambda r: r.standard.owner)]


class FreshnessFeature(DatedFeature):
    def extras(self, handbook: Handbook, urls: Urls, extras: PageExtras) -> None:
        for review in reviews(handbook, self.today()):
            if review.overdue:
                # Markup: the template's own output, already escaped where it holds text.
                banner = Markup(render("review_banner.html.j2", s=review.standard))
                extras.banners.setdefault(review.standard.id, []).append(banner)

    def files(self, handbook: Handbook, urls: Urls) -> list[OutputFile]:
        return [review_page(handbook, urls, self.today())]


def review_page(handbook: Handbook, urls: Urls, today: dt.date) -> OutputFile:
    days = handbook.settings.options.review_soon_days
    upcoming = reviews(handbook, today)
    periods = handbook.settings.options.results.missed_periods
    page = render_page(
        PAGE,
        "review.html.j2",
        urls,
        missed=missing(handbook, periods),
        missed_periods=periods,
        groups=by_owner(due(handbook, today)),
        upcoming=upcoming[0] if upcoming else None,
        today=today,
        soon_days=days,
        paths={s.id: standard_path(s) for s in handbook.published()},
        link=lambda target: urls.relative(PAGE, target),
    )
    return page
