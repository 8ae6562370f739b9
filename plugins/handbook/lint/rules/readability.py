"""Readability: every instruction must be easy to read at first sight.

Each text field is scored with the published Flesch formulas (see `handbook score`):
the Flesch-Kincaid grade (the school year a reader needs) and the Flesch Reading Ease
(0 to 100+, higher is easier). Rules, steps and explanations must read at grade 8 or
below; wordings staff say aloud (`say`) at grade 6 or below, since a listener cannot
read a sentence twice. Every field needs a reading ease of at least 60.

The problem points at the hardest sentence; the advice says to split it when it is long
and names its longest words. Short names and labels (titles, `metric`, `when`) are not
scored, and neither are texts under `min_words` words: the formulas mean little on a
handful of words.

The formulas count syllables, so they are approximate: a text within the tolerance of a
limit (half a grade, 5 points of reading ease, by default) passes. The handbook's own
words, defined in `glossary.yml` ("representative", "service level"), count as one
short word each: they never make a text fail.

Default severity: **warning**.

Options:

- `max_grade` (8): highest grade for rules, steps, summaries and examples.
- `max_grade_spoken` (6): highest grade for `say` wordings.
- `min_reading_ease` (60): lowest reading ease for any scored field.
- `min_words` (8): texts with fewer words are not scored.
- `grade_tolerance` (0.5): how far over a grade limit a text may go and pass.
- `ease_tolerance` (5): how far under the reading ease limit a text may go and pass.

Passes:

```yaml
rules:
  - Answer by the third ring. Say your name and the team name.
```

Fails:

```yaml
rules:
  - Communicate the organisational escalation procedure comprehensively to dissatisfied customers.
```

Fails:

```yaml
wordings:
  - say: I understand your frustration regarding the unfortunate administrative complications.
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...model import Standard
from ..context import Finding, LintContext
from ..textstats import count_syllables

ID = "readability"
DEFAULT = "warning"
OPTIONS: dict[str, Any] = {
    "max_grade": 8,
    "max_grade_spoken": 6,
    "min_reading_ease": 60,
    "min_words": 8,
    "grade_tolerance": 0.5,
    "ease_tolerance": 5,
}
# Where an editor reads how to change the limits (the site's Lint rules page).
RULE_PAGE = "editors/lint-rules/#readability"

# A hard sentence longer than this is best split before anything else.
SPLIT_WORDS = 15
SCORED = {"rule": "rules and steps", "step": "rules and steps", "prose": "explanations"}


def _long_words(words: list[tuple[int, str]]) -> list[str]:
    """The words of four or more syllables, longest first, each once."""
    # Short spellings ("etc") are read out long, but there is no shorter word to offer.
    counted = {w.lower(): (count_syllables(w), w) for _, w in words if len(w) > 5 and w.isalpha()}
    ranked = sorted(counted.values(), key=lambda item: -item[0])
    return [word for syllables, word in ranked if syllables >= 4]


def _advice(words: list[tuple[int, str]]) -> str:
    """What to change in the hardest sentence: split it if long, and name its longest words."""
    advice = []
    if len(words) > SPLIT_WORDS:
        advice.append(f"split this {len(words)}-word sentence")
    long_words = _long_words(words)
    if long_words:
        advice.append("use shorter words than " + ", ".join(f"'{w}'" for w in long_words[:3]))
    return " and ".join(advice) or "use shorter sentences and everyday words"


def check(standard: Standard, context: LintContext, options: dict[str, Any]) -> Iterator[Finding]:
    for field in context.fields(standard):
        if field.kind == "say":
            limit, what = options["max_grade_spoken"], "wordings said aloud"
        elif field.kind in SCORED:
            limit, what = options["max_grade"], SCORED[field.kind]
        else:
            continue
        key = (ID, limit, what, *(options[name] for name in sorted(OPTIONS)))
        verdict = context.per_text(
            key,
            field.text,
            lambda text, lim=limit, w=what: _verdict(text, context, lim, w, options),  # type: ignore[misc]
        )
        if verdict:
            message, needle, offset, advice = verdict
            yield Finding(field.path, message, needle, offset, advice)


def _verdict(
    text: str, context: LintContext, limit: float, what: str, options: dict[str, Any]
) -> tuple[str, str, int, str] | tuple[()]:
    """(message, needle, offset, advice) when `text` is too hard, else an empty tuple."""
    stats = context.stats(text)
    if stats.words < options["min_words"]:
        return ()
    grade, ease = stats.flesch_kincaid_grade, stats.flesch_reading_ease
    too_hard = []
    if grade > limit + options["grade_tolerance"]:
        too_hard.append(f"reads at grade {_figure(grade, limit)} (at most {limit:g} for {what})")
    if ease < options["min_reading_ease"] - options["ease_tolerance"]:
        least = options["min_reading_ease"]
        too_hard.append(f"reading ease is {_figure(ease, least)} (at least {least:g})")
    if not too_hard:
        return ()
    offset, sentence = max(
        context.sentences(text), key=lambda found: context.stats(found[1]).flesch_kincaid_grade
    )
    advice = _advice(context.words(context.glossary.mask(sentence))) + (
        "; a word of the handbook's own? define it in glossary.yml; "
        f"limits and how to change them: {RULE_PAGE}"
    )
    return f"hard to read: {' and '.join(too_hard)}", context.opening(sentence), offset, advice


def _figure(value: float, limit: float) -> str:
    """One decimal, or two when one would make it look equal to the limit (8.04 vs 8)."""
    shown = f"{value:.1f}"
    return f"{value:.2f}" if float(shown) == limit else shown
