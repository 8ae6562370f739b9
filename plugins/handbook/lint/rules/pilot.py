"""Pilot: a pilot with nothing said about it, or past its end with no decision.

A standard on pilot names its group, dates, what it tests and where feedback goes
(`pilot:`), so that staff know whether it applies to them. When the pilot's last day
has passed, the owner records what was decided (`decision:` adopted, dropped or
extended with a new `end`); until then the pilot is left hanging and staff cannot tell
which version to follow.

Default severity: **warning** (a pilot with no `pilot:` details: **suggestion**, so that
handbooks written before pilots had details still build with `--strict`).

Passes:

```yaml
status: pilot
pilot:
  group: {teams: [Billing queue]}
  start: 2026-05-04
  end: 2026-07-31
  feedback: Contact centre manager
```

Fails:

```yaml
status: pilot
pilot:
  group: {teams: [Billing queue]}
  start: 2026-03-02
  end: 2026-04-30
  feedback: Contact centre manager
```

Fails:

```yaml
status: pilot
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...model import Standard
from ..context import Finding, LintContext

ID = "pilot"
DEFAULT = "warning"
OPTIONS: dict[str, Any] = {}


def check(standard: Standard, context: LintContext, options: dict[str, Any]) -> Iterator[Finding]:
    pilot = standard.pilot
    if pilot is None:
        if standard.status == "pilot":
            yield Finding(
                ("status",),
                "this standard is on pilot but says nothing of who pilots it or until when",
                suggestion="add pilot: with its group, start, end and feedback",
                severity="suggestion",
            )
        return
    decided = pilot.decision is not None and pilot.decision.outcome != "extended"
    if not decided and pilot.end < context.today:
        yield Finding(
            ("pilot", "end"),
            f"the pilot ended on {pilot.end} and no decision is recorded",
            suggestion="record pilot.decision (adopted, dropped, or extended with a new end)",
        )
