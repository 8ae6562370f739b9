from __future__ import annotations

import pytest

from handbook.yamlsource import MAX_BYTES, YamlProblem, parse


def test_values_and_spans():
    value, source = parse("id: PHONE-001\nrules:\n  - Answer within three rings.\n")
    assert value == {"id": "PHONE-001", "rules": ["Answer within three rings."]}
    assert (source.span(("rules", 0)).line, source.span(("rules", 0)).column) == (3, 5)
    assert (source.key_span(("rules",)).line, source.key_span(("rules",)).column) == (2, 1)


def test_dates_become_iso_strings():
    value, _ = parse("effective: 2026-03-01\n")
    assert value == {"effective": "2026-03-01"}


def test_locate_points_at_words_inside_a_field():
    text = 'rules:\n  - "Reply promptly to every email."\n  - |\n    First line.\n    Be quick about it.\n'
    _, source = parse(text)
    assert source.locate(("rules", 0), "promptly") == (2, 12)
    assert source.locate(("rules", 1), "quick") == (5, 8)
    # Words that are not there fall back to the start of the value.
    assert source.locate(("rules", 1), "absent") == (3, 5)


def test_locate_matches_across_folded_lines():
    text = "summary: >\n  Reply as soon\n  as possible.\n"
    _, source = parse(text)
    assert source.locate(("summary",), "as soon as possible") == (2, 9)


def test_aliases_are_refused_with_location():
    with pytest.raises(YamlProblem) as caught:
        parse("a: &name text\nb: *name\n")
    assert (caught.value.line, caught.value.column) == (2, 4)
    assert "aliases" in caught.value.message


def test_alias_bomb_is_refused_quickly():
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    for i in range(1, 12):
        bomb += f"{chr(97 + i)}: &{chr(97 + i)} [*{chr(96 + i)},*{chr(96 + i)},*{chr(96 + i)}]\n"
    with pytest.raises(YamlProblem):
        parse(bomb)


def test_duplicate_keys_are_refused():
    with pytest.raises(YamlProblem) as caught:
        parse("title: One\nsummary: x\ntitle: Two\n")
    assert caught.value.rule == "duplicate-key"
    assert caught.value.line == 3


def test_invalid_yaml_has_a_location_and_advice():
    with pytest.raises(YamlProblem) as caught:
        parse("id: PHONE-001\nrules: [one\ntitle: x\n")
    # Where the bracket opens, not the next line, where YAML gave up.
    assert (caught.value.line, caught.value.column) == (2, 8)
    assert "not closed on its line" in caught.value.message
    with pytest.raises(YamlProblem) as caught:
        parse("id: PHONE-001\nrules:\n  - one\n two: x\n")
    assert caught.value.line == 4
    assert "not valid YAML" in caught.value.message


def test_python_tags_are_not_constructed():
    with pytest.raises(YamlProblem):
        parse("x: !!python/object/apply:os.system ['echo hi']\n")


def test_oversized_file_is_refused():
    with pytest.raises(YamlProblem, match="larger"):
        parse("a: " + "x" * (MAX_BYTES + 1))


def test_every_value_and_key_keeps_its_place_in_nested_mappings_and_lists():
    # Positions are kept as marks in document order and matched to paths later: a value
    # or key taken out of turn would shift every place after it.
    _, source = parse("a:\n  - b: 1\n    c: [x, {d: e}]\n  - f\ng: h\n")
    assert {path: span[:2] for path, span in source.values.items()} == {
        (): (1, 1),
        ("a",): (2, 3),
        ("a", 0): (2, 5),
        ("a", 0, "b"): (2, 8),
        ("a", 0, "c"): (3, 8),
        ("a", 0, "c", 0): (3, 9),
        ("a", 0, "c", 1): (3, 12),
        ("a", 0, "c", 1, "d"): (3, 16),
        ("a", 1): (4, 5),
        ("g",): (5, 4),
    }
    assert {path: span[:2] for path, span in source.keys.items()} == {
        ("a",): (1, 1),
        ("a", 0, "b"): (2, 5),
        ("a", 0, "c"): (3, 5),
        ("a", 0, "c", 1, "d"): (3, 13),
        ("g",): (5, 1),
    }


def test_columns_count_characters_as_editors_do_in_a_crlf_file():
    text = (
        'title: "Café — répondez\r\n  promptly, please"\r\n'
        "rules:\r\n  - |\r\n    Première ligne.\r\n    Be quick about it.\r\n"
    )
    _, source = parse(text)
    assert source.locate(("title",), "répondez") == (1, 16)
    assert source.locate(("title",), "promptly") == (2, 3)
    assert source.locate(("rules", 0), "quick") == (6, 8)
    assert source.key_span(("rules",))[:2] == (3, 1)


def test_a_value_changed_after_reading_is_still_located_from_its_text():
    value, source = parse("rules:\n  - One.\n  - Two.\nsummary: x\n")
    value["rules"].insert(0, "Zero.")  # no reader should, but a wrong place would be worse
    assert source.span(("rules", 1))[:2] == (3, 5)
    assert source.span(("summary",))[:2] == (4, 10)
