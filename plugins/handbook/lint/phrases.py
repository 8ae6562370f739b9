"""Word lists compiled into one regular expression each, for the wording rules."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass

# Python's own parser of regular expressions: typeshed has no stubs for these private modules.
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

# How the rules split a lower-cased text into words to look up (see PhraseList).
TOKEN = re.compile(r"[^\W_]+")
# Words too common to pick a phrase by: "and so on" is found by "and" only if nothing else.
_COMMON = frozenset(
    "a an and as at be from if in is it of on or so that the this to when where with".split()
)


@dataclass(frozen=True)
class PhraseMatch:
    offset: int
    text: str
    advice: str


def tokens(text: str) -> frozenset[str]:
    """The words of a text, lower-cased, for `PhraseList.find`."""
    return frozenset(TOKEN.findall(text.lower()))


class PhraseList:
    """Phrases (each a regular expression) with their advice, matched as whole words.

    All phrases go into one alternation, longest first, so one scan of a text finds every
    phrase and "as soon as possible" wins over "soon". A scan costs tens of microseconds,
    so each phrase is also indexed by its words: a text that lacks the words of every
    phrase (most texts) is not scanned at all.
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
        # Each way a phrase can be written, as its set of words, filed under its key word.
        self.index: dict[str, list[frozenset[str]]] | None = {}
        for pattern in patterns:
            texts = expansions(pattern)
            if texts is None:
                self.index = None  # a phrase that cannot be indexed: scan every text
                break
            for words in texts:
                self.index.setdefault(_key(words), []).append(words)
        self.keys = frozenset(self.index or ())

    def find(self, text: str, words: frozenset[str] | None = None) -> list[PhraseMatch]:
        """Every phrase in `text`; `words` are its `tokens()`, if the caller has them."""
        if self.index is not None:
            if words is None:
                words = tokens(text)
            if self.keys.isdisjoint(words):
                return []  # the common case, settled in C
            if not any(needed <= words for key in self.keys & words for needed in self.index[key]):
                return []
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


# --- Indexing patterns by their words ---------------------------------------------------------

_MAX_EXPANSIONS = 200


def expansions(pattern: str) -> list[frozenset[str]] | None:
    """The word sets of the texts `pattern` matches: a match has all words of one of them.

    Lookarounds are ignored and `\\s+` is read as one space. None when the pattern cannot
    be expanded that way (e.g. it has `\\w+`) or has too many forms.
    """
    texts = _expand(sre_parse.parse(pattern))
    if texts is None:
        return None
    found = {frozenset(TOKEN.findall(text)) for text in texts}
    return None if frozenset() in found else list(found)


def forms(pattern: str) -> list[str]:
    """The ways a phrase pattern can be written, for the documentation, e.g. 'utilise'."""
    texts = _expand(sre_parse.parse(pattern)) or [pattern]
    return sorted({" ".join(text.split()) for text in texts}, key=lambda t: (len(t), t))


def _key(words: frozenset[str]) -> str:
    """The word to file a phrase under: its longest uncommon word."""
    return max(sorted(words), key=lambda w: (w not in _COMMON, len(w)))


def _expand(items: object) -> list[str] | None:
    """The texts a parsed pattern matches, or None when there are too many or it has more
    than literals, small classes, groups, alternatives, optional parts and `\\s+`."""
    texts = [""]
    for op, av in items:  # type: ignore[attr-defined]
        options = _expand_one(op, av)
        if options is None:
            return None
        texts = [a + b for a, b in itertools.product(texts, options)]
        if len(texts) > _MAX_EXPANSIONS:
            return None
    return texts


def _expand_one(op: object, av: Any) -> list[str] | None:
    c = sre_constants
    if op is c.LITERAL:
        return [chr(av)]
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
        return [""]
    if op is c.IN:
        if av == [(c.CATEGORY, c.CATEGORY_SPACE)]:
            return [" "]
        if all(kind is c.LITERAL for kind, _ in av):
            return [chr(code) for _, code in av]
        return None
    if op is c.SUBPATTERN:
        return _expand(av[-1])
    if op is c.BRANCH:
        found: list[str] = []
        for branch in av[1]:
            texts = _expand(branch)
            if texts is None:
                return None
            found += texts
        return found
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        low, high, item = av
        if list(item) == [(c.IN, [(c.CATEGORY, c.CATEGORY_SPACE)])] and low >= 1:
            return [" "]
        if high == 1:
            texts = _expand(item)
            return None if texts is None else ([""] if low == 0 else []) + texts
    return None
