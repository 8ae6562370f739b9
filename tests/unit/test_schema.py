from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from handbook import schema
from handbook.cli import main
from handbook.loader import load_one
from handbook.render import labels

ROOT = Path(__file__).parent.parent.parent


def test_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(schema.schema())


def test_required_top_level_keys_have_the_agreed_names():
    properties = schema.schema()["properties"]
    for key in ("id", "title", "status", "rules", "wordings", "examples"):
        assert key in properties
    assert schema.schema()["additionalProperties"] is False


def test_every_field_is_described_for_editors():
    def walk(node, where):
        for key, spec in node.get("properties", {}).items():
            assert spec.get("description"), f"{where}.{key} has no description"
            walk(spec, f"{where}.{key}")
            walk(spec.get("items", {}), f"{where}.{key}[]")

    walk(schema.schema(), "standard")


def test_sample_standards_are_valid():
    files = sorted((ROOT / "standards").rglob("*.yml"))
    assert len(files) >= 15
    for path in files:
        standard, problems = load_one(str(path), path.read_text("utf-8"))
        assert problems == [], problems
        assert standard is not None and standard.status != "draft"


def test_handbook_schema_prints_the_schema(capsys):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == schema.schema()


@pytest.mark.parametrize(
    "yaml_text, expected",
    [
        ("sumary: x", "unknown key 'sumary': did you mean 'summary'?"),
        ("rules: Answer the phone.", "'rules' should be a list"),
        (
            "status: live",
            "'status' is 'live', which is not allowed: use one of draft, pilot, active, retired",
        ),
        ("effective: 1 March", "'effective' should be a date written YYYY-MM-DD"),
        (
            "wordings:\n  - say: No\n    dont_say: no",
            "'wordings[1].dont_say' should be text (YAML reads yes/no",
        ),
        (
            "targets:\n  - metric: Reply time\n    value: four",
            "'targets[1].value' should be a number",
        ),
        ("tags:", "'tags' is empty: fill it in or delete the key"),
    ],
)
def test_schema_messages_say_what_to_do(yaml_text, expected):
    base = (ROOT / "tests/fixtures/basic/standards/phone-002.yml").read_text("utf-8")
    lines = [
        line for line in base.splitlines() if not line.startswith(yaml_text.split(":")[0] + ":")
    ]
    text = "\n".join(lines) + "\n" + yaml_text + "\n"
    _, problems = load_one("x.yml", text)
    assert any(expected in p.message for p in problems), [p.message for p in problems]


def _mutations(data):
    """Valid and invalid variants of a standard, one change each."""
    import copy

    yield data
    for key in list(data):
        changed = copy.deepcopy(data)
        del changed[key]
        yield changed
        for wrong in (None, 7, "text", ["a"], {"a": 1}, True, 1.5, "2026-02-30", "2026-13-01", ""):
            changed = copy.deepcopy(data)
            changed[key] = wrong
            yield changed
        value = data[key]
        if isinstance(value, list) and value and isinstance(value[0], dict):
            for field in list(value[0]):
                for wrong in (None, 3, "", "x" * 3, -1, [1]):
                    changed = copy.deepcopy(data)
                    changed[key][0][field] = wrong
                    yield changed
            changed = copy.deepcopy(data)
            changed[key][0]["unknown_key"] = "x"
            yield changed
    changed = copy.deepcopy(data)
    changed["unknown_key"] = "x"
    yield changed


def test_fast_and_full_validators_agree():
    """The compiled fast path accepts exactly what jsonschema accepts."""
    from handbook.yamlsource import parse

    full = jsonschema.Draft202012Validator(
        schema.schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    checked = 0
    for path in sorted((ROOT / "standards").rglob("*.yml"))[:6]:
        data, _ = parse(path.read_text("utf-8"))
        for variant in _mutations(data):
            assert schema.is_valid(variant) == full.is_valid(variant), variant
            checked += 1
    assert checked > 500


@pytest.mark.parametrize(
    ("field", "words"),
    [("status", labels.STATUS), ("channels", labels.CHANNELS), ("stage", labels.STAGES)],
)
def test_the_schema_lists_the_codes_and_every_code_has_words(field, words):
    """Statuses, channels and stages come from the schema; staff see a word for each."""
    codes = schema.allowed(field)
    assert codes and list(words) == list(codes)


def test_the_code_lists_are_the_schemas():
    from handbook import scaffold
    from handbook.model import STATUSES

    assert STATUSES == schema.allowed("status")
    assert scaffold._CHANNELS == schema.allowed("channels")
