"""Goals: the company's goals, declared once in mkdocs.yml, and the standards serving each.

```yaml
plugins:
  - handbook:
      goals:
        first-contact: Solve it on first contact
        keep-customers:
          title: Keep customers coming back
          description: Fewer customers lost after a complaint.
```

Each standard names the goals it serves (`goals: [first-contact]`); a goal no one
declared is a problem located in the standard. The *Goals* page lists each goal's
standards and the goals that no standard serves yet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .problems import Problem
from .settings import Settings

if TYPE_CHECKING:
    from .handbook import Handbook
    from .model import Standard
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Goal:
    id: str
    title: str
    description: str | None = None


def declared_goals(settings: Settings) -> tuple[dict[str, Goal], list[Problem]]:
    """The goals of mkdocs.yml by id, and a problem for each one written wrong."""
    goals: dict[str, Goal] = {}
    problems: list[Problem] = []

    def wrong(message: str, *key: str) -> None:
        problems.append(Problem(*settings.where("goals", *key), "goals", message))

    if not isinstance(settings.goals, dict):
        wrong("the handbook plugin's 'goals' should be a mapping of goal id to title")
        return goals, problems
    for key, value in settings.goals.items():
        if not isinstance(key, str) or not _ID.match(key):
            wrong(
                f"goal id '{key}' should be lower-case words joined by hyphens, e.g. keep-customers"
            )
            continue
        if isinstance(value, str) and value.strip():
            goals[key] = Goal(key, value.strip())
        elif (
            isinstance(value, dict)
            and isinstance(value.get("title"), str)
            and value["title"].strip()
            and set(value) <= {"title", "description"}
            and isinstance(value.get("description", ""), str)
        ):
            goals[key] = Goal(key, value["title"].strip(), value.get("description") or None)
        else:
            wrong(f"goal '{key}' should have a title, or 'title' and 'description'", key)
    return goals, problems


def serving(handbook: Handbook) -> list[tuple[Goal, list[Standard]]]:
    """Each declared goal, in declared order, with the published standards serving it."""
    goals, _ = declared_goals(handbook.settings)
    found: dict[str, list[Standard]] = {goal: [] for goal in goals}
    for standard in handbook.published():
        if standard.status == "retired":
            continue
        for goal in standard.goals:
            if goal in found:
                found[goal].append(standard)
    return [(goals[key], found[key]) for key in goals]
