"""Unmeasurable target: a target nobody can check, because it lacks a number, a unit, or
how and how often it is measured.

A target says what is measured (`metric`), the goal (`value` and `unit`; for a service
level `share`, `threshold` and `unit`; for a range `min`, `max` and `unit`), how it is
measured (`measured_by`) and how often it is reported (`period`). Without them two
managers can read the same figures and disagree on whether the team met the target.

Default severity: **error**.

Passes:

```yaml
targets:
  - metric: First reply to an email
    comparison: within
    value: 4
    unit: working hours
    measured_by: ticket system timestamps
    period: weekly
```

Passes:

```yaml
targets:
  - id: answer-time
    metric: Calls answered
    kind: service-level
    share: 80
    threshold: 2
    unit: minutes
    measured_by: phone system queue report
    period: monthly
```

Fails:

```yaml
targets:
  - metric: Customers get a fast reply
```

Fails:

```yaml
targets:
  - metric: First reply to an email
    value: 4
    unit: working hours
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...model import Standard
from ..context import Finding, LintContext

ID = "unmeasurable-target"
DEFAULT = "error"
OPTIONS: dict[str, Any] = {}

_MISSING = (
    ("value", "has no number", "add `value:`, e.g. `value: 4`"),
    ("unit", "has no unit", 'add `unit:`, e.g. `unit: working hours` or `unit: "% of calls"`'),
    (
        "measured_by",
        "does not say how it is measured",
        "add `measured_by:`, e.g. `measured_by: ticket system timestamps`",
    ),
    ("period", "does not say how often it is reported", "add `period:`, e.g. `period: weekly`"),
)


def check(standard: Standard, context: LintContext, options: dict[str, Any]) -> Iterator[Finding]:
    for index, target in enumerate(standard.data.get("targets") or []):
        metric = target.get("metric", "")
        # The schema already asks a service level and a range for their numbers.
        form = target.get("kind")
        for key, what, advice in _MISSING:
            if key == "value" and form in ("service-level", "range"):
                continue
            value = target.get(key)
            if value is None or (isinstance(value, str) and not value.strip()):
                yield Finding(
                    ("targets", index, "metric"),
                    f"target '{metric}' {what}",
                    needle=metric,
                    suggestion=advice,
                )
