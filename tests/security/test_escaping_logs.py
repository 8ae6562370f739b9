"""Problems are printed one to a line: no file name or quoted text can start a line of its
own in a terminal or CI log (a GitHub workflow command) or send terminal escapes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from conftest import FIXTURES, build
from handbook.problems import Problem

NAME = "x\n::warning title=pwned::injected\r::error::pwned\x1b[31mred\u2028::notice::pwned.yml"


def test_a_problem_is_one_line_with_its_control_characters_escaped():
    problem = Problem(f"standards/{NAME}", 2, 8, "yaml-syntax", "quoted 'a\nb'", "error", "fix\x07")
    assert str(problem) == (
        "standards/x\\n::warning title=pwned::injected\\r::error::pwned\\x1b[31mred"
        "\\u2028::notice::pwned.yml:2:8: error yaml-syntax quoted 'a\\nb' (fix\\x07)"
    )


def test_lint_check_and_build_print_a_hostile_file_name_on_one_line(tmp_path):
    project = tmp_path / "handbook"
    shutil.copytree(FIXTURES / "basic", project)
    (project / "standards" / NAME).write_text("id: X\n  bad: [\n", "utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    outputs = []
    for command in (["lint", "--strict"], ["check"]):
        result = subprocess.run(
            [sys.executable, "-m", "handbook.cli", *command],
            cwd=project,
            capture_output=True,
            text=True,
            env=env,
        )
        assert result.returncode == 1
        outputs.append(result.stdout + result.stderr)
    built = build(project)
    assert built.returncode == 1
    outputs.append(built.output)
    for output in outputs:
        assert "injected" in output  # the file is named, on its problem's line
        assert not [line for line in output.splitlines() if line.lstrip().startswith("::")]
        assert "\x1b" not in output and "\u2028" not in output
