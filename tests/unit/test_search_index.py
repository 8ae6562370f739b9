"""Staff search, build side: words, the index files, synonyms and the plugin option."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

from test_finding import handbook, standard

from handbook.buildstate import BuildState
from handbook.finding.index import (
    _script,
    _shard_script,
    _shard_texts,
    documents,
    index_files,
    published,
    scores,
    shards,
)
from handbook.finding.searchbox import SearchFeature, script, versioned_url
from handbook.finding.synonyms import builtin, synonyms
from handbook.finding.words import OWN_STEMS, STOP_WORDS, fold, query_terms, stem, terms, words
from handbook.handbook import Handbook
from handbook.loader import load_texts
from handbook.render.urls import Urls
from handbook.settings import Settings


def test_words_are_folded_stop_words_left_out_and_stemmed():
    assert fold("Can’t RÉSUMÉ") == "cant resume"
    assert terms("The customers were transferring my calls") == ["custom", "transfer", "call"]
    assert terms("how can I do it") == []
    assert stem("complaints") == stem("complaint") == "complaint"
    assert stem("is") == "is"  # under three letters: left as typed, as in the browser
    assert {"a", "the", "my", "can", "to", "is", "how"} <= STOP_WORDS
    assert "down" not in STOP_WORDS  # "website down"
    # Porter makes "busy" and "business" one stem; the handbook keeps them apart.
    assert stem("busy") != stem("business") == stem("businesses")


def test_irregular_forms_have_their_words_stem_here_and_in_the_browser():
    assert stem("swore") == stem("sworn") == stem("swearing") == "swear"
    assert stem("rung") == stem("rang") == stem("ringing") == "ring"
    assert terms("She paid, then sent it") == [stem("pay"), stem("send")]
    assert stem("broken") != stem("break")  # a faulty item is not a break from work
    assert OWN_STEMS["bought"] == stem("buy")  # the browser gets them with the stop words
    assert "another" in STOP_WORDS and "whoever" in STOP_WORDS


def test_two_words_that_make_one_are_read_as_one():
    # Written apart, hyphenated or joined: the same index word.
    assert query_terms("can't sign in") == query_terms("sign-in") == query_terms("signin")
    assert query_terms("walk-ins") == query_terms("a walk-in") == ["walkin"]
    assert query_terms("she logged in to the app") == ["login", "app"]
    assert query_terms("handed over") == query_terms("handover") == [stem("handover")]
    # The build keeps the words too: "walk" still finds "a customer walks in".
    assert terms("a customer walks in") == ["custom", "walk", "walkin"]
    # Only the listed compounds: "the phone in the office" is two words.
    assert query_terms("the phone in the office") == ["phone", "offic"]
    assert query_terms("customer customers") == ["custom"]  # each once
    assert query_terms("he rang back") == query_terms("ringback") == ["ringback"]  # "rang": "ring"
    # The first word as typed, too: "voice mail" is "voicemail" ("voice" stems to "voic").
    assert query_terms("voice mail") == query_terms("voicemail") == ["voicemail"]
    assert query_terms("the person in charge") == ["person", stem("incharge")]


def _register(text: str) -> tuple[str, object]:
    match = re.fullmatch(r'handbookSearch\._register\(("[^"]+"),(.*)\);\n', text, re.S)
    assert match, text[:80]
    return json.loads(match.group(1)), json.loads(match.group(2).replace("<\\/", "</"))


def test_index_files_register_themselves():
    book = handbook(
        standard("PHONE-001", title="Answering the phone", situation="The phone rings."),
        standard("PHONE-002", title="Hold and transfer", situation="A caller must wait."),
    )
    files = {f.path: f.content for f in index_files(documents(book, Urls()))}
    name, meta = _register(files["search/handbook/meta.js"])
    assert name == "meta"
    assert meta["documents"] == 2 and "the" in meta["stop"]
    assert meta["stems"]["business"] == "business"  # the browser stems as the build does
    for prefix in meta["shards"]:
        shard_name, entries = _register(files[f"search/handbook/t/{prefix}.js"])
        assert shard_name == f"t/{prefix}"
        assert all(term.startswith(prefix) for term in entries if not term.startswith("~"))
    # Each section bit names its field: the summary and the wordings weigh the same but
    # are different kinds of section for the browser.
    fields = meta["slot_fields"]
    assert len(fields) == len(meta["slots"]) == 30
    assert fields.count("summary") == 1 and fields.count("say") == 6
    summary, say = fields.index("summary"), fields.index("say")
    assert meta["slots"][summary] == meta["slots"][say]
    _, rows = _register(files["search/handbook/d/0.js"])
    assert [r[:4] for r in rows] == [
        ["PHONE-001", "Answering the phone", "standards/phone-001/", "standard"],
        ["PHONE-002", "Hold and transfer", "standards/phone-002/", "standard"],
    ]
    assert ["situation", "When this applies", "A caller must wait.", ""] in rows[1][4]


def test_a_word_in_the_title_outweighs_the_same_word_in_a_rule():
    book = handbook(
        standard("PHONE-001", title="Refunds at the desk"),
        standard("PHONE-002"),
        standard("PHONE-003"),
    )
    book.standards = [
        replace(s, rules=("Give the refund at once.",)) if s.id == "PHONE-002" else s
        for s in book.standards
    ]
    index = scores(documents(book, Urls()))
    title_score, title_bits = index["refund"][0]
    rule_score, rule_bits = index["refund"][1]
    assert title_score > rule_score
    assert title_bits == 1  # the title's section bit
    assert rule_bits == 1 << 25  # the first rule's


def test_hostile_text_cannot_end_the_script_early():
    # The schema keeps HTML out of standards; the index files do not count on it.
    text = _script("d/0", ["</script><script>alert(1)</script>", "line\u2028break"])
    assert "</script" not in text.lower() and "\u2028" not in text
    assert _register(text) == ("d/0", ["</script><script>alert(1)</script>", "line\u2028break"])


def test_a_shard_written_from_its_encoded_entries_is_the_json_of_the_shard():
    # Terms that need escaping in a script or are not ASCII, and a synonym entry.
    index = {"caf\u00e9": {0: (5, 1), 3: (2, 0)}, "</b": {1: (1, 4)}, "manag": {2: (7, 1)}}
    words = {"supervisor": ["manag"], "\u2028x": ["caf\u00e9"]}
    texts, parsed = _shard_texts(index, words), shards(index, words)
    assert list(texts) == list(parsed) and len(parsed) >= 3
    for prefix, entries in texts.items():
        assert _shard_script(f"t/{prefix}", entries) == _script(f"t/{prefix}", parsed[prefix])


def test_a_rebuild_keeps_the_document_chunks_of_unchanged_standards():
    book = handbook(*(standard(f"PHONE-{n:03d}") for n in range(1, 20)))
    state = BuildState()
    state.start()
    first = index_files(documents(book, Urls()), None, state)
    book.standards = [
        replace(s, summary="Changed on purpose.") if s.id == "PHONE-019" else s
        for s in book.standards
    ]
    state.start()
    again = index_files(documents(book, Urls()), None, state)
    cold = index_files(documents(book, Urls()))
    assert [(f.path, f.content) for f in again] == [(f.path, f.content) for f in cold]
    before = {f.path: f.content for f in first}
    changed = {f.path for f in again if before.get(f.path) != f.content}
    assert "search/handbook/d/2.js" in changed and "search/handbook/d/0.js" not in changed
    assert state.hits >= 2 and state.failed == 0


def test_big_shards_are_split_by_a_longer_prefix():
    index = {f"ca{n:03d}x": {d: (1, 0) for d in range(400)} for n in range(20)}
    index["ca"] = {0: (1, 0)}
    index["do"] = {0: (1, 0)}
    out = shards(index)
    assert "do" in out and "ca" in out and "ca" in out["ca"]
    assert any(len(prefix) > 2 and prefix.startswith("ca0") for prefix in out)
    placed = {term for entries in out.values() for term in entries}
    assert placed == set(index)


def test_synonyms_stand_for_each_other_and_a_site_adds_its_own():
    found = synonyms([["parcel", "package"]])
    assert "manag" in found[stem("supervisor")]
    assert stem("supervisor") in found["manag"]
    assert stem("swore") == stem("swear")  # an irregular form is its word, not a synonym
    assert found[stem("parcel")] == [stem("package")]
    # Only synonyms the handbook has reach the index, in the shard of their word.
    out = shards({"manag": {0: (5, 1)}}, {"supervisor": ["manag"], "boss": ["nobody"]})
    assert out["su"] == {"~supervisor": ["manag"]}
    assert not any("~boss" in entries for entries in out.values())


def test_builtin_synonyms_are_groups_of_single_words():
    groups = builtin()
    assert len(groups) > 20
    for group in groups:
        # YAML reads "on", "off", "no" as booleans: every entry must still be a word.
        assert len(group) >= 2 and all(isinstance(w, str) for w in group), group
        assert all(words(w) == [w] and w not in STOP_WORDS for w in group), group


def _with_option(value: object) -> Handbook:
    book = load_texts(
        dict([standard("PHONE-001")]), Settings.from_options(Path(), {"search": value})
    )
    return book


def test_search_option():
    assert _with_option({}).settings.options.search.enabled
    assert SearchFeature().files(_with_option(False), Urls()) == []
    options = _with_option({"synonyms": [["till", "checkout"]]}).settings.options.search
    assert options.synonyms == (("till", "checkout"),)


def test_script_is_one_closure_with_the_stemmer():
    text = script()
    assert text.count("function stemmer(") == 1 and "export " not in text
    assert "window.handbookSearch" in text
    assert text.rstrip().endswith("})();")


def test_a_pilot_version_is_named_as_such_in_search_results():
    from conftest import ROOT
    from handbook.loader import load

    sample = load(Settings.from_mkdocs_yml(ROOT / "mkdocs.yml"))
    titles = {d.id: d.title for d in documents(sample, Urls())}
    pilots = [s for s in sample.published() if s.pilot_of]
    assert pilots  # the sample pilots a revised version (PHONE-004 of PHONE-001)
    for pilot in pilots:
        assert titles[pilot.id] == f"{pilot.title} (pilot version of {pilot.pilot_of})"
        assert "pilot version" not in titles[pilot.pilot_of]


def test_a_changed_index_is_published_at_new_addresses():
    book = handbook(standard("PHONE-001", title="Answering the phone"), standard("PHONE-002"))
    files = index_files(documents(book, Urls()))
    folder, moved = published(files)
    assert re.fullmatch(r"search/handbook/[0-9a-f]{12}/", folder)
    assert [f.path for f in moved] == [
        folder + f.path.removeprefix("search/handbook/") for f in files
    ]
    assert [f.content for f in moved] == [f.content for f in files]
    assert published(index_files(documents(book, Urls())))[0] == folder  # same index, same
    book.standards[0] = replace(book.standards[0], title="Answering the telephone")
    assert published(index_files(documents(book, Urls())))[0] != folder


def test_pages_load_the_search_script_by_its_version():
    book = handbook(standard("PHONE-001", title="Answering the phone"), standard("PHONE-002"))
    files = SearchFeature().files(book, Urls())
    url = versioned_url(files)
    assert re.fullmatch(r"assets/handbook/search\.js\?v=[0-9a-f]{12}", url)
    code = next(f.content for f in files if f.path == "assets/handbook/search.js")
    folder = next(f.path for f in files if f.path.endswith("/meta.js")).removesuffix("meta.js")
    assert f"var INDEX = {json.dumps(folder)};" in code
    book.standards[1] = replace(book.standards[1], title="Putting a caller on hold")
    assert versioned_url(SearchFeature().files(book, Urls())) != url


def test_pairs_of_neighbouring_words_keep_stop_words_order_and_ends():
    from handbook.finding.index import bucket, counted, pair_files, pair_words, pairs_of

    assert pair_words("You are at the desk.") == ["^", "you", stem("are"), "at", "the", "desk", "$"]
    assert pairs_of(pair_words("Call the manager")) == {
        "^ call",
        "call the",
        "the manag",
        "manag $",
    }
    book = handbook(
        standard("PHONE-001", situation="You are at the desk."),
        standard("PHONE-002", situation="You are getting ready at the desk."),
        standard("PHONE-003", situation="The desk you are at."),
    )
    docs = documents(book, Urls())
    buckets, files = pair_files(counted(docs))
    found = {pair: posting for entries in files.values() for pair, posting in entries.items()}
    # Each pair is in the file its hash names; a document number list as gaps, and the
    # bits of the sections (here the situation's) the pair stands in.
    assert all(bucket(pair, buckets) == n for n, entries in files.items() for pair in entries)
    situation = 1 << 9
    assert found[f"{stem('are')} at"] == [[0, 2], [situation, situation]]
    assert found["at the"] == [[0, 1], [situation, situation]]
    assert found["you are" if stem("are") == "are" else f"you {stem('are')}"][0] == [0, 1, 1]
    assert "desk you" in found and found["desk you"][0] == [2]
    # Tags and other sections without bits have no pairs: a pair ranks sections by bits.
    assert "^ call" not in found and "^ titl" in found


def test_pair_files_are_spread_by_a_hash_both_sides_compute_alike():
    from handbook.finding.index import bucket

    # FNV-1a of the characters (search.js computes the same with Math.imul).
    assert bucket("a", 1 << 32) == 0xE40C292C
    assert bucket("you are", 7) == bucket("you are", 7)
    assert len({bucket(f"word{n} next", 50) for n in range(500)}) > 40


def test_kept_pair_postings_after_edits_are_the_pairs_made_again():
    from handbook.finding.index import PairPostings, _pair_postings, counted

    state = BuildState()
    kept = PairPostings(state)
    books = [
        [("PHONE-001", "You are at the desk."), ("PHONE-002", "Call the manager at once.")],
        # One edited: a pair gone ("the desk"), one new ("the counter"), others kept.
        [("PHONE-001", "You are at the counter."), ("PHONE-002", "Call the manager at once.")],
        [("PHONE-001", "You are at the counter."), ("PHONE-002", "Call the desk at once.")],
        # One more standard: all made again.
        [
            ("PHONE-001", "At the front desk."),
            ("PHONE-002", "Call the manager."),
            ("PHONE-003", "The front desk."),
        ],
    ]
    for texts in books:
        state.start()
        book = handbook(*(standard(sid, situation=text) for sid, text in texts))
        counts = counted(documents(book, Urls(), state), state)
        assert kept.update(counts) == _pair_postings(counts)
    assert kept.checked and kept.trusted and state.failed == 0


def test_kept_pair_postings_that_differ_from_all_made_again_are_not_used():
    from handbook.finding.index import PairPostings, _pair_postings, counted

    state = BuildState()
    kept = PairPostings(state)
    first = handbook(standard("PHONE-001", situation="At the front desk."), standard("PHONE-002"))
    state.start()
    kept.update(counted(documents(first, Urls(), state), state))
    kept.encoded["at the"] = "[[0],[1]]"  # wrong, as a missed input would leave it
    state.start()
    second = handbook(
        standard("PHONE-001", situation="At the front desk."),
        standard("PHONE-002", situation="Call the manager."),
    )
    counts = counted(documents(second, Urls(), state), state)
    assert kept.update(counts) == _pair_postings(counts)  # the first update is checked
    assert not kept.trusted and state.failed == 1 and "search-pairs" in state.distrusted


def test_kept_scores_after_edits_are_the_scores_made_again():
    from handbook.finding.index import KeptScores, _scored, counted

    state = BuildState()
    kept = KeptScores(state)
    books = [
        [("PHONE-001", "You are at the desk."), ("PHONE-002", "Call the manager at once.")],
        # As many words as before (the average length the same): a word gone, one new.
        [("PHONE-001", "You are at the counter."), ("PHONE-002", "Call the manager at once.")],
        # The same words in another place: the same documents have every term.
        [("PHONE-001", "At the counter you are."), ("PHONE-002", "Call the manager at once.")],
        # Longer (the average moves): every score is worked out again.
        [("PHONE-001", "At the counter."), ("PHONE-002", "Call the desk manager at once.")],
        # One more standard: all made again.
        [
            ("PHONE-001", "At the front desk."),
            ("PHONE-002", "Call the manager."),
            ("PHONE-003", "The front desk manager."),
        ],
    ]
    for texts in books:
        state.start()
        book = handbook(*(standard(sid, situation=text) for sid, text in texts))
        counts = counted(documents(book, Urls(), state), state)
        assert kept.update(counts) == _scored([], known=counts)
    assert kept.checked == {"all", "same", "moved"} and kept.trusted and state.failed == 0


def test_kept_scores_that_differ_from_all_made_again_are_not_used():
    from handbook.finding.index import KeptScores, _scored, counted

    state = BuildState()
    kept = KeptScores(state)
    state.start()
    first = handbook(standard("PHONE-001", situation="At the front desk."), standard("PHONE-002"))
    before = counted(documents(first, Urls(), state), state)
    kept.update(before)
    # A term of the standard left as it was, its score wrong as a missed input would leave it.
    term = next(t for t in kept.scored if t not in before[0].weighted)
    docs, found, bits = kept.scored[term]
    kept.scored[term] = (docs, [n + 1 for n in found], bits)
    state.start()
    second = handbook(standard("PHONE-001", situation="At the front till."), standard("PHONE-002"))
    counts = counted(documents(second, Urls(), state), state)
    assert kept.update(counts) == _scored([], known=counts)  # the first "same" is checked
    assert not kept.trusted and state.failed == 1 and "search-scores" in state.distrusted
    state.start()
    assert kept.update(counts) == _scored([], known=counts)  # made again from then on


def test_term_texts_are_reused_only_while_their_postings_are_the_same():
    from handbook.finding.index import _gapped, _json, _term_texts

    texts: dict = {}
    first = {"desk": ([0, 3], [12, 7], [1, 0]), "call": ([1], [9], [0])}
    assert _term_texts(first, texts) == {t: _json(_gapped(*v)) for t, v in first.items()}
    kept = texts["desk"][1]
    second = {"desk": ([0, 3], [12, 7], [1, 0]), "call": ([1], [8], [0]), "hold": ([2], [5], [0])}
    made = _term_texts(second, texts)
    assert made == {t: _json(_gapped(*v)) for t, v in second.items()}
    assert made["desk"] is kept  # the same postings: the same text
    assert _term_texts({"hold": ([2], [5], [0])}, texts) == {"hold": _json([[2], [5], [0]])}
    assert set(texts) == {"hold"}  # terms no longer in the index are forgotten
