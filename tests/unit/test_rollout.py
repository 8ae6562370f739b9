"""Goals, pilots, announced changes and "Suggest a change": the loop around the standards."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from lintkit import BASE, standard_text, where

from handbook.changelog.fields import compare
from handbook.finding.goals import GoalsFeature
from handbook.loader import load_texts
from handbook.options import FeedbackOptions
from handbook.render.pages import PageExtras
from handbook.render.urls import Urls
from handbook.rollout.feedback import suggest_link
from handbook.rollout.pilots import PilotsFeature, feedback_href, group_text, runs, what_it_tests
from handbook.rollout.upcoming import UpcomingFeature
from handbook.settings import Settings

TODAY = dt.date(2026, 6, 1)
GOALS = {"first-contact": "Solve it the first time", "keep-customers": {"title": "Keep them"}}
PILOT = """\
status: pilot
pilot:
  group: {teams: [Billing queue], sites: [Leeds]}
  start: 2026-05-04
  end: 2026-07-31
  tests: [Calls answered by the second ring]
  feedback: cc-manager@example.org
"""


def raw(fragment: str) -> str:
    """standard_text for a fragment the test kit's YAML reader cannot read (a bad date)."""
    rest = standard_text("").split("\n", 1)[1]
    return fragment + (rest.replace("status: active\n", "") if "status:" in fragment else rest)


def load(texts, **options):
    options.setdefault("goals", dict(GOALS))
    return load_texts(texts, Settings.from_options(Path(), options))


def problems_of(fragment: str, rule: str, others: dict[str, str] | None = None):
    handbook = load({"s.yml": standard_text(fragment), **(others or {})})
    return [p for p in handbook.problems if p.rule == rule]


# Goals


def test_unknown_goal_is_located_at_the_goal():
    fragment = "goals: [first-contact, keep-customer]\n"
    (problem,) = problems_of(fragment, "unknown-goal")
    assert (problem.line, problem.column) == where(fragment, "keep-customer]")
    assert "goal 'keep-customer' is not one of the company's goals" in problem.message
    assert "first-contact, keep-customers" in problem.message


def test_goal_with_no_goals_declared_says_so():
    handbook = load({"s.yml": standard_text("goals: [first-contact]\n")}, goals={})
    (problem,) = handbook.problems
    assert problem.rule == "unknown-goal" and "none is declared yet" in problem.message


def test_goals_page_lists_standards_per_goal_and_goals_no_one_serves():
    other = standard_text("goals: [first-contact]\n").replace("TEST-001", "TEST-002")
    handbook = load({"a.yml": standard_text("goals: [first-contact]\n"), "b.yml": other})
    (page,) = GoalsFeature().files(handbook, Urls())
    assert page.path == "goals.md"
    served = page.content.split("Goals no standard serves yet")[0]
    assert '<h2 id="first-contact">Solve it the first time</h2>' in served
    # Each goal is in the table of contents, under the id links to it use.
    assert ("first-contact", "Solve it the first time") in [(h.id, h.title) for h in page.headings]
    assert served.count('href="../standards/test-00') == 2
    assert "<strong>Keep them</strong>" in page.content.split("Goals no standard serves yet")[1]


def test_no_goals_no_page():
    handbook = load({"a.yml": standard_text("")}, goals={})
    assert GoalsFeature().files(handbook, Urls()) == []


# Pilots


def test_pilot_ending_before_it_starts_is_located_at_the_end():
    fragment = PILOT.replace("end: 2026-07-31", "end: 2026-04-30")
    (problem,) = problems_of(fragment, "pilot-dates")
    assert (problem.line, problem.column) == where(fragment, "2026-04-30")
    assert "ends (2026-04-30) before it starts (2026-05-04)" in problem.message


def test_pilot_of_an_unknown_standard_is_located_at_revises():
    fragment = PILOT.replace("pilot:\n", "pilot:\n  revises: NOPE-001\n")
    (problem,) = problems_of(fragment, "unknown-pilot-standard")
    assert (problem.line, problem.column) == where(fragment, "NOPE-001")
    assert "revises NOPE-001, which does not exist" in problem.message


def test_pilot_revising_itself_or_an_inactive_standard():
    itself = PILOT.replace("pilot:\n", "pilot:\n  revises: TEST-001\n")
    assert "is this standard itself" in problems_of(itself, "unknown-pilot-standard")[0].message
    draft = standard_text("status: draft\n").replace("TEST-001", "TEST-002")
    revising = PILOT.replace("pilot:\n", "pilot:\n  revises: TEST-002\n")
    (problem,) = problems_of(revising, "pilot-of-inactive", {"d.yml": draft})
    assert "TEST-002 is draft, not active" in problem.message


def test_pilot_date_not_in_the_calendar_is_located():
    fragment = PILOT.replace("2026-05-04", "2026-13-01")
    (problem,) = load({"s.yml": raw(fragment)}).problems
    assert (problem.line, problem.column) == where(fragment, "2026-13-01")
    assert "2026-13-01 is not a date in the calendar" in problem.message


@pytest.mark.parametrize(
    ("fragment", "message"),
    [
        (PILOT.replace("  group: {teams: [Billing queue], sites: [Leeds]}\n", "  group: {}\n"), ""),
        (
            PILOT.replace("  feedback: cc-manager@example.org\n", ""),
            "missing required key 'feedback'",
        ),
        ("upcoming:\n  - from: next month\n    change: Answer by ring 2.\n", "YYYY-MM-DD"),
    ],
)
def test_badly_written_pilot_or_change_is_a_schema_problem(fragment, message):
    handbook = load({"s.yml": raw(fragment)})
    assert [p.rule for p in handbook.problems] == ["schema"]
    assert message in handbook.problems[0].message


def test_pilot_states_over_time():
    handbook = load({"s.yml": standard_text(PILOT)})
    states = [runs(handbook, dt.date(2026, m, 1))[0].state for m in (4, 6, 8)]
    assert states == ["upcoming", "running", "due"]
    decided = PILOT + "  decision: {outcome: dropped, date: 2026-08-02}\n"
    assert runs(load({"s.yml": standard_text(decided)}), TODAY)[0].state == "finished"
    extended = PILOT + "  decision: {outcome: extended, date: 2026-08-02}\n"
    assert runs(load({"s.yml": standard_text(extended)}), dt.date(2026, 9, 1))[0].state == "due"


def test_group_in_words():
    handbook = load({"s.yml": standard_text(PILOT)})
    assert group_text(handbook.standards[0].pilot.group) == "Billing queue at Leeds"
    chat = PILOT.replace("{teams: [Billing queue], sites: [Leeds]}", "{channels: [chat, email]}")
    group = load({"s.yml": standard_text(chat)}).standards[0].pilot.group
    assert group_text(group) == "everyone on chat and email"


@pytest.mark.parametrize(
    ("feedback", "href"),
    [
        ("cc-manager@example.org", "mailto:cc-manager@example.org"),
        ("https://forms.example.org/pilot?a=1", "https://forms.example.org/pilot?a=1"),
        ("Contact centre manager", None),
        ("javascript:alert(1)", None),
        ("data:text/html,<script>", None),
        ('https://x.org/"onmouseover="alert(1)', None),
    ],
)
def test_feedback_links_only_mail_and_web_addresses(feedback, href):
    assert feedback_href(feedback) == href


def revision_pair(pilot_fragment: str = PILOT):
    current = standard_text("")
    pilot = standard_text(pilot_fragment.replace("pilot:\n", "pilot:\n  revises: TEST-001\n"))
    pilot = pilot.replace("id: TEST-001", "id: TEST-002")
    return {"current.yml": current, "pilot.yml": pilot}


def test_pilot_version_and_current_each_say_who_follows_which():
    handbook = load(revision_pair())
    assert [p for p in handbook.problems] == []
    extras = PageExtras()
    PilotsFeature(TODAY).extras(handbook, Urls(), extras)
    (pilot_banner,) = extras.banners["TEST-002"]
    assert "Pilot version of TEST-001: only for Billing queue at Leeds" in pilot_banner
    assert 'href="../test-001/"' in pilot_banner
    assert 'href="mailto:cc-manager@example.org"' in pilot_banner
    (current_banner,) = extras.banners["TEST-001"]
    assert "A revised version is on pilot with Billing queue at Leeds" in current_banner
    assert 'href="../test-002/"' in current_banner
    # Once decided, the current standard no longer points to the pilot.
    texts = revision_pair(PILOT + "  decision: {outcome: dropped, date: 2026-08-03}\n")
    extras = PageExtras()
    PilotsFeature(dt.date(2026, 9, 1)).extras(load(texts), Urls(), extras)
    assert list(extras.banners) == ["TEST-002"]


def test_pilots_page_groups_running_due_and_finished():
    texts = revision_pair()
    done = PILOT + "  decision: {outcome: adopted, date: 2026-05-20, note: Kept it.}\n"
    texts["done.yml"] = standard_text(done).replace("id: TEST-001", "id: TEST-003")
    (page,) = PilotsFeature(TODAY).files(load(texts), Urls())
    running, rest = page.content.split('<h2 id="due">')
    due, finished = rest.split('<h2 id="finished">')
    assert [h.id for h in page.headings] == ["pilots", "running", "due", "finished"]
    assert "TEST-002" in running and "New version of" in running
    assert "None." in due
    assert "Adopted on" in finished and "Kept it." in finished


def test_pilots_page_is_made_with_no_pilot_each_list_saying_none():
    # The site's nav may list it (the sample's does): a page that came and went with
    # the pilots failed a strict build of a handbook with none.
    (page,) = PilotsFeature(TODAY).files(load({"s.yml": standard_text("")}), Urls())
    assert page.path == "pilots.md"
    assert [h.id for h in page.headings] == ["pilots", "running", "due", "finished"]
    assert page.content.count("None.") == 3


def test_hostile_pilot_text_is_escaped():
    texts = revision_pair()
    texts["pilot.yml"] = texts["pilot.yml"].replace("Billing queue", "<script>x</script>")
    handbook = load(texts)
    extras = PageExtras()
    PilotsFeature(TODAY).extras(handbook, Urls(), extras)
    joined = "".join(extras.banners["TEST-002"] + extras.banners["TEST-001"])
    assert "<script>" not in joined and "&lt;script&gt;" in joined


def test_changelog_marks_pilot_to_active_as_a_roll_out():
    (change,) = compare({"status": "pilot"}, {"status": "active"})
    assert change.sentence.startswith("Rolled out")
    assert change.affects_work


# Announced changes


def test_upcoming_change_shows_until_its_date_then_lint_asks_to_fold_it_in():
    from handbook.lint.runner import lint

    fragment = "upcoming:\n  - from: 2026-07-01\n    change: Answer by the **second** ring.\n"
    fragment += "    was: Answer by the third ring.\n"
    handbook = load({"s.yml": standard_text(fragment)})
    extras = PageExtras()
    UpcomingFeature(TODAY).extras(handbook, Urls(), extras)
    (banner,) = extras.banners["TEST-001"]
    assert 'From <time datetime="2026-07-01">1 July 2026</time>:</strong>' in banner
    assert "<strong>second</strong>" in banner and "(now: Answer by the third ring.)" in banner
    assert [p.rule for p in lint(handbook, TODAY) if p.rule != "no-goal"] == []
    later = dt.date(2026, 7, 1)
    extras = PageExtras()
    UpcomingFeature(later).extras(handbook, Urls(), extras)
    assert extras.banners == {}
    (problem,) = [p for p in lint(handbook, later) if p.rule != "no-goal"]
    assert problem.rule == "stale" and "now applies" in problem.message
    assert (problem.line, problem.column) == where(fragment, "2026-07-01")


# Suggest a change


def hostile():
    text = standard_text("").replace(
        "title: Answering the phone", "title: 'Calls & \"holds\" #1 ?x=y %41 +z'"
    )
    return load({"s.yml": text}).standards[0]


def test_github_issue_link_is_prefilled_and_every_value_encoded():
    standard = hostile()
    settings = Settings(repo_url="https://github.com/acme/handbook.git")
    link = suggest_link(standard, settings, FeedbackOptions(), "https://h.org/s/?a=1&b=2", "abc")
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == (
        "https",
        "github.com",
        "/acme/handbook/issues/new",
    )
    for character in ("&", '"', "#", " ", "+", "?"):
        assert character not in parts.query.replace("&standard=", "").replace(
            "&title=", ""
        ).replace("&revision=", "").replace("&address=", "")
    query = parse_qs(parts.query)
    assert query["template"] == ["suggest-a-change.yml"]
    assert query["title"] == [f"TEST-001 {standard.title}: suggested change"]
    assert query["standard"] == [f"TEST-001 {standard.title}"]
    assert query["revision"] == ["abc"]
    assert query["address"] == ["https://h.org/s/?a=1&b=2"]


def test_gitlab_issue_link_has_title_and_description():
    settings = Settings(repo_url="https://gitlab.example.org/cx/handbook/")
    options = FeedbackOptions(host="gitlab")
    link = suggest_link(hostile(), settings, options, "standards/test-001/", "abc")
    parts = urlsplit(link)
    assert parts.path == "/cx/handbook/-/issues/new"
    description = parse_qs(parts.query)["issue[description]"][0]
    assert "Revision: abc\nPage: standards/test-001/" in description


def test_owner_email_wins_and_is_a_mailto_with_encoded_subject():
    options = FeedbackOptions(email={"Contact centre manager": "cc@example.org"})
    link = suggest_link(hostile(), Settings(repo_url="https://github.com/a/b"), options, "p/", "r")
    assert link.startswith("mailto:cc@example.org?subject=TEST-001%20Calls%20%26%20")
    assert "\n" not in link and " " not in link


@pytest.mark.parametrize(
    "repo_url",
    [
        None,
        "javascript:alert(1)//github.com",
        "https://bitbucket.org/a/b",
        'https://github.com/a"/b',
    ],
)
def test_no_link_where_no_safe_host_is_configured(repo_url):
    assert (
        suggest_link(hostile(), Settings(repo_url=repo_url), FeedbackOptions(), "p/", "r") is None
    )


def test_base_has_no_goals_so_other_rules_stay_unaffected():
    assert "goals:" not in BASE


def test_pilot_tests_name_targets_by_id():
    fragment = PILOT.replace("[Calls answered by the second ring]", '[answer-time, "Is it clear?"]')
    fragment += "targets:\n  - id: answer-time\n    metric: Calls answered\n"
    fragment += "    kind: service-level\n    share: 90\n    threshold: 2\n    unit: rings\n"
    fragment += "    measured_by: phone report\n    period: weekly\n"
    handbook = load({"s.yml": standard_text(fragment)})
    assert handbook.problems == []
    (run,) = runs(handbook, TODAY)
    assert what_it_tests(run.standard, run.pilot) == [
        "Calls answered: 90% within 2 rings",
        "Is it clear?",
    ]


def test_pilot_rule_severities():
    from lintkit import lint_fragment

    (bare,) = lint_fragment("status: pilot\n", "pilot")
    assert bare.severity == "suggestion" and "says nothing of who pilots it" in bare.message
    late = PILOT.replace("2026-07-31", "2026-05-29")
    (overdue,) = lint_fragment(late, "pilot")
    assert overdue.severity == "warning" and "no decision is recorded" in overdue.message
    assert (overdue.line, overdue.column) == where(late, "2026-05-29")


def test_a_standard_not_yet_in_force_says_from_when():
    handbook = load({"s.yml": standard_text("effective: 2026-09-01\n")})
    extras = PageExtras()
    UpcomingFeature(TODAY).extras(handbook, Urls(), extras)
    (banner,) = extras.banners["TEST-001"]
    assert 'Applies from <time datetime="2026-09-01">1 September 2026</time>' in banner
    assert "Changing soon" not in banner
    extras = PageExtras()
    UpcomingFeature(dt.date(2026, 9, 1)).extras(handbook, Urls(), extras)
    assert extras.banners == {}
