"""Results in the site: under each standard's targets, on the Results page, in
`standards.json`, and on *Due for review* for a target missed period after period."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..feature import Feature
from ..handbook import Handbook
from ..model import Standard
from ..render.environment import render, render_page
from ..render.output import OutputFile
from ..render.pages import PageExtras
from ..render.urls import Urls, standard_path
from .chart import chart
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


def block(standard: Standard, found: list[TargetResults]) -> Markup:
    items = [
        (r, chart(r, _chart_title(standard, r)) if r.outcomes else "", table_rows(r)) for r in found
    ]
    return Markup(
        render(
            "results_block.html.j2",
            s=standard,
            items=items,
            sample=any(r.sample for r in found),
        )
    )


def _chart_title(standard: Standard, r: TargetResults) -> str:
    first, last = r.shown[0].result.period, r.shown[-1].result.period
    latest = r.outcomes[-1]
    return (
        f"Trend of {r.target.metric} ({standard.id}), {first.label} to {last.label}: "
        f"latest {latest.value_text}, {latest.verdict}, target {r.target.goal}. "
        "The table below lists each period."
    )


class ResultsFeature(Feature):
    name = "results"

    def extras(self, handbook: Handbook, urls: Urls, extras: PageExtras) -> None:
        if not handbook.results:
            return
        for standard in handbook.published():
            found = handbook.results.of(standard)
            if found:
                extras.after_targets.setdefault(standard.id, []).append(block(standard, found))

    def files(self, handbook: Handbook, urls: Urls) -> list[OutputFile]:
        return [results_page(handbook, urls)]


def results_page(handbook: Handbook, urls: Urls) -> OutputFile:
    every = rows(handbook)
    areas = handbook.settings.areas
    by_area: dict[str, list[Row]] = {}
    by_owner: dict[str, list[Row]] = {}
    for row in every:
        by_area.setdefault(areas.get(row.standard.area, row.standard.area), []).append(row)
        by_owner.setdefault(row.standard.owner, []).append(row)
    periods = handbook.settings.options.results.missed_periods
    page = render_page(
        PAGE,
        "results.html.j2",
        urls,
        missed=missing(handbook, periods),
        periods=max(periods, 2),
        by_area=list(by_area.items()),
        by_owner=sorted(by_owner.items(), key=lambda item: item[0].lower()),
        total=len(every),
        met=sum(1 for r in every if r.results.latest and r.results.latest.met),
        sample=handbook.results.sample,
        paths={s.id: standard_path(s) for s in handbook.published()},
        link=lambda target: urls.relative(PAGE, target),
    )
    return page
