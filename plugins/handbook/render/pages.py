"""The handbook's pages: one per standard, one per area, the index of all and the targets."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field, replace
from functools import partial

from jinja2 import Template
from markupsafe import Markup

from ..buildstate import BuildState, cold
from ..handbook import Handbook
from ..model import Standard, Target
from . import labels
from .environment import environment
from .output import OutputFile, html_page
from .urls import Urls, area_path, index_path, standard_path

HOME_MARKER = "<!-- handbook:areas -->"
# Reporting periods, short to long, as the schema lists them.
PERIODS = ("daily", "weekly", "monthly", "quarterly", "yearly")


@dataclass(frozen=True)
class Section:
    """A part a feature adds at the end of a standard's page: HTML, under its own heading
    in the page's table of contents when it has a title."""

    html: Markup
    title: str | None = None


@dataclass
class PageExtras:
    """What other features add to a standard's page, keyed by standard id."""

    banners: dict[str, list[str]] = field(default_factory=dict)
    sections: dict[str, list[Section]] = field(default_factory=dict)
    # HTML shown right under the standard's targets (their results).
    after_targets: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class PageRenderer:
    handbook: Handbook
    urls: Urls = field(default_factory=Urls)
    extras: PageExtras = field(default_factory=PageExtras)
    # Where standard pages are kept for `serve` rebuilds (buildstate.py); none by default.
    state: BuildState = field(default_factory=cold)

    def __post_init__(self) -> None:
        self.published = self.handbook.published()
        self.paths = {s.id: standard_path(s) for s in self.published}
        self.by_id = self.handbook.by_id()
        self.goals = self.handbook.settings.options.goals

    def _context(self, page: str) -> dict[str, object]:
        def link(target: str) -> str:
            return self.urls.relative(page, target)

        return {
            "link": link,
            "paths": self.paths,
            "status_labels": labels.STATUS,
            "channel_labels": labels.CHANNELS,
            "stage_labels": labels.STAGES,
        }

    def _groups(self) -> list[tuple[str, str, list[Standard]]]:
        areas = self.handbook.settings.areas
        return [
            (a, areas.get(a, a), group) for a, group in self.handbook.by_area().items() if group
        ]

    def standard(self, s: Standard) -> OutputFile:
        page = self.paths[s.id]
        related = [
            {"id": r.id, "title": r.title, "status": r.status, "path": self.paths[r.id]}
            for r in (self.by_id.get(i) for i in s.related)
            if r is not None and r.id in self.paths
        ]
        area_title = self.handbook.settings.areas.get(s.area, s.area)
        banners = self.extras.banners.get(s.id, [])
        sections = self.extras.sections.get(s.id, [])
        goals = [(g, self.goals[g].title) for g in s.goals if g in self.goals]
        after_targets = self.extras.after_targets.get(s.id, [])
        # Kept for `serve` rebuilds by the standard's file and everything else it shows.
        key = (
            s.digest,
            self.urls.use_directory_urls,
            self.urls.headings,
            area_title,
            tuple(tuple(r.values()) for r in related),
            tuple(banners),
            tuple(sections),
            tuple(goals),
            tuple(after_targets),
        )
        make = partial(
            html_page,
            page,
            environment().get_template("standard.html.j2"),
            self.urls.headings,
            s=s,
            area_path=area_path(s.area),
            area_title=area_title,
            related=related,
            goals=goals,
            banners=banners,
            sections=sections,
            after_targets=after_targets,
            **self._context(page),
        )
        made = self.state.kept("standard-page", key if s.digest else None, make, of=s.digest)
        return replace(made, edit_path=s.path)

    def area(self, area: str, title: str, standards: list[Standard]) -> OutputFile:
        page = area_path(area)
        rows = self._rows(page, standards)
        make = partial(
            html_page,
            page,
            environment().get_template("area.html.j2"),
            self.urls.headings,
            title=title,
            standards=standards,
            rows=rows,
            **self._context(page),
        )
        return self._listing(page, (title, tuple(rows[s.id] for s in standards)), make)

    def index(self) -> OutputFile:
        page = index_path()
        groups = self._groups()
        rows = self._rows(page, [s for _, _, group in groups for s in group])
        make = partial(
            html_page,
            page,
            environment().get_template("index.html.j2"),
            self.urls.headings,
            groups=groups,
            total=len(self.published),
            rows=rows,
            **self._context(page),
        )
        shown = tuple((a, title, tuple(rows[s.id] for s in group)) for a, title, group in groups)
        return self._listing(page, (len(self.published), shown), make)

    def _listing(self, page: str, shown: Hashable, make: Callable[[], OutputFile]) -> OutputFile:
        """A page listing standards (their rows, `_rows`), kept for `serve` rebuilds by all
        it shows besides its links (`shown`): an edit outside the rows renders none of
        them. One of a few a build, checked at its first reuse (buildstate.py)."""
        key = (page, self.urls.use_directory_urls, self.urls.headings, shown)
        return self.state.kept("listing-page", key, make, rarely=True)

    def _rows(self, page: str, standards: list[Standard]) -> dict[str, Markup]:
        """Each standard's row in the lists of standards on `page`, kept for `serve`
        rebuilds by the standard's file and its link: an edit renders one row again."""
        template = environment().get_template("_standard_row.html.j2")
        rows: dict[str, Markup] = {}
        for s in standards:
            href = self.urls.relative(page, self.paths[s.id])
            make = partial(_row, template, s, href)
            key = (s.digest, href) if s.digest else None
            rows[s.id] = Markup(self.state.kept("standard-row", key, make, of=s.digest))
        return rows

    def targets(self) -> OutputFile:
        """The measuring protocol: every target by how often it is reported (short periods
        first, then long), with what is measured, from which system and by whom."""
        page = "targets.md"
        template = environment().get_template("_target_row.html.j2")
        rows = []
        for _, _, group in self._groups():
            for s in group:
                href = self.urls.relative(page, self.paths[s.id])
                for n, t in enumerate(s.targets):
                    # Kept for `serve` rebuilds by the standard's file and its link.
                    key = (s.digest, n, href) if s.digest else None
                    make = partial(_target_row, template, s, t, href)
                    row = self.state.kept("target-row", key, make, of=s.digest)
                    rows.append((s, t, Markup(row)))
        by_period = [
            (period, [row for row in rows if (row[1].period or "") == period])
            for period in (*PERIODS, "")
        ]
        systems: dict[str, int] = {}
        checkers: dict[str, int] = {}
        for s, t, _ in rows:
            systems[t.measured_by or "not stated"] = (
                systems.get(t.measured_by or "not stated", 0) + 1
            )
            who = t.checked_by or s.owner
            checkers[who] = checkers.get(who, 0) + 1
        page_make = partial(
            html_page,
            page,
            environment().get_template("targets.html.j2"),
            self.urls.headings,
            groups=[g for g in by_period if g[1]],
            total=len(rows),
            systems=sorted(systems.items(), key=lambda item: (-item[1], item[0].lower())),
            checkers=sorted(checkers.items(), key=lambda item: (-item[1], item[0].lower())),
            **self._context(page),
        )
        shown = tuple((t.period or "", row) for _, t, row in rows)
        counts = (tuple(systems.items()), tuple(checkers.items()))
        return self._listing(page, (shown, counts), page_make)

    def home_areas(self, page: str) -> str:
        """HTML listing each area's standards, for the home page's marker."""
        return (
            environment()
            .get_template("home_areas.html.j2")
            .render(
                groups=self._groups(),
                area_paths={a: area_path(a) for a in self.handbook.settings.areas},
                **self._context(page),
            )
        )

    def pages(self) -> Iterable[OutputFile]:
        yield self.index()
        for area, title, group in self._groups():
            yield self.area(area, title, group)
        for s in self.published:
            yield self.standard(s)
        yield self.targets()


def fill_home(markdown: str, page: str, renderer: Callable[[str], str]) -> str:
    """Replace the home page's marker with the list of areas and their standards."""
    if HOME_MARKER not in markdown:
        return markdown
    return markdown.replace(HOME_MARKER, renderer(page))


def _row(template: Template, s: Standard, href: str) -> str:
    return template.render(
        s=s, row_href=href, status_labels=labels.STATUS, channel_labels=labels.CHANNELS
    )  # with its line's end, as the table's loop wrote it


def _target_row(template: Template, s: Standard, t: Target, href: str) -> str:
    return template.render(s=s, t=t, row_href=href, channel_labels=labels.CHANNELS)
