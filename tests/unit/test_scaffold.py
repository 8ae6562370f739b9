"""`handbook new`: the next free id, every section, valid at once, never over a file."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from handbook import cli, schema
from handbook.lint.runner import lint
from handbook.loader import load, load_one
from handbook.scaffold import (
    PLACEHOLDER,
    SCHEMA_LINE,
    ScaffoldError,
    new_standard,
    slugify,
    write,
)
from handbook.settings import Settings

TODAY = dt.date(2026, 3, 2)

STANDARD = """\
# yaml-language-server: $schema={schema}
id: {id}
title: {title}
summary: A standard that exists already in this handbook.
area: {area}
situation: Whenever the test needs an existing standard.
channels: [{channels}]
status: active
owner: Contact centre manager
effective: 2026-01-01
review_by: 2027-01-01
rules:
  - Do the thing within 5 minutes.
"""


def _handbook(tmp_path: Path, *standards: tuple[str, str, str, str]) -> Settings:
    """A handbook folder with a local copy of the schema and the given standards
    (id, title, area, channels)."""
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "standard.schema.json").write_text(schema.schema_text(), "utf-8")
    for standard_id, title, area, channels in standards:
        folder = tmp_path / "standards" / area
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{standard_id.lower()}.yml").write_text(
            STANDARD.format(
                schema="../../schema/standard.schema.json",
                id=standard_id,
                title=title,
                area=area,
                channels=channels,
            ),
            "utf-8",
        )
    return Settings(root=tmp_path)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return _handbook(
        tmp_path,
        ("PHONE-001", "Answering calls", "telephone", "phone"),
        ("PHONE-007", "Callbacks", "telephone", "phone, video"),
        ("CHAT-001", "Live chat", "email-and-chat", "chat"),
        ("CHAT-002", "Social media", "email-and-chat", "social-media"),
        ("EMAIL-001", "First reply", "email-and-chat", "email"),
    )


def test_next_free_id_after_the_highest_of_the_prefix(settings: Settings) -> None:
    new = new_standard(settings, "telephone", "Taking a message", today=TODAY)
    assert new.id == "PHONE-008"
    assert new.path == settings.standards_path / "telephone" / "phone-008-taking-a-message.yml"


def test_prefix_is_the_one_most_standards_of_the_area_use(settings: Settings) -> None:
    assert new_standard(settings, "email-and-chat", "Replying on WhatsApp").id == "CHAT-003"
    chosen = new_standard(settings, "email-and-chat", "Out of office", prefix="EMAIL")
    assert chosen.id == "EMAIL-002"


def test_prefix_of_an_empty_area_is_its_first_word(settings: Settings) -> None:
    assert new_standard(settings, "in-person", "Greeting at the desk").id == "IN-001"
    settings.options = replace(settings.options, id_prefixes={"in-person": "DESK"})
    assert new_standard(settings, "in-person", "Greeting at the desk").id == "DESK-001"


def test_an_id_in_a_broken_file_is_still_taken(settings: Settings) -> None:
    broken = settings.standards_path / "telephone" / "broken.yml"
    broken.write_text("id: PHONE-012\ntitle: [unclosed\n", "utf-8")
    assert new_standard(settings, "telephone", "Taking a message").id == "PHONE-013"
    broken.write_text("id: PHONE-014\ntitle: " + "[" * 20_000 + "]" * 20_000 + "\n", "utf-8")
    assert new_standard(settings, "telephone", "Taking a message").id == "PHONE-015"


def test_output_is_a_valid_draft_with_every_section(settings: Settings) -> None:
    new = new_standard(settings, "telephone", "Taking a message: for a colleague", today=TODAY)
    relative = new.path.relative_to(settings.root).as_posix()
    standard, problems = load_one(relative, new.text)
    assert problems == []
    assert standard is not None
    assert standard.title == "Taking a message: for a colleague"
    assert standard.status == "draft"
    assert standard.effective == TODAY
    assert standard.review_by == dt.date(2027, 3, 2)
    assert standard.channels == ("phone", "video")  # what the area's standards use
    # Every section is there to fill in; the optional settings are commented examples.
    commented = {"last_reviewed", "card", "lint", "pilot", "upcoming"}
    assert set(standard.data) == set(schema.schema()["properties"]) - commented
    lines = new.text.splitlines()
    for key in schema.schema()["properties"]:
        # Each section has a guidance comment on the line above it.
        index = next(i for i, line in enumerate(lines) if line.lstrip("# ").startswith(f"{key}:"))
        assert lines[index - 1].lstrip().startswith("#"), key


def test_placeholders_mark_what_is_left(settings: Settings) -> None:
    new = new_standard(settings, "telephone", "Taking a message")
    standard, _ = load_one("x.yml", new.text)
    assert standard is not None
    assert standard.summary.startswith(PLACEHOLDER)
    assert standard.rules[0].startswith(PLACEHOLDER)
    assert standard.owner.startswith(PLACEHOLDER)
    assert new_standard(settings, "telephone", "Another one", owner="Team lead").text.count(
        "owner: Team lead"
    )


def test_schema_line_points_at_the_schema_the_other_standards_use(settings: Settings) -> None:
    new = new_standard(settings, "complaints", "Handling a complaint")
    match = SCHEMA_LINE.match(new.text)
    assert match is not None
    assert match.group(1) == "../../schema/standard.schema.json"
    assert (new.path.parent / match.group(1)).resolve() == (
        settings.root / "schema" / "standard.schema.json"
    )


def test_schema_line_without_other_standards_points_at_the_package(tmp_path: Path) -> None:
    new = new_standard(Settings(root=tmp_path), "telephone", "Answering calls")
    match = SCHEMA_LINE.match(new.text)
    assert match is not None
    target = (tmp_path / "standards" / "telephone" / match.group(1)).resolve()
    assert target.name == "standard.schema.json"
    assert target.read_text("utf-8") == schema.schema_text()


def test_refuses_to_overwrite(settings: Settings) -> None:
    new = new_standard(settings, "telephone", "Taking a message")
    write(new)
    assert new.path.is_file()
    with pytest.raises(ScaffoldError, match="already exists"):
        write(new)
    with pytest.raises(ScaffoldError, match="PHONE-008 .* already has this title"):
        new_standard(settings, "telephone", "taking a MESSAGE")


@pytest.mark.parametrize(
    ("area", "title", "message"),
    [
        ("nowhere", "A title", "'nowhere' is not a handbook area: use one of telephone"),
        ("telephone", "x", "too short"),
        ("telephone", "A <b>bold</b> title", "title"),
    ],
)
def test_bad_arguments_say_what_to_do(
    settings: Settings, area: str, title: str, message: str
) -> None:
    with pytest.raises(ScaffoldError, match=message):
        new_standard(settings, area, title)


def test_a_bad_prefix_is_refused(settings: Settings) -> None:
    with pytest.raises(ScaffoldError, match="capital letters"):
        new_standard(settings, "telephone", "Taking a message", prefix="phone")


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Taking a message", "taking-a-message"),
        ("Refunds: over £50 (online)", "refunds-over-50-online"),
        ("Café déjà vu", "caf-d-j-vu"),
        ("!!!", "standard"),
        ("word " * 30, "-".join(["word"] * 10)),
    ],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_command_writes_the_file_and_prints_its_path(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    config = settings.root / "mkdocs.yml"
    config.write_text("site_name: T\nplugins:\n  - handbook\n", "utf-8")
    args = ["new", "--area", "telephone", "--title", "Taking a message", "-f", str(config)]
    assert cli.main(args) == 0
    out = capsys.readouterr().out
    assert out == "standards/telephone/phone-008-taking-a-message.yml\n"
    handbook = load(settings)
    assert handbook.errors == []
    assert "PHONE-008" in handbook.by_id()
    assert cli.main(["new", "--area", "nowhere", "--title", "X y z", "-f", str(config)]) == 2
    assert "not a handbook area" in capsys.readouterr().err


def test_lint_finds_only_what_is_left_to_fill_in(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    config = settings.root / "mkdocs.yml"
    config.write_text("site_name: T\nplugins:\n  - handbook\n", "utf-8")
    new = new_standard(settings, "telephone", "Taking a message")
    write(new)
    relative = new.path.relative_to(settings.root).as_posix()
    handbook = load(settings)
    problems = [p for p in lint(handbook) if p.file == relative]
    assert problems, "the placeholders must be listed"
    assert {p.rule for p in problems} == {"placeholder"}
    assert all(p.message.startswith("fill me in: ") for p in problems)
    assert all(p.severity == "warning" for p in problems)  # a draft may keep them
    todo_count = sum(
        line.count("TODO")
        for line in new.text.splitlines()
        if ": " in line and not line.lstrip().startswith("#")
    )
    assert len(problems) == todo_count
    # Each points at the TODO itself.
    lines = new.text.splitlines()
    for problem in problems:
        assert lines[problem.line - 1][problem.column - 1 :].startswith("TODO")
    # Once published, a placeholder is an error: staff must never read "TODO".
    active = new.text.replace("status: draft", "status: active")
    new.path.write_text(active, "utf-8")
    problems = [p for p in lint(load(settings)) if p.file == relative]
    assert {p.severity for p in problems} == {"error"}
    # The command line shows the same, and fails.
    assert cli.main(["lint", "-f", str(config), str(new.path)]) == 1
    assert "fill me in: the exact words staff use" in capsys.readouterr().out


def test_schema_line_uses_a_schema_file_in_the_handbook_root(tmp_path: Path) -> None:
    (tmp_path / "standard.schema.json").write_text(schema.schema_text(), "utf-8")
    new = new_standard(Settings(root=tmp_path), "telephone", "Answering calls")
    match = SCHEMA_LINE.match(new.text)
    assert match is not None and match.group(1) == "../../standard.schema.json"


def test_the_id_of_a_removed_standard_is_not_given_out_again(settings: Settings) -> None:
    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
            cwd=settings.root,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "Standards")
    (settings.standards_path / "telephone" / "phone-007.yml").unlink()
    git("commit", "-q", "-a", "-m", "Remove PHONE-007")
    assert new_standard(settings, "telephone", "Taking a message").id == "PHONE-008"
