"""The loaded handbook: its standards, the problems found reading them, and lookups."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .model import Standard
from .problems import Problem
from .results.model import Results
from .settings import Settings


@dataclass
class Handbook:
    standards: list[Standard]
    problems: list[Problem] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)
    # Results of the targets, from the results folder (none for a past revision's files).
    results: Results = field(default_factory=Results)

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self.problems if p.severity == "error")

    @cached_property
    def revision(self) -> str:
        """The handbook's revision (`git describe`), asked once per loaded handbook: once
        per build, however many features print it (cards, scorecards, feedback links)."""
        from .cards.revision import revision

        return revision(self.settings.root)

    def published(self) -> list[Standard]:
        """Standards that appear on the site, ordered by area then id."""
        include = self.settings.include_drafts
        chosen = [s for s in self.standards if s.published or include]
        order = {slug: i for i, slug in enumerate(self.settings.areas)}
        return sorted(chosen, key=lambda s: (order.get(s.area, len(order)), s.id))

    def by_id(self) -> dict[str, Standard]:
        return {s.id: s for s in self.standards}

    def by_area(self) -> dict[str, list[Standard]]:
        """Published standards grouped by area, in the configured area order."""
        groups: dict[str, list[Standard]] = {slug: [] for slug in self.settings.areas}
        for standard in self.published():
            groups.setdefault(standard.area, []).append(standard)
        return groups
