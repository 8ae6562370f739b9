"""Plain words: use the everyday word, not the official one.

Words such as "utilise", "facilitate" or "prior to" make a standard sound official and
make it slower to read, most of all for staff whose first language is not English. This
list follows the "words to avoid" of public-sector plain-English guides; each entry
names the plain word to use instead. Like vague-wording, it skips `dont_say` and the
response of a `poor` example.

Default severity: **warning**.

Options:

- `words`: more words to flag, each with its plain replacement, e.g.
  `words: {"revert": "reply"}`.

Passes:

```yaml
steps:
  - Use the refund form before you start the refund.
```

Fails:

```yaml
steps:
  - Utilise the refund form prior to commencing the refund.
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

ID = "plain-words"
DEFAULT = "warning"
OPTIONS: dict[str, Any] = {"words": {}}

# Regular expression (with its word forms) -> the plain word to use instead.
BUILT_IN: dict[str, str] = {
    r"utili[sz](?:e|es|ed|ing|ation)": "use",
    r"facilitat(?:e|es|ed|ing)": "help, or make possible",
    r"leverag(?:e|es|ed|ing)": "use",
    r"liais(?:e|es|ed|ing)(?:\s+with)?": "work with, or talk to",
    r"in\s+order\s+to": "to",
    r"prior\s+to": "before",
    r"commenc(?:e|es|ed|ing|ement)": "start",
    r"terminat(?:e|es|ed|ing)": "end, or stop",
    r"endeavou?r(?:s|ed|ing)?": "try",
    # Fixed terms stay: "assistance dog", "proof of purchase".
    r"assist(?:s|ed|ing|ance)?(?!\s+dogs?\b)": "help",
    r"ascertain(?:s|ed|ing)?": "find out",
    r"(?<!proof\sof\s)purchas(?:e|es|ed|ing)": "buy",
    r"obtain(?:s|ed|ing)?": "get",
    r"sufficient(?:ly)?": "enough",
    r"additional(?:ly)?": "more, or extra",
    r"approximately": "about",
    r"ensur(?:e|es|ed|ing)": "make sure",
    r"in\s+the\s+event\s+(?:of|that)": "if",
    r"(?:with|in)\s+(?:regard|respect)\s+(?:to|of)": "about",
    r"notwithstanding": "despite, or even if",
    r"whilst": "while",
    r"forthwith": "now",
    r"henceforth": "from now on",
    r"expedit(?:e|es|ed|ing)": "speed up",
    r"initiat(?:e|es|ed|ing)": "start",
    r"in\s+excess\s+of": "more than",
    r"at\s+this\s+(?:point\s+in\s+)?time": "now",
    r"due\s+to\s+the\s+fact\s+that": "because",
    r"going\s+forward": "from now on",
    r"remuneration": "pay",
    r"per\s+annum": "a year",
    r"deem(?:s|ed|ing)?": "think, or decide",
}
_DEFAULT_LIST = PhraseList(BUILT_IN)


@lru_cache(maxsize=8)
def _configured(words: tuple[tuple[str, str], ...]) -> PhraseList:
    return PhraseList({**BUILT_IN, **{literal(word): plain for word, plain in words}})


def check(standard: Standard, context: LintContext, options: dict[str, Any]) -> Iterator[Finding]:
    extra = options.get("words") or {}
    words = (
        _configured(tuple(sorted((k, str(v)) for k, v in extra.items())))
        if extra
        else _DEFAULT_LIST
    )
    for field in context.fields(standard):
        if field.kind in QUOTED_KINDS:
            continue
        for match in context.per_text(
            (ID, words), field.text, lambda t: words.find(t, context.tokens(t))
        ):
            if _in_glossary(context, field.text, match.offset, len(match.text)):
                continue
            yield Finding(
                field.path,
                f"'{match.text}' is not a plain word",
                needle=match.text,
                offset=match.offset,
                suggestion=f"write '{match.advice}'",
            )


def _in_glossary(context: LintContext, text: str, offset: int, length: int) -> bool:
    """A handbook word defined in glossary.yml ("terminated contract") is not replaced."""
    return any(
        start <= offset and offset + length <= end for start, end, _ in context.glossary.spans(text)
    )
