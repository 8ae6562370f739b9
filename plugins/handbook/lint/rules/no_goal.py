"""No goal: a standard that names none of the company's goals.

When mkdocs.yml declares the company's goals (the handbook plugin's `goals`), each
standard should name at least one it serves, so that nobody keeps a rule no one can
explain. Without declared goals the rule has nothing to ask for and stays quiet.
Retired standards are not checked. Set it to `off` to stop asking, or `error` to
require a goal.

Default severity: **suggestion**.

Passes:

```yaml
goals: [first-contact]
```

Fails:

```yaml
title: Answering the phone
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...model import Standard
from ..context import Finding, LintContext

ID = "no-goal"
DEFAULT = "suggestion"
OPTIONS: dict[str, Any] = {}


def check(standard: Standard, context: LintContext, options: dict[str, Any]) -> Iterator[Finding]:
    goals = context.handbook.settings.options.goals
    if standard.status == "retired" or standard.goals or not goals:
        return
    yield Finding(
        ("id",),
        "this standard names none of the company's goals",
        suggestion=f"add goals: with one or more of {', '.join(goals)}",
    )
