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
