"""The lint runner: suppression in a standard, settings from mkdocs.yml, linting files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lintkit import BASE, TODAY, lint_fragment, standard_text, where

from handbook.lint.runner import lint, lint_paths
from handbook.loader import load_texts
from handbook.settings import Settings

VAGUE = "rules:\n  - Reply promptly.\n  - Call back soon.\n"


def ignore(rule: str, field: str | None = None) -> str:
    entry = f"lint:\n  ignore:\n    - rule: {rule}\n"
    if field:
        entry += f"      field: {field}\n"
    return entry + "      reason: The customer asked for this wording in the pilot.\n"


def lint_with(lint_settings: dict, fragment: str = VAGUE):
    handbook = load_texts(
        {"s.yml": standard_text(fragment)}, Settings.from_options(Path(), {"lint": lint_settings})
    )
    assert not handbook.problems
    return lint(handbook, TODAY)


# --- Suppression in the standard -------------------------------------------------------------


def test_ignore_for_the_whole_file():
    assert lint_fragment(VAGUE + ignore("vague-wording"), "vague-wording") == []


@pytest.mark.parametrize(
    ("field", "left"),
    [("rules[1]", ["soon"]), ("rules[2]", ["promptly"]), ("rules", []), ("summary", None)],
)
def test_ignore_for_one_field(field, left):
    fragment = VAGUE + ignore("vague-wording", field)
    problems = lint_fragment(fragment, "vague-wording")
    if left is None:  # the ignore matches nothing: both stay, and the entry is flagged
        assert len(problems) == 2
        unused = [p for p in lint_fragment(fragment) if p.rule == "lint-ignore"]
        assert [(p.line, p.severity) for p in unused] == [(6, "suggestion")]
        assert "matches no problem" in unused[0].message
    else:
        assert [p.column for p in problems] == [where(fragment, w)[1] for w in left]


def test_ignore_a_field_of_every_entry():
    fragment = "wordings:\n  - say: I will call you soon.\n" + ignore(
        "vague-wording", "wordings.say"
    )
    assert lint_fragment(fragment, "vague-wording") == []


def test_ignore_with_a_field_not_written_as_a_path_is_an_error():
    fragment = VAGUE + ignore("vague-wording", "the first rule")
    (problem,) = [p for p in lint_fragment(fragment) if p.rule == "lint-ignore"]
    assert problem.severity == "error"
    assert (problem.line, problem.column) == where(fragment, "the first rule")


@pytest.mark.parametrize(
    ("entry", "complaint"),
    [
        ("lint:\n  ignore:\n    - rule: vague-wording\n", "reason"),
        (
            "lint:\n  ignore:\n    - rule: no-such-rule\n      reason: Because we say so here.\n",
            "rule",
        ),
    ],
)
def test_ignore_needs_a_known_rule_and_a_reason(entry, complaint):
    handbook = load_texts({"s.yml": standard_text(VAGUE + entry)}, Settings())
    assert handbook.problems and complaint in handbook.problems[0].message


# --- Settings from mkdocs.yml ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "severities"),
    [
        ("warning", ["warning", "warning"]),
        ({"severity": "suggestion"}, ["suggestion", "suggestion"]),
        ("off", []),
        (False, []),  # YAML reads `off` as false
    ],
)
def test_mkdocs_yml_sets_severity_or_turns_a_rule_off(setting, severities):
    problems = [p for p in lint_with({"vague-wording": setting}) if p.rule == "vague-wording"]
    assert [p.severity for p in problems] == severities


# --- Linting files ---------------------------------------------------------------------------


def project(tmp_path: Path, files: dict[str, str]) -> Settings:
    for name, text in files.items():
        path = tmp_path / "standards" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return Settings(root=tmp_path)


def test_broken_file_is_reported_and_linting_goes_on(tmp_path):
    settings = project(
        tmp_path,
        {
            "a.yml": standard_text(VAGUE),
            "b.yml": BASE.replace("TEST-001", "TEST-002").replace(
                "title: Answering", "title: [oops"
            ),
        },
    )
    problems, count = lint_paths(None, settings, today=TODAY)
    assert count == 2  # both files were read
    broken = [p for p in problems if p.file == "standards/b.yml"]
    assert len(broken) == 1 and broken[0].rule == "yaml-syntax" and broken[0].line == 2
    vague = [p for p in problems if p.rule == "vague-wording"]
    assert [(p.file, p.line) for p in vague] == [("standards/a.yml", 2), ("standards/a.yml", 3)]
    assert problems == sorted(problems)


def test_paths_limit_the_report_but_the_handbook_still_counts(tmp_path):
    other = BASE.replace("TEST-001", "TEST-002").replace("Yeah, hello?", "Calm down, please.")
    settings = project(
        tmp_path,
        {"a.yml": standard_text("steps:\n  - Say calm down, please.\n" + VAGUE), "b.yml": other},
    )
    problems, count = lint_paths([tmp_path / "standards" / "a.yml"], settings, today=TODAY)
    assert count == 1
    assert {p.file for p in problems} == {"standards/a.yml"}
    assert "say-dont-say" in {p.rule for p in problems}


def test_a_file_outside_the_standards_folder_can_be_linted(tmp_path):
    settings = project(tmp_path, {"a.yml": BASE})
    outside = tmp_path / "new.yml"
    outside.write_text(standard_text(VAGUE).replace("TEST-001", "TEST-009"))
    problems, count = lint_paths([outside], settings, today=TODAY)
    assert count == 1
    assert [p.rule for p in problems] == ["vague-wording", "vague-wording"]
    assert problems[0].file == "new.yml"


# --- Locations inside the YAML ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("fragment", "needle"),
    [
        ("summary: >\n  Reply to every email\n  promptly and kindly.\n", "promptly"),
        ("summary: |\n  Reply to every email.\n  Then call back soon.\n", "soon"),
        ('rules:\n  - "Say \\"hello\\", then reply promptly."\n', "promptly"),
        ("rules:\n  - 'It''s fine to reply promptly.'\n", "promptly"),
        ("rules: [Reply promptly., Call back within 2 hours.]\n", "promptly"),
    ],
)
def test_problem_points_at_the_words_in_any_scalar_style(fragment, needle):
    (problem,) = lint_fragment(fragment, "vague-wording")
    assert (problem.line, problem.column) == where(fragment, needle)


def test_phrase_split_over_folded_lines_is_found_where_it_starts():
    fragment = "summary: >\n  Call the customer back as soon\n  as possible after the call.\n"
    (problem,) = lint_fragment(fragment, "vague-wording")
    assert (problem.line, problem.column) == where(fragment, "as soon")


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("summary", ("summary",)),
        ("rules[2]", ("rules", 1)),
        ("wordings[1].say", ("wordings", 0, "say")),
        ("wordings.say", ("wordings", None, "say")),
        ("rules[0]", None),
        ("the first rule", None),
        ("rules.2", None),
    ],
)
def test_field_names_as_editors_write_them(name, path):
    from handbook.lint.fields import parse_field

    assert parse_field(name) == path


def test_problem_in_a_later_record_of_a_crlf_file_with_accents_keeps_its_place():
    # Places are matched to fields in document order: a field of the first wording taken
    # out of turn, or a column counted in bytes, would move this one.
    fragment = (
        "wordings:\r\n"
        "  - when: Opening the call\r\n"
        '    say: "Bonjour — ça va? Good morning, how can I help?"\r\n'
        "    why: The caller knows at once they reached the right team.\r\n"
        "  - when: Closing — « au revoir »\r\n"
        '    say: "Merci — we will call you back\r\n'
        '      soon."\r\n'
    )
    (problem,) = lint_fragment(fragment, "vague-wording")
    assert (problem.line, problem.column) == where(fragment, "soon") == (7, 7)
    assert problem.message.endswith("[wordings[2].say]")


def test_words_that_end_their_value_are_found_after_a_byte_order_mark():
    # Some editors on Windows start a UTF-8 file with one; the place must not shift by it.
    fragment = "\ufeffrules:\n  - Call back soon\n"
    (problem,) = lint_fragment(fragment, "vague-wording")
    assert (problem.line, problem.column) == (2, 15)


def test_what_a_build_keeps_is_left_out_of_later_collections():
    # In a new interpreter: freezing is for the whole process.
    check = (
        "import gc\n"
        "from handbook.lint.runner import no_cycle_collection\n"
        "with no_cycle_collection():\n"
        "    serving = [[] for _ in range(1000)]\n"
        "paused, after_serving = gc.isenabled(), gc.get_freeze_count()\n"
        "with no_cycle_collection(keep=True):\n"
        "    building = [[] for _ in range(1000)]\n"
        "print(paused, after_serving, gc.get_freeze_count(), gc.isenabled())\n"
    )
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    paused, after_serving, after_building, enabled = done.stdout.split()
    assert paused == "True" and after_serving == "0"  # paused only while inside
    assert int(after_building) >= 1000 and enabled == "True"
