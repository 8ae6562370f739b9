"""`handbook results import`: a system's export into results/, or located problems and no file."""

from __future__ import annotations

import pytest
from lintkit import standard_text
from test_results import TARGETS

from handbook.cli import main
from handbook.loader import load
from handbook.settings import Settings

MAP = ["--column", "standard=Queue", "--column", "target=Measure", "--column", "value=Result"]


@pytest.fixture
def project(tmp_path):
    (tmp_path / "standards").mkdir()
    (tmp_path / "standards" / "t.yml").write_text(standard_text(TARGETS))
    return tmp_path


def _import(project, text, *args):
    export = project / "export.csv"
    export.write_text(text)
    return main(["results", "import", str(export), "-f", str(project / "mkdocs.yml"), *args])


def test_imports_an_export_with_mapped_columns(project, capsys):
    text = (
        "Queue,Measure,Result,Comment\nTEST-001,answer-time,82.5%,busy\nTEST-001,hold-time, 75 ,\n"
    )
    assert _import(project, text, "--period", "2026-10", *MAP, "--column", "note=Comment") == 0
    written = (project / "results" / "2026-10.csv").read_text()
    assert written == (
        "period,standard,target,value,unit,goal,note\n"
        "2026-10,TEST-001,answer-time,82.5,%,80,busy\n"
        "2026-10,TEST-001,hold-time,75,seconds,90,\n"
    )
    assert "added 2 result(s)" in capsys.readouterr().out
    handbook = load(Settings(root=project))
    assert handbook.problems == []
    assert len(handbook.results.by_target) == 2


def test_a_second_import_adds_to_the_file_and_a_repeat_is_refused(project, capsys):
    assert (
        _import(
            project, "Queue,Measure,Result\nTEST-001,answer-time,82\n", "--period", "2026-10", *MAP
        )
        == 0
    )
    assert (
        _import(
            project, "Queue,Measure,Result\nTEST-001,hold-time,70\n", "--period", "2026-10", *MAP
        )
        == 0
    )
    assert (
        _import(
            project, "Queue,Measure,Result\nTEST-001,hold-time,71\n", "--period", "2026-10", *MAP
        )
        == 1
    )
    err = capsys.readouterr().err
    assert "export.csv:2:10: error results-import TEST-001 hold-time already has a result" in err
    assert "results/2026-10.csv:3" in err
    lines = (project / "results" / "2026-10.csv").read_text().splitlines()
    assert len(lines) == 3 and lines[0].startswith("period,")


BAD = [
    (
        "Queue,Measure,Result\nTEST-002,answer-time,82\n",
        "export.csv:2:1:",
        "no standard has the id 'TEST-002'",
    ),
    (
        "Queue,Measure,Result\nTEST-001,nope,82\n",
        "export.csv:2:10:",
        "no target with the id 'nope'",
    ),
    ('Queue,Measure,Result\nTEST-001,answer-time,"8,2"\n', "export.csv:2:22:", "is not a number"),
    (
        "Queue,Measure,Result,unit\nTEST-001,hold-time,82,%\n",
        "export.csv:2:23:",
        "its results are in 'seconds'",
    ),
    (
        "Queue,Measure,Result\nTEST-001,hold-time,1\nTEST-001,hold-time,2\n",
        "export.csv:3:10:",
        "twice",
    ),
    ("Queue,Measure\nTEST-001,hold-time\n", "export.csv:1:1:", "no column 'result' for the value"),
]


@pytest.mark.parametrize(("text", "where", "words"), BAD)
def test_each_bad_row_is_located_and_nothing_is_written(project, capsys, text, where, words):
    assert _import(project, text, "--period", "2026-10", *MAP) == 1
    err = capsys.readouterr().err
    line = next(line for line in err.splitlines() if where in line)
    assert words in line
    assert "nothing was written" in err
    assert not (project / "results").exists()


def test_period_from_a_column_when_not_given(project):
    text = (
        "Queue,Measure,Result,Month\nTEST-001,hold-time,70,2026-09\nTEST-001,hold-time,72,2026-Q3\n"
    )
    assert _import(project, text, *MAP, "--column", "period=Month") == 0
    written = (project / "results" / "2026-09.csv").read_text().splitlines()
    assert [line.split(",")[0] for line in written[1:]] == ["2026-09", "2026-Q3"]


@pytest.mark.parametrize(
    "args", [["--period", "Oct"], ["--column", "queue"], ["--column", "colour=x"]]
)
def test_bad_arguments_are_usage_errors(project, args):
    assert _import(project, "Queue,Measure,Result\n", *args) == 2
