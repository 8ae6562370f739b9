"""What goes on a quick card, which standards get one, and the cards' options."""

from __future__ import annotations

import os
import re
import subprocess
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from gitrepo import Repo
from handbook.cards.model import carded, make_card, make_cards, select
from handbook.cards.render import card_html
from handbook.cards.revision import UNVERSIONED, Revision, current, revision
from handbook.cards.sizes import SIZES
from handbook.handbook import Handbook
from handbook.loader import load_one
from handbook.settings import Settings

BASE = """\
id: DESK-001
title: Greeting at the desk
summary: Look up and greet every customer within ten seconds.
area: in-person
situation: A customer walks up to the service desk.
channels: [in-person, phone]
status: active
owner: Service desk manager
effective: 2026-01-05
review_by: 2027-06-30
tags: [greeting]
rules:
  - Greet every customer within ten seconds.
steps:
  - Look up when the customer is three metres away.
  - Smile and say the greeting within ten seconds.
  - If you are busy, say how long you will be.
wordings:
  - when: A customer walks up
    say: Good morning, what can I do for you?
    dont_say: Next!
  - say: I will be with you in two minutes.
targets:
  - metric: Customers greeted within ten seconds
    comparison: at least
    value: 95
    unit: "% of visits"
  - metric: Mystery shopper score
    value: 4
escalation:
  - who: Shift supervisor
    when: three customers wait
    within: 2 minutes
"""


def standard(extra: str = "", **replace: str):
    text = BASE
    for key, value in replace.items():
        text = (
            "\n".join(
                f"{key}: {value}" if line.startswith(f"{key}:") else line
                for line in text.splitlines()
            )
            + "\n"
        )
    loaded, problems = load_one("standards/desk-001.yml", text + textwrap.dedent(extra))
    assert not problems, problems
    assert loaded is not None
    return loaded


def test_without_card_section_everything_goes_on_the_card():
    card = make_card(standard(), "abc1234")
    s = card.standard
    assert card.steps == list(s.steps)
    assert [w.say for w in card.wordings] == [w.say for w in s.wordings]
    assert card.wordings[0].dont_say == "Next!"
    assert card.targets == list(s.targets)
    assert card.escalation == list(s.escalation)
    assert card.shortened == []
    assert card.problems == []
    assert card.steps_heading == "Steps"


def test_card_section_picks_by_number_or_own_text_and_says_it_is_shortened():
    card = make_card(
        standard(
            """\
            card:
              steps: [3, "Smile and greet."]
              wordings: [2, {say: "Hello!", dont_say: "Yes?"}]
              targets: [1]
              escalation: false
              note: Keep this card at the desk.
            """
        ),
        "abc1234",
    )
    assert card.steps == ["If you are busy, say how long you will be.", "Smile and greet."]
    assert [(w.say, w.dont_say) for w in card.wordings] == [
        ("I will be with you in two minutes.", None),
        ("Hello!", "Yes?"),
    ]
    assert [t.metric for t in card.targets] == ["Customers greeted within ten seconds"]
    assert card.escalation == []
    assert card.note == "Keep this card at the desk."
    assert card.shortened == ["3 steps", "2 wordings", "2 targets", "an escalation chain"]


def test_card_section_that_keeps_everything_is_not_called_shortened():
    card = make_card(standard("card:\n  note: By the phone.\n  steps: [1, 2, 3]\n"), "r")
    assert card.shortened == []
    assert card.note == "By the phone."


def test_a_number_that_points_at_nothing_is_a_problem_at_its_line():
    # The loader reports it (so check, lint, cards and the build agree), and the
    # standard does not load.
    loaded, problems = load_one(
        "standards/desk-001.yml", BASE + "card:\n  steps: [1, 7]\n  targets: [3]\n"
    )
    assert loaded is None
    found = sorted(problems)
    card_line = BASE.count("\n") + 1
    assert [(p.rule, p.line, p.severity) for p in found] == [
        ("card-reference", card_line + 1, "error"),
        ("card-reference", card_line + 2, "error"),
    ]
    assert "step 7" in found[0].message and "has 3 steps" in found[0].message
    assert "1 to 2" in found[1].message


def test_a_decimal_card_number_is_a_problem_not_a_crash():
    # JSON Schema counts 1.0 as a whole number: it passed check and lint, then the
    # build failed with a traceback indexing the wordings.
    text = BASE + "card:\n  steps: [1.0]\n  wordings: [1.0]\n  targets: [2.0]\n"
    loaded, problems = load_one("standards/desk-001.yml", text)
    assert loaded is None
    assert [p.rule for p in problems] == ["card-reference"] * 3
    assert all("not a whole number" in p.message for p in problems)


def test_a_standard_without_steps_puts_its_rules_on_the_card():
    text = "\n".join(line for line in BASE.splitlines() if not line.startswith("steps:"))
    text = (
        text.replace("  - Look up", "# ")
        .replace("  - Smile and", "# ")
        .replace("  - If you are busy", "# ")
    )
    loaded, problems = load_one("standards/desk-001.yml", text)
    assert not problems and loaded is not None
    card = make_card(loaded, "r")
    assert card.steps_heading == "Rules"
    assert card.steps == ["Greet every customer within ten seconds."]


def test_select_combines_filters_and_carded_leaves_out_retired_and_drafts():
    a = standard()
    b = standard(id="PHONE-001", area="telephone", channels="[phone]", tags="[calls]")
    c = standard(id="PHONE-002", area="telephone", status="retired")
    d = standard(id="PHONE-003", area="telephone", status="draft")
    handbook = Handbook([a, b, c, d], [], Settings())
    # Area order of the handbook: telephone comes before in-person.
    assert [s.id for s in carded(handbook)] == ["PHONE-001", "DESK-001"]
    both = [a, b]
    assert select(both, ids=["phone-001"]) == [b]
    assert select(both, area="in-person") == [a]
    assert select(both, channel="phone") == [a, b]
    assert select(both, channel="phone", tag="calls") == [b]
    assert select(both, tag="nothing") == []


def test_cards_link_to_the_full_page_only_with_a_site_url(tmp_path: Path):
    s = standard()
    without = make_cards(Handbook([s], [], Settings(root=tmp_path)), [s])
    assert without[0].url is None
    settings = Settings(root=tmp_path, site_url="https://hb.example.org")
    with_url = make_cards(Handbook([s], [], settings), [s])
    assert with_url[0].url == "https://hb.example.org/standards/desk-001/"
    assert with_url[0].revision == UNVERSIONED


def test_revision_names_the_git_commit(tmp_path: Path):
    root = Path(__file__).resolve().parents[2]
    name = revision(root)
    assert name != UNVERSIONED
    assert len(name.removesuffix("-dirty")) >= 7
    assert revision(tmp_path) == UNVERSIONED


def test_card_text_is_never_smaller_than_9pt():
    css = (Path(card_html.__code__.co_filename).parent / "templates" / "card.css").read_text()
    sizes = [float(v) for v in re.findall(r"font-size:\s*([\d.]+)pt", css)]
    assert sizes and min(sizes) >= 9
    assert not re.search(r"font-size:\s*[\d.]+(px|em|rem|%)", css)


def test_standard_text_cannot_inject_markup_into_a_card():
    s = replace(
        standard(), steps=("Say hello <script>alert(1)</script> and <b onclick='x()'>smile</b>.",)
    )
    html = card_html(make_card(s, "r"), SIZES["a6"], "In person")
    assert "<script" not in html and "onclick" not in html
    assert "Say hello" in html


@pytest.mark.parametrize(
    ("card", "message"),
    [
        ("card:\n  steps: [0]\n", "'card.steps[1]': 0 is less than the minimum of 1"),
        ("card:\n  steps: [Go]\n", "'card.steps[1]' is too short"),
        ("card:\n  wordings: [{said: Hi}]\n", "unknown key 'said'"),
        ("card:\n  escalation: no-way\n", "'card.escalation' should be true or false"),
        ("card:\n  targets: [first]\n", "'card.targets[1]' should be a whole number"),
        ("card:\n  size: a7\n", "unknown key 'size'"),
    ],
)
def test_a_malformed_card_section_is_a_schema_error_at_its_line(card, message):
    loaded, problems = load_one("standards/desk-001.yml", BASE + card)
    assert loaded is None
    assert any(message in p.message for p in problems), [p.message for p in problems]
    assert all(p.line > BASE.count("\n") for p in problems)


def test_only_a_standard_changed_since_the_commit_is_printed_as_dirty(tmp_path: Path):
    """One edit under `serve` must not change every other card (and every PDF)."""
    (tmp_path / "standards").mkdir()
    for name in ("a.yml", "b.yml", "c d.yml"):
        (tmp_path / "standards" / name).write_text("id: X\n", "utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n", "utf-8")
    repo = Repo(tmp_path)
    repo.commit("x")
    clean = current(tmp_path, tmp_path / "standards", config)
    assert clean.name != UNVERSIONED and not clean.changed
    assert clean.of("standards/a.yml") == clean.name

    (tmp_path / "standards" / "c d.yml").write_text("id: Y\n", "utf-8")
    (tmp_path / "standards" / "new.yml").write_text("id: Z\n", "utf-8")
    (tmp_path / "other.txt").write_text("not a standard\n", "utf-8")
    edited = current(tmp_path, tmp_path / "standards", config)
    assert edited.of("standards/a.yml") == clean.name
    assert edited.of("standards/c d.yml") == f"{clean.name}-dirty"
    assert edited.of("standards/new.yml") == f"{clean.name}-dirty"  # not yet tracked

    repo.move("standards/b.yml", "standards/e.yml")
    config.write_text("site_name: y\n", "utf-8")
    moved = current(tmp_path, tmp_path / "standards", config)
    assert moved.of("standards/e.yml") == f"{clean.name}-dirty"
    assert moved.of("standards/a.yml") == f"{clean.name}-dirty"  # mkdocs.yml changed: all

    # From a folder below the repository's top, as a handbook inside a larger repository.
    assert current(tmp_path / "standards", tmp_path / "standards", None).name == clean.name
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    assert current(outside, outside, None) == Revision()
    assert Revision().of("standards/a.yml") == UNVERSIONED


def test_a_handbook_reached_through_a_symbolic_link_has_its_revision(tmp_path: Path):
    real = tmp_path / "real"
    (real / "standards").mkdir(parents=True)
    (real / "standards" / "a.yml").write_text("id: X\n", "utf-8")
    repo = Repo(real)
    repo.commit("x")
    (real / "standards" / "a.yml").write_text("id: Y\n", "utf-8")
    link = tmp_path / "link"
    link.symlink_to(real)
    found = current(link, link / "standards", None)
    assert found.name != UNVERSIONED
    assert found.of("standards/a.yml") == f"{found.name}-dirty"


@pytest.mark.parametrize("folder", [":standards", ":(glob)x", "std[ab]", "*"])
def test_a_standards_folder_named_like_a_git_pathspec_is_taken_literally(
    tmp_path: Path, folder: str
):
    # git reads ':' at the start of a path and '*', '[' in it as pathspec magic: a
    # folder so named would match other paths (or none), and its changes go unseen.
    (tmp_path / folder).mkdir()
    (tmp_path / folder / "a.yml").write_text("id: X\n", "utf-8")
    (tmp_path / "standards").mkdir(exist_ok=True)
    (tmp_path / "standards" / "b.yml").write_text("id: Y\n", "utf-8")
    repo = Repo(tmp_path)
    repo.commit("x")
    (tmp_path / folder / "a.yml").write_text("id: Z\n", "utf-8")
    (tmp_path / "standards" / "b.yml").write_text("id: W\n", "utf-8")  # not under `folder`
    found = current(tmp_path, tmp_path / folder, None)
    assert found.of(f"{folder}/a.yml") == f"{found.name}-dirty"
    assert found.changed == {f"{folder}/a.yml"}


def test_names_git_prints_that_are_not_utf8_are_no_crash(tmp_path: Path):
    # Linux file names and git tag names are bytes: a stray file named in Latin-1 in the
    # standards folder, or such a tag, failed the whole build (UnicodeDecodeError).
    (tmp_path / "standards").mkdir()
    (tmp_path / "standards" / "a.yml").write_text("id: X\n", "utf-8")
    repo = Repo(tmp_path)
    repo.commit("x")
    # A tag name that is not UTF-8: given to git as bytes.
    subprocess.run(
        ["git", "tag", "-a", b"v1-\xe9", "-m", "t"], cwd=tmp_path, env=repo.env(), check=True
    )
    stray = os.path.join(os.fsencode(tmp_path / "standards"), b"notes-\xe9.txt")
    with open(stray, "wb") as file:
        file.write(b"x\n")
    (tmp_path / "standards" / "a.yml").write_text("id: Y\n", "utf-8")
    found = current(tmp_path, tmp_path / "standards", None)
    assert found.name.startswith("v1-")
    found.name.encode("utf-8")  # printable into a page
    assert found.of("standards/a.yml") == f"{found.name}-dirty"
    assert os.fsdecode(b"standards/notes-\xe9.txt") in found.changed
    assert revision(tmp_path).startswith("v1-")


def test_a_standard_file_git_ignores_is_printed_as_dirty(tmp_path: Path):
    # The build publishes every file in the standards folder, ignored by git or not: a
    # card printed from one must not name a commit that does not hold it.
    (tmp_path / "standards" / "kept").mkdir(parents=True)
    (tmp_path / "standards" / "a.yml").write_text("id: A\n", "utf-8")
    (tmp_path / ".gitignore").write_text("*.local.yml\nstandards/kept/\n", "utf-8")
    repo = Repo(tmp_path)
    repo.commit("x")
    (tmp_path / "standards" / "b.local.yml").write_text("id: B\n", "utf-8")
    (tmp_path / "standards" / "kept" / "c.yml").write_text("id: C\n", "utf-8")
    found = current(tmp_path, tmp_path / "standards", None)
    assert found.changed == {"standards/b.local.yml", "standards/kept/c.yml"}
    assert found.of("standards/a.yml") == found.name


def test_a_standards_folder_that_is_a_link_in_the_repository_has_its_changes_seen(tmp_path: Path):
    # git sees a symbolic link as a file of its own: asked about `standards`, a link to
    # content/standards, it told no change of the files the build read through it.
    (tmp_path / "content" / "standards").mkdir(parents=True)
    (tmp_path / "content" / "standards" / "a.yml").write_text("id: A\n", "utf-8")
    (tmp_path / "content" / "standards" / "b.yml").write_text("id: B\n", "utf-8")
    (tmp_path / "standards").symlink_to("content/standards")
    config = tmp_path / "mkdocs.yml"
    (tmp_path / "content" / "mkdocs.yml").write_text("site_name: x\n", "utf-8")
    config.symlink_to("content/mkdocs.yml")
    repo = Repo(tmp_path)
    repo.commit("x")
    (tmp_path / "content" / "standards" / "a.yml").write_text("id: Z\n", "utf-8")
    found = current(tmp_path, tmp_path / "standards", config)
    assert found.of("standards/a.yml") == f"{found.name}-dirty"
    assert found.of("standards/b.yml") == found.name
    (tmp_path / "content" / "mkdocs.yml").write_text("site_name: y\n", "utf-8")
    assert current(tmp_path, tmp_path / "standards", config).config_changed


def test_a_change_to_the_configuration_a_config_file_inherits_is_dirty(tmp_path: Path):
    # `make offline` builds with mkdocs.offline.yml, which inherits mkdocs.yml (INHERIT):
    # an edit of mkdocs.yml (the cards' size, the site's address) changes every card.
    (tmp_path / "standards").mkdir()
    (tmp_path / "standards" / "a.yml").write_text("id: A\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", "utf-8")
    offline = tmp_path / "mkdocs.offline.yml"
    offline.write_text("# a copy\nINHERIT: 'mkdocs.yml'\nsite_dir: off\n", "utf-8")
    repo = Repo(tmp_path)
    repo.commit("x")
    assert not current(tmp_path, tmp_path / "standards", offline).config_changed
    (tmp_path / "mkdocs.yml").write_text("site_name: y\n", "utf-8")
    found = current(tmp_path, tmp_path / "standards", offline)
    assert found.config_changed
    assert found.of("standards/a.yml") == f"{found.name}-dirty"


def test_a_configuration_inherited_from_outside_the_repository_is_no_failure(tmp_path: Path):
    project = tmp_path / "project"
    (project / "standards").mkdir(parents=True)
    (project / "standards" / "a.yml").write_text("id: A\n", "utf-8")
    (tmp_path / "base.yml").write_text("site_name: x\n", "utf-8")
    (project / "mkdocs.yml").write_text("INHERIT: ../base.yml\n", "utf-8")
    repo = Repo(project)
    repo.commit("x")
    (project / "standards" / "a.yml").write_text("id: B\n", "utf-8")
    found = current(project, project / "standards", project / "mkdocs.yml")
    assert found.name != UNVERSIONED and not found.config_changed
    assert found.of("standards/a.yml") == f"{found.name}-dirty"
