"""`handbook codeowners`: each standard's file goes to its owner's team."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from handbook import cli
from handbook.codeowners import codeowners
from handbook.handbook import Handbook
from handbook.loader import load
from handbook.model import Standard
from handbook.settings import Settings

ROOT = Path(__file__).parent.parent.parent


def _standard(path: str, owner: str) -> Standard:
    day = dt.date(2026, 1, 1)
    return Standard(
        id="X-001", title="T t t", summary="s" * 10, area="telephone", situation="s" * 10,
        status="active", owner=owner, effective=day, review_by=day, rules=["Do it."], path=path,
    )  # fmt: skip


HANDBOOK = Handbook(
    [
        _standard("standards/phone/b.yml", "Contact centre manager"),
        _standard("standards/phone/a.yml", "Contact centre manager"),
        _standard("standards/email/my file.yml", "Digital lead"),
        _standard("standards/desk/c.yml", "Desk lead"),
    ]
)


def _rules(text: str) -> list[str]:
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_each_file_goes_to_its_owners_team_in_path_order() -> None:
    result = codeowners(
        HANDBOOK,
        {
            "Contact centre manager": "@acme/contact-centre",
            "Digital lead": ["@acme/digital", "lead@acme.example"],
            "Desk lead": "@desk-lead",
        },
    )
    assert _rules(result.text) == [
        "/standards/desk/c.yml @desk-lead",
        "/standards/email/my\\ file.yml @acme/digital lead@acme.example",
        "/standards/phone/a.yml @acme/contact-centre",
        "/standards/phone/b.yml @acme/contact-centre",
    ]
    assert result.warnings == []
    assert result.text.startswith("# Who reviews changes to each standard")


def test_unmapped_owner_is_commented_out_with_a_warning() -> None:
    result = codeowners(HANDBOOK, {"Contact centre manager": "@acme/contact-centre"})
    assert "# No team for owner 'Desk lead' under 'owners' in mkdocs.yml." in result.text
    assert "# /standards/desk/c.yml" in result.text.splitlines()
    assert _rules(result.text) == [
        "/standards/phone/a.yml @acme/contact-centre",
        "/standards/phone/b.yml @acme/contact-centre",
    ]
    assert len(result.warnings) == 2
    assert "owner 'Desk lead' (1 standard, e.g. standards/desk/c.yml)" in result.warnings[0]
    assert 'add "Desk lead": "@org/team"' in result.warnings[0]


def test_fallback_team_takes_unmapped_owners_and_new_files() -> None:
    result = codeowners(
        HANDBOOK, {"Contact centre manager": "@acme/contact-centre", "*": "@acme/editors"}
    )
    rules = _rules(result.text)
    # First, so that the lines for known files (later lines win) override it.
    assert rules[0] == "/standards/ @acme/editors"
    assert "/standards/desk/c.yml @acme/editors" in rules
    assert "/standards/phone/a.yml @acme/contact-centre" in rules
    assert all("the '*' team reviews them" in warning for warning in result.warnings)


def test_a_placeholder_owner_asks_for_the_owner() -> None:
    new = Handbook([_standard("standards/new.yml", "TODO: the role that owns this standard")])
    result = codeowners(new, {"*": "@acme/editors"})
    assert result.warnings == ["standards/new.yml: fill in its owner, so its team can review it"]
    assert "/standards/new.yml @acme/editors" in _rules(result.text)


def test_a_team_that_is_not_a_github_owner_is_reported() -> None:
    result = codeowners(HANDBOOK, {"Contact centre manager": "Contact centre team", "*": "@a/b"})
    assert any("'Contact' (for 'Contact centre manager') is not a GitHub owner" in w for w in result.warnings)  # fmt: skip


def test_the_sample_repository_codeowners_is_up_to_date() -> None:
    settings = Settings.from_mkdocs_yml(ROOT / "mkdocs.yml")
    result = codeowners(load(settings), settings.options.owners)
    committed = (ROOT / ".github" / "CODEOWNERS").read_text("utf-8")
    assert committed == result.text, "run: handbook codeowners --output .github/CODEOWNERS"
    assert result.warnings == [], "every owner of the sample handbook has a team"
    paths = {line.split()[0] for line in _rules(committed)}
    assert {f"/{s.path}" for s in load(settings).standards} <= paths


def test_command_prints_writes_and_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = str(ROOT / "mkdocs.yml")
    assert cli.main(["codeowners", "-f", config]) == 0
    printed = capsys.readouterr().out
    assert printed == (ROOT / ".github" / "CODEOWNERS").read_text("utf-8")
    output = tmp_path / "CODEOWNERS"
    assert cli.main(["codeowners", "-f", config, "--check", str(output)]) == 1
    assert "is not up to date" in capsys.readouterr().err
    assert cli.main(["codeowners", "-f", config, "--output", str(output)]) == 0
    assert output.read_text("utf-8") == printed
    assert cli.main(["codeowners", "-f", config, "--check", str(output)]) == 0
