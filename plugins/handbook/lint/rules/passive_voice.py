"""Passive voice: say who does what.

"The complaint is logged" does not say who logs it. "Log the complaint" or "The team
lead logs the complaint" does. The rule flags a form of "be" (am, is, are, was, were,
be, been, being) followed by a past participle, perhaps with an adverb between ("is
always sent"), irregular participles included ("is given", "was sent", "been told").
It is a suggestion: sometimes the passive is the clearest way to say it. It skips
`dont_say` and the response of a `poor` example.

Default severity: **suggestion**.

Passes:

```yaml
rules:
  - Log the complaint within 30 minutes.
```

Fails:

```yaml
rules:
  - The complaint must be logged within 30 minutes.
```

Fails:

```yaml
steps:
  - A written reply is always sent within 5 working days.
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ...model import Standard
from ..context import Finding, LintContext
from ..fields import QUOTED_KINDS

ID = "passive-voice"
DEFAULT = "suggestion"
OPTIONS: dict[str, Any] = {}

IRREGULAR = (
    "arisen awoken beaten become begun bent bet bid bitten bled blown born borne bound "
    "broken brought built burnt bought caught chosen come cut dealt done drawn dreamt "
    "driven drunk eaten fallen fed felt fought found fled flown forbidden forgotten "
    "forgiven frozen given gone got gotten ground grown hung had heard hidden hit held "
    "hurt kept known laid led leant learnt left lent let lain lit lost made meant met "
    "mistaken misunderstood overcome overheard overtaken overthrown paid proven put quit "
    "read rid ridden rung risen run said seen sought sold sent set sewn shaken shed shone "
    "shot shown shrunk shut sung sunk sat slept slid spoken sped spent spilt spun spread "
    "sprung stood stolen stung struck sworn swept swum swung taken taught torn told "
    "thought thrown understood undertaken woken worn woven wed wept won wound "
    "withdrawn withheld written"
).split()
# Words ending in -ed that are not past participles after "be", and participles that
# describe how someone feels or how things stand ("the customer is upset", "the desk is
# closed"): those say nothing about who acts.
_NOT_PARTICIPLES = (
    "need speed feed seed bed red shed hundred naked wicked sacred "
    "annoyed ashamed bored closed concerned confused delighted disappointed embarrassed "
    "excited frightened frustrated interested involved pleased relieved satisfied scared "
    "shocked stressed stuck surprised tired upset worried"
).split()

_BE = frozenset("am is are was were be been being isn aren wasn weren".split())
_PASSIVE = re.compile(
    r"\b(?:am|is|are|was|were|be|been|being|isn't|aren't|wasn't|weren't)"
    r"(?:\s+(?:not|never|always|often|usually|also|then|only|still|\w+ly))?"
    r"\s+(?P<participle>(?!(?:"
    + "|".join(_NOT_PARTICIPLES)
    + r")\b)\w{2,}ed|"
    + "|".join(IRREGULAR)
    + r")\b",
    re.IGNORECASE,
)


def check(standard: Standard, context: LintContext, options: dict[str, Any]) -> Iterator[Finding]:
    for field in context.fields(standard):
        if field.kind in QUOTED_KINDS or field.kind == "label":
            continue
        if _BE.isdisjoint(context.tokens(field.text)):
            continue  # no form of "be": most texts, settled without the long pattern
        for offset, words in context.per_text(ID, field.text, _passives):
            yield Finding(
                field.path,
                f"'{words}' is passive: it does not say who does it",
                needle=words,
                offset=offset,
                suggestion="name who acts: 'Log the complaint', 'The team lead logs it'",
            )


def _passives(text: str) -> list[tuple[int, str]]:
    return [(match.start(), match.group()) for match in _PASSIVE.finditer(text)]
