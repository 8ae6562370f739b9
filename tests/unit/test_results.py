"""The results folder: each bad input located at file:line:col, and what results say."""

from __future__ import annotations

import pytest
from lintkit import standard_text

from handbook.loader import load, load_texts
from handbook.results.model import Period
from handbook.results.source import check_texts
from handbook.settings import Settings

TARGETS = (
    "targets:\n"
    "  - id: answer-time\n    metric: Calls answered\n    kind: service-level\n"
    "    share: 80\n    threshold: 2\n    unit: minutes\n    measured_by: queue report\n"
    "    period: monthly\n"
    "  - id: hold-time\n    metric: Time on hold\n    kind: average\n    value: 90\n"
    "    unit: seconds\n    measured_by: hold report\n    period: monthly\n"
)
HEADER = "period,standard,target,value,unit,goal,note\n"


def _handbook():
    handbook = load_texts({"standards/t.yml": standard_text(TARGETS)}, Settings())
    assert handbook.problems == []
    return handbook


def _check(text: str):
    return check_texts({"results/r.csv": text}, _handbook().standards)


def _at(text: str, needle: str) -> tuple[int, int]:
    index = text.index(needle)
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


GOOD = HEADER + "2026-09,TEST-001,answer-time,82.5,%,80,\n2026-09,TEST-001,hold-time,75,seconds,,\n"

BAD = [
    # (the bad row, the text located, rule, words of the message)
    ("2026-13,TEST-001,answer-time,82,%,,", "2026-13", "results-period", "does not parse"),
    ("Sept 2026,TEST-001,answer-time,82,%,,", "Sept 2026", "results-period", "a quarter (2026-Q4)"),
    (
        "2026-09,TEST-002,answer-time,82,%,,",
        "TEST-002",
        "results-standard",
        "did you mean TEST-001",
    ),
    (
        "2026-09,TEST-001,answer-speed,82,%,,",
        "answer-speed",
        "results-target",
        "its targets: answer-time, hold-time",
    ),
    ("2026-09,TEST-001,answer-time,82,minutes,,", "minutes", "results-unit", "in '%'"),
    ("2026-09,TEST-001,hold-time,75,%,,", "%", "results-unit", "in 'seconds'"),
    ("2026-09,TEST-001,answer-time,82%,%,,", "82%", "results-value", "not a number"),
    ("2026-09,TEST-001,answer-time,82,%,high,", "high", "results-goal", "not a number"),
    (
        '2026-09,"TEST-001",answer-time,82,%,80,"busy, short-staffed",extra',
        "2026-09",
        "results-format",
        "8 values for 7 columns",
    ),
]


@pytest.mark.parametrize(("row", "needle", "rule", "words"), BAD)
def test_each_bad_row_is_located(row, needle, rule, words):
    text = HEADER + "2026-08,TEST-001,answer-time,81,%,80,\n" + row + "\n"
    results, problems = _check(text)
    assert len(problems) == 1, problems
    (problem,) = problems
    assert problem.file == "results/r.csv"
    # The bad row is line 3; its column is where the bad value starts.
    assert (problem.line, problem.column) == (3, row.index(needle) + 1)
    assert problem.rule == rule
    assert words in problem.message
    # The good row still counts; the bad one is left out.
    assert [r.value for rows in results.by_target.values() for r in rows] == [81]


def test_a_second_result_for_a_period_names_the_first():
    text = GOOD + "2026-09,TEST-001,answer-time,90,%,80,\n"
    _, problems = _check(text)
    (problem,) = problems
    assert problem.rule == "results-duplicate"
    assert (problem.line, problem.column) == (4, 1)
    assert "results/r.csv:2" in problem.message


def test_duplicates_across_files_are_found():
    handbook = _handbook()
    texts = {
        "results/a.csv": GOOD,
        "results/b.csv": HEADER + "2026-09,TEST-001,hold-time,70,seconds,,\n",
    }
    _, problems = check_texts(texts, handbook.standards)
    assert [(p.file, p.line, p.rule) for p in problems] == [
        ("results/b.csv", 2, "results-duplicate")
    ]


@pytest.mark.parametrize(
    ("header", "needle", "words"),
    [
        ("period,standard,target,valeu,unit\n", "valeu", "did you mean 'value'"),
        ("period,standard,target,value\n", "period", "no unit column"),
        ("period,standard,target,value,unit,unit\n", "unit\n", "repeated column"),
    ],
)
def test_header_problems_are_located(header, needle, words):
    text = header + "2026-09,TEST-001,answer-time,82,%\n"
    _, problems = _check(text)
    assert problems and all(p.line == 1 for p in problems)
    assert any(words in p.message and p.column == _at(text, needle)[1] for p in problems), problems


def test_comments_and_blank_lines_keep_line_numbers():
    text = "# sample data\n\n" + HEADER + "# a note\n2026-13,TEST-001,answer-time,82,%,,\n"
    results, problems = _check(text)
    assert [(p.line, p.column) for p in problems] == [(5, 1)]


def test_a_file_marked_sample_is_sample_data():
    results, problems = _check("# Sample data, made up\n" + GOOD)
    assert problems == [] and results.sample
    results, _ = _check(GOOD)
    assert not results.sample


def test_broken_quoting_is_a_located_problem_not_a_crash():
    text = HEADER + '2026-09,TEST-001,"answer-time,82,%,,\n'
    _, problems = _check(text)
    assert problems and problems[0].rule == "results-format"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-10", ("month", "Oct 2026")),
        ("2026-Q4", ("quarter", "Q4 2026")),
        ("2026", ("year", "2026")),
    ],
)
def test_periods(text, expected):
    period = Period.parse(text)
    assert (period.kind, period.label) == expected
    assert str(period) == text


@pytest.mark.parametrize("text", ["2026-00", "2026-Q5", "26-10", "2026/10", "", "2026-1"])
def test_periods_that_do_not_parse(text):
    assert Period.parse(text) is None


def test_latest_met_or_missed_and_the_run_of_misses():
    rows = [
        ("2026-06", 85, "80"),
        ("2026-07", 79, "80"),
        ("2026-08", 78, "80"),
        ("2026-09", 76, "75"),
        ("2026-10", 77, ""),
    ]
    text = HEADER + "".join(f"{p},TEST-001,answer-time,{v},%,{g},\n" for p, v, g in rows)
    results, problems = _check(text)
    assert problems == []
    (judged,) = results.of(_handbook().standards[0])
    assert [o.met for o in judged.outcomes] == [True, False, False, True, False]
    assert judged.latest.result.period.label == "Oct 2026"
    assert judged.missed_run == 1  # Sept met the goal in force then (75%)


def test_the_results_folder_is_read_with_the_standards(tmp_path):
    (tmp_path / "standards").mkdir()
    (tmp_path / "standards" / "t.yml").write_text(standard_text(TARGETS))
    (tmp_path / "results").mkdir()
    (tmp_path / "results" / "2026.csv").write_text(GOOD + "2026-10,TEST-001,nope,1,%,,\n")
    (tmp_path / "results" / "notes.txt").write_text("x")
    handbook = load(Settings(root=tmp_path))
    found = sorted((p.file, p.line, p.rule) for p in handbook.problems)
    assert found == [
        ("results/2026.csv", 4, "results-target"),
        ("results/notes.txt", 1, "results-file"),
    ]
    assert len(handbook.results.by_target) == 2


@pytest.mark.parametrize(("months", "hidden"), [(2, 0), (6, 0), (12, 6)])
def test_a_narrow_chart_drops_every_other_period_name_only_when_there_are_many(months, hidden):
    """At phone width the chart's own style hides the names marked "a": of twelve months,
    every other one; of a few, none (two quarters would have lost the latest's name)."""
    from xml.etree import ElementTree

    from handbook.results.chart import chart

    text = HEADER + "".join(
        f"2025-{m:02d},TEST-001,answer-time,{70 + m},%,80,\n" for m in range(1, months + 1)
    )
    results, problems = _check(text)
    assert problems == []
    (judged,) = results.of(_handbook().standards[0])
    root = ElementTree.fromstring(chart(judged, "Trend"))
    assert "@media (max-width:420px)" in root.find("{http://www.w3.org/2000/svg}style").text
    marked = root.findall(".//{http://www.w3.org/2000/svg}g[@class='a']")
    assert len(marked) == hidden


def test_a_channel_target_names_its_channel_over_its_result():
    from handbook.render.urls import Urls
    from handbook.results.feature import block

    text = TARGETS.replace("    period: monthly\n", "    channel: phone\n    period: monthly\n", 1)
    handbook = load_texts({"standards/t.yml": standard_text(text)}, Settings())
    results, problems = check_texts(
        {"results/r.csv": HEADER + "2026-09,TEST-001,answer-time,82.5,%,80,\n"},
        handbook.standards,
    )
    assert problems == []
    html = block(handbook.standards[0], results.of(handbook.standards[0]), Urls())
    assert '<span class="hb-result__metric">Calls answered (Phone)</span>' in html
