"""Say, don't say: words a standard lists under `dont_say` must not be recommended anywhere.

When one standard says "don't say *It's not my department*", no other standard may
have staff say it. The rule looks for every `dont_say` phrase of the handbook in every
`say` wording, rule, step and good example response. When a `dont_say` quotes several
phrases ("No problem" or "No worries"), each quoted phrase is looked for; otherwise
the whole text is, without its final punctuation.

Default severity: **error**.

Options:

- `min_words` (2): `dont_say` phrases shorter than this are not looked for elsewhere,
  since a single word such as "No" appears in good wordings too.

Passes:

```yaml
wordings:
  - say: I will find the right person and call you back by 3 pm.
    dont_say: It's not my department.
```

Fails:

```yaml
wordings:
  - say: I will find the right person and call you back by 3 pm.
    dont_say: It's not my department.
  - say: It's not my department, but I will find out who can help.
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ...model import Standard
from ..context import Finding, LintContext
from ..fields import field_name
from ..phrases import PhraseList, literal

ID = "say-dont-say"
DEFAULT = "error"
OPTIONS: dict[str, Any] = {"min_words": 2}

_QUOTED = re.compile(r"\"([^\"]+)\"|\u201c([^\u201d]+)\u201d")
_TRIM = " \t\n.!?\u2026,;:'\"\u2018\u2019\u201c\u201d"


@dataclass(frozen=True)
class _Source:
    standard_id: str
    where: str


def dont_say_phrases(text: str) -> list[str]:
    """The phrases a `dont_say` text forbids: its quoted parts, or the whole text."""
    quoted = [a or b for a, b in _QUOTED.findall(text)]
    phrases = quoted or [text]
    return [_normal(p.strip(_TRIM)) for p in phrases if p.strip(_TRIM)]


def _normal(phrase: str) -> str:
    return " ".join(phrase.replace("\u2019", "'").lower().split())


def _sources(context: LintContext, min_words: int) -> dict[str, _Source]:
    """The handbook's dont_say phrases, each with where it is first listed."""
    sources: dict[str, _Source] = {}
    for standard in context.handbook.standards:
        for index, wording in enumerate(standard.data.get("wordings") or []):
            for phrase in dont_say_phrases(wording.get("dont_say") or ""):
                if len(phrase.split()) >= min_words:
                    where = field_name(("wordings", index, "dont_say"))
                    sources.setdefault(phrase, _Source(standard.id, where))
    return sources


def handbook_key(context: LintContext, options: dict[str, Any]) -> tuple[Any, ...]:
    """What this rule reads of the other standards: their phrases and where they are."""
    min_words = options["min_words"]
    found = context.once(f"{ID}-sources:{min_words}", lambda: _sources(context, min_words))
    return tuple(found.items())


def _index(context: LintContext, min_words: int) -> tuple[PhraseList | None, dict[str, _Source]]:
    """The handbook's dont_say phrases as one list, and where each is listed."""
    sources = context.once(f"{ID}-sources:{min_words}", lambda: _sources(context, min_words))
    if not sources:
        return None, sources
    # Each pattern's "advice" is the phrase itself, to look its source up by.
    patterns = {literal(p).replace("'", "['\u2019]"): p for p in sources}
    return PhraseList(patterns), sources


def _targets(standard: Standard, context: LintContext) -> Iterator[Any]:
    for field in context.fields(standard):
        if field.kind in ("say", "rule", "step") or (
            field.kind == "prose" and field.path[0] == "examples" and field.path[-1] == "response"
        ):
            yield field


def check(standard: Standard, context: LintContext, options: dict[str, Any]) -> Iterator[Finding]:
    min_words = options["min_words"]
    phrases, sources = context.once(f"{ID}:{min_words}", lambda: _index(context, min_words))
    if phrases is None:
        return
    for field in _targets(standard, context):
        found = context.per_text(
            (ID, min_words), field.text, lambda t: phrases.find(t, context.tokens(t))
        )
        for match in found:
            source = sources[match.advice]
            here = "this standard" if source.standard_id == standard.id else source.standard_id
            yield Finding(
                field.path,
                f"'{match.text}' is listed as don't say in {here} ({source.where})",
                needle=match.text,
                offset=match.offset,
                suggestion="use that standard's 'say' wording, or reword this",
            )
