"""A standard as it was: each superseded version of a standard, from the changelog.

Every revision that changed a standard made a version of it; each version that is no
longer current gets a page of its own, clearly marked as not current, in force from that
revision until the next change ("View as it was on 12 May 2026" in the standard's
updates). Only revisions that changed a standard make a page, so the pages grow with the
changes, not with standards × revisions. They are plain HTML pages (like the quick card
pages), rendered from the page template without the site's theme around them.

`handbook show ID --as-of DATE` prints the version in force on a date as text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .. import schema
from ..markup import plain
from ..model import Standard, standard_from_data
from ..render import labels
from ..render.environment import environment
from ..render.headings import HeadingStyle
from ..render.output import OutputFile, html_page
from ..render.site import CSS_PATH
from ..render.urls import Urls, area_path
from .changelog import Changelog, RevisionChanges

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


@dataclass(frozen=True)
class Version:
    """One version of a standard: the revision that made it and the one that replaced it."""

    sid: str
    made: RevisionChanges
    replaced: RevisionChanges | None  # None: the version in force now

    @property
    def data(self) -> dict[str, Any] | None:
        entry = self.made.revision.state.entries.get(self.sid)
        return entry.data if entry is not None else None

    @property
    def start(self) -> dt.date:
        return self.made.revision.date.date()

    @property
    def end(self) -> dt.date | None:
        return self.replaced.revision.date.date() if self.replaced is not None else None


def asof_path(slug: str, revision: RevisionChanges) -> str:
    return f"standards/{slug}/as-of-{revision.key}.html"


def versions(changelog: Changelog) -> dict[str, list[Version]]:
    """Each standard's released versions, newest first (the first is the current one)."""
    found: dict[str, list[Version]] = {}
    for sid, updates in changelog.updates().items():
        released = [(r, c) for r, c in updates if not r.unreleased]
        chain: list[Version] = []
        newer: RevisionChanges | None = next((r for r, _ in updates if r.unreleased), None)
        for revision, change in released:
            if change.kind != "removed":
                chain.append(Version(sid, revision, newer))
            newer = revision
        found[sid] = chain
    return found


def on(changelog: Changelog, sid: str, day: dt.date) -> Version | None:
    """The version of a standard in force on a day (at its end), if any."""
    for version in versions(changelog).get(sid, []):
        if version.start <= day:
            if version.data is None or version.data.get("status") == "draft":
                return None
            return version
    return None


def standard_of(version: Version) -> Standard | None:
    """The version as a Standard, when it is valid by today's format (old ones may not be)."""
    data = version.data
    if data is None or not schema.is_valid(data):
        return None
    try:
        return standard_from_data(data, "", None)
    except (TypeError, ValueError):
        return None


def page(
    version: Version,
    standard: Standard,
    urls: Urls,
    areas: dict[str, str],
    paths: dict[str, str],
    current_path: str,
) -> OutputFile:
    """A superseded version's page: the standard as staff saw it then, marked not current."""
    path = asof_path(standard.slug, version.made)

    def link(target: str) -> str:
        return urls.relative(path, target)

    banner = (
        environment()
        .get_template("asof_banner.html.j2")
        .render(v=version, current=link(current_path), long_date=_long_date)
    )
    body = html_page(
        path,
        environment().get_template("standard.html.j2"),
        HeadingStyle(),  # ids, no permalinks: the page is not the site's
        s=standard,
        area_path=area_path(standard.area),
        area_title=areas.get(standard.area, standard.area),
        related=[],
        goals=[],
        banners=[Markup(banner)],
        sections=[],
        after_targets=[],
        link=link,
        paths=paths,
        status_labels=labels.STATUS,
        channel_labels=labels.CHANNELS,
        stage_labels=labels.STAGES,
    )
    html = _FRONT_MATTER.sub("", str(body.content), count=1)
    text = (
        environment()
        .get_template("asof_page.html.j2")
        .render(
            s=standard,
            v=version,
            body=Markup(html),
            css=link(CSS_PATH),
            current=link(current_path),
            long_date=_long_date,
        )
    )
    return OutputFile(path, text)


def _long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


# `handbook show ID --as-of DATE`


def text(version: Version) -> str:
    """A version of a standard as plain text, with when it was in force."""
    end = version.end
    span = f"until {_long_date(end)}" if end else "still in force"
    head = [f"As it was from {_long_date(version.start)} ({version.made.revision.name}), {span}."]
    if end is not None:
        head.append("NOT CURRENT: this version has been replaced.")
    return _text(version.data or {}, version.sid, head)


def current_text(standard: Standard) -> str:
    """The standard as it is in the standards folder, as plain text."""
    return _text(standard.data, standard.id, ["As it is now, in the standards folder."])


def _text(data: dict[str, Any], sid: str, head: list[str]) -> str:
    out = [f"{data.get('id', sid)} {_plain(data.get('title'))}", *head, ""]
    out += [_plain(data.get("summary")), "", f"When this applies: {_plain(data.get('situation'))}"]
    for key, heading in (("steps", "Steps"), ("rules", "Rules")):
        items = data.get(key) or []
        if items:
            out += ["", f"{heading}:"]
            out += [f"  {i}. {_plain(item)}" for i, item in enumerate(items, 1)]
    wordings = data.get("wordings") or []
    if wordings:
        out += ["", "What to say:"]
        for w in wordings:
            if not isinstance(w, dict):
                continue
            if w.get("when"):
                out.append(f"  {_plain(w.get('when'))}:")
            out.append(f"    Say: “{_plain(w.get('say'))}”")
            if w.get("dont_say"):
                out.append(f"    Don't say: “{_plain(w.get('dont_say'))}”")
    targets = data.get("targets") or []
    if targets:
        out += ["", "Targets:"]
        out += [f"  - {_plain(t.get('metric'))}" for t in targets if isinstance(t, dict)]
    return "\n".join(out) + "\n"


def _plain(value: object) -> str:
    return plain(str(value)) if value is not None else ""
