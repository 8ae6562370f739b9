"""The changelog's pages, its Atom feed and the "Updates to this standard" sections.

Over 300 lines: the pages, the feed and the sections share one renderer's templates and links.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache, partial
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

from .. import clock
from ..buildstate import BuildState, cold
from ..handbook import Handbook
from ..markup import plain
from ..model import Standard
from ..render import labels
from ..render.environment import environment
from ..render.escape import safe_url, xml_text
from ..render.output import OutputFile, html_page
from ..render.pages import PageExtras, Section
from ..render.urls import Urls, standard_path
from . import asof, briefing
from .change_review import Comparison
from .changelog import Changelog, RevisionChanges
from .standard_changes import KIND_LABELS, KINDS, StandardChange

FOLDER = "changelog"
INDEX = f"{FOLDER}/index.md"
FEED = f"{FOLDER}/feed.xml"
FILTER_SCRIPT = "assets/handbook/changelog-filter.js"
FEED_ENTRIES = 50
UPDATES_SHOWN = 10
_TRAILER = re.compile(r"^[A-Za-z-]+-by: .*$|^Co-authored-by: .*$", re.MULTILINE)


def group_by_area(
    changes: list[StandardChange], areas: dict[str, str]
) -> list[tuple[str, str, list[StandardChange]]]:
    """(area, title, changes) in the handbook's area order; added first, then changed…"""
    order = {area: i for i, area in enumerate(areas)}
    found: dict[str, list[StandardChange]] = {}
    for change in sorted(changes, key=lambda c: (KINDS.index(c.kind), c.id)):
        found.setdefault(change.area, []).append(change)
    ordered = sorted(found.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))
    return [(area, areas.get(area, area or "No area"), group) for area, group in ordered]


def revision_path(revision: RevisionChanges) -> str:
    return f"{FOLDER}/{revision.key}.md"


def briefing_path(revision: RevisionChanges) -> str:
    return f"{FOLDER}/briefing/{revision.key}.md"


@cache
def _environment() -> jinja2.Environment:
    env = environment().overlay(loader=jinja2.PackageLoader("handbook", "changelog/templates"))
    env.globals["word_diff"] = word_diff
    env.globals["pairs"] = pairs
    env.globals["pair_counts"] = pair_counts
    return env


def pairs(changes: list[StandardChange]) -> str:
    """The area:channel pairs of some changes ("area:*" for a standard of any channel), for
    narrowing the changelog to one area or channel (changelog-filter.js)."""
    found: set[str] = set()
    for change in changes:
        found.update(f"{change.area}:{c}" for c in change.channels or ["*"])
    return " ".join(sorted(found))


def pair_counts(changes: list[StandardChange]) -> dict[str, int]:
    """How many of some changes have each set of pairs: the changes a long list leaves out
    ("and 12 more"), counted again by changelog-filter.js when the page is narrowed."""
    counts: dict[str, int] = {}
    for change in changes:
        key = pairs([change])
        counts[key] = counts.get(key, 0) + 1
    return counts


def filter_script() -> str:
    return resources.files("handbook").joinpath("assets", "changelog-filter.js").read_text("utf-8")


@cache
def _feed_environment() -> jinja2.Environment:
    # Git metadata can hold control characters, which XML 1.0 forbids: every value the
    # feed prints goes in without them.
    return environment().overlay(
        loader=jinja2.PackageLoader("handbook", "changelog/templates"), finalize=xml_text
    )


@cache
def _markdown_environment() -> jinja2.Environment:
    # Markdown for pull-request comments: no HTML escaping, the text is shown as written.
    env = environment().overlay(
        loader=jinja2.PackageLoader("handbook", "changelog/templates"), autoescape=False
    )
    env.globals["word_diff"] = word_diff
    return env


def diff_markdown(comparison: Comparison, areas: dict[str, str]) -> str:
    """`handbook diff`'s Markdown: the change summary, grouped by area, and new problems."""
    return (
        _markdown_environment()
        .get_template("diff.md.j2")
        .render(
            c=comparison, counts=counts(comparison), groups=group_by_area(comparison.changes, areas)
        )
    )


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    """The edit as runs of words: ("=", kept), ("-", deleted), ("+", inserted).

    Runs are to be joined with single spaces; the texts are shown plain, without Markdown.
    """
    a, b = plain(before).split(), plain(after).split()
    runs: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            runs.append(("=", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            runs.append(("+", " ".join(b[j1:j2])))
    return runs


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def counts(revision: RevisionChanges | Comparison) -> str:
    """E.g. '2 standards changed, 1 added · 3 changes affect how you work'."""
    parts: list[str] = []
    for kind in KINDS:
        number = revision.count(kind)
        if number:
            parts.append(f"{number} {kind}" if parts else f"{_plural(number, 'standard')} {kind}")
    if not parts:
        return "No standard changed"
    work = revision.work_count
    effect = (
        f"{_plural(work, 'change')} {'affects' if work == 1 else 'affect'} how you work"
        if work
        else "nothing changes in how you work"
    )
    return f"{', '.join(parts)} · {effect}"


def title(revision: RevisionChanges) -> str:
    if revision.unreleased:
        return "Unreleased changes"
    return f"{revision.revision.date:%Y-%m-%d}: {revision.revision.title}"


def notes(text: str) -> list[dict[str, Any]]:
    """A commit or tag message body as paragraphs and bullet lists."""
    blocks: list[dict[str, Any]] = []
    for block in re.split(r"\n\s*\n", _TRAILER.sub("", text).strip()):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        if not lines:
            continue
        if all(re.match(r"[-*] ", line) for line in lines):
            blocks.append({"bullets": [line[2:] for line in lines], "text": ""})
        else:
            blocks.append({"bullets": [], "text": " ".join(lines)})
    return blocks


@dataclass
class ChangelogRenderer:
    changelog: Changelog
    handbook: Handbook
    urls: Urls

    today: dt.date = field(default_factory=clock.today)  # HANDBOOK_TODAY when set
    as_of: bool = True  # pages of superseded versions (asof.py)
    state: BuildState = field(default_factory=cold)  # keeps sections across rebuilds
    # What the released revisions are made of and what their pages show of the site
    # (the history read, the published standards, the areas, the addresses): with it,
    # their pages are kept across rebuilds (`_released`); None: made each time.
    history: tuple[Any, ...] | None = None

    def __post_init__(self) -> None:
        self.paths = {s.id: standard_path(s) for s in self.handbook.published()}
        self._versions: dict[str, list[tuple[asof.Version, Standard]]] | None = None

    def _link(self, page: str) -> Any:
        return lambda target: self.urls.relative(page, target)

    def _filter(self, page: str) -> dict[str, Any]:
        areas = self.handbook.settings.areas
        return {
            "filter_areas": list(areas.items()),
            "filter_channels": list(labels.CHANNELS.items()),
            "filter_script": self.urls.relative(page, FILTER_SCRIPT),
        }

    def _groups(self, changes: list[StandardChange]) -> list[tuple[str, str, list[StandardChange]]]:
        return group_by_area(changes, self.handbook.settings.areas)

    def revision_page(self, index: int) -> OutputFile:
        revisions = self.changelog.revisions
        r = revisions[index]
        page = revision_path(r)
        newer = revisions[index - 1] if index > 0 else None
        older = revisions[index + 1] if index + 1 < len(revisions) else None
        return html_page(
            page,
            _environment().get_template("revision.html.j2"),
            self.urls.headings,
            r=r,
            page_title=title(r),
            counts=counts(r),
            notes=notes(r.revision.notes),
            groups=self._groups(r.changes),
            headings=True,
            paths=self.paths,
            link=self._link(page),
            index_path=INDEX,
            newer=newer and {"path": revision_path(newer), "title": title(newer)},
            older=older and {"path": revision_path(older), "title": title(older)},
            briefing_path=briefing_path(r) if self._briefs(r) else None,
            **self._filter(page),
        )

    def _briefs(self, r: RevisionChanges) -> bool:
        return not r.unreleased and r.work_count > 0

    def briefing_page(self, r: RevisionChanges) -> OutputFile:
        """The team briefing of one revision: its changes to the work, on one sheet."""
        page = briefing_path(r)
        sheet = briefing.from_revisions(
            [r],
            self.handbook.settings.areas,
            self.today,
            title=f"Team briefing: {r.revision.title}",
        )
        return html_page(
            page,
            _environment().get_template("briefing.html.j2"),
            self.urls.headings,
            b=sheet,
            r=r,
            revision_path=revision_path(r),
            paths=self.paths,
            link=self._link(page),
            long_date=briefing.long_date,
        )

    def index_page(self, unavailable: str | None = None) -> OutputFile:
        items = [
            {
                "r": r,
                "path": revision_path(r),
                "counts": counts(r),
                "by_kind": [
                    (kind, KIND_LABELS[kind], found)
                    for kind in KINDS
                    if (found := sorted((c for c in r.changes if c.kind == kind), key=_by_id))
                ],
            }
            for r in self.changelog.revisions
        ]
        return html_page(
            INDEX,
            _environment().get_template("index.html.j2"),
            self.urls.headings,
            items=items,
            unavailable=unavailable,
            shallow=self.changelog.shallow,
            paths=self.paths,
            link=self._link(INDEX),
            feed_path=FEED,
            **self._filter(INDEX),
        )

    def feed(self) -> OutputFile:
        site_url = safe_url((self.handbook.settings.site_url or "").rstrip("/")) or ""

        def href(target: str) -> str:
            if site_url:
                return f"{site_url}/{self.urls.url(target).removeprefix('./')}"
            return self.urls.relative(FEED, target)

        released = [r for r in self.changelog.revisions if not r.unreleased]
        entries = []
        for r in released[:FEED_ENTRIES]:
            html = (
                _environment()
                .get_template("_changes.html.j2")
                .render(groups=self._groups(r.changes), headings=False, paths=self.paths, link=href)
            )
            entries.append(
                {
                    "title": title(r),
                    "id": _urn(r.revision.commit or "", r.key),
                    "updated": r.revision.date.isoformat(),
                    "href": href(revision_path(r)),
                    "author": r.revision.author,
                    "summary": counts(r),
                    "html": html,
                }
            )
        oldest = released[-1].revision.commit if released else ""
        text = (
            _feed_environment()
            .get_template("feed.xml.j2")
            .render(
                site_name=self.handbook.settings.site_name or "Handbook",
                feed_id=_urn(site_url or oldest or "handbook", "feed"),
                updated=entries[0]["updated"] if entries else "1970-01-01T00:00:00+00:00",
                self_href=href(FEED),
                index_href=href(INDEX),
                entries=entries,
            )
        )
        return OutputFile(FEED, text)

    def files(self) -> list[OutputFile]:
        revisions = self.changelog.revisions
        pages = [
            self._released((r,), ("revision", *self._neighbours(i)), partial(self.revision_page, i))
            for i, r in enumerate(revisions)
        ]
        pages += [
            self._released((r,), ("briefing",), partial(self.briefing_page, r))
            for r in revisions
            if self._briefs(r)
        ]
        pages += self.asof_pages()
        script = OutputFile(FILTER_SCRIPT, filter_script())
        released = tuple(r for r in revisions if not r.unreleased)  # the feed's id: the oldest
        feed = self._released(released, ("feed",), self.feed)
        return [self.index_page(), *pages, feed, script]

    def _neighbours(self, index: int) -> tuple[tuple[str, str] | None, ...]:
        """The revisions a revision page links to as newer and older: (path, title)."""
        revisions = self.changelog.revisions
        around = [index - 1 if index > 0 else None, index + 1]
        return tuple(
            (revision_path(revisions[n]), title(revisions[n]))
            if n is not None and n < len(revisions)
            else None
            for n in around
        )

    def _released(
        self,
        revisions: tuple[RevisionChanges, ...],
        what: tuple[Any, ...],
        make: Callable[[], OutputFile],
    ) -> OutputFile:
        """A page made of released revisions only, kept in the build state while the
        history, the site's part in it (`history`), the day and `what` else it shows
        are the same: an edit changes the unreleased changes alone. Checked at its first
        reuse in the process (buildstate.py)."""
        if self.history is None or any(r.unreleased for r in revisions):
            return make()
        key = (self.history, self.today, tuple(r.key for r in revisions), what)
        return self.state.kept("changelog-page", key, make, rarely=True)

    def _superseded(self) -> dict[str, list[tuple[asof.Version, Standard]]]:
        """Each published standard's versions that are no longer current, as Standards."""
        if self._versions is None:
            self._versions = {}
            if not self.as_of:
                return self._versions
            for sid, chain in asof.versions(self.changelog).items():
                if sid not in self.paths:
                    continue
                found = [
                    (v, standard)
                    for v in chain
                    if v.replaced is not None and (standard := asof.standard_of(v)) is not None
                ]
                if found:
                    self._versions[sid] = found
        return self._versions

    def asof_pages(self) -> list[OutputFile]:
        areas = self.handbook.settings.areas
        return [
            asof.page(version, standard, self.urls, areas, self.paths, self.paths[sid])
            for sid, found in self._superseded().items()
            for version, standard in found
        ]

    def sections(self, extras: PageExtras) -> None:
        """Add "Updates to this standard" to the page of each standard that changed."""
        superseded = self._superseded()
        digests = {s.id: s.digest for s in self.handbook.published()}
        for sid, updates in self.changelog.updates().items():
            if sid not in self.paths:
                continue
            page = self.paths[sid]
            slug = sid.lower()
            kept = {v.made.key for v, _ in superseded.get(sid, [])}
            items = [
                {
                    "r": r,
                    "change": change,
                    "path": revision_path(r),
                    "anchor": sid.lower(),
                    "work": change.work_changes,
                    "editorial": len(change.editorial_changes),
                    "asof": asof.asof_path(slug, r) if r.key in kept else None,
                }
                for r, change in updates[:UPDATES_SHOWN]
            ]
            more = max(0, len(updates) - UPDATES_SHOWN)
            # Kept for `serve` rebuilds by everything the section shows: an edit makes a
            # new changelog, and changes the sections of the standards it changed.
            key = (
                sid,
                page,
                self.urls.use_directory_urls,
                more,
                tuple(
                    (r.key, r.unreleased, r.revision.title, r.revision.date, repr(change))
                    for r, change in updates[:UPDATES_SHOWN]
                ),
                tuple(i["asof"] for i in items),
            )
            make = partial(self._section, items, more, page)
            section = self.state.kept("changelog-section", key, make, of=digests.get(sid))
            extras.sections.setdefault(sid, []).append(section)

    def _section(self, items: list[dict[str, Any]], more: int, page: str) -> Section:
        html = (
            _environment()
            .get_template("updates.html.j2")
            .render(items=items, more=more, link=self._link(page), index_path=INDEX)
        )
        return Section(Markup(html), title="Updates to this standard")


def _by_id(change: StandardChange) -> str:
    return change.id


def _urn(*parts: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, "handbook-changelog:" + ":".join(parts)).urn
