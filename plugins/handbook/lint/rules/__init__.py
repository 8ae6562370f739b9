"""The lint rules, one module each, by id, in the order their documentation is shown.

Each module has a docstring that is its user documentation (with passing and failing
examples), `ID`, `DEFAULT` severity, `OPTIONS` (name -> default) and a generator
`check(standard, context, options)` that yields a `Finding` for each problem.
"""

from __future__ import annotations

from types import ModuleType

from . import (
    incomplete,
    missed_target,
    no_goal,
    passive_voice,
    pilot,
    placeholder,
    plain_words,
    readability,
    say_dont_say,
    sentence_length,
    stale,
    target_form,
    unmeasurable_target,
    vague_wording,
)

RULES: dict[str, ModuleType] = {
    module.ID: module
    for module in (
        vague_wording,
        unmeasurable_target,
        target_form,
        missed_target,
        readability,
        sentence_length,
        plain_words,
        passive_voice,
        say_dont_say,
        stale,
        pilot,
        no_goal,
        incomplete,
        placeholder,
    )
}
