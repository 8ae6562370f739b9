"""The linter's settings from mkdocs.yml: which rules run, at what severity, with what options.

plugins:
  - handbook:
      lint:
        passive-voice: off          # turn a rule off
        stale: suggestion           # change its severity
        readability:                # or set options (and `severity`)
          max_grade: 9
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from ..problems import SEVERITIES, Problem
from .rules import RULES

CONFIG_RULE = "lint-config"


@dataclass(frozen=True)
class RuleSetting:
    module: ModuleType
    severity: str | None = None  # None: each finding keeps the rule's own severity
    options: dict[str, Any] = field(default_factory=dict)


def _where(config_file: Path | None, key: str) -> int:
    """The line of `key:` in mkdocs.yml, to point at; 1 when it cannot be found."""
    if config_file is None or not config_file.is_file():
        return 1
    for number, line in enumerate(config_file.read_text("utf-8").splitlines(), 1):
        if line.strip().startswith((f"{key}:", f"'{key}':", f'"{key}":')):
            return number
    return 1


_KINDS = {int: "a number", float: "a number", bool: "true or false", dict: "a mapping", str: "text"}


def _option_ok(value: Any, default: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, int | float):
        return isinstance(value, int | float)
    return isinstance(value, type(default))


def rule_settings(
    lint: dict[str, Any], config_file: Path | None = None
) -> tuple[dict[str, RuleSetting], list[Problem]]:
    """The enabled rules by id, and the problems found in the `lint` option itself."""
    name = config_file.name if config_file else "mkdocs.yml"
    problems: list[Problem] = []

    def problem(key: str, message: str) -> None:
        problems.append(
            Problem(name, _where(config_file, key), 1, CONFIG_RULE, f"lint: {key}: {message}")
        )

    chosen: dict[str, RuleSetting] = {}
    given = lint or {}
    for rule_id in given:
        if rule_id not in RULES:
            problem(rule_id, f"there is no rule '{rule_id}': use one of {', '.join(RULES)}")
    for rule_id, module in RULES.items():
        value = given.get(rule_id, True)
        severity: str | None = None
        options = dict(module.OPTIONS)
        if value is False or value == "off":
            continue
        if isinstance(value, str):
            value = {"severity": value}
        if isinstance(value, dict):
            for key, option in value.items():
                if key == "severity":
                    if option is False or option == "off":
                        severity = "off"
                    elif option in SEVERITIES:
                        severity = option
                    else:
                        problem(
                            rule_id,
                            f"severity '{option}' is not one of off, {', '.join(SEVERITIES)}",
                        )
                elif key not in module.OPTIONS:
                    known = ", ".join(["severity", *module.OPTIONS])
                    problem(rule_id, f"unknown option '{key}': use one of {known}")
                elif not _option_ok(option, module.OPTIONS[key]):
                    kind = _KINDS.get(type(module.OPTIONS[key]), "value")
                    problem(rule_id, f"option '{key}' should be {kind}, not {option!r}")
                else:
                    options[key] = option
        elif value is not True:
            problem(
                rule_id, f"write off, a severity ({', '.join(SEVERITIES)}) or a mapping of options"
            )
        if severity != "off":
            chosen[rule_id] = RuleSetting(module, severity, options)
    return chosen, problems
