"""Incomplete: an active standard without an example, a wording or a target.

Staff learn a standard from what it looks like done well and done badly (`examples`),
from the exact words to use (`wordings`), and managers check it by its `targets`. An
active standard should have all three. Drafts, pilots and retired standards are not
checked.

Default severity: **suggestion**.

Passes:

```yaml
status: draft
examples: []
```

Fails:

```yaml
status: active
examples: []
```

Fails:

```yaml
status: active
targets: []
wordings: []
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...model import Standard
from ..context import Finding, LintContext

ID = "incomplete"
DEFAULT = "suggestion"
OPTIONS: dict[str, Any] = {}

_PARTS = (
    ("examples", "no example", "add a good and a poor example under `examples:`"),
    ("wordings", "no wording", "add the exact words to use under `wordings:`"),
    ("targets", "no target", "add a measurable target under `targets:`"),
)


def check(standard: Standard, context: LintContext, options: dict[str, Any]) -> Iterator[Finding]:
    if standard.status != "active":
        return
    for key, what, advice in _PARTS:
        if not standard.data.get(key):
            # Point at the empty list if there is one, else at the status that asks for it.
            there = key in standard.data
            yield Finding(
                (key,) if there else ("status",),
                f"active standard with {what}",
                needle=None if there else "active",
                suggestion=advice,
            )
