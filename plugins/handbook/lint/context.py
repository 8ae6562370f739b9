"""What every rule receives: the finding it yields and the run's shared, cached context."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..glossary.load import load as load_glossary
from ..glossary.model import Glossary
from ..handbook import Handbook
from ..model import Standard
from ..yamlsource import Path
from . import phrases, textstats
from .fields import TextField, text_fields


@dataclass(frozen=True)
class Finding:
    """What a rule found: the field at `path` and the words `needle` at `offset` in its text.

    The runner turns it into a Problem located at those words in the YAML file. `severity`
    overrides the rule's default for this finding only.
    """

    path: Path
    message: str
    needle: str | None = None
    offset: int | None = None
    suggestion: str | None = None
    severity: str | None = None


@dataclass
class LintContext:
    """The handbook being linted, today's date, and metrics cached per text for all rules."""

    handbook: Handbook
    today: dt.date = field(default_factory=dt.date.today)
    _stats: dict[str, textstats.TextStats] = field(default_factory=dict, repr=False)
    _sentences: dict[str, list[tuple[int, str]]] = field(default_factory=dict, repr=False)
    _words: dict[str, list[tuple[int, str]]] = field(default_factory=dict, repr=False)
    _fields: dict[int, list[TextField]] = field(default_factory=dict, repr=False)
    _shared: dict[str, Any] = field(default_factory=dict, repr=False)
    _per_text: dict[Any, dict[str, Any]] = field(default_factory=dict, repr=False)

    def per_text(self, key: Any, text: str, compute: Callable[[str], Any]) -> Any:
        """`compute(text)`, remembered for this run under `key` (a rule's id and options):
        the same sentence in many standards is scanned once."""
        cache = self._per_text.get(key)
        if cache is None:
            cache = self._per_text[key] = {}
        found = cache.get(text)
        if found is None:
            found = cache[text] = compute(text)
        return found

    def once(self, key: str, build: Callable[[], Any]) -> Any:
        """A handbook-wide value a rule computes once per run, e.g. an index of phrases."""
        if key not in self._shared:
            self._shared[key] = build()
        return self._shared[key]

    def fields(self, standard: Standard) -> list[TextField]:
        found = self._fields.get(id(standard))
        if found is None:
            found = self._fields[id(standard)] = list(text_fields(standard))
        return found

    @property
    def glossary(self) -> Glossary:
        """The handbook's own words (glossary.yml): they never count against a text."""
        glossary: Glossary = self.once(
            "glossary", lambda: load_glossary(self.handbook.settings.root)[0]
        )
        return glossary

    def stats(self, text: str) -> textstats.TextStats:
        """Words, sentences and syllables, each glossary term counted as one short word."""
        found = self._stats.get(text)
        if found is None:
            found = self._stats[text] = textstats.text_stats(self.glossary.mask(text))
        return found

    def sentences(self, text: str) -> list[tuple[int, str]]:
        found = self._sentences.get(text)
        if found is None:
            found = self._sentences[text] = textstats.sentences(text)
        return found

    def words(self, text: str) -> list[tuple[int, str]]:
        found = self._words.get(text)
        if found is None:
            found = self._words[text] = textstats.words(text)
        return found

    def tokens(self, text: str) -> frozenset[str]:
        """The lower-cased words of a text, to look phrases up by (see phrases.PhraseList)."""
        tokens: frozenset[str] = self.per_text("tokens", text, phrases.tokens)
        return tokens

    def opening(self, sentence: str, count: int = 4) -> str:
        """The first `count` words of a sentence as written: a needle to point at it."""
        words = self.words(sentence)
        if not words:
            return sentence
        offset, word = words[min(count, len(words)) - 1]
        return sentence[: offset + len(word)]
