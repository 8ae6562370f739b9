"""Stale: a standard past its review date, or not yet in force.

Every standard has an owner who reviews it by `review_by`. After that date staff cannot
trust it is still right: the owner reviews it and sets a new date. A standard whose
`effective` date is still to come is flagged as a suggestion, so that readers are not
surprised. An announced change (`upcoming`) whose date has passed is flagged too: fold it
into the standard's text and remove it. Retired standards are not checked.

Default severity: **warning** (a future `effective` date: **suggestion**). A severity
set in mkdocs.yml applies to both.

Passes:

```yaml
effective: 2025-01-01
review_by: 2999-12-31
```

Fails:

```yaml
review_by: 2020-01-31
```

Fails:

```yaml
effective: 2999-01-01
```
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from ...model import Standard
from ..context import Finding, LintContext

ID = "stale"
DEFAULT = "warning"
OPTIONS: dict[str, Any] = {}


def check(standard: Standard, context: LintContext, options: dict[str, Any]) -> Iterator[Finding]:
    if standard.status == "retired":
        return
    today = context.today
    if _date(standard.review_by) < today:
        yield Finding(
            ("review_by",),
            f"review_by {standard.review_by} has passed: staff cannot tell if it is still right",
            suggestion="the owner reviews the standard, then sets last_reviewed and a new review_by",
        )
    if _date(standard.effective) > today:
        yield Finding(
            ("effective",),
            f"effective {standard.effective} is in the future: the standard does not apply yet",
            suggestion="publish it as a draft or pilot until then, or correct the date",
            severity="suggestion",
        )
    for index, change in enumerate(standard.upcoming):
        if change.start <= today:
            yield Finding(
                ("upcoming", index, "from"),
                f"the change announced from {change.start} now applies",
                suggestion="write it into the standard's text and remove it from upcoming",
            )


def _date(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
