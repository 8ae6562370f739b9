"""The linter's settings from mkdocs.yml: which rules run, at what severity, with what options.

plugins:
  - handbook:
      lint:
        passive-voice: off          # turn a rule off
        stale: suggestion           # change its severity
        readability:                # or set options (and `severity`)
          max_grade: 9

`options.parse` checks what is written (each problem at its line in mkdocs.yml); a rule
not written runs at its own severity with its own options (`DEFAULT`, `OPTIONS`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from ..options import LintRule
from .rules import RULES


@dataclass(frozen=True)
class RuleSetting:
    module: ModuleType
    severity: str | None = None  # None: each finding keeps the rule's own severity
    options: dict[str, Any] = field(default_factory=dict)


def rule_settings(lint: dict[str, LintRule]) -> dict[str, RuleSetting]:
    """The rules that run, by id, with the options mkdocs.yml sets over their own."""
    chosen: dict[str, RuleSetting] = {}
    for rule_id, module in RULES.items():
        rule = lint.get(rule_id, LintRule())
        if rule.severity != "off":
            chosen[rule_id] = RuleSetting(module, rule.severity, {**module.OPTIONS, **rule.options})
    return chosen
