"""Features that add to the handbook site beyond the standard pages (linter, changelog,
cards, finding aids). Each is a plain class over the core; site engines run them all.

A feature reports problems, adds parts to standard pages and adds files to the site.
An instance lives as long as the engine's process (all `serve` rebuilds), so a feature
may keep caches that do not depend on the handbook's current content.
"""

from __future__ import annotations

from .handbook import Handbook
from .problems import Problem
from .render.output import OutputFile
from .render.pages import PageExtras
from .render.urls import Urls


class Feature:
    name = "feature"

    def problems(self, handbook: Handbook) -> list[Problem]:
        """Findings to report in the build (errors fail it; warnings fail --strict)."""
        return []

    def extras(self, handbook: Handbook, urls: Urls, extras: PageExtras) -> None:
        """Add banners or sections to standard pages."""

    def files(self, handbook: Handbook, urls: Urls) -> list[OutputFile]:
        """Files to add to the site."""
        return []


def all_features() -> list[Feature]:
    """A fresh instance of every feature, in the order they run."""
    # Imported here so that each feature's module is only loaded when a site is built.
    from .cards.feature import CardsFeature
    from .changelog.feature import ChangelogFeature
    from .finding.filters import FiltersFeature
    from .finding.freshness import FreshnessFeature
    from .finding.goals import GoalsFeature
    from .finding.offline import OfflineFeature
    from .finding.searchbox import SearchFeature
    from .glossary.feature import GlossaryFeature
    from .lint.feature import LintFeature
    from .rollout.feedback import FeedbackFeature
    from .rollout.pilots import PilotsFeature
    from .rollout.upcoming import UpcomingFeature

    factories: list[type[Feature]] = [
        LintFeature,
        CardsFeature,
        ChangelogFeature,
        FiltersFeature,
        FreshnessFeature,
        GoalsFeature,
        PilotsFeature,
        UpcomingFeature,
        FeedbackFeature,
        OfflineFeature,
        SearchFeature,
        GlossaryFeature,
    ]
    return [factory() for factory in factories]
