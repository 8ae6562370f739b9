"""The loaded handbook: its standards, the problems found reading them, and lookups."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from .model import Standard
from .problems import Problem
from .results.model import Results
from .settings import Settings

if TYPE_CHECKING:
    from .cards.revision import Revision


@dataclass
class Handbook:
    standards: list[Standard]
    problems: list[Problem] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)
    # Results of the targets, from the results folder (none for a past revision's files).
    results: Results = field(default_factory=Results)
    # The standard files' texts it was loaded from, by path (relative to the root): the
    # changelog's unreleased changes are made of the build's rather than read again.
    texts: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    _published: tuple[object, list[Standard]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self.problems if p.severity == "error")

    @cached_property
    def revision(self) -> Revision:
        """The handbook's revision (git), asked once per loaded handbook: once per build,
        however many features print it (cards, feedback links)."""
        from .cards.revision import current

        settings = self.settings
        return current(settings.root, settings.standards_path, settings.config_file)

    def revision_of(self, standard: Standard) -> str:
        """The revision a standard is printed as: the commit, '-dirty' if its file (or
        mkdocs.yml) has changes not committed."""
        return self.revision.of(standard.path)

    def published(self) -> list[Standard]:
        """Standards that appear on the site, ordered by area then id.

        Asked for about fifty times a build: sorted once for the same standards (frozen
        objects) and settings, a new list each time."""
        include = self.settings.include_drafts
        key = (tuple(self.standards), include, tuple(self.settings.areas))
        if self._published is None or self._published[0] != key:
            chosen = [s for s in self.standards if s.published or include]
            order = {slug: i for i, slug in enumerate(self.settings.areas)}
            ordered = sorted(chosen, key=lambda s: (order.get(s.area, len(order)), s.id))
            self._published = (key, ordered)
        return list(self._published[1])

    def by_id(self) -> dict[str, Standard]:
        return {s.id: s for s in self.standards}

    def by_area(self) -> dict[str, list[Standard]]:
        """Published standards grouped by area, in the configured area order."""
        groups: dict[str, list[Standard]] = {slug: [] for slug in self.settings.areas}
        for standard in self.published():
            groups.setdefault(standard.area, []).append(standard)
        return groups
