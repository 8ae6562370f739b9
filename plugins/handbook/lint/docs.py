"""The editors' page on the lint rules, made from each rule's own documentation."""

from __future__ import annotations

import inspect

from ..render.output import OutputFile
from .phrases import forms
from .rules import RULES

PAGE = "editors/lint-rules.md"

_INTRO = """\
Every standard is checked by these rules: in the build, when you run `handbook lint`, and
on each pull request. Each problem names the file, line and column of the words to
change, and says what to do.

- An **error** must be fixed before the change is merged.
- A **warning** fails `handbook lint --strict` and `mkdocs build --strict`.
- A **suggestion** is advice: follow it unless you have a reason not to.

Check a sentence before you commit it with `handbook score`:

```
echo "Reply to every email within 4 working hours." | handbook score
```

## Turning a rule off

In one standard, ignore a rule for the whole file or one field, and say why:

```yaml
lint:
  ignore:
    - rule: passive-voice
      field: rules[2]
      reason: The customer is the one who is told, and saying so is clearer.
```

For the whole handbook, set severities and options under the `handbook` plugin in
`mkdocs.yml`:

```yaml
plugins:
  - handbook:
      lint:
        passive-voice: off
        stale: suggestion
        readability:
          max_grade: 9
```

"""


def _summary(doc: str) -> str:
    """The first paragraph of a rule's documentation, on one line."""
    return " ".join(doc.split("\n\n", 1)[0].split())


def _labelled(doc: str) -> str:
    """The documentation with its example labels in bold, so they stand out on the page."""
    lines = doc.splitlines()
    labels = {"Passes:": "**Passes** (no problem):", "Fails:": "**Fails** (the rule reports it):"}
    return "\n".join(labels.get(line, line) for line in lines)


def _built_in(phrases: dict[str, str]) -> list[str]:
    """The rule's word list as a table: each phrase in all its written forms, and the advice."""
    rows = ["The words it looks for:", "", "| Words | Instead |", "| --- | --- |"]
    for pattern, advice in phrases.items():
        written = ", ".join(f'"{form}"' for form in forms(pattern))
        rows.append(f"| {written} | {advice.replace('|', '/')} |")
    return [*rows, ""]


def rules_page() -> OutputFile:
    intro, _, suppression = _INTRO.partition("## Turning a rule off")
    parts = ["# Lint rules", "", intro]
    parts.append("| Rule | Default severity | What it checks |")
    parts.append("| --- | --- | --- |")
    for rule_id, module in RULES.items():
        summary = _summary(inspect.getdoc(module) or "")
        parts.append(f"| [`{rule_id}`](#{rule_id}) | {module.DEFAULT} | {summary} |")
    parts += ["", "## Turning a rule off" + suppression]
    for rule_id, module in RULES.items():
        parts += [f"## {rule_id}", "", _labelled(inspect.getdoc(module) or ""), ""]
        if getattr(module, "BUILT_IN", None):
            parts += _built_in(module.BUILT_IN)
    return OutputFile(PAGE, "\n".join(parts))
