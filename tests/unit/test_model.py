"""Model objects cannot be changed once loaded: the loader shares a Standard between
builds and revisions (by its file's path and text), and the changelog feature keeps its
changelog between `serve` builds, so a change would leak into them."""

from __future__ import annotations

import dataclasses
import shutil

import pytest

from conftest import FIXTURES, ROOT
from gitrepo import Repo
from handbook.changelog.feature import ChangelogFeature
from handbook.loader import load
from handbook.settings import Settings


@pytest.fixture(scope="module")
def handbook():
    return load(Settings.from_mkdocs_yml(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="module")
def standards(handbook):
    return handbook.standards


def records(handbook):
    """Every model object of the sample: standards, what they hold, their results."""
    found: list[object] = [r for rows in handbook.results.by_target.values() for r in rows]
    for s in handbook.standards:
        found.append(s)
        for f in dataclasses.fields(s):
            value = getattr(s, f.name)
            items = value if isinstance(value, tuple) else (value,)
            found.extend(v for v in items if dataclasses.is_dataclass(v))
        if s.pilot is not None:
            found.extend(x for x in (s.pilot.group, s.pilot.decision) if x is not None)
    return found


def test_no_field_of_any_model_object_can_be_assigned(handbook):
    found = records(handbook)
    kinds = {type(r).__name__ for r in found}
    # The sample holds every kind of record the model has.
    assert kinds >= {"Standard", "Target", "Wording", "Example", "EscalationStep"}
    assert kinds >= {"Illustration", "Pilot", "PilotGroup", "Upcoming", "Result"}
    for record in found:
        for f in dataclasses.fields(record):
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(record, f.name, None)


def test_lists_of_a_standard_are_tuples(standards):
    s = next(s for s in standards if s.pilot is not None)
    for f in dataclasses.fields(s):
        assert not isinstance(getattr(s, f.name), list), f.name
    assert isinstance(s.pilot.group.teams, tuple) and isinstance(s.pilot.tests, tuple)
    with pytest.raises(AttributeError):
        s.rules.append("Added after loading.")  # type: ignore[attr-defined]


def test_the_changelog_kept_between_builds_cannot_be_assigned_to(tmp_path):
    # The changelog feature keeps its changelog across `serve` builds.
    root = shutil.copytree(FIXTURES / "basic", tmp_path / "basic")
    repo = Repo(root)
    repo.commit("The first standards")
    text = (root / "standards" / "phone-001.yml").read_text("utf-8")
    repo.commit("A rule changed", {"standards/phone-001.yml": text.replace("rings.", "rings!")})
    handbook = load(Settings.from_mkdocs_yml(root / "mkdocs.yml"))
    changelog = ChangelogFeature().outcome(handbook).changelog
    assert changelog is not None
    revision = changelog.revisions[0]
    change = revision.changes[0]
    assert change.kind == "changed"
    for record in (changelog, revision, change, revision.revision.state):
        for f in dataclasses.fields(record):
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(record, f.name, None)
