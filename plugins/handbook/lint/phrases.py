"""Word lists compiled into one regular expression each, for the wording rules."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class PhraseMatch:
    offset: int
    text: str
    advice: str


class PhraseList:
    """Phrases (each a regular expression) with their advice, matched as whole words.

    All phrases go into one alternation, longest first, so one scan of a text finds every
    phrase and "as soon as possible" wins over "soon".
    """

    def __init__(self, phrases: Mapping[str, str]):
        patterns = list(phrases)
        self.advice = list(phrases.values())
        ordered = sorted(range(len(patterns)), key=lambda i: -len(patterns[i]))
        alternatives = "|".join(f"(?P<p{i}>{patterns[i]})" for i in ordered)
        self.pattern = re.compile(rf"(?<![\w'-])(?:{alternatives})(?![\w'-])", re.IGNORECASE)

    def find(self, text: str) -> Iterator[PhraseMatch]:
        for match in self.pattern.finditer(text):
            index = int(match.lastgroup[1:])  # type: ignore[index]
            yield PhraseMatch(match.start(), match.group(), self.advice[index])


def literal(phrase: str) -> str:
    """A pattern matching `phrase` as written, case-insensitively, any spacing between words."""
    return r"\s+".join(re.escape(word) for word in phrase.split())
