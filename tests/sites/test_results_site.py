"""Results in a built site: under the standard's targets, on Results, Due for review and in
standards.json; every value from a results file escaped."""

from __future__ import annotations

import json
import re
from xml.etree import ElementTree

import pytest

from conftest import build, copy_fixture

HOSTILE = '<img src=x onerror="alert(1)">'
ROWS = [  # month, value, goal: met, then missed three months running
    ("2026-05", 93, 90),
    ("2026-06", 91.5, 90),
    ("2026-07", 89, 90),
    ("2026-08", 88, 90),
    ("2026-09", 86.5, 92),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = copy_fixture("basic", tmp_path_factory.mktemp("results"))
    (project / "results").mkdir()
    lines = ["# sample data for the test", "period,standard,target,value,unit,goal,note"]
    lines += [f"{p},PHONE-001,answer-time,{v},%,{g}," for p, v, g in ROWS[:-1]]
    p, v, g = ROWS[-1]
    lines.append(f'{p},PHONE-001,answer-time,{v},%,{g},"{HOSTILE.replace(chr(34), chr(34) * 2)}"')
    (project / "results" / "phone.csv").write_text("\n".join(lines) + "\n")
    result = build(project)
    assert result.returncode == 0, result.output
    return result


def _results_block(page: str) -> str:
    start = page.index('class="hb-results"')
    return page[start : page.index("</figure>", start)]


def test_standard_page_shows_latest_result_missed_and_run(built):
    block = _results_block(built.page("standards/phone-001/"))
    assert "Sep 2026" in block and "<strong>86.5%</strong>" in block
    assert "Missed, 3 periods running" in block
    assert "Sample data." in block


def test_chart_is_an_svg_file_with_a_mark_per_period_and_the_goal_line(built):
    block = _results_block(built.page("standards/phone-001/"))
    (img,) = re.findall(r"<img class=\"hb-chart\"[^>]*>", block)
    (src,) = re.findall(r'src="([^"]+)"', img)
    (alt,) = re.findall(r'alt="([^"]+)"', img)
    assert "latest 86.5%, missed" in alt and "table below" in alt
    path = (built.site / "standards" / "phone-001" / src).resolve()
    assert path == (built.site / "results" / "charts" / "phone-001-answer-time.svg").resolve()
    svg = path.read_text()
    root = ElementTree.fromstring(svg)  # a whole SVG document, as an <img> needs
    assert root.tag == "{http://www.w3.org/2000/svg}svg" and root.get("role") == "img"
    assert root.find("{http://www.w3.org/2000/svg}title").text.startswith("Trend of")
    (met,) = re.findall(r'<g class="met"[^>]*>(.*?)</g>', svg)
    (missed,) = re.findall(r'<g class="missed"[^>]*>(.*?)</g>', svg)
    assert met.count("<circle") == 2
    assert missed.count("<rect") == 3
    (goal,) = re.findall(r'class="goal" d="([^"]+)"', svg)
    # The goal rose from 90 to 92 in the last month: the dashed line steps up once.
    levels = {float(y) for y in re.findall(r"[ML][\d.]+ ([\d.]+)H", goal)}
    assert len(levels) == 2
    assert "<svg" not in block  # the page carries the picture by reference only


def test_chart_has_a_table_with_every_period(built):
    block = _results_block(built.page("standards/phone-001/"))
    table = block[block.index("<table") :]
    rows = re.findall(r"<tr><td>(\w+ \d{4})</td><td>([^<]+)</td><td>([^<]+)</td><td>(\w+)", table)
    assert rows == [
        ("Sep 2026", "86.5%", "92", "Missed"),
        ("Aug 2026", "88%", "90", "Missed"),
        ("Jul 2026", "89%", "90", "Missed"),
        ("Jun 2026", "91.5%", "90", "Met"),
        ("May 2026", "93%", "90", "Met"),
    ]


def test_a_hostile_note_is_text(built):
    page = built.page("standards/phone-001/")
    assert HOSTILE not in page
    assert "(&lt;img src=x onerror=&#34;alert(1)&#34;&gt;)" in page


def test_results_page_lists_the_missed_target_first(built):
    page = built.page("results/")
    first = page.index('id="missed-2-or-more-periods-running"')
    assert first < page.index("PHONE-001", first) < page.index('id="by-area"')
    assert "Missed, 3 periods" in page


def test_results_page_has_a_line_per_owner_with_the_missed_targets(built):
    page = built.page("results/")
    owners = page[page.index('id="by-owner"') :]
    (line,) = re.findall(r"<tr><td>Contact centre manager</td>.*?</tr>", owners)
    cells = re.sub(r' data-label="[^"]*"', "", line)  # labels for the phone's stacked rows
    assert re.search(r"<td>1</td><td>0</td><td>1: <a href=\"[^\"]*#result-answer-time\">", cells)
    assert "(3 periods)" in line


def test_due_for_review_lists_a_target_missed_for_periods(built):
    page = built.page("review/")
    assert "Targets missed 2 or more periods running" in page
    assert "PHONE-001" in page


def test_standards_json_carries_target_ids_and_results(built):
    data = json.loads((built.site / "standards.json").read_text())
    (phone,) = [s for s in data["standards"] if s["id"] == "PHONE-001"]
    (target,) = phone["targets"]
    assert target["id"] == "answer-time" and target["goal"] == "at least 90% of calls"
    assert [r["period"] for r in target["results"]] == [p for p, _, _ in ROWS]
    assert [r["met"] for r in target["results"]] == [True, True, False, False, False]
    assert all(r["sample"] for r in target["results"])
