"""Vague wording: words that leave staff to guess the time, the amount or the action.

"Reply promptly" means 10 minutes to one person and 2 days to another. A standard says
exactly what to do: a time, a number, or the exact action. This rule flags such words in
every text of a standard except `dont_say` and the response of a `poor` example, which
quote what not to do.

Default severity: **error**.

Options:

- `phrases`: more phrases to flag, each with its advice, e.g.
  `phrases: {"right away": "say how many minutes"}`. Set a built-in phrase to `off` to
  stop flagging it.

Passes:

```yaml
rules:
  - Reply to every email within 4 working hours.
  - Offer a refund, a repair or a replacement.
```

Fails:

```yaml
rules:
  - Reply to every email as soon as possible.
```

Fails:

```yaml
steps:
  - Give the customer an appropriate apology and so on.
```
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ...model import Standard
from ..context import Finding, LintContext
from ..fields import QUOTED_KINDS
from ..phrases import PhraseList, literal

ID = "vague-wording"
DEFAULT = "error"
OPTIONS: dict[str, Any] = {"phrases": {}}

_TIME = "say how long: 'within 2 working hours', 'by 5 pm the same day'"
_JUDGEMENT = "say exactly what: the action, the words or the limit"
_CONDITION = "say when: name the condition, or drop it if the step always applies"
_LIST = "list every item, or say 'for example' and give one"
_FREQUENCY = "say how often: 'every Monday', 'once a month'"

# Built-in phrases: regular expression -> advice.
BUILT_IN: dict[str, str] = {
    r"as\s+soon\s+as\s+possible": _TIME,
    r"asap": _TIME,
    r"promptly": _TIME,
    r"quickly": _TIME,
    r"(?<!as\s)soon(?!\s+as\b)": _TIME,
    r"shortly": _TIME,
    r"in\s+a\s+timely\s+(?:manner|fashion)": _TIME,
    r"timely": _TIME,
    r"without\s+(?:undue\s+)?delay": _TIME,
    r"in\s+due\s+course": _TIME,
    r"at\s+the\s+earliest\s+opportunity": _TIME,
    r"(?:in)?appropriate(?:ly)?": _JUDGEMENT,
    r"as\s+appropriate": _CONDITION,
    # "Reasonable adjustments" is the legal term for changes made for disabled customers.
    r"reasonabl[ey](?!\s+adjustments?\b)": _JUDGEMENT,
    r"suitabl[ey]": _JUDGEMENT,
    r"adequate(?:ly)?": _JUDGEMENT,
    r"(?:where|wherever|if|when)\s+possible": _CONDITION,
    r"(?:if|where|when|as)\s+necessary": _CONDITION,
    r"as\s+(?:needed|required)": _CONDITION,
    r"etc\.?": _LIST,
    r"and\s+so\s+(?:on|forth)": _LIST,
    r"various": "name them, or give the number",
    r"regularly": _FREQUENCY,
    r"periodically": _FREQUENCY,
    r"from\s+time\s+to\s+time": _FREQUENCY,
}
_DEFAULT_LIST = PhraseList(BUILT_IN)


@lru_cache(maxsize=8)
def _configured(phrases: tuple[tuple[str, Any], ...]) -> tuple[PhraseList, frozenset[str]]:
    added = {literal(p): str(advice) for p, advice in phrases if advice not in (False, "off")}
    allowed = frozenset(_normal(p) for p, advice in phrases if advice in (False, "off"))
    return PhraseList({**BUILT_IN, **added}), allowed


def _normal(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def phrase_list(options: dict[str, Any]) -> tuple[PhraseList, frozenset[str]]:
    """The phrases to flag and the phrases turned off, from the rule's options."""
    configured = options.get("phrases") or {}
    if not configured:
        return _DEFAULT_LIST, frozenset()
    hashable = ((str(k), v if isinstance(v, str | bool) else str(v)) for k, v in configured.items())
    return _configured(tuple(sorted(hashable)))


def check(standard: Standard, context: LintContext, options: dict[str, Any]) -> Iterator[Finding]:
    phrases, allowed = phrase_list(options)
    for field in context.fields(standard):
        if field.kind in QUOTED_KINDS:
            continue
        for match in context.per_text(
            (ID, phrases), field.text, lambda t: phrases.find(t, context.tokens(t))
        ):
            if allowed and _normal(match.text) in allowed:
                continue
            yield Finding(
                field.path,
                f"'{match.text}' is vague: staff cannot tell when or what exactly",
                needle=match.text,
                offset=match.offset,
                suggestion=match.advice,
            )
