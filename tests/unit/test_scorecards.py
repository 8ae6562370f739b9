"""QA scorecards: one criterion per rule, step, wording and target, with stable ids, as an
A4 PDF (read back with pypdf), CSV and JSON."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from handbook.cli import main
from handbook.loader import load
from handbook.scorecards.model import scorecard
from handbook.scorecards.render import csv_text, json_text, pdf
from handbook.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def handbook():
    return load(Settings.from_mkdocs_yml(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="module")
def phone(handbook):
    return handbook.by_id()["PHONE-001"]


def _expected(standard) -> int:
    wordings = sum(1 + bool(w.dont_say) for w in standard.wordings)
    return len(standard.rules) + len(standard.steps) + wordings + len(standard.targets)


def test_one_criterion_per_rule_step_wording_and_target(phone):
    card = scorecard(phone, "abc1234")
    assert len(card.criteria) == _expected(phone)
    kinds = [c.kind for c in card.criteria]
    assert kinds.count("rule") == len(phone.rules)
    assert kinds.count("step") == len(phone.steps)
    assert kinds.count("say") == len(phone.wordings)
    assert kinds.count("avoid") == sum(bool(w.dont_say) for w in phone.wordings)
    assert [c.id for c in card.criteria if c.kind == "target"] == [
        f"PHONE-001/target-{t.id}" for t in phone.targets
    ]
    assert len({c.id for c in card.criteria}) == len(card.criteria)


def test_ids_stay_when_a_rule_is_added_and_change_only_with_the_words(phone):
    before = {c.text: c.id for c in scorecard(phone, "r1").criteria}
    edited = dataclasses.replace(phone, rules=["Say thank you before you hang up.", *phone.rules])
    after = {c.text: c.id for c in scorecard(edited, "r2").criteria}
    assert all(after[text] == ident for text, ident in before.items())
    assert after["Say thank you before you hang up."] not in before.values()
    # The same words with other spacing and case are the same criterion.
    respaced = dataclasses.replace(phone, rules=[r.upper().replace(" ", "  ") for r in phone.rules])
    assert [c.id for c in scorecard(respaced, "r3").criteria][: len(phone.rules)] == [
        c.id for c in scorecard(phone, "r1").criteria
    ][: len(phone.rules)]


def _pdf_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_pdf_has_every_criterion_and_the_id_and_revision_on_every_sheet(handbook, phone):
    cards = [scorecard(phone, "abc1234"), scorecard(handbook.by_id()["COMP-001"], "abc1234")]
    data = pdf(cards, str(ROOT))
    pages = _pdf_text(data)
    reader = PdfReader(io.BytesIO(data))
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)  # A4
    squeezed = re.sub(r"\s+", "", "".join(pages))
    for card in cards:
        for c in card.criteria:
            assert re.sub(r"\s+", "", c.id.split("/", 1)[1]) in squeezed, c.id
    assert len(pages) >= 2
    for text in pages:
        assert "revision abc1234" in text
        assert re.search(r"(PHONE|COMP)-001 · ", text)
    # Each scorecard starts on a sheet of its own.
    starts = [i for i, text in enumerate(pages) if "QA SCORECARD" in text.upper()]
    assert len(starts) == 2


def test_the_same_handbook_gives_the_same_ids_build_after_build(phone):
    first = [c.id for c in scorecard(phone, "x").criteria]
    again = load(Settings.from_mkdocs_yml(ROOT / "mkdocs.yml")).by_id()["PHONE-001"]
    assert [c.id for c in scorecard(again, "x").criteria] == first


def test_csv_for_a_qa_tool_never_holds_a_formula(phone):
    hostile = dataclasses.replace(phone, rules=['=HYPERLINK("http://x") now', *phone.rules])
    rows = list(csv.DictReader(io.StringIO(csv_text([scorecard(hostile, "r")]))))
    assert len(rows) == _expected(hostile)
    assert rows[0]["text"] == '\'=HYPERLINK("http://x") now'
    assert {r["standard"] for r in rows} == {"PHONE-001"}
    assert all(r["mark"] == "" and r["comment"] == "" for r in rows)


def test_json_lists_marks_and_criteria(phone):
    data = json.loads(json_text([scorecard(phone, "r")]))
    assert data["marks"] == ["yes", "no", "not applicable"]
    (card,) = data["scorecards"]
    assert card["standard"] == "PHONE-001" and card["revision"] == "r"
    assert len(card["criteria"]) == _expected(phone)


def test_command_writes_each_format_and_refuses_unknown_ids(tmp_path, capsys):
    config = str(ROOT / "mkdocs.yml")
    for name in ("s.csv", "s.json"):
        assert (
            main(["scorecard", "-f", config, "--area", "telephone", "--out", str(tmp_path / name)])
            == 0
        )
    assert "PHONE-002" in (tmp_path / "s.csv").read_text()
    assert (
        main(["scorecard", "-f", config, "--id", "NOPE-001", "--out", str(tmp_path / "x.csv")]) == 2
    )
    assert main(["scorecard", "-f", config, "--out", str(tmp_path / "x.txt")]) == 2
    assert not (tmp_path / "x.csv").exists()
