"""The repository's own handbook builds, and every part of every standard reaches its page."""

from __future__ import annotations

import json

from conftest import ROOT
from handbook.loader import load
from handbook.markup import inline
from handbook.settings import Settings


def sample():
    return load(Settings.from_mkdocs_yml(ROOT / "mkdocs.yml"))


def test_sample_handbook_has_enough_real_standards():
    handbook = sample()
    assert handbook.errors == []
    published = [s for s in handbook.standards if s.status in ("active", "pilot")]
    assert len(published) >= 15
    areas = {s.area for s in published}
    assert {
        "telephone",
        "email-and-chat",
        "in-person",
        "complaints",
        "appearance-and-conduct",
        "uncommon-situations",
        "service-policy",
    } <= areas
    illustrated = [s for s in published if s.illustrations]
    assert len(illustrated) * 3 >= len(published)
    for s in published:
        assert s.targets and s.wordings and s.examples, s.id
        assert {e.kind for e in s.examples} == {"good", "poor"}, s.id
    for picture in (p for s in illustrated for p in s.illustrations):
        assert picture.file.endswith(".svg")


def test_every_part_of_every_standard_is_on_its_page(sample_site):
    for s in sample().published():
        page = sample_site.page(f"standards/{s.slug}/")
        texts = [s.summary, s.situation, s.owner, *s.rules, *s.steps, *s.aliases]
        for w in s.wordings:
            texts += [w.say, *(t for t in (w.when, w.dont_say, w.why) if t)]
        for e in s.examples:
            texts += [e.scenario, e.response, e.why]
        for step in s.escalation:
            texts += [step.who, step.when]
        for t in s.targets:
            texts += [t.metric, t.goal]
        for picture in s.illustrations:
            texts += [picture.caption or ""]
            assert (sample_site.site / "illustrations" / picture.file).is_file()
        for text in texts:
            assert inline(text) in page, f"{s.id}: {text!r} missing"


def test_standards_json_lists_every_published_standard(sample_site):
    data = json.loads((sample_site.site / "standards.json").read_text())
    assert [r["id"] for r in data["standards"]] == [s.id for s in sample().published()]
    for record in data["standards"]:
        assert (sample_site.site / record["url"] / "index.html").is_file()
        assert set(record) >= {
            "id",
            "title",
            "url",
            "area",
            "status",
            "owner",
            "review_by",
            "content",
        }
