"""Glossary terms and finding them in a text (whole words, any case, plural too)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

FILE = "glossary.yml"


@dataclass(frozen=True)
class Term:
    term: str
    definition: str


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...] = ()
    _by_lower: dict[str, Term] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_lower.update({t.term.lower(): t for t in self.terms})

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        if not self.terms:
            return None
        # Longest first, so "service level agreement" wins over "service level".
        names = sorted((t.term for t in self.terms), key=len, reverse=True)
        spelled = "|".join(r"\s+".join(map(re.escape, name.split())) for name in names)
        # The letters terms start with, looked ahead for: most words fail on their first
        # letter, not on each term in turn (the search takes half the time).
        starts = "".join(sorted({re.escape(name.split()[0][0]) for name in names}))
        return re.compile(rf"\b(?=[{starts}])(?:{spelled})(?:s|es)?\b", re.IGNORECASE)

    def spans(self, text: str) -> list[tuple[int, int, Term]]:
        """(start, end, term) of each glossary term in `text`."""
        if self._pattern is None:
            return []
        found = []
        for match in self._pattern.finditer(text):
            term = self._term_of(match.group(0))
            if term is not None:
                found.append((match.start(), match.end(), term))
        return found

    def find_any(self, texts: Iterable[str]) -> list[Term]:
        """The terms any of `texts` uses, each once, in order of first use: one search
        over the texts joined by a character none holds (the loader refuses control
        characters), so that no term is found across two of them."""
        return self.find("\x00".join(texts))

    def find(self, text: str) -> list[Term]:
        """The terms `text` uses, each once, in order of first use."""
        seen: dict[str, Term] = {}
        for _, _, term in self.spans(text):
            seen.setdefault(term.term, term)
        return list(seen.values())

    def mask(self, text: str, word: str = "term") -> str:
        """`text` with each glossary term written as one short word, so that readability
        scores count the handbook's own words as plain ones."""
        spans = self.spans(text)
        for start, end, _ in reversed(spans):
            text = text[:start] + word + text[end:]
        return text

    def _term_of(self, written: str) -> Term | None:
        key = " ".join(written.lower().split())
        for candidate in (key, key[:-1], key[:-2]):
            if candidate in self._by_lower:
                return self._by_lower[candidate]
        return None
