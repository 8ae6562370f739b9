"""The `handbook` plugin's options in mkdocs.yml, typed once: defaults, checks, locations.

Both front doors parse the options written in mkdocs.yml (or the file it names by
`INHERIT`) with `parse`: the MkDocs plugin through its config class (mkdocs/config.py),
the `handbook` command through `settings.read_mkdocs_yml`. Each option has its default
here and nowhere else; the rest of the code reads the typed attributes. A value that
cannot be used is a problem located at its line in mkdocs.yml, and its default is used
instead; `parse` never raises.

Over 300 lines: every option's type, default and check, in one place, so that the two
front doors cannot disagree and no other module re-checks an option.

plugins:
  - handbook:
      standards_dir: standards        # folders, relative to mkdocs.yml
      illustrations_dir: illustrations
      areas: {telephone: Telephone}   # the handbook's sections, in order: slug -> title
      include_drafts: false           # publish draft standards too (previews)
      goals: {first-contact: Solve it the first time}   # or id -> {title, description}
      feedback: {email: {"*": x@example.org}, template: suggest-a-change.yml, host: github}
      lint: {passive-voice: off, readability: {max_grade: 9}}
      owners: {"Contact centre manager": "@org/contact-centre"}   # for `handbook codeowners`
      id_prefixes: {telephone: PHONE}   # for `handbook new`
      cards: {size: a6, pdf: false, overflow: warning, picker_cards: 100}
      changelog: {enabled: true, tag_pattern: null, unreleased: true, allow_shallow: false,
                  as_of: true}
      results: {dir: results, missed_periods: 2}
      review_soon_days: 60            # "Due for review" also lists standards due this soon
      search: {synonyms: [[till, checkout]]}   # or false: Material's own search
      theme_cache: true               # render Material's page parts once per page shape
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from .cards.sizes import SIZES
from .problems import SEVERITIES, Problem

RULE = "config"
Location = tuple[str, int, int]
Where = Callable[..., Location]

DEFAULT_AREAS = {
    "telephone": "Telephone",
    "email-and-chat": "Email and chat",
    "in-person": "In person",
    "complaints": "Complaints",
    "appearance-and-conduct": "Appearance and conduct",
    "uncommon-situations": "Uncommon situations",
    "service-policy": "Service policy",
}
FEEDBACK_HOSTS = ("github", "gitlab")
_GOAL_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
_TEMPLATE = re.compile(r"^[\w.-]+\.ya?ml$")


@dataclass(frozen=True)
class Goal:
    """One of the company's goals, which standards name in `goals:`."""

    id: str
    title: str
    description: str | None = None


@dataclass(frozen=True)
class FeedbackOptions:
    """ "Suggest a change": e-mail to the owner's address, else an issue at repo_url."""

    email: dict[str, str] = field(default_factory=dict)  # owner (or "*") -> address
    template: str = "suggest-a-change.yml"  # the issue form's file name (GitHub)
    host: str | None = None  # github or gitlab; None: told by repo_url's host name


@dataclass(frozen=True)
class LintRule:
    """A lint rule as mkdocs.yml sets it; a rule not written runs with its own defaults
    (the rule module's DEFAULT severity and OPTIONS)."""

    severity: str | None = None  # "off", a severity, or None: each finding's own
    options: dict[str, Any] = field(default_factory=dict)  # only those written


@dataclass(frozen=True)
class CardOptions:
    size: str = "a6"
    pdf: bool = False  # also a PDF of each area's cards
    overflow: str = "warning"  # a card too long for its page: a severity, or "off"
    # Up to this many cards the Quick cards page carries every card, so it prints a
    # selection even opened from disk; a larger handbook's page fetches the chosen cards'
    # own pages when asked to print (a thousand cards made a 6.7 MB page).
    picker_cards: int = 100


@dataclass(frozen=True)
class ChangelogOptions:
    enabled: bool = True
    # Release mode: revisions are the tags matching this pattern, e.g. "handbook-*".
    tag_pattern: str | None = None
    # Show changes in the working folder that no revision holds yet (handy in `serve`).
    unreleased: bool = True
    # Build from a shallow clone with an info message instead of a warning.
    allow_shallow: bool = False
    # A page for each superseded version of a standard ("View as it was on …").
    as_of: bool = True


@dataclass(frozen=True)
class ResultsOptions:
    dir: str = "results"  # the results folder, relative to mkdocs.yml
    # A target missed this many periods running lists its standard on "Due for review"
    # (0: none is listed).
    missed_periods: int = 2


@dataclass(frozen=True)
class SearchOptions:
    """`false`: Material's own search; otherwise the staff search, with these synonyms
    added to the built-in ones (finding/synonyms.py)."""

    enabled: bool = True
    synonyms: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Options:
    """Every option of the `handbook` plugin, with its default."""

    enabled: bool = True
    standards_dir: str = "standards"
    illustrations_dir: str = "illustrations"
    areas: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_AREAS))
    include_drafts: bool = False
    goals: dict[str, Goal] = field(default_factory=dict)
    feedback: FeedbackOptions = FeedbackOptions()
    lint: dict[str, LintRule] = field(default_factory=dict)
    owners: dict[str, tuple[str, ...]] = field(default_factory=dict)  # role -> teams
    id_prefixes: dict[str, str] = field(default_factory=dict)  # area -> id prefix
    cards: CardOptions = CardOptions()
    changelog: ChangelogOptions = ChangelogOptions()
    results: ResultsOptions = ResultsOptions()
    review_soon_days: int = 60
    search: SearchOptions = SearchOptions()
    theme_cache: bool = True


NAMES = tuple(f.name for f in fields(Options))


@dataclass
class Places:
    """Where each option is written: option path -> (file, line, column), for the
    handbook plugin's options and for MkDocs' own settings (`docs_dir`, `theme`…)."""

    file: str = "mkdocs.yml"
    options: dict[tuple[str, ...], Location] = field(default_factory=dict)
    settings: dict[tuple[str, ...], Location] = field(default_factory=dict)

    def where(self, *option: str) -> Location:
        """Where a handbook option (e.g. `where("cards", "size")`) is written; the nearest
        enclosing option's place when that one is not written."""
        return self._nearest(self.options, option)

    def where_setting(self, *setting: str) -> Location:
        """Where one of MkDocs' own settings (e.g. `where_setting("theme", "custom_dir")`)
        is written."""
        return self._nearest(self.settings, setting)

    def _nearest(self, places: dict[tuple[str, ...], Location], path: tuple[str, ...]) -> Location:
        for end in range(len(path), -1, -1):
            found = places.get(tuple(path[:end]))
            if found is not None:
                return found
        return (self.file, 1, 1)


class _Reader:
    """Collects the problems of one parse, each at its option's place."""

    def __init__(self, where: Where):
        self.where = where
        self.problems: list[Problem] = []

    def wrong(self, path: tuple[str, ...], message: str, severity: str = "error") -> None:
        dotted = ".".join(path)
        self.problems.append(Problem(*self.where(*path), RULE, f"{dotted}: {message}", severity))

    def mapping(self, path: tuple[str, ...], value: Any, keys: tuple[str, ...]) -> dict[str, Any]:
        """The option's mapping (empty when not written), with a problem for each unknown key."""
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.wrong(path, f"should be a mapping of options ({', '.join(keys)})")
            return {}
        for key in value:
            if key not in keys:
                self.wrong((*path, str(key)), _unknown(str(key), keys))
        return value

    def flag(self, path: tuple[str, ...], value: Any, default: bool) -> bool:
        if value is None:
            return default
        if not isinstance(value, bool):
            self.wrong(path, "should be true or false")
            return default
        return value

    def count(self, path: tuple[str, ...], value: Any, default: int) -> int:
        if value is None:
            return default
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            self.wrong(path, "should be a whole number, 0 or more")
            return default
        return value

    def text(self, path: tuple[str, ...], value: Any, default: str, what: str) -> str:
        if value is None:
            return default
        if not isinstance(value, str) or not value.strip():
            self.wrong(path, f"should be {what}")
            return default
        return value

    def choice(
        self, path: tuple[str, ...], value: Any, default: str, choices: tuple[str, ...]
    ) -> str:
        if value is None:
            return default
        if value not in choices:
            self.wrong(path, f"'{value}' is not one of {_listed(choices)}")
            return default
        return str(value)

    def texts(
        self, path: tuple[str, ...], value: Any, what: str, each: str
    ) -> dict[str, str] | None:
        """A mapping of text to text (areas, id_prefixes); None when not written."""
        if value is None:
            return None
        if not isinstance(value, dict):
            self.wrong(path, f"should be a mapping of {what}")
            return None
        found: dict[str, str] = {}
        for key, text in value.items():
            if isinstance(text, str) and text.strip():
                found[str(key)] = text
            else:
                self.wrong((*path, str(key)), f"should be {each}")
        return found


def parse(written: Mapping[str, Any], where: Where | None = None) -> tuple[Options, list[Problem]]:
    """The options as written in mkdocs.yml (None or absent: the default), typed, and a
    problem for each that cannot be used, located by `where(*option_path)`."""
    read = _Reader(where or Places().where)
    for key in written:
        if key not in NAMES:
            read.wrong((str(key),), _unknown(str(key), NAMES), "warning")
    default = Options()
    given = {key: value for key, value in written.items() if value is not None}

    def flag(name: str) -> bool:
        return read.flag((name,), given.get(name), getattr(default, name))

    def folder(name: str) -> str:
        what = "a folder name, relative to mkdocs.yml"
        return read.text((name,), given.get(name), getattr(default, name), what)

    areas = read.texts(("areas",), given.get("areas"), "area slugs to titles", "the area's title")
    prefixes = read.texts(
        ("id_prefixes",),
        given.get("id_prefixes"),
        "areas to id prefixes",
        "an id prefix, e.g. PHONE",
    )
    options = Options(
        enabled=flag("enabled"),
        standards_dir=folder("standards_dir"),
        illustrations_dir=folder("illustrations_dir"),
        areas=default.areas if areas is None else areas,
        include_drafts=flag("include_drafts"),
        goals=_goals(read, given.get("goals")),
        feedback=_feedback(read, given.get("feedback")),
        lint=_lint(read, given.get("lint")),
        owners=_owners(read, given.get("owners")),
        id_prefixes=prefixes or {},
        cards=_cards(read, given.get("cards")),
        changelog=_changelog(read, given.get("changelog")),
        results=_results(read, given.get("results")),
        review_soon_days=read.count(
            ("review_soon_days",), given.get("review_soon_days"), default.review_soon_days
        ),
        search=_search(read, given.get("search")),
        theme_cache=flag("theme_cache"),
    )
    return options, sorted(read.problems)


def _goals(read: _Reader, value: Any) -> dict[str, Goal]:
    path = ("goals",)
    if value is None:
        return {}
    if not isinstance(value, dict):
        read.wrong(path, "should be a mapping of goal id to title")
        return {}
    goals: dict[str, Goal] = {}
    for key, goal in value.items():
        here = (*path, str(key))
        if not isinstance(key, str) or not _GOAL_ID.match(key):
            read.wrong(
                here, "a goal id should be lower-case words joined by hyphens, e.g. keep-customers"
            )
        elif isinstance(goal, str) and goal.strip():
            goals[key] = Goal(key, goal.strip())
        elif (
            isinstance(goal, dict)
            and isinstance(goal.get("title"), str)
            and goal["title"].strip()
            and set(goal) <= {"title", "description"}
            and isinstance(goal.get("description", ""), str)
        ):
            goals[key] = Goal(key, goal["title"].strip(), goal.get("description") or None)
        else:
            read.wrong(here, "should have a title, or 'title' and 'description'")
    return goals


def _feedback(read: _Reader, value: Any) -> FeedbackOptions:
    path = ("feedback",)
    default = FeedbackOptions()
    given = read.mapping(path, value, ("email", "template", "host"))
    email: dict[str, str] = {}
    raw_email = given.get("email")
    if isinstance(raw_email, dict):
        for owner, address in raw_email.items():
            if isinstance(address, str) and _EMAIL.match(address):
                email[str(owner)] = address
            else:
                read.wrong(
                    (*path, "email", str(owner)),
                    f"'{address}' is not an e-mail address: write name@example.org",
                )
    elif raw_email is not None:
        read.wrong((*path, "email"), "should map each owner (or '*') to an e-mail address")
    template = given.get("template", default.template)
    if not isinstance(template, str) or not _TEMPLATE.match(template):
        read.wrong(
            (*path, "template"), "should be the issue form's file name, e.g. suggest-a-change.yml"
        )
        template = default.template
    host = given.get("host")
    if host is not None and host not in FEEDBACK_HOSTS:
        read.wrong((*path, "host"), f"'{host}' is not one of {_listed(FEEDBACK_HOSTS)}")
        host = None
    return FeedbackOptions(email, template, host)


_KINDS = {int: "a number", float: "a number", bool: "true or false", dict: "a mapping", str: "text"}


def _lint(read: _Reader, value: Any) -> dict[str, LintRule]:
    from .lint.rules import RULES  # the rules' own defaults (imported when lint is set)

    path = ("lint",)
    if value is None:
        return {}
    if not isinstance(value, dict):
        read.wrong(path, "should map rule ids to off, a severity or a mapping of options")
        return {}
    severities = ("off", *SEVERITIES)
    chosen: dict[str, LintRule] = {}
    for rule_id, setting in value.items():
        here = (*path, str(rule_id))
        module = RULES.get(str(rule_id))
        if module is None:
            read.wrong(here, _unknown(str(rule_id), tuple(RULES), "there is no such rule"))
            continue
        if setting is True:
            chosen[rule_id] = LintRule()
        elif setting is False or setting in severities:
            chosen[rule_id] = LintRule("off" if setting is False else str(setting))
        elif isinstance(setting, dict):
            severity = None
            options: dict[str, Any] = {}
            for key, option in setting.items():
                if key == "severity":
                    if option is False or option in severities:
                        severity = "off" if option is False else str(option)
                    else:
                        read.wrong(
                            (*here, "severity"), f"'{option}' is not one of {_listed(severities)}"
                        )
                elif key not in module.OPTIONS:
                    read.wrong((*here, str(key)), _unknown(str(key), ("severity", *module.OPTIONS)))
                elif not _option_ok(option, module.OPTIONS[key]):
                    kind = _KINDS.get(type(module.OPTIONS[key]), "a value")
                    read.wrong((*here, str(key)), f"should be {kind}, not {option!r}")
                else:
                    options[str(key)] = option
            chosen[rule_id] = LintRule(severity, options)
        else:
            read.wrong(
                here, f"write off, a severity ({', '.join(SEVERITIES)}) or a mapping of options"
            )
    return chosen


def _option_ok(value: Any, default: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, int | float):
        return isinstance(value, int | float)
    return isinstance(value, type(default))


def _owners(read: _Reader, value: Any) -> dict[str, tuple[str, ...]]:
    path = ("owners",)
    if value is None:
        return {}
    if not isinstance(value, dict):
        read.wrong(path, "should map each owner role (or '*') to a team or a list of teams")
        return {}
    owners: dict[str, tuple[str, ...]] = {}
    for role, teams in value.items():
        if isinstance(teams, str):
            owners[str(role)] = tuple(teams.split())
        elif isinstance(teams, list) and all(isinstance(t, str) for t in teams):
            owners[str(role)] = tuple(teams)
        else:
            read.wrong((*path, str(role)), "should be a team (@org/team) or a list of teams")
    return owners


def _cards(read: _Reader, value: Any) -> CardOptions:
    path = ("cards",)
    default = CardOptions()
    given = read.mapping(path, value, ("size", "pdf", "overflow", "picker_cards"))
    overflow = given.get("overflow")
    return CardOptions(
        size=read.choice((*path, "size"), given.get("size"), default.size, tuple(SIZES)),
        pdf=read.flag((*path, "pdf"), given.get("pdf"), default.pdf),
        overflow=read.choice(
            (*path, "overflow"),
            "off" if overflow is False else overflow,
            default.overflow,
            (*SEVERITIES, "off"),
        ),
        picker_cards=read.count(
            (*path, "picker_cards"), given.get("picker_cards"), default.picker_cards
        ),
    )


def _changelog(read: _Reader, value: Any) -> ChangelogOptions:
    path = ("changelog",)
    default = ChangelogOptions()
    names = tuple(f.name for f in fields(ChangelogOptions))
    given = read.mapping(path, value, names)
    pattern = given.get("tag_pattern")
    if pattern is not None and not isinstance(pattern, str):
        read.wrong((*path, "tag_pattern"), "should be a pattern of tag names, e.g. handbook-*")
        pattern = None
    return ChangelogOptions(
        enabled=read.flag((*path, "enabled"), given.get("enabled"), default.enabled),
        tag_pattern=pattern,
        unreleased=read.flag((*path, "unreleased"), given.get("unreleased"), default.unreleased),
        allow_shallow=read.flag(
            (*path, "allow_shallow"), given.get("allow_shallow"), default.allow_shallow
        ),
        as_of=read.flag((*path, "as_of"), given.get("as_of"), default.as_of),
    )


def _results(read: _Reader, value: Any) -> ResultsOptions:
    path = ("results",)
    default = ResultsOptions()
    given = read.mapping(path, value, ("dir", "missed_periods"))
    return ResultsOptions(
        dir=read.text(
            (*path, "dir"), given.get("dir"), default.dir, "a folder name, relative to mkdocs.yml"
        ),
        missed_periods=read.count(
            (*path, "missed_periods"), given.get("missed_periods"), default.missed_periods
        ),
    )


def _search(read: _Reader, value: Any) -> SearchOptions:
    path = ("search",)
    if value is False:
        return SearchOptions(enabled=False)
    if value is True or value is None:
        return SearchOptions()
    usage = "use `search: false` or `search: {synonyms: [[word, word, ...], ...]}`"
    if not isinstance(value, dict):
        read.wrong(path, f"should be false or a mapping: {usage}")
        return SearchOptions()
    given = read.mapping(path, value, ("synonyms",))
    groups = given.get("synonyms") or []
    if not isinstance(groups, list) or not all(
        isinstance(g, list) and all(isinstance(w, str) for w in g) for g in groups
    ):
        read.wrong((*path, "synonyms"), f"should be lists of words that mean the same: {usage}")
        groups = []
    return SearchOptions(synonyms=tuple(tuple(g) for g in groups))


def _unknown(key: str, known: tuple[str, ...], what: str = "unknown option") -> str:
    close = difflib.get_close_matches(key, known, n=1)
    if close:
        return f"{what}: did you mean '{close[0]}'?"
    return f"{what}: use {_listed(known)}"


def _listed(names: tuple[str, ...]) -> str:
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else "".join(names)
