"""Missed target: a target whose results have missed it period after period.

A target missed in each of its last `missed_periods` periods (the handbook plugin's
`results: {missed_periods: 2}`, the same setting that puts the standard on *Due for
review*) says that the standard, its target or the work needs a decision: revise the
standard or the target if it no longer fits, or plan what will make the service meet it.
The problem points at the target's `id` and names the periods missed, with their results
and where each one is in the results files. Retired standards are not checked.

Results are figures about the service, not words of the handbook, so this is a
suggestion by default: a month's figures alone never fail `--strict` or block a pull
request that fixes a typo. Set it to `warning` in mkdocs.yml to hold owners to
account in `handbook lint --strict` and strict builds, or `off`.

Default severity: **suggestion**.

Passes:

```yaml
targets:
  - id: third-ring
    metric: Calls answered by the third ring
    comparison: at least
    value: 90
    unit: "% of calls"
    measured_by: phone system report
    period: monthly
```

with these results in `results/`:

```csv
period,standard,target,value,unit
2026-04,TEST-001,third-ring,92,%
2026-05,TEST-001,third-ring,86,%
```

Fails:

```yaml
targets:
  - id: third-ring
    metric: Calls answered by the third ring
    comparison: at least
    value: 90
    unit: "% of calls"
    measured_by: phone system report
    period: monthly
```

with these results in `results/`:

```csv
period,standard,target,value,unit
2026-04,TEST-001,third-ring,86,%
2026-05,TEST-001,third-ring,84,%
```
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from typing import Any

from ...model import Standard
from ...results.model import Outcome, TargetResults
from ..context import Finding, LintContext

ID = "missed-target"
DEFAULT = "suggestion"
OPTIONS: dict[str, Any] = {}
# The periods named in a finding, newest last; a longer run is counted, not listed.
LISTED = 4


def check(standard: Standard, context: LintContext, options: dict[str, Any]) -> Iterator[Finding]:
    if standard.status == "retired":
        return
    handbook = context.handbook
    if not handbook.results:
        return
    periods = handbook.settings.options.results.missed_periods
    if periods <= 0:
        return
    indexes = {t.id: i for i, t in enumerate(standard.targets) if t.id}
    for found in handbook.results.of(standard):
        run = found.missed_run
        if run >= periods:
            yield Finding(
                ("targets", indexes[found.target.id], "id"),
                _message(found, run),
                suggestion="the owner decides: revise the standard or its target if it no "
                "longer fits, or plan what will make the service meet it",
            )


def _message(found: TargetResults, run: int) -> str:
    missed = found.outcomes[-run:]
    first, last = missed[0].result.period.label, missed[-1].result.period.label
    listed = missed[-LISTED:]
    figures = ", ".join(f"{o.result.period.label} {o.value_text}" for o in listed)
    if run > LISTED:
        figures = f"…, {figures}"
    return (
        f"target '{found.target.id}' ({found.target.goal}) missed {run} periods running, "
        f"{first} to {last}: {figures}; results at {_places(listed)}"
    )


def _places(outcomes: list[Outcome]) -> str:
    """'results/a.csv:4, 30' for results in one file; each file's lines, file by file."""
    parts = []
    for file, group in groupby(outcomes, key=lambda o: o.result.file):
        lines = ", ".join(str(o.result.line) for o in group)
        parts.append(f"{file}:{lines}")
    return "; ".join(parts)
