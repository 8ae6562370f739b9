"""Word lists compiled into one regular expression each, for the wording rules."""

from __future__ import annotations

import re
from collections.abc import Mapping
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
        whole = rf"(?<![\w'-])(?:{alternatives})(?![\w'-])"
        # Matching lower-cased text without IGNORECASE is about twice as fast; the patterns
        # are written in lower case. IGNORECASE stays for texts whose length lower() changes.
        self.pattern = re.compile(whole)
        self.any_case = re.compile(whole, re.IGNORECASE)

    def find(self, text: str) -> list[PhraseMatch]:
        lower = text.lower()
        if len(lower) == len(text):
            matches = self.pattern.finditer(lower)
        else:
            matches = self.any_case.finditer(text)
        return [
            PhraseMatch(m.start(), text[m.start() : m.end()], self.advice[int(m.lastgroup[1:])])  # type: ignore[index]
            for m in matches
        ]


def literal(phrase: str) -> str:
    """A pattern matching `phrase` as written, case-insensitively, any spacing between words."""
    return r"\s+".join(re.escape(word.lower()) for word in phrase.split())
