"""Placeholder: text still to fill in, marked "TODO".

`handbook new` writes a new standard with every section ready, each holding a "TODO:"
placeholder that says what to write there. This rule lists the ones left, so the linter
shows an editor what is still to do. A draft may keep them while it is written; a
standard that is published (pilot or active) must not show a TODO to staff, so there it
is an error.

Default severity: **warning** (in a published standard: **error**). A severity set in
mkdocs.yml applies to both.

Passes:

```yaml
summary: Answer each call by the third ring and say the set greeting.
```

Fails:

```yaml
summary: "TODO: one sentence that says what staff do, with a time or a number."
```

Fails:

```yaml
status: draft
owner: "TODO: the role that owns this standard"
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ...model import Standard
from ..context import Finding, LintContext

ID = "placeholder"
DEFAULT = "warning"
OPTIONS: dict[str, Any] = {}

_TODO = re.compile(r"\bTODO\b:?\s*")


def check(standard: Standard, context: LintContext, options: dict[str, Any]) -> Iterator[Finding]:
    if standard.source is not None and "TODO" not in standard.source.text:
        return  # one substring search settles most files
    severity = None if standard.status in ("draft", "retired") else "error"
    for path, text in _texts(standard.data):
        for match in _TODO.finditer(text):
            what = text[match.end() :].strip().rstrip(".") or "this field"
            yield Finding(
                path,
                f"fill me in: {what}",
                needle="TODO",
                offset=match.start(),
                severity=severity,
            )


def _texts(
    value: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    # Every text in the file, not only those the wording rules read: a unit or an owner
    # can hold a placeholder too.
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))
