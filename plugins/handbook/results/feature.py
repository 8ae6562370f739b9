"""Results in the site: under each standard's targets, on the Results page, in
`standards.json`, and on *Due for review* for a target missed period after period."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..feature import Feature
from ..handbook import Handbook
from ..model import Standard
from ..render import labels
from ..render.environment import render, render_page
from ..render.output import OutputFile
from ..render.pages import PageExtras
from ..render.urls import Urls, standard_path
from .chart import chart, chart_path
from .model import TargetResults

PAGE = "results.md"


@dataclass(frozen=True)
class Row:
    standard: Standard
    results: TargetResults


def rows(handbook: Handbook) -> list[Row]:
    """Every published standard's targets with results, in the handbook's order."""
    return [
        Row(s, r)
        for s in handbook.published()
        for r in handbook.results.of(s)
        if r.latest is not None
    ]


def missing(handbook: Handbook, periods: int) -> list[Row]:
    """Targets missed in each of the last `periods` periods or more, longest run first."""
    found = [r for r in rows(handbook) if periods > 0 and r.results.missed_run >= periods]
    return sorted(found, key=lambda r: (-r.results.missed_run, r.standard.id))


_VERDICT = {True: "Met", False: "Missed", None: "—"}


def table_rows(r: TargetResults) -> Markup:
    """The chart's periods as table rows, newest first. Written here rather than in the
    template: a 1,000-standard handbook has about 23,000 of them, and this is a quarter of
    the time (every text from a results file is escaped)."""
    rows = []
    for o in reversed(r.shown):
        note = (
            f' <span class="hb-result__note">({escape(o.result.note)})</span>'
            if o.result.note
            else ""
        )
        rows.append(
            f"<tr><td>{o.result.period.label}</td><td>{escape(o.value_text)}</td>"
            f"<td>{escape(o.goal_text or '—')}</td><td>{_VERDICT[o.met]}{note}</td></tr>"
        )
    return Markup("\n".join(rows))


def block(standard: Standard, found: list[TargetResults], urls: Urls) -> Markup:
    page = standard_path(standard)
    items = [
        (r, urls.relative(page, chart_path(standard.id, r.target.id)) if r.outcomes else "")
        for r in found
    ]
    return Markup(
        render(
            "results_block.html.j2",
            s=standard,
            items=items,
            alt=_chart_title,
            rows=table_rows,
            sample=any(r.sample for r in found),
            channels=labels.CHANNELS,
        )
    )


def charts(handbook: Handbook) -> list[OutputFile]:
    """Each target's chart as a file of its own: a page refers to it by <img>, so its
    ~2 KB are not carried, parsed and written again in the page's HTML."""
    return [
        OutputFile(chart_path(s.id, r.target.id), chart(r, _chart_title(s, r)))
        for s in handbook.published()
        for r in handbook.results.of(s)
        if r.outcomes
    ]


def _chart_title(standard: Standard, r: TargetResults) -> str:
    first, last = r.shown[0].result.period, r.shown[-1].result.period
    latest = r.outcomes[-1]
    return (
        f"Trend of {r.target.metric} ({standard.id}), {first.label} to {last.label}: "
        f"latest {latest.value_text}, {latest.verdict}, target {r.target.goal or 'none set'}."
    )


class ResultsFeature(Feature):
    name = "results"

    def extras(self, handbook: Handbook, urls: Urls, extras: PageExtras) -> None:
        if not handbook.results:
            return
        for standard in handbook.published():
            found = handbook.results.of(standard)
            if found:
                extras.after_targets.setdefault(standard.id, []).append(
                    block(standard, found, urls)
                )

    def files(self, handbook: Handbook, urls: Urls) -> list[OutputFile]:
        return [results_page(handbook, urls), *charts(handbook)]


@dataclass(frozen=True)
class Owner:
    """One owner's targets in a line of the Results page: how many, met, and the missed."""

    name: str
    total: int
    met: int
    missed: list[Row]  # missed in the latest period, longest run first


def owners(every: list[Row]) -> list[Owner]:
    grouped: dict[str, list[Row]] = {}
    for row in every:
        grouped.setdefault(row.standard.owner, []).append(row)
    found = []
    for name, group in sorted(grouped.items(), key=lambda item: item[0].lower()):
        missed = [r for r in group if r.results.latest and r.results.latest.met is False]
        missed.sort(key=lambda r: (-r.results.missed_run, r.standard.id))
        met = sum(1 for r in group if r.results.latest and r.results.latest.met)
        found.append(Owner(name, len(group), met, missed))
    return found


def results_page(handbook: Handbook, urls: Urls) -> OutputFile:
    """Every target once, by area, those missed two or more periods running first; then a
    line per owner. (Listing every target again by owner doubled a large handbook's page:
    1.8 MB at 1,000 standards.)"""
    every = rows(handbook)
    areas = handbook.settings.areas
    by_area: dict[str, list[Row]] = {}
    for row in every:
        by_area.setdefault(areas.get(row.standard.area, row.standard.area), []).append(row)
    first = max(handbook.settings.options.results.missed_periods, 2)
    page = render_page(
        PAGE,
        "results.html.j2",
        urls,
        missed=missing(handbook, first),
        periods=first,
        by_area=list(by_area.items()),
        owners=owners(every),
        total=len(every),
        met=sum(1 for r in every if r.results.latest and r.results.latest.met),
        sample=handbook.results.sample,
        paths={s.id: standard_path(s) for s in handbook.published()},
        link=lambda target: urls.relative(PAGE, target),
    )
    return page
