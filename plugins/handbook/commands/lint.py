"""`handbook lint [PATH...]`: check standards for vague, hard or unmeasurable wording.

Exit status: 1 when an error is found (or a warning, with --strict), 0 otherwise,
2 when the arguments cannot be used (a path or config file that does not exist).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from ..lint.runner import lint_paths
from ..problems import Problem
from ..settings import Settings

FORMATS = ("text", "json", "github")
_GITHUB_LEVELS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "lint",
        help="check standards for vague, hard or unmeasurable wording",
        description="Check standard files against the lint rules (see the handbook's "
        "'Lint rules' page). Exit status: 1 on an error (or a warning with --strict), "
        "2 on unusable arguments, 0 otherwise.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="standard files or folders to check (default: the standards folder of mkdocs.yml)",
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.add_argument(
        "-f",
        "--config-file",
        default=None,
        help="the handbook's mkdocs.yml: standards folder and lint settings (default: mkdocs.yml)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config = Path(args.config_file or "mkdocs.yml")
    if args.config_file and not config.is_file():
        print(f"handbook lint: config file '{config}' does not exist", file=sys.stderr)
        return 2
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        for path in missing:
            print(f"handbook lint: '{path}' does not exist", file=sys.stderr)
        return 2
    settings = Settings.from_mkdocs_yml(config) if config.is_file() else Settings(root=Path.cwd())
    paths = [Path(p) for p in args.paths] or None
    problems, count = lint_paths(paths, settings)
    print(render(problems, args.format), end="")
    counts = Counter(p.severity for p in problems)
    print(_summary(counts, count), file=sys.stderr)
    failing = counts["error"] + (counts["warning"] if args.strict else 0)
    return 1 if failing else 0


def render(problems: list[Problem], style: str) -> str:
    if style == "json":
        return json.dumps([p.as_dict() for p in problems], indent=2, ensure_ascii=False) + "\n"
    if style == "github":
        return "".join(_github(p) + "\n" for p in problems)
    return "".join(f"{p}\n" for p in problems)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _github(problem: Problem) -> str:
    """A GitHub Actions workflow command: the problem shows on the pull request's diff."""
    level = _GITHUB_LEVELS.get(problem.severity, "error")
    properties = ",".join(
        f"{key}={_escape_property(str(value))}"
        for key, value in (
            ("file", problem.file),
            ("line", problem.line),
            ("col", problem.column),
            ("title", f"{problem.rule} ({problem.severity})"),
        )
    )
    message = problem.message
    if problem.suggestion:
        message += f"\n{problem.suggestion}"
    return f"::{level} {properties}::{_escape_data(message)}"


def _summary(counts: Counter[str], files: int) -> str:
    if not counts:
        return f"{files} standard file{'s' if files != 1 else ''}: no problems"
    parts = [
        f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}"
        for s in ("error", "warning", "suggestion")
        if counts[s]
    ]
    return f"{', '.join(parts)} in {files} standard file{'s' if files != 1 else ''}"
