"""Target form: a target written so that results can be filed against it and read right.

Results and scorecards refer to a target by its `id`, so every target has one. A target
uses the keys of its form (`kind`): a service level has `share`, `threshold` and `unit`
("80% within 2 minutes"), a range `min` and `max`, the others `value` (and `comparison`
where it applies); a key the form does not read is a sign the target says something other
than what the handbook shows. A target for one `channel` names one of the standard's
channels. A percentage target whose metric holds its time limit ("Calls answered within
2 minutes", `value: 80`, `unit: "% of calls"`) is a service level written the old way: the
rule says how to write it as one, so that the page, the results and the changelog can read
the threshold.

Default severity: **warning**.

Passes:

```yaml
channels: [phone]
targets:
  - id: answer-time
    metric: Calls answered
    kind: service-level
    share: 80
    threshold: 2
    unit: minutes
    channel: phone
    measured_by: phone system queue report
    period: monthly
```

Fails:

```yaml
targets:
  - metric: First reply to an email
    value: 4
    unit: working hours
    measured_by: ticket system timestamps
    period: weekly
```

Fails:

```yaml
targets:
  - id: answer-time
    metric: Calls answered within 2 minutes
    comparison: at least
    value: 80
    unit: "% of calls"
    measured_by: phone system queue report
    period: monthly
```

Fails:

```yaml
targets:
  - id: handling-time
    metric: Average handling time
    kind: range
    min: 6
    max: 4
    value: 5
    unit: minutes
    measured_by: phone system report
    period: monthly
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ... import targets
from ...model import Standard
from ..context import Finding, LintContext

ID = "target-form"
DEFAULT = "warning"
OPTIONS: dict[str, Any] = {}

_LIMIT_IN_METRIC = re.compile(
    r"\b(?:within|in|under)\s+(\d+(?:\.\d+)?)\s+([a-z]+(?:\s+(?:hours?|days?|minutes?))?)", re.I
)


def _slug(metric: str) -> str:
    words = re.findall(r"[a-z0-9]+", metric.lower())[:3]
    slug = "-".join(words) or "target"
    return slug if slug[0].isalpha() else f"t-{slug}"


def check(standard: Standard, context: LintContext, options: dict[str, Any]) -> Iterator[Finding]:
    for index, target in enumerate(standard.data.get("targets") or []):
        metric = str(target.get("metric", ""))
        at_metric = ("targets", index, "metric")
        if not target.get("id"):
            yield Finding(
                at_metric,
                f"target '{metric}' has no id: results and scorecards cannot refer to it",
                needle=metric,
                suggestion=f"add `id:`, e.g. `id: {_slug(metric)}`, and never change it",
            )
        kind = targets.kind_of(target)
        used = targets.GOAL_KEYS[kind]
        for key in targets.ALL_GOAL_KEYS:
            if key in target and key not in used:
                form = f"a {kind} target" if kind else "a target without `kind`"
                yield Finding(
                    ("targets", index, key),
                    f"`{key}` is not read by {form}: its goal is {', '.join(used)}",
                    suggestion="remove the key, or set `kind` to the form you mean",
                )
        if kind == "range":
            low, high = target.get("min"), target.get("max")
            if isinstance(low, int | float) and isinstance(high, int | float) and low >= high:
                yield Finding(
                    ("targets", index, "min"),
                    f"range of target '{metric}' starts at {low}, not below its max {high}",
                    suggestion="make `min` the lower end and `max` the higher",
                )
        channel = target.get("channel")
        if channel and standard.channels and channel not in standard.channels:
            yield Finding(
                ("targets", index, "channel"),
                f"target '{metric}' is for {channel}, which is not one of this standard's channels",
                suggestion=f"use one of {', '.join(standard.channels)}, or add it to `channels`",
            )
        unit = str(target.get("unit") or "")
        limit = _LIMIT_IN_METRIC.search(metric)
        if kind is None and unit.startswith("%") and limit and "value" in target:
            share = targets.number(target["value"])
            yield Finding(
                at_metric,
                f"target '{metric}' is a service level (a share within {limit.group(1)} "
                f"{limit.group(2)}) written as one number",
                needle=limit.group(0),
                suggestion=(
                    f"write `kind: service-level`, `share: {share}`, `threshold: "
                    f"{limit.group(1)}`, `unit: {limit.group(2)}` and take the limit out of "
                    "the metric"
                ),
            )
