"""The features that add to the handbook site beyond the standard pages (linter, changelog,
cards, finding aids…), in the order they run; site engines run them all (see feature.py)."""

from __future__ import annotations

from .buildstate import BuildState
from .feature import Feature
from .handbook import Handbook
from .problems import Problem
from .render.urls import Urls


def all_features(state: BuildState | None = None) -> list[Feature]:
    """A fresh instance of every feature, in the order they run, sharing `state` (the
    engine's build state; none: each feature works everything out each time)."""
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
    from .results.feature import ResultsFeature
    from .rollout.feedback import FeedbackFeature
    from .rollout.pilots import PilotsFeature
    from .rollout.upcoming import UpcomingFeature
    from .scorecards.feature import ScorecardsFeature

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
        ResultsFeature,
        ScorecardsFeature,
        OfflineFeature,
        SearchFeature,
        GlossaryFeature,
    ]
    features = [factory() for factory in factories]
    if state is not None:
        for feature in features:
            feature.state = state
    return features


def problems_of(handbook: Handbook, features: list[Feature]) -> list[Problem]:
    """The handbook's loading problems, then each feature's."""
    return [*handbook.problems, *(p for f in features for p in f.problems(handbook))]


def start(features: list[Feature], handbook: Handbook, urls: Urls, fork: bool = False) -> None:
    """Begin each feature's work beside the build, in copies of the process if `fork`
    (no build follows this one in the process): first the features that fork, while the
    process has one thread (beside.py), then those that start threads."""
    from .beside import forking

    with forking(fork):
        for feature in sorted(features, key=lambda f: f.threads):
            feature.start(handbook, urls)


def early(features: list[Feature]) -> list[Feature]:
    """The features whose results wait for nothing begun beside the build."""
    return [f for f in features if not f.late]


def late(features: list[Feature]) -> list[Feature]:
    """The features whose results wait for work begun beside the build (`start`)."""
    return [f for f in features if f.late]


def late_problems(
    handbook: Handbook, features: list[Feature], pages_first: bool = False
) -> list[Problem]:
    """The late features' problems: waits for the work they began; with `pages_first`,
    not those asked for after the pages (`last_problems`)."""
    return [
        p
        for f in late(features)
        if not (pages_first and f.after_pages)
        for p in f.problems(handbook)
    ]


def last_problems(handbook: Handbook, features: list[Feature]) -> list[Problem]:
    """The problems of the features whose work goes on while the pages are rendered
    (`after_pages`), for a build that asks for them after the pages: waits for it."""
    return [p for f in late(features) if f.after_pages for p in f.problems(handbook)]
