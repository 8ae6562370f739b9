"""The files of the editors' workflow: CI and Pages workflows, pre-commit hooks, editor
settings and the schema line of every standard. Each must be valid and call commands that
exist, so the workflow cannot silently rot."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from handbook import cli
from handbook.scaffold import SCHEMA_LINE

ROOT = Path(__file__).parent.parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
SCHEMA = ROOT / "plugins" / "handbook" / "schema" / "standard.schema.json"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


def _workflow(name: str) -> dict[str, Any]:
    # PyYAML reads the key `on` as True (YAML 1.1); GitHub reads it as "on".
    data = yaml.safe_load((WORKFLOWS / name).read_text("utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


def _steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _commands(workflow: dict[str, Any]) -> list[list[str]]:
    """Each shell command of the workflow's `run:` steps, as words."""
    commands = []
    for step in _steps(workflow):
        for line in step.get("run", "").splitlines():
            line = line.split(">>")[0].strip()
            if line:
                commands.append(shlex.split(line))
    return commands


def _uses(workflow: dict[str, Any]) -> list[str]:
    return [step["uses"].split("@")[0] for step in _steps(workflow) if "uses" in step]


def _check_jsonschema(*paths: Path) -> subprocess.CompletedProcess[str]:
    # The schema ships inside check-jsonschema: no network is needed (or used).
    return subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.github-workflows", *map(str, paths)],
        capture_output=True,
        text=True,
    )


def test_workflows_are_valid_github_workflows() -> None:
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert [f.name for f in files] == ["publish.yml", "pull-request.yml"]
    result = _check_jsonschema(*files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    text = (WORKFLOWS / "pull-request.yml").read_text("utf-8")
    broken.write_text(text.replace("runs-on: ubuntu-latest", "runs_on: ubuntu-latest"), "utf-8")
    assert _check_jsonschema(broken).returncode == 1


def test_pull_request_checks() -> None:
    workflow = _workflow("pull-request.yml")
    assert "pull_request" in workflow["on"]
    commands = [" ".join(words) for words in _commands(workflow)]
    assert "handbook lint --format github --strict" in commands
    assert "mkdocs build --strict" in commands
    assert "make test" in commands
    diff = next(s["run"] for s in _steps(workflow) if "handbook diff" in s.get("run", ""))
    assert '>> "$GITHUB_STEP_SUMMARY"' in diff
    upload = next(s for s in _steps(workflow) if s.get("uses", "").startswith("actions/upload-art"))
    assert upload["with"]["path"] == "preview/"
    preview = next(s for s in _steps(workflow) if s.get("name") == "Build the preview")
    assert "--site-dir preview" in preview["run"]
    assert preview["env"]["HANDBOOK_INCLUDE_DRAFTS"] == "true"  # a new standard is a draft
    config = preview["run"].split("--config-file ")[1].split()[0]
    assert (ROOT / config).is_file()
    checkout = next(s for s in _steps(workflow) if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # handbook diff compares with main
    assert workflow["permissions"] == {"contents": "read"}


def test_publish_deploys_to_pages_with_the_full_history() -> None:
    workflow = _workflow("publish.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"]["pages"] == "write"
    assert workflow["permissions"]["id-token"] == "write"
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    checkout = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    assert "actions/upload-pages-artifact" in _uses({"jobs": {"build": build}})
    assert ["mkdocs", "build", "--strict"] in _commands({"jobs": {"build": build}})
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert _uses({"jobs": {"deploy": deploy}}) == ["actions/deploy-pages"]


@pytest.mark.parametrize("name", ["pull-request.yml", "publish.yml"])
def test_workflows_call_commands_that_exist(name: str) -> None:
    handbook_commands = set(cli.parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    make_targets = set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(), re.M))
    for words in _commands(_workflow(name)):
        if words[0] == "handbook":
            assert words[1] in handbook_commands, words
            # The options parse as the command defines them.
            for option in (w for w in words if w.startswith("--")):
                subparser = cli.parser()._subparsers._group_actions[0].choices[words[1]]  # type: ignore[union-attr]
                assert option in subparser._option_string_actions, words
        elif words[0] == "make":
            assert words[1] in make_targets, words


def test_pre_commit_hook_definition() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert isinstance(hooks, list)
    (hook,) = hooks
    assert {"id", "name", "entry", "language"} <= set(hook)
    assert hook["id"] == "handbook-lint"
    assert hook["entry"] == "handbook lint"
    assert hook["language"] == "python"
    pattern = re.compile(hook["files"])
    standards = [p.relative_to(ROOT).as_posix() for p in (ROOT / "standards").rglob("*.yml")]
    assert standards and all(pattern.search(path) for path in standards)
    for other in ("mkdocs.yml", "docs/index.md", ".github/workflows/publish.yml", "standards.md"):
        assert not pattern.search(other), other


def test_the_projects_own_pre_commit_config_uses_the_hook() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    (hook_def,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    (hook,) = [hook for hook in hooks if hook["id"] == hook_def["id"]]
    assert hook["files"] == hook_def["files"]
    # Run from this checkout's environment, with the same arguments.
    assert hook["entry"] == ".venv/bin/" + hook_def["entry"]
    assert (ROOT / hook["entry"].split()[0]).exists()


def test_vscode_maps_the_schema_to_the_standards() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text("utf-8"))
    ((schema_path, globs),) = settings["yaml.schemas"].items()
    assert (ROOT / schema_path).resolve() == SCHEMA.resolve()
    assert "standards/**/*.yml" in globs
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text("utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


STANDARD_FILES = sorted((ROOT / "standards").rglob("*.y*ml")) + sorted(
    (ROOT / "tests" / "fixtures").glob("*/standards/**/*.y*ml")
)


def test_every_sample_standard_starts_with_the_schema_line() -> None:
    assert len(STANDARD_FILES) > 3
    for path in STANDARD_FILES:
        if "standards" not in path.relative_to(ROOT).parts[:1]:
            continue  # fixtures test odd files on purpose; they are checked below
        match = SCHEMA_LINE.match(path.read_text("utf-8"))
        assert match, f"{path}: first line must be # yaml-language-server: $schema=..."
        assert (path.parent / match.group(1)).resolve() == SCHEMA.resolve(), path


def test_every_schema_line_points_at_the_schema() -> None:
    for path in STANDARD_FILES:
        match = SCHEMA_LINE.match(path.read_text("utf-8"))
        if match:
            assert (path.parent / match.group(1)).resolve() == SCHEMA.resolve(), path


def test_an_editor_validating_with_the_schema_accepts_the_standards(tmp_path: Path) -> None:
    # What the YAML extension does with the schema line, done by another validator: the
    # sample standards and a fresh `handbook new` file pass, a typo in a key does not.
    from handbook.scaffold import new_standard
    from handbook.settings import Settings

    new = new_standard(Settings(root=tmp_path), "telephone", "Taking a message")
    fresh = tmp_path / "new.yml"
    fresh.write_text(new.text, "utf-8")
    typo = tmp_path / "typo.yml"
    typo.write_text(new.text.replace("\nsummary:", "\nsumary:"), "utf-8")
    command = [str(CHECK_JSONSCHEMA), "--schemafile", str(SCHEMA)]
    good = subprocess.run(
        [*command, *map(str, sorted((ROOT / "standards").rglob("*.yml"))), str(fresh)],
        capture_output=True,
        text=True,
    )
    assert good.returncode == 0, good.stdout + good.stderr
    bad = subprocess.run([*command, str(typo)], capture_output=True, text=True)
    assert bad.returncode == 1 and "sumary" in bad.stdout + bad.stderr
