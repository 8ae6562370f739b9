"""The changelog as a site feature: reads the history once, keeps it across `serve` rebuilds.

History is keyed on the commit checked out (and the release tags): while HEAD stays, a
rebuild only reads the standards folder from disk to find the unreleased changes, and
parses nothing that did not change (parsed files are cached by blob id).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..feature import Feature
from ..handbook import Handbook
from ..options import ChangelogOptions
from ..problems import Problem
from ..render.output import OutputFile
from ..render.pages import PageExtras, Section
from ..render.urls import Urls
from .changelog import Changelog, build
from .git import GitError
from .history import BlobCache, Revision
from .render import ChangelogRenderer
from .repository import Location, commit_revisions, tag_revisions, working_state

SHALLOW_HELP = (
    "the git history is incomplete (shallow clone), so the changelog misses older "
    "revisions: run `git fetch --unshallow`, or set `fetch-depth: 0` on actions/checkout"
)


@dataclass
class Outcome:
    """What one build gets: the changelog, or why there is none, and what to report."""

    changelog: Changelog | None
    problems: list[Problem] = field(default_factory=list)
    unavailable: str | None = None
    enabled: bool = True


class ChangelogFeature(Feature):
    def __init__(self) -> None:
        self.cache = BlobCache()
        self._history: tuple[tuple[Any, ...], list[Revision]] | None = None
        self._changelog: tuple[tuple[Any, ...], Changelog] | None = None
        self._last: tuple[Handbook, Outcome] | None = None
        self._rendered: tuple[Changelog, tuple[Any, ...], Any] | None = None

    def outcome(self, handbook: Handbook) -> Outcome:
        """The changelog for this build; computed once per loaded handbook."""
        if self._last is None or self._last[0] is not handbook:
            self._last = (handbook, self._compute(handbook))
        return self._last[1]

    def _compute(self, handbook: Handbook) -> Outcome:
        settings = handbook.settings
        opts = settings.options.changelog
        problems: list[Problem] = []
        if not opts.enabled:
            return Outcome(None, problems, enabled=False)
        where = settings.standards_dir
        self.cache.know(handbook.standards)  # their history's copies: not parsed again
        try:
            location = Location.find(settings)
            changelog = self._changelog_for(location, opts, settings.include_drafts, handbook.texts)
        except GitError as e:
            # No git or no repository is a normal way to build; git failing is not.
            severity = "warning" if e.kind == "failed" else "suggestion"
            message = f"the changelog is left out: {e}"
            problems.append(Problem(where, 1, 1, "changelog-git", message, severity))
            return Outcome(None, problems, unavailable=_unavailable(e))
        if location.shallow:
            severity = "suggestion" if opts.allow_shallow else "warning"
            problems.append(Problem(where, 1, 1, "changelog-shallow", SHALLOW_HELP, severity))
        return Outcome(changelog, problems)

    def _changelog_for(
        self,
        location: Location,
        opts: ChangelogOptions,
        drafts: bool,
        read: Mapping[str, str] | None = None,
    ) -> Changelog:
        git = location.git
        head = git.head()
        pattern = opts.tag_pattern
        tags = git.tags(pattern, head) if pattern and head else []
        key = (
            str(location.top),
            location.folder,
            head,
            pattern,
            tuple((t.name, t.commit) for t in tags),
            drafts,
            location.shallow,
        )
        if self._history is None or self._history[0] != key:
            revisions: list[Revision] = []
            if head is not None:
                if pattern:
                    revisions = tag_revisions(location, tags, self.cache, drafts)
                else:
                    revisions = commit_revisions(location, head, self.cache, drafts)
            self._history = (key, revisions)
            self._changelog = None
        revisions = self._history[1]
        current = None
        if opts.unreleased:
            last = revisions[-1].state if revisions else None
            current = working_state(location, self.cache, last, drafts, read)
        fingerprint = (key, tuple(sorted(current.blobs.items())) if current else None)
        if self._changelog is None or self._changelog[0] != fingerprint:
            changelog = build(revisions, current, keep_empty=bool(pattern))
            self._changelog = (fingerprint, changelog)
            used = {b for r in revisions for b in r.state.blobs.values()}
            self.cache.keep_only(used | set(current.blobs.values() if current else ()))
        return self._changelog[1]

    def problems(self, handbook: Handbook) -> list[Problem]:
        return self.outcome(handbook).problems

    def extras(self, handbook: Handbook, urls: Urls, extras: PageExtras) -> None:
        changelog = self.outcome(handbook).changelog
        if changelog is not None:
            for sid, sections in self._render(changelog, handbook, urls)[1].items():
                extras.sections.setdefault(sid, []).extend(sections)

    def files(self, handbook: Handbook, urls: Urls) -> list[OutputFile]:
        outcome = self.outcome(handbook)
        if not outcome.enabled:
            return []
        if outcome.changelog is None:
            renderer = ChangelogRenderer(Changelog([]), handbook, urls)
            return [renderer.index_page(unavailable=outcome.unavailable)]
        return list(self._render(outcome.changelog, handbook, urls)[0])

    def _render(
        self, changelog: Changelog, handbook: Handbook, urls: Urls
    ) -> tuple[list[OutputFile], dict[str, list[Section]]]:
        """Pages and sections, rendered again only when the changelog or links change."""
        settings = handbook.settings
        as_of = settings.options.changelog.as_of
        key = (
            tuple(s.id for s in handbook.published()),
            tuple(settings.areas.items()),
            urls.use_directory_urls,
            urls.headings,
            settings.site_url,
            settings.site_name,  # the feed's title
            as_of,
        )
        # The changelog by identity: a new history or a newly saved change is a new one.
        if self._rendered is None or self._rendered[0] is not changelog or self._rendered[1] != key:
            state = self.state
            # The released revisions' pages are kept by the history read and this key.
            history = None if self._history is None else (self._history[0], key)
            renderer = ChangelogRenderer(
                changelog, handbook, urls, as_of=as_of, state=state, history=history
            )
            sections = PageExtras()
            renderer.sections(sections)
            self._rendered = (changelog, key, (renderer.files(), sections.sections))
        return self._rendered[2]


def _unavailable(error: GitError) -> str:
    why = {
        "no-git": "git is not installed where this site was built",
        "not-a-repo": "this copy of the handbook is not a git repository",
    }.get(error.kind, str(error))
    return f"The changelog is made from the git history, but {why}."
