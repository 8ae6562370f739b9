"""Team briefings: what changes for staff, from the changelog, ready for a team meeting.

Only changes that affect how staff work are kept (whole standards added, retired or
removed, and each work-affecting field change, with its wording before and after),
grouped by area and channel, each with the date it takes effect. Changes announced for
later (a standard's `upcoming`, or an `effective` date still to come) are listed apart as
upcoming. A briefing can be narrowed to one area or channel.

The same `Briefing` is printed as plain text (`text`, for an e-mail or a notice board
post), as one A4 sheet (`pdf`, typeset by Typst) and as a page of the site.

Over 300 lines: one Briefing, from collecting and narrowing to its three printed forms.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import clock
from ..markup import plain
from ..model import Pilot, Upcoming
from ..render import labels
from ..rollout.pilots import group_text
from .changelog import Changelog, RevisionChanges
from .history import Entry, State
from .standard_changes import StandardChange

if TYPE_CHECKING:
    import typst


@dataclass(frozen=True)
class Line:
    """One change to the work, in words; an edited text also has its before and after."""

    text: str
    before: str | None = None
    after: str | None = None
    before_label: str = "Before"
    after_label: str = "Now"


@dataclass
class Item:
    """One standard in a briefing: what changed in it and from when."""

    id: str
    title: str
    kind: str  # added, changed, retired, removed, or upcoming
    area: str
    channels: list[str]
    effective: dt.date | None
    lines: list[Line] = field(default_factory=list)


@dataclass
class Group:
    area: str
    area_title: str
    channels: list[str]
    items: list[Item]

    @property
    def channel_text(self) -> str:
        names = [labels.CHANNELS.get(c, c) for c in self.channels]
        if not names:
            return "All channels"
        names = [names[0], *(n.lower() for n in names[1:])]
        return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"

    @property
    def heading(self) -> str:
        """'Telephone · Phone', but 'In person', not 'In person · In person'."""
        if self.channel_text.casefold() == self.area_title.casefold():
            return self.area_title
        return f"{self.area_title} · {self.channel_text}"


@dataclass
class Briefing:
    title: str
    period: str  # "Changes from 2 to 9 November 2026"
    groups: list[Group]
    upcoming: list[Group]
    area: str | None = None
    channel: str | None = None

    @property
    def empty(self) -> bool:
        return not self.groups and not self.upcoming


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def select(changelog: Changelog, since: str | None, today: dt.date) -> list[RevisionChanges]:
    """The released revisions after `since`: a date (YYYY-MM-DD), a revision's name, key
    or commit (its own changes not included), or, without it, the last 7 days."""
    released = [r for r in changelog.revisions if not r.unreleased]  # newest first
    if since is None:
        start = today - dt.timedelta(days=7)
        return [r for r in released if r.revision.date.date() > start]
    try:
        day = dt.date.fromisoformat(since)
    except ValueError:
        day = None
    if day is not None:
        return [r for r in released if r.revision.date.date() >= day]
    for index, item in enumerate(released):
        revision = item.revision
        if since in (revision.key, revision.name) or (
            revision.commit is not None and len(since) >= 4 and revision.commit.startswith(since)
        ):
            return released[:index]
    raise LookupError(
        f"no revision '{since}' in the changelog: give a date (YYYY-MM-DD) or a revision"
    )


def build(
    changelog: Changelog,
    areas: dict[str, str],
    since: str | None = None,
    today: dt.date | None = None,
    area: str | None = None,
    channel: str | None = None,
    title: str | None = None,
) -> Briefing:
    """The briefing of the revisions after `since`, with what the newest standards (the
    working folder's, when the changelog has unreleased changes) announce for later."""
    today = today or clock.today()
    revisions = select(changelog, since, today)
    newest = changelog.revisions[0].revision.state if changelog.revisions else None
    return from_revisions(revisions, areas, today, area, channel, title, newest)


def from_revisions(
    revisions: list[RevisionChanges],
    areas: dict[str, str],
    today: dt.date,
    area: str | None = None,
    channel: str | None = None,
    title: str | None = None,
    newest: State | None = None,
) -> Briefing:
    """The briefing of these revisions (newest first, as in the changelog), and the
    changes announced for later in `newest`, when given."""
    items: dict[str, Item] = {}
    for revision in reversed(revisions):  # oldest first, so the latest wording wins
        for change in revision.changes:
            if not change.affects_work:
                continue
            entry = revision.revision.state.entries.get(change.id)
            item = items.get(change.id)
            if item is None:
                item = items[change.id] = _item(change, entry, revision)
            elif item.kind == "added" and change.kind == "changed":
                # New in this briefing: its latest wording is what staff learn.
                item.title = change.title
                item.lines = _lines(change, entry, added=True)
                continue
            else:
                item.kind = change.kind if change.kind != "changed" else item.kind
                item.title = change.title
                item.effective = _effective(entry, revision) or item.effective
            for line in _lines(change, entry):
                _add_line(item.lines, line)
    upcoming: list[Item] = []
    for item in list(items.values()):
        if item.effective is not None and item.effective > today:
            when = f"From {item.effective.day} {item.effective:%B}"
            item.lines = [
                replace(line, before_label="Now", after_label=when) for line in item.lines
            ]
            upcoming.append(item)
            del items[item.id]
    upcoming.extend(_announced(newest, today))
    chosen = [i for i in items.values() if _matches(i, area, channel)]
    later = [i for i in upcoming if _matches(i, area, channel)]
    dates = sorted(r.revision.date.date() for r in revisions)
    name = title or "Team briefing"
    if area:
        name += f": {areas.get(area, area)}"
    if channel:
        name += f" ({labels.CHANNELS.get(channel, channel)})"
    return Briefing(
        name,
        _period(dates, today),
        _grouped(chosen, areas),
        _grouped(sorted(later, key=lambda i: (i.effective or today, i.id)), areas),
        area,
        channel,
    )


def _item(change: StandardChange, entry: Entry | None, revision: RevisionChanges) -> Item:
    channels = entry.data.get("channels") if entry is not None else None
    return Item(
        change.id,
        change.title,
        change.kind,
        change.area,
        [str(c) for c in channels] if isinstance(channels, list) else [],
        _effective(entry, revision),
    )


def _effective(entry: Entry | None, revision: RevisionChanges) -> dt.date | None:
    """When a change takes effect: the standard's `effective` date when it is later than
    the revision, else the revision's date."""
    published = revision.revision.date.date()
    value = entry.data.get("effective") if entry is not None else None
    try:
        day = dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        day = None
    return day if day is not None and day > published else published


def _lines(change: StandardChange, entry: Entry | None, added: bool = False) -> list[Line]:
    if change.kind == "added" or added:
        summary = entry.data.get("summary") if entry is not None else change.summary
        lines = [Line(f"New standard: {plain(str(summary))}" if summary else "New standard")]
        pilot = _pilot_group(entry)
        if pilot:
            lines.append(Line(f"On pilot: only {pilot} follow it for now"))
        return lines
    if change.kind == "retired":
        return [Line("Retired: stop following it")]
    if change.kind == "removed":
        return [Line("Removed from the handbook: it no longer applies")]
    found = []
    for f in change.work_changes:
        if f.field == "upcoming":
            continue  # listed under "Coming up" until it applies
        if f.label and f.before is not None and f.after is not None:
            found.append(Line(plain(f.label), plain(f.before), plain(f.after)))
        else:
            found.append(Line(plain(f.sentence)))
    return found


def _add_line(lines: list[Line], line: Line) -> None:
    """Add a line; a text edited again (its new "before" is the last "after") becomes one
    edit from the first wording to the last."""
    for index, earlier in enumerate(lines):
        if line.before is not None and earlier.text == line.text and earlier.after == line.before:
            lines[index] = replace(earlier, after=line.after)
            if earlier.before == line.after:
                del lines[index]  # edited back to where it was: no change left
            return
    lines.append(line)


def _pilot_group(entry: Entry | None) -> str | None:
    """Who pilots a standard at this revision, in words, when it is on pilot."""
    if entry is None or entry.data.get("status") != "pilot":
        return None
    try:
        pilot = Pilot.from_data(entry.data["pilot"])
    except (KeyError, TypeError, ValueError):
        return None  # an old revision's pilot written another way
    return group_text(pilot.group)


def _announced(state: State | None, today: dt.date) -> list[Item]:
    """Changes announced for later (`upcoming`) in the newest standards: the working
    folder's when the changelog holds unreleased changes, else the last revision's."""
    found: list[Item] = []
    for entry in state.entries.values() if state is not None else []:
        data = entry.data
        if data.get("status") in ("draft", "retired") or not isinstance(data.get("upcoming"), list):
            continue
        for raw in data["upcoming"]:
            try:
                change = Upcoming.from_data(raw)
            except (KeyError, TypeError, ValueError, AttributeError):
                continue  # written wrong: the build reports it
            if change.start <= today:
                continue
            line = Line(plain(change.change))
            if change.was is not None:
                when = f"From {change.start.day} {change.start:%B}"
                line = Line("Changing", plain(change.was), plain(change.change), "Now", when)
            channels = data.get("channels")
            found.append(
                Item(
                    entry.id,
                    entry.title,
                    "upcoming",
                    entry.area,
                    [str(c) for c in channels] if isinstance(channels, list) else [],
                    change.start,
                    [line],
                )
            )
    return found


def _matches(item: Item, area: str | None, channel: str | None) -> bool:
    return (area is None or item.area == area) and (channel is None or channel in item.channels)


def _grouped(items: list[Item], areas: dict[str, str]) -> list[Group]:
    order = {a: i for i, a in enumerate(areas)}
    groups: dict[tuple[str, tuple[str, ...]], list[Item]] = {}
    for item in items:
        channels = tuple(
            sorted(
                item.channels,
                key=lambda c: list(labels.CHANNELS).index(c) if c in labels.CHANNELS else 99,
            )
        )
        groups.setdefault((item.area, channels), []).append(item)
    ordered = sorted(groups.items(), key=lambda g: (order.get(g[0][0], len(order)), g[0]))
    return [
        Group(area, areas.get(area, area or "No area"), list(channels), sorted(group, key=_by_id))
        for (area, channels), group in ordered
    ]


def _by_id(item: Item) -> tuple[dt.date, str]:
    """Soonest first (for what is coming up), then by id."""
    return (item.effective or dt.date.min, item.id)


def _period(dates: list[dt.date], today: dt.date) -> str:
    if not dates:
        return f"No changes in force yet, as of {long_date(today)}"
    first, last = dates[0], dates[-1]
    if first == last:
        return f"Changes of {long_date(first)}"
    return f"Changes from {long_date(first)} to {long_date(last)}"


# Plain text, for an e-mail or a notice board post


def text(briefing: Briefing) -> str:
    """The briefing as plain text that also reads as Markdown."""
    out = [f"# {briefing.title}", "", briefing.period + ".", ""]
    if briefing.empty:
        out += ["Nothing changes in how you work.", ""]
    for heading, groups in (("What changes", briefing.groups), ("Coming up", briefing.upcoming)):
        if not groups:
            continue
        out += [f"## {heading}", ""]
        for group in groups:
            out += [f"### {group.heading}", ""]
            for item in group.items:
                when = f" (from {long_date(item.effective)})" if item.effective else ""
                out.append(f"- {item.id} {item.title}{when}")
                for line in item.lines:
                    if line.before is not None and line.after is not None:
                        out.append(f"  - {line.text}:")
                        out.append(f"    - {line.before_label}: {line.before}")
                        out.append(f"    - {line.after_label}: {line.after}")
                    else:
                        out.append(f"  - {line.text}")
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


# One A4 sheet, typeset by Typst


def as_data(briefing: Briefing) -> dict[str, Any]:
    """The briefing as plain strings, for the Typst template (never read as markup)."""

    def groups(found: list[Group]) -> list[dict[str, Any]]:
        return [
            {
                "heading": g.heading,
                "items": [
                    {
                        "title": f"{i.id} {i.title}",
                        "when": f"From {long_date(i.effective)}" if i.effective else "",
                        "lines": [
                            {
                                "text": line.text,
                                "before": line.before,
                                "after": line.after,
                                "before_label": line.before_label,
                                "after_label": line.after_label,
                            }
                            for line in i.lines
                        ],
                    }
                    for i in g.items
                ],
            }
            for g in found
        ]

    return {
        "title": briefing.title,
        "period": briefing.period,
        "groups": groups(briefing.groups),
        "upcoming": groups(briefing.upcoming),
    }


def template_path() -> Path:
    return Path(str(resources.files("handbook").joinpath("changelog", "templates", "briefing.typ")))


@cache
def _compiler() -> typst.Compiler:
    import typst

    from ..cards.typeset import font_dirs

    return typst.Compiler(template_path(), font_paths=list(font_dirs()), ignore_system_fonts=True)


def pdf(briefing: Briefing) -> bytes:
    from ..cards.typeset import FONTS

    data = dict(as_data(briefing), fonts=list(FONTS))
    result = _compiler().compile(format="pdf", sys_inputs={"briefing": json.dumps(data)})
    assert isinstance(result, bytes)
    return result
