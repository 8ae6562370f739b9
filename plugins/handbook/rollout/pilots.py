"""Pilots: a standard, or a revised version of an active one, on trial with a small group.

A pilot names its group, dates, what it tests and where feedback goes (`pilot:` in the
standard). Its page carries a banner saying so; when it is a revised version of an active
standard (`pilot.revises`), the current standard's page says that the pilot group follows
the new version, and everyone else keeps this one. The *Pilots* page lists running,
decision-due and finished pilots.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ..feature import DatedFeature
from ..handbook import Handbook
from ..model import Pilot, PilotGroup, Standard
from ..render import labels
from ..render.escape import safe_url
from ..render.output import OutputFile
from ..render.pages import PageExtras
from ..render.urls import Urls, standard_path
from .templates import render, render_page

PAGE = "pilots.md"
_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")


@dataclass(frozen=True)
class PilotRun:
    standard: Standard
    pilot: Pilot
    state: str  # "upcoming", "running", "due" (ended, no decision) or "finished"


def state(pilot: Pilot, today: dt.date) -> str:
    if pilot.decision is not None and pilot.decision.outcome != "extended":
        return "finished"
    if pilot.end < today:
        return "due"
    return "upcoming" if pilot.start > today else "running"


def runs(handbook: Handbook, today: dt.date) -> list[PilotRun]:
    """Every published standard's pilot, by end date."""
    found = [
        PilotRun(s, s.pilot, state(s.pilot, today))
        for s in handbook.published()
        if s.pilot is not None
    ]
    return sorted(found, key=lambda r: (r.pilot.end, r.standard.id))


def what_it_tests(standard: Standard, pilot: Pilot) -> list[str]:
    """What the pilot tests, in words: a target's id becomes its metric and goal
    ('Calls answered: 90% within 2 rings'); other items are questions as written."""
    targets = {t.id: t for t in standard.targets if t.id}
    found = []
    for item in pilot.tests:
        target = targets.get(item)
        found.append(f"{target.metric}: {target.goal}" if target and target.goal else item)
    return found


def group_text(group: PilotGroup) -> str:
    """Who takes part, in words: 'Billing queue and Returns desk at Leeds, on phone'."""
    parts = []
    if group.teams:
        parts.append(_join(group.teams))
    if group.sites:
        parts.append(("at " if parts else "staff at ") + _join(group.sites))
    if group.channels:
        names = [labels.CHANNELS.get(c, c).lower() for c in group.channels]
        parts.append(("on " if parts else "everyone on ") + _join(names))
    return " ".join(parts)


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def feedback_href(feedback: str) -> str | None:
    """A link for the pilot's feedback address: mailto for an e-mail, http(s) as given,
    nothing for a person or team (any other scheme is not linked)."""
    value = feedback.strip()
    if _EMAIL.match(value):
        return f"mailto:{value}"
    if re.match(r"^https?://[^\s<>\"]+$", value, re.IGNORECASE):
        return safe_url(value)
    return None


class PilotsFeature(DatedFeature):
    def extras(self, handbook: Handbook, urls: Urls, extras: PageExtras) -> None:
        today = self.today()
        published = {s.id: s for s in handbook.published()}
        for run in runs(handbook, today):
            s = run.standard
            page = standard_path(s)
            current = published.get(run.pilot.revises or "")
            banner = render(
                "pilot_banner.html.j2",
                run=run,
                group=group_text(run.pilot.group),
                tests=what_it_tests(s, run.pilot),
                feedback_href=feedback_href(run.pilot.feedback),
                current=current,
                current_link=urls.relative(page, standard_path(current)) if current else None,
                pilots_link=urls.relative(page, PAGE),
            )
            extras.banners.setdefault(s.id, []).insert(0, Markup(banner))
            if current is not None and run.state in ("running", "upcoming", "due"):
                other = render(
                    "pilot_revision_banner.html.j2",
                    run=run,
                    group=group_text(run.pilot.group),
                    pilot_link=urls.relative(standard_path(current), page),
                )
                extras.banners.setdefault(current.id, []).append(Markup(other))

    def files(self, handbook: Handbook, urls: Urls) -> list[OutputFile]:
        today = self.today()
        # Made with no pilot too (each list says "None."): the site's nav may list it,
        # and a page that comes and goes with the pilots failed a strict build.
        found = runs(handbook, today)
        page = render_page(
            PAGE,
            "pilots.html.j2",
            urls,
            groups=[
                ("running", "Running", [r for r in found if r.state in ("running", "upcoming")]),
                ("due", "Decision due", [r for r in found if r.state == "due"]),
                ("finished", "Finished", [r for r in found if r.state == "finished"]),
            ],
            group_text=group_text,
            what_it_tests=what_it_tests,
            feedback_href=feedback_href,
            today=today,
            paths={s.id: standard_path(s) for s in handbook.published()},
            link=lambda target: urls.relative(PAGE, target),
        )
        return [page]
