"""The plugin's options, typed once: each bad value is one problem at its line in mkdocs.yml,
and both front doors (MkDocs' config class, the CLI's reader) see the same options."""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path

import pytest

from handbook.options import LintRule, Options, parse
from handbook.settings import Settings

ROOT = Path(__file__).parent.parent.parent
HEADER = "site_name: Test\ntheme:\n  name: material\nplugins:\n  - handbook:\n"

# A bad value (as written under `handbook:`, indented from column 7) -> its problem:
# (line, column) within the snippet, severity, message. tests/sites/test_options_site.py
# writes these into one mkdocs.yml for `mkdocs build` and `handbook lint`.
BAD = [
    ("enabled: maybe", 1, 1, "error", "enabled: should be true or false"),
    (
        'standards_dir: ""',
        1,
        1,
        "error",
        "standards_dir: should be a folder name, relative to mkdocs.yml",
    ),
    (
        "illustrations_dir: [a]",
        1,
        1,
        "error",
        "illustrations_dir: should be a folder name, relative to mkdocs.yml",
    ),
    ('include_drafts: "yes"', 1, 1, "error", "include_drafts: should be true or false"),
    (
        "area:\n  telephone: Telephone",
        1,
        1,
        "warning",
        "area: unknown option: did you mean 'areas'?",
    ),
    ("areas: [telephone]", 1, 1, "error", "areas: should be a mapping of area slugs to titles"),
    ('areas:\n  telephone: ""', 2, 3, "error", "areas.telephone: should be the area's title"),
    ("goals: [quick]", 1, 1, "error", "goals: should be a mapping of goal id to title"),
    (
        "goals:\n  First Contact: Title",
        2,
        3,
        "error",
        "goals.First Contact: a goal id should be lower-case words joined by hyphens, e.g. keep-customers",
    ),
    (
        "goals:\n  quick:\n    title: Quick\n    colour: red",
        2,
        3,
        "error",
        "goals.quick: should have a title, or 'title' and 'description'",
    ),
    (
        "feedback:\n  email:\n    Owner: not an address",
        3,
        5,
        "error",
        "feedback.email.Owner: 'not an address' is not an e-mail address: write name@example.org",
    ),
    (
        "feedback:\n  host: bitbucket",
        2,
        3,
        "error",
        "feedback.host: 'bitbucket' is not one of github or gitlab",
    ),
    (
        "feedback:\n  template: ../x.yml",
        2,
        3,
        "error",
        "feedback.template: should be the issue form's file name, e.g. suggest-a-change.yml",
    ),
    (
        "feedback:\n  emial: {}",
        2,
        3,
        "error",
        "feedback.emial: unknown option: did you mean 'email'?",
    ),
    (
        "lint:\n  vage-wording: off",
        2,
        3,
        "error",
        "lint.vage-wording: there is no such rule: did you mean 'vague-wording'?",
    ),
    (
        "lint:\n  stale: loud",
        2,
        3,
        "error",
        "lint.stale: write off, a severity (error, warning, suggestion) or a mapping of options",
    ),
    (
        "lint:\n  stale:\n    severity: loud",
        3,
        5,
        "error",
        "lint.stale.severity: 'loud' is not one of off, error, warning or suggestion",
    ),
    (
        "lint:\n  readability:\n    max_grade: high",
        3,
        5,
        "error",
        "lint.readability.max_grade: should be a number, not 'high'",
    ),
    (
        "lint:\n  readability:\n    grade: 9",
        3,
        5,
        "error",
        "lint.readability.grade: unknown option: did you mean 'max_grade'?",
    ),
    (
        "owners: [x]",
        1,
        1,
        "error",
        "owners: should map each owner role (or '*') to a team or a list of teams",
    ),
    (
        "owners:\n  Manager: 3",
        2,
        3,
        "error",
        "owners.Manager: should be a team (@org/team) or a list of teams",
    ),
    (
        "id_prefixes:\n  telephone: [PHONE]",
        2,
        3,
        "error",
        "id_prefixes.telephone: should be an id prefix, e.g. PHONE",
    ),
    (
        "cards: a6",
        1,
        1,
        "error",
        "cards: should be a mapping of options (size, pdf, overflow, picker_cards)",
    ),
    (
        "cards:\n  size: a5",
        2,
        3,
        "error",
        "cards.size: 'a5' is not one of a6, a7, index-4x6 or a4-4up",
    ),
    ("cards:\n  pdf: yes please", 2, 3, "error", "cards.pdf: should be true or false"),
    (
        "cards:\n  overflow: loud",
        2,
        3,
        "error",
        "cards.overflow: 'loud' is not one of error, warning, suggestion or off",
    ),
    (
        "cards:\n  picker_cards: -1",
        2,
        3,
        "error",
        "cards.picker_cards: should be a whole number, 0 or more",
    ),
    (
        "cards:\n  colour: red",
        2,
        3,
        "error",
        "cards.colour: unknown option: use size, pdf, overflow or picker_cards",
    ),
    (
        "changelog: [wrong]",
        1,
        1,
        "error",
        "changelog: should be a mapping of options (enabled, tag_pattern, unreleased, allow_shallow, as_of)",
    ),
    (
        "changelog:\n  unreleased: sometimes",
        2,
        3,
        "error",
        "changelog.unreleased: should be true or false",
    ),
    (
        "changelog:\n  tag_pattern: 3",
        2,
        3,
        "error",
        "changelog.tag_pattern: should be a pattern of tag names, e.g. handbook-*",
    ),
    (
        "results:\n  dir: 3",
        2,
        3,
        "error",
        "results.dir: should be a folder name, relative to mkdocs.yml",
    ),
    (
        "results:\n  missed_periods: -1",
        2,
        3,
        "error",
        "results.missed_periods: should be a whole number, 0 or more",
    ),
    (
        "review_soon_days: soon",
        1,
        1,
        "error",
        "review_soon_days: should be a whole number, 0 or more",
    ),
    (
        "search: yes please",
        1,
        1,
        "error",
        "search: should be false or a mapping: use `search: false` or "
        "`search: {synonyms: [[word, word, ...], ...]}`",
    ),
    (
        "search:\n  synonym: []",
        2,
        3,
        "error",
        "search.synonym: unknown option: did you mean 'synonyms'?",
    ),
    (
        "search:\n  synonyms: till",
        2,
        3,
        "error",
        "search.synonyms: should be lists of words that mean the same: use `search: false` or "
        "`search: {synonyms: [[word, word, ...], ...]}`",
    ),
    ("theme_cache: 1", 1, 1, "error", "theme_cache: should be true or false"),
]


def indented(snippet: str) -> str:
    return "".join(f"      {line}\n" for line in snippet.splitlines())


def settings_of(folder: Path, options: str) -> Settings:
    path = folder / "mkdocs.yml"
    path.write_text(HEADER + options, "utf-8")
    return Settings.from_mkdocs_yml(path)


@pytest.mark.parametrize(("snippet", "line", "column", "severity", "message"), BAD)
def test_a_bad_value_is_one_problem_at_its_line(tmp_path, snippet, line, column, severity, message):
    settings = settings_of(tmp_path, indented(snippet))
    at = f"mkdocs.yml:{5 + line}:{6 + column}"
    assert [str(p) for p in settings.problems] == [f"{at}: {severity} config {message}"]
    # What cannot be used is left out: the option keeps its default, a mapping the entries
    # that can be used (none here), a lint rule its own settings.
    assert replace(settings.options, lint={}) in (Options(), replace(Options(), areas={}))
    assert all(rule == LintRule() for rule in settings.options.lint.values())


def test_every_option_has_a_bad_example():
    """As each lint rule has its examples: an option added without one fails here."""
    tried = {snippet.split(":")[0] for snippet, *_ in BAD}
    assert {f.name for f in fields(Options)} <= tried


def test_good_values_are_typed(tmp_path):
    written = (
        "areas: {telephone: Telephone}\ngoals:\n  quick: Answer quickly\n"
        "feedback: {email: {'*': a@example.org}}\nlint: {stale: off, readability: {max_grade: 9}}\n"
        "owners: {'*': '@org/a @org/b'}\ncards: {size: a7, pdf: true, overflow: false}\n"
        "changelog: {tag_pattern: handbook-*}\nresults: {missed_periods: 0}\nsearch: false\n"
    )
    settings = settings_of(tmp_path, indented(written))
    options = settings.options
    assert settings.problems == []
    assert options.areas == {"telephone": "Telephone"}
    assert options.goals["quick"].title == "Answer quickly"
    assert options.feedback.email == {"*": "a@example.org"}
    assert options.lint["stale"].severity == "off"
    assert options.lint["readability"].options == {"max_grade": 9}
    assert options.owners == {"*": ("@org/a", "@org/b")}
    assert (options.cards.size, options.cards.pdf, options.cards.overflow) == ("a7", True, "off")
    assert options.changelog.tag_pattern == "handbook-*"
    assert options.results.missed_periods == 0
    assert not options.search.enabled


def test_options_that_are_not_a_mapping_are_a_problem(tmp_path):
    path = tmp_path / "mkdocs.yml"
    path.write_text("site_name: T\nplugins:\n  - handbook: [cards]\n", "utf-8")
    settings = Settings.from_mkdocs_yml(path)
    assert [str(p) for p in settings.problems] == [
        "mkdocs.yml:3:5: error config handbook: the plugin's options should be a mapping "
        "(standards_dir: …)"
    ]
    assert settings.options == Options()


def test_parse_never_raises_on_odd_values():
    for value in (None, 0, "", [], {}, {"a": None}, [[]], 1.5, True):
        written = {name: value for name in (f.name for f in fields(Options))}
        options, problems = parse(written)
        assert isinstance(options, Options)
        assert all(p.file == "mkdocs.yml" for p in problems)


def test_the_plugin_and_the_cli_see_the_same_options():
    """Defaults in one place: MkDocs' config class and the CLI's reader agree, for the
    sample's mkdocs.yml and for an empty option set."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["handbook"]
    cli = Settings.from_mkdocs_yml(ROOT / "mkdocs.yml")
    assert plugin.config.options == cli.options
    assert cli.problems == []

    from handbook.mkdocs.config import HandbookConfig

    empty = HandbookConfig()
    empty.load_dict({})
    assert empty.validate() == ([], [])
    assert empty.options == Options() == parse({})[0]
