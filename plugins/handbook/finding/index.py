"""The staff search index: built here from the standards, read in the browser by search.js.

Each standard is a document made of sections (title, aliases, situation, summary, steps,
wordings, rules, targets, escalation, examples), each with a field weight: a word in
the title or an alias counts more than one in a step. For every word stem (see
`words.py`) and document the build works out one score, BM25 over the field-weighted
counts, and stores it as a whole number: the browser only adds scores up.

The index is split so that a search fetches only what its words need, and a page
fetches nothing until someone searches:

- `meta.js`: stop words, the list of term shards, how many documents per chunk;
- `t/<prefix>.js`: the terms starting with a prefix (two letters, longer where a shard
  would be big), each with its documents and scores;
- `p/<n>.js`: pairs of words that stand next to each other in a section with a bit
  (SLOTS), stop words and the section's start and end included, each with its
  documents and those sections, spread over files by a hash (`bucket`): the browser
  ranks a section that holds the query's words in the query's order before one that
  holds them apart or in another order ("you are at the desk" before "you are getting
  ready ... at the desk");
- `d/<n>.js`: documents n*CHUNK.. with their id, title, URL and sections, to show a
  result and why it matched.

Every file is a script that hands its data to `handbookSearch._register`, so the index
loads with <script> elements, from a server or from disk (file://) alike.

The files are published in a folder named for their content (`search/handbook/<version>/`,
see `published`), which search.js is built to read: a browser that cached the index of
an earlier publish can never mix its shards with a newer meta.js or documents, whatever
the web server tells it about caching, since a changed index is at other addresses.

Over 300 lines: this is the index's file format in one place (how terms are counted,
scored, sharded and written), which search.js reads as a whole; split, the two halves
of one format would drift apart.
"""

from __future__ import annotations

import hashlib
import json
import math
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Any, NamedTuple

from ..buildstate import BuildState, cold
from ..handbook import Handbook
from ..markup import plain as _plain
from ..model import Standard
from ..render.output import OutputFile
from ..render.urls import Urls, standard_path
from .words import COMPOUNDS, ENDINGS, OWN_STEMS, STOP_WORDS, distinct_terms, stem, words

FOLDER = "search/handbook"
CHUNK = 8  # documents per chunk file: a result list of 10 fetches at most 10 small files
SHARD_BYTES = 12_000  # a shard over this is split by a longer prefix
MAX_PREFIX = 6
PAIR_BYTES = 8_000  # pair files are about this big, as many as that makes
START, END = "^", "$"  # a section's first and last word stand next to these
K1 = 3.0
B = 0.3
REPEATS = 0.1
# Bits for the sections where words standing together mean most: field -> (first bit,
# how many of its sections get one), 30 bits in all.
SLOTS = {
    "title": (0, 1),
    "alias": (1, 8),
    "situation": (9, 1),
    "summary": (10, 1),
    "say": (11, 6),
    "step": (17, 8),
    "rule": (25, 5),
}

# How much a word counts by where it stands (per section it appears in).
WEIGHTS = {
    "title": 10.0,
    "alias": 8.0,
    "tag": 4.0,
    "situation": 5.0,
    "summary": 3.0,
    "say": 3.0,
    "when": 2.0,
    "step": 2.0,
    "rule": 1.5,
    "target": 2.0,
    "escalation": 1.0,
    "example": 1.0,
    "dont_say": 0.5,
    "why": 0.5,
    "page_title": 6.0,
    "page": 1.0,
}


plain = lru_cache(maxsize=50_000)(_plain)  # the same texts recur across standards


class Section(NamedTuple):
    field: str
    label: str
    text: str
    anchor: str = ""


@dataclass
class Document:
    id: str
    title: str
    url: str
    kind: str
    sections: list[Section] = field(default_factory=list)


def standard_document(standard: Standard, urls: Urls, area_title: str) -> Document:
    s = standard
    sections = [Section("title", "Title", s.title)]
    sections += [Section("alias", "Also called", a) for a in s.aliases]
    sections.append(Section("situation", "When this applies", plain(s.situation)))
    sections.append(Section("summary", "Summary", plain(s.summary)))
    sections += [Section("tag", "Tag", t) for t in s.tags]
    for n, step in enumerate(s.steps, 1):
        sections.append(Section("step", f"Step {n}", plain(step), "steps"))
    for w in s.wordings:
        label = f"Say: {plain(w.when)}" if w.when else "Say"
        sections.append(Section("say", label, plain(w.say), "what-to-say"))
        if w.when:
            sections.append(Section("when", "When", plain(w.when), "what-to-say"))
        if w.dont_say:
            sections.append(Section("dont_say", "Don’t say", plain(w.dont_say), "what-to-say"))
        if w.why:
            sections.append(Section("why", "Why", plain(w.why), "what-to-say"))
    sections += [Section("rule", "Rule", plain(r), "rules") for r in s.rules]
    for t in s.targets:
        text = f"{plain(t.metric)}: {t.goal}" if t.goal else plain(t.metric)
        sections.append(Section("target", "Target", text, "targets"))
    for level in s.escalation:
        text = f"{plain(level.who)}, when {plain(level.when)}"
        sections.append(Section("escalation", "Escalation", text, "escalation"))
    for e in s.examples:
        text = f"{plain(e.scenario)} {plain(e.response)}"
        sections.append(Section("example", "Example", text, "examples"))
    url = urls.url(standard_path(s))
    # A revised version on pilot is only for its group: its result says so, as its page
    # and Material's index do, so staff outside the group do not follow it by mistake.
    title = f"{s.title} (pilot version of {s.pilot_of})" if s.pilot_of else s.title
    return Document(s.id, title, url, "standard", sections)


def documents(handbook: Handbook, urls: Urls, state: BuildState | None = None) -> list[Document]:
    """The published standards' documents, each kept in `state` by its file and URL."""
    state, areas = state or cold(), handbook.settings.areas
    found = []
    for s in handbook.published():
        title = areas.get(s.area, s.area)
        key = (s.digest, urls.url(standard_path(s)), title) if s.digest else None
        make = partial(standard_document, s, urls, title)
        found.append(state.kept("search-document", key, make, of=s.digest))
    return found


def slot_fields() -> list[str]:
    """The field of each section bit (see SLOTS)."""
    fields = [""] * 30
    for field_name, (start, count) in SLOTS.items():
        for bit in range(start, start + count):
            fields[bit] = field_name
    return fields


def slot_weights() -> list[float]:
    """The field weight of each section bit (see SLOTS)."""
    return [WEIGHTS[name] for name in slot_fields()]


class _Counts(NamedTuple):
    """One document's terms: field-weighted counts, section bits, and its length; and
    the pairs of words standing next to each other in its sections with bits (`pairs`),
    each with the bits of the sections it stands in."""

    weighted: dict[str, float]
    bits: dict[str, int]
    length: int
    pairs: dict[str, int]


def pair_words(text: str) -> list[str]:
    """A section's words for pairs: every word stemmed, stop words too (they are what
    tells "you are at the desk" from "you are getting ready"), between a mark for its
    start and one for its end (a query that is a whole alias meets both)."""
    return [START, *(stem(w) for w in words(text)), END]


def pairs_of(sequence: list[str]) -> set[str]:
    return {f"{a} {b}" for a, b in zip(sequence, sequence[1:], strict=False)}


@lru_cache(maxsize=50_000)
def section_pairs(text: str) -> frozenset[str]:
    return frozenset(pairs_of(pair_words(text)))


def _counts(sections: tuple[Section, ...]) -> _Counts:
    total: dict[str, float] = defaultdict(float)
    best: dict[str, float] = defaultdict(float)
    bits: dict[str, int] = defaultdict(int)
    pairs: dict[str, int] = defaultdict(int)
    nth: dict[str, int] = defaultdict(int)
    length = 0
    for section in sections:
        found, count = distinct_terms(section.text)
        length += count
        weight = WEIGHTS[section.field]
        start, slots = SLOTS.get(section.field, (0, 0))
        bit = 1 << (start + nth[section.field]) if nth[section.field] < slots else 0
        nth[section.field] += 1
        for term in found:
            total[term] += weight
            bits[term] |= bit
            if weight > best[term]:
                best[term] = weight
        if bit:
            for pair in section_pairs(section.text):
                pairs[pair] |= bit
    # Where a word stands best counts whole; each other place it stands adds a little
    # (a word in the title beats the same word in five steps).
    weighted = {t: best[t] + REPEATS * (total[t] - best[t]) for t in total}
    return _Counts(weighted, dict(bits), length, dict(pairs))


def counted(docs: list[Document], state: BuildState | None = None) -> list[_Counts]:
    """Each document's counts; `state` keeps them by the document's sections, so a
    rebuild counts only the documents that changed."""
    state = state or cold()
    found = []
    for doc in docs:
        sections = tuple(doc.sections)
        found.append(state.kept("search-counts", sections, partial(_counts, sections)))
    return found


def scores(
    docs: list[Document], state: BuildState | None = None
) -> dict[str, dict[int, tuple[int, int]]]:
    """term -> {document number: (score, sections)}: BM25 over field-weighted section
    counts, and a bit for each of the document's main sections the term is in (SLOTS),
    so the browser sees which words of a query stand together in one section.

    Each document's counts depend on its sections alone: `state` keeps them by those
    sections, so a rebuild counts only the documents that changed."""
    return {
        term: {d: (score, bits) for d, score, bits in zip(*lists, strict=True)}
        for term, lists in _scored(docs, state).items()
    }


def _scored(
    docs: list[Document], state: BuildState | None = None, known: list[_Counts] | None = None
) -> dict[str, tuple[list[int], list[int], list[int]]]:
    """`scores` as three lists a term: document numbers (in order), scores, bits (of
    the documents' counts, `known` when given)."""
    made_all = known if known is not None else counted(docs, state)
    weighted = [made.weighted for made in made_all]
    placed = [made.bits for made in made_all]
    lengths = [made.length for made in made_all]
    n = len(made_all)
    average = sum(lengths) / n if n else 1
    frequency: dict[str, int] = defaultdict(int)
    for counts in weighted:
        for term in counts:
            frequency[term] += 1
    # 10 * idf once per term, not per pair: the same operations in the same order.
    ten_idf = {t: 10 * math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in frequency.items()}
    k1_plus = K1 + 1
    index: dict[str, tuple[list[int], list[int], list[int]]] = {}
    for number, counts in enumerate(weighted):
        norm = K1 * (1 - B + B * lengths[number] / average)
        bits = placed[number]
        for term, w in counts.items():
            lists = index.get(term)
            if lists is None:
                lists = index[term] = ([], [], [])
            lists[0].append(number)
            lists[1].append(max(1, round(ten_idf[term] * w * k1_plus / (w + norm))))
            lists[2].append(bits[term])
    return index


def _changed(before: list[_Counts], counts: list[_Counts]) -> list[int] | None:
    """The documents whose counts are new objects since `before` (the build state hands
    back the same object while a document's sections are the same: `counted`); None when
    so many changed, or the number of documents did, that all are made again."""
    if len(counts) != len(before):
        return None
    changed = [n for n, (old, new) in enumerate(zip(before, counts, strict=True)) if old is not new]
    return None if len(changed) > max(4, len(counts) // 4) else changed


class KeptScores:
    """`_scored`, kept across the builds of a process (`serve`) and brought up to date
    from the documents whose counts changed (`_changed`).

    A term's scores read its documents' weights, their lengths against the average and
    how many documents have the term (its idf). It keeps each term's documents, weights
    and bits; after an edit only the terms of the changed documents' old and new counts
    change those. If the average length is the same as before, only those terms are
    scored again, and of a term that the same documents have, only the changed
    documents' scores; else every term is scored again from the weights kept (the
    counts are not read again). The first update of each kind in the process (all made,
    average the same, average moved) is checked against `_scored` made again; if they
    differ, this is not used again (`trusted`) and the build state counts the
    difference (`BuildState.differed`)."""

    def __init__(self, state: BuildState) -> None:
        self.state = state
        self.counts: list[_Counts] = []
        self.weights: dict[str, tuple[list[int], list[float], list[int]]] = {}
        self.scored: dict[str, tuple[list[int], list[int], list[int]]] = {}
        self.average = 0.0
        self.checked: set[str] = set()  # the kinds of update checked (`update`)
        self.trusted = True

    def update(self, counts: list[_Counts]) -> dict[str, tuple[list[int], list[int], list[int]]]:
        if not self.trusted:
            return _scored([], known=counts)
        changed = _changed(self.counts, counts)
        touched = None if changed is None else self._reweigh(counts, changed)
        if touched is None:
            self.weights = _weights(counts)
        lengths = [made.length for made in counts]
        n = len(counts)
        average = sum(lengths) / n if n else 1
        norms = [K1 * (1 - B + B * length / average) for length in lengths]
        if changed is None or touched is None:
            kind, scored = "all", {t: _scores(w, n, norms) for t, w in self.weights.items()}
        elif average != self.average:
            kind, scored = "moved", {t: _scores(w, n, norms) for t, w in self.weights.items()}
        else:
            kind, scored = "same", dict(self.scored)
            for term, same_documents in touched.items():
                found = self.weights.get(term)
                if found is None:
                    del scored[term]
                elif same_documents:
                    scored[term] = _rescored(found, scored[term][1], changed, n, norms)
                else:
                    scored[term] = _scores(found, n, norms)
        if kind not in self.checked:
            self.checked.add(kind)
            everything = _scored([], known=counts)
            if scored != everything:
                self.trusted = False
                self.state.differed("search-scores")
                scored = everything
        self.counts, self.scored, self.average = list(counts), scored, average
        return scored

    def _reweigh(self, counts: list[_Counts], changed: list[int]) -> dict[str, bool]:
        """The weights of the terms of the changed documents' old and new counts made
        again: those terms, each with whether the same documents have it as before."""
        before = self.counts
        touched: dict[str, bool] = {}
        for term in {t for n in changed for t in (*before[n].weighted, *counts[n].weighted)}:
            old = self.weights.get(term)
            docs, weights, bits = (
                (list(old[0]), list(old[1]), list(old[2])) if old else ([], [], [])
            )
            same = old is not None
            for n in changed:
                i = bisect_left(docs, n)
                here = i < len(docs) and docs[i] == n
                w = counts[n].weighted.get(term)
                if w is None:
                    if here:
                        del docs[i], weights[i], bits[i]
                        same = False
                elif here:
                    weights[i], bits[i] = w, counts[n].bits[term]
                else:
                    docs.insert(i, n)
                    weights.insert(i, w)
                    bits.insert(i, counts[n].bits[term])
                    same = False
            if docs:
                self.weights[term] = (docs, weights, bits)
            else:
                self.weights.pop(term, None)
            touched[term] = same
        return touched


def _weights(counts: list[_Counts]) -> dict[str, tuple[list[int], list[float], list[int]]]:
    """term -> its documents (in order), weights and bits."""
    found: dict[str, tuple[list[int], list[float], list[int]]] = {}
    for number, made in enumerate(counts):
        bits = made.bits
        for term, w in made.weighted.items():
            lists = found.get(term)
            if lists is None:
                lists = found[term] = ([], [], [])
            lists[0].append(number)
            lists[1].append(w)
            lists[2].append(bits[term])
    return found


def _scores(
    weights: tuple[list[int], list[float], list[int]], n: int, norms: list[float]
) -> tuple[list[int], list[int], list[int]]:
    """A term's lists as `_scored` makes them, from its weights: the same operations in
    the same order."""
    docs, found, bits = weights
    f = len(docs)
    ten_idf = 10 * math.log(1 + (n - f + 0.5) / (f + 0.5))
    k1_plus = K1 + 1
    scores = [
        max(1, round(ten_idf * w * k1_plus / (w + norms[d])))
        for d, w in zip(docs, found, strict=True)
    ]
    return docs, scores, bits


def _rescored(
    weights: tuple[list[int], list[float], list[int]],
    scores: list[int],
    changed: list[int],
    n: int,
    norms: list[float],
) -> tuple[list[int], list[int], list[int]]:
    """`_scores`, for a term the same documents have as when `scores` were made, with the
    same idf and the same lengths but the changed documents': theirs made again."""
    docs, found, bits = weights
    f = len(docs)
    ten_idf = 10 * math.log(1 + (n - f + 0.5) / (f + 0.5))
    k1_plus = K1 + 1
    scores = list(scores)
    for d in changed:
        i = bisect_left(docs, d)
        if i < f and docs[i] == d:
            w = found[i]
            scores[i] = max(1, round(ten_idf * w * k1_plus / (w + norms[d])))
    return docs, scores, bits


def bucket(pair: str, buckets: int) -> int:
    """The pair file a pair is in: FNV-1a (32 bits) of its characters, as search.js."""
    h = 0x811C9DC5
    for c in pair:
        h = ((h ^ ord(c)) * 0x01000193) & 0xFFFFFFFF
    return h % buckets


def pair_files(counts: list[_Counts]) -> tuple[int, dict[int, dict[str, list[list[int]]]]]:
    """pair -> [document numbers as gaps, section bits], spread over files by `bucket`,
    as many as make files of about PAIR_BYTES."""
    buckets, texts = _pair_texts(counts)
    return buckets, {
        number: {pair: json.loads(text) for pair, text in entries.items()}
        for number, entries in texts.items()
    }


def _pair_texts(
    counts: list[_Counts], kept: PairPostings | None = None
) -> tuple[int, dict[int, dict[str, str]]]:
    """`pair_files`, each pair's value as its JSON text: encoded once, to measure the
    files by and to write them with (`_shard_script`); by `kept` when given."""
    encoded = kept.update(counts) if kept is not None else _pair_postings(counts)
    # As written, "pair":[[gaps],[bits]]: the pair, its quotes and colon, the text.
    size = sum(len(pair) + 5 + len(text) for pair, text in encoded.items())
    buckets = max(1, round(size / PAIR_BYTES))
    files: dict[int, dict[str, str]] = defaultdict(dict)
    place = bucket if kept is None else kept.bucket
    for pair in sorted(encoded):
        files[place(pair, buckets)][pair] = encoded[pair]
    return buckets, dict(files)


def _pair_postings(counts: list[_Counts]) -> dict[str, str]:
    """pair -> its postings' JSON text, [document numbers as gaps, section bits]."""
    return {pair: _pair_text(entries) for pair, entries in _pair_holders(counts).items()}


def _pair_holders(counts: list[_Counts]) -> dict[str, dict[int, int]]:
    """pair -> the documents that have it (in order), each with its section bits."""
    found: dict[str, dict[int, int]] = defaultdict(dict)
    for number, made in enumerate(counts):
        for pair, placed in made.pairs.items():
            found[pair][number] = placed
    return found


def _pair_text(entries: dict[int, int]) -> str:
    numbers = sorted(entries)
    gaps = [b - a for a, b in zip([0, *numbers], numbers, strict=False)]
    return _json([gaps, [entries[n] for n in numbers]])


class PairPostings:
    """Each pair's postings as JSON text (`_pair_postings`), kept across the builds of a
    process (`serve`) and brought up to date from the documents whose counts changed
    (`_changed`): after an edit, only the pairs of the standard's old and new text are
    encoded again, from the documents that have each pair, kept too.

    The first update of the process is checked against all made again; if they differ,
    this is not used again (`trusted`) and the build state counts the difference
    (`BuildState.differed`)."""

    def __init__(self, state: BuildState) -> None:
        self.state = state
        self.counts: list[_Counts] = []
        self.holders: dict[str, dict[int, int]] = {}
        self.encoded: dict[str, str] = {}
        self.checked = False
        self.trusted = True
        self.buckets: tuple[int, dict[str, int]] = (0, {})

    def bucket(self, pair: str, buckets: int) -> int:
        """`bucket(pair, buckets)`, each worked out once while the number of files is the
        same (a pure function of the two)."""
        if self.buckets[0] != buckets:
            self.buckets = (buckets, {})
        known = self.buckets[1]
        found = known.get(pair)
        if found is None:
            found = known[pair] = bucket(pair, buckets)
        return found

    def update(self, counts: list[_Counts]) -> dict[str, str]:
        before = self.counts
        changed = _changed(before, counts) if self.trusted else None
        if changed is None:
            self.holders = _pair_holders(counts)
            self.encoded = {pair: _pair_text(entries) for pair, entries in self.holders.items()}
        elif changed:
            holders, encoded = self.holders, dict(self.encoded)
            touched = set()
            for n in changed:
                for pair in before[n].pairs:
                    holders[pair].pop(n, None)
                    touched.add(pair)
                for pair, placed in counts[n].pairs.items():
                    holders.setdefault(pair, {})[n] = placed
                    touched.add(pair)
            for pair in touched:
                if holders[pair]:
                    encoded[pair] = _pair_text(holders[pair])
                else:
                    del holders[pair], encoded[pair]
            if not self.checked:
                self.checked = True
                everything = _pair_postings(counts)
                if encoded != everything:
                    self.trusted = False
                    self.state.differed("search-pairs")
                    encoded = everything
            self.encoded = encoded
        self.counts = list(counts)
        return self.encoded


def _postings(entries: dict[int, tuple[int, int]]) -> list[list[int]]:
    """[document numbers as gaps, scores, section bits], documents in order."""
    numbers = sorted(entries)
    return _gapped(numbers, [entries[d][0] for d in numbers], [entries[d][1] for d in numbers])


def _gapped(numbers: list[int], found: list[int], bits: list[int]) -> list[list[int]]:
    gaps = [b - a for a, b in zip([0, *numbers], numbers, strict=False)]
    return [gaps, found, bits]


def shards(
    index: dict[str, dict[int, tuple[int, int]]], synonyms: dict[str, list[str]] | None = None
) -> dict[str, dict[str, Any]]:
    """Terms grouped by prefix; a prefix whose shard is big is split into longer ones.

    A synonym is an entry "~word" in the shard where "word" would be: the index terms
    that word also stands for (only those the index has)."""
    return {
        prefix: {key: json.loads(value) for key, value in entries.items()}
        for prefix, entries in _shard_texts(index, synonyms).items()
    }


def _shard_texts(
    index: dict[str, dict[int, tuple[int, int]]], synonyms: dict[str, list[str]] | None = None
) -> dict[str, dict[str, str]]:
    """`shards`, each entry's value as its JSON text: encoded once, to measure the
    shards by and to write them with (`_shard_script`)."""
    encoded = {term: _json(_postings(entries)) for term, entries in index.items()}
    return _grouped(encoded, synonyms)


def _grouped(
    encoded: dict[str, str], synonyms: dict[str, list[str]] | None = None
) -> dict[str, dict[str, str]]:
    """Each term's postings, as JSON text, into shards by prefix (see `shards`)."""
    sizes = {term: len(p) + len(term) for term, p in encoded.items()}
    groups: dict[str, list[str]] = defaultdict(list)
    for term in encoded:
        groups[term[:2]].append(term)
    pending = list(groups)
    while pending:
        prefix = pending.pop()
        members = groups[prefix]
        if len(prefix) >= MAX_PREFIX or sum(sizes[t] for t in members) <= SHARD_BYTES:
            continue
        longer = [t for t in members if len(t) > len(prefix)]
        if not longer:
            continue
        groups[prefix] = [t for t in members if len(t) <= len(prefix)]
        for term in longer:
            groups[term[: len(prefix) + 1]].append(term)
        pending.extend({t[: len(prefix) + 1] for t in longer})
    out: dict[str, dict[str, str]] = {
        prefix: {t: encoded[t] for t in sorted(members)}
        for prefix, members in sorted(groups.items())
        if members
    }
    for word, targets in sorted((synonyms or {}).items()):
        known = [t for t in targets if t in encoded]
        if not known:
            continue
        shard = next(
            (word[:n] for n in range(min(len(word), MAX_PREFIX), 0, -1) if word[:n] in out), None
        )
        if shard is None:
            shard = word[:2]
            out[shard] = {}
        out[shard]["~" + word] = _json(known)
    return dict(sorted(out.items()))


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _script(name: str, data: object) -> str:
    return _registered(name, _json(data))


def _shard_script(name: str, entries: dict[str, str]) -> str:
    """`_script(name, shard)` for a shard (or a pair file) whose values are JSON texts
    already: the same text, as json.dumps writes an object (`_json` of each key, ":", its
    value)."""
    text = ",".join(f"{_json(key)}:{value}" for key, value in entries.items())
    return _registered(name, "{" + text + "}")


def _registered(name: str, text: str) -> str:
    # Data is JSON inside a script file: no "</script" or line separators can end it early.
    text = text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"handbookSearch._register({json.dumps(name)},{text});\n"


def index_files(
    docs: list[Document],
    synonyms: dict[str, list[str]] | None = None,
    state: BuildState | None = None,
) -> list[OutputFile]:
    """The index of these documents, as the files search.js loads."""
    state = state or cold()
    counts = counted(docs, state)
    # Kept for `serve`'s rebuilds, from its first build on; never in a `mkdocs build`.
    rebuilding = state.rebuilding
    if rebuilding:
        scored = state.part("search-scores", partial(KeptScores, state)).update(counts)
    else:
        scored = _scored(docs, known=counts)
    kept = state.part("search-pairs", partial(PairPostings, state)) if rebuilding else None
    buckets, pairs = _pair_texts(counts, kept)
    texts: dict[str, tuple[tuple[list[int], list[int], list[int]], str]] = (
        state.part("search-term-texts", dict) if rebuilding else {}
    )
    sharded = _grouped(_term_texts(scored, texts), synonyms)
    meta = {
        "version": 1,
        "documents": len(docs),
        "chunk": CHUNK,
        "stop": sorted(STOP_WORDS),
        "stems": OWN_STEMS,
        "compounds": sorted(COMPOUNDS),
        "endings": list(ENDINGS),
        "weights": WEIGHTS,
        "slots": slot_weights(),
        "slot_fields": slot_fields(),
        "shards": list(sharded),
        "pairs": buckets,
        "ends": [START, END],
    }
    files = [OutputFile(f"{FOLDER}/meta.js", _script("meta", meta))]
    shard = partial(_kept_shard, state) if rebuilding else _shard_script
    for prefix, entries in sharded.items():
        files.append(OutputFile(f"{FOLDER}/t/{prefix}.js", shard(f"t/{prefix}", entries)))
    for number, found in sorted(pairs.items()):
        files.append(OutputFile(f"{FOLDER}/p/{number}.js", shard(f"p/{number}", found)))
    for start in range(0, len(docs), CHUNK):
        name = f"d/{start // CHUNK}"
        chunk = docs[start : start + CHUNK]
        # A chunk's file is made of its documents alone: kept by them across rebuilds.
        key = (name, tuple((d.id, d.title, d.url, d.kind, tuple(d.sections)) for d in chunk))
        text = state.kept("search-chunk", key, partial(_chunk_script, name, chunk))
        files.append(OutputFile(f"{FOLDER}/{name}.js", text))
    return files


def _kept_shard(state: BuildState, name: str, entries: dict[str, str]) -> str:
    """`_shard_script(name, entries)`, kept in `state` by its entries (a `serve` rebuild:
    an edit changes a few of the hundreds of shards and pair files)."""
    key = (name, tuple(entries.items()))
    return state.kept("search-shard", key, partial(_shard_script, name, entries))


def _term_texts(
    scored: dict[str, tuple[list[int], list[int], list[int]]],
    texts: dict[str, tuple[tuple[list[int], list[int], list[int]], str]],
) -> dict[str, str]:
    """Each term's postings as JSON text; `texts` keeps each term's lists and text from
    the builds before, reused while the lists are equal (after an edit most are: a
    score is a whole number, which the average length moving a little rarely changes)."""
    encoded = {}
    for term, lists in scored.items():
        known = texts.get(term)
        if known is None or known[0] != lists:
            known = texts[term] = (lists, _json(_gapped(*lists)))
        encoded[term] = known[1]
    for gone in texts.keys() - scored.keys():
        del texts[gone]
    return encoded


def _chunk_script(name: str, docs: list[Document]) -> str:
    return _script(name, [_row(doc) for doc in docs])


def published(files: list[OutputFile]) -> tuple[str, list[OutputFile]]:
    """The index files moved into a folder named for what they hold, and that folder
    (`search/handbook/<version>/`): the same index, the same names; any change, new ones."""
    digest = hashlib.sha256()
    for file in sorted(files, key=lambda f: f.path):
        content = file.content if isinstance(file.content, bytes) else str(file.content)
        digest.update(f"{file.path}\0{len(content)}\0".encode())
        digest.update(content if isinstance(content, bytes) else content.encode("utf-8"))
    folder = f"{FOLDER}/{digest.hexdigest()[:12]}"
    moved = [
        OutputFile(folder + f.path.removeprefix(FOLDER), f.content, f.source, f.edit_path)
        for f in files
    ]
    return folder + "/", moved


def _row(doc: Document) -> list[object]:
    sections = [[s.field, s.label, s.text, s.anchor] for s in doc.sections if s.field != "title"]
    return [doc.id, doc.title, doc.url, doc.kind, sections]


def field_weights() -> dict[str, float]:
    return dict(WEIGHTS)


def vocabulary(docs: Iterable[Document]) -> set[str]:
    """Every word of the documents (for checking that both stemmers agree on them)."""
    from .words import words

    return {w for d in docs for s in d.sections for w in words(s.text)}
