"""Every rule documents itself with examples that pass and fail, and the examples are true."""

from __future__ import annotations

import pytest
from lintkit import documented_examples, lint_fragment

from handbook import schema
from handbook.lint.docs import PAGE, rules_page
from handbook.lint.rules import RULES
from handbook.problems import SEVERITIES

EXAMPLES = [
    pytest.param(rule_id, verdict, fragment, results, id=f"{rule_id}-{verdict}-{index}")
    for rule_id in RULES
    for index, (verdict, fragment, results) in enumerate(documented_examples(rule_id))
]


@pytest.mark.parametrize("rule_id", list(RULES))
def test_rule_documents_passing_and_failing_examples(rule_id):
    verdicts = {verdict for verdict, _, _ in documented_examples(rule_id)}
    assert verdicts == {"Passes", "Fails"}, f"{rule_id} needs a 'Passes:' and a 'Fails:' example"


@pytest.mark.parametrize("rule_id", list(RULES))
def test_rule_module_has_id_default_options_and_check(rule_id):
    module = RULES[rule_id]
    assert module.ID == rule_id
    assert module.DEFAULT in SEVERITIES
    assert isinstance(module.OPTIONS, dict)
    assert callable(module.check)
    assert f"Default severity: **{module.DEFAULT}**" in module.__doc__


@pytest.mark.parametrize(("rule_id", "verdict", "fragment", "results"), EXAMPLES)
def test_documented_example_is_true(rule_id, verdict, fragment, results):
    problems = lint_fragment(fragment, rule_id, results=results)
    if verdict == "Passes":
        assert problems == []
    else:
        assert problems, f"{rule_id} did not flag its own failing example"


def test_schema_lists_exactly_the_rules():
    ignore = schema.schema()["properties"]["lint"]["properties"]["ignore"]["items"]
    assert ignore["properties"]["rule"]["enum"] == list(RULES)


def test_rules_page_shows_every_rule_with_its_examples():
    page = rules_page()
    assert page.path == PAGE
    for rule_id, module in RULES.items():
        assert f"## {rule_id}\n" in page.content
        assert f"[`{rule_id}`](#{rule_id}) | {module.DEFAULT} |" in page.content
    assert page.content.count("```yaml") >= sum(len(documented_examples(r)) for r in RULES)
