"""Sentence length: one instruction per sentence, short enough to take in at once.

A long sentence makes staff hold several things in mind before they can act. Split it:
one action, one sentence. Sentences in wordings staff say aloud (`say`) must be shorter,
because the customer hears them only once. Titles and labels are not checked.

Default severity: **warning**.

Options:

- `max_words` (25): most words in a sentence of a rule, step or explanation.
- `max_words_spoken` (20): most words in a sentence of a `say` wording.

Passes:

```yaml
rules:
  - Log each complaint in the case system within 30 minutes. Do this even if you fixed it on the spot.
```

Fails:

```yaml
rules:
  - Log each complaint in the case system within 30 minutes of the end of the contact with the customer even if you fixed it on the spot and they are happy now.
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...model import Standard
from ..context import Finding, LintContext

ID = "sentence-length"
DEFAULT = "warning"
OPTIONS: dict[str, Any] = {"max_words": 25, "max_words_spoken": 20}

_CHECKED = frozenset({"rule", "step", "prose", "say"})


def check(standard: Standard, context: LintContext, options: dict[str, Any]) -> Iterator[Finding]:
    for field in context.fields(standard):
        if field.kind not in _CHECKED:
            continue
        spoken = field.kind == "say"
        limit = options["max_words_spoken"] if spoken else options["max_words"]
        if context.stats(field.text).words <= limit:
            continue  # no sentence can be longer than the whole text
        for offset, sentence in context.sentences(field.text):
            count = len(context.words(sentence))
            if count > limit:
                yield Finding(
                    field.path,
                    f"sentence of {count} words (at most {limit}"
                    f"{' for wordings said aloud' if spoken else ''})",
                    needle=context.opening(sentence),
                    offset=offset,
                    suggestion="split it into sentences of one action each",
                )
