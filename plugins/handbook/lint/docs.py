"""The editors' page on the lint rules, made from each rule's own documentation."""

from __future__ import annotations

import inspect

from ..render.output import OutputFile
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


def rules_page() -> OutputFile:
    parts = ["# Lint rules", "", _INTRO]
    parts.append("| Rule | Default severity | What it checks |")
    parts.append("| --- | --- | --- |")
    for rule_id, module in RULES.items():
        summary = inspect.getdoc(module).split("\n", 1)[0]  # type: ignore[union-attr]
        parts.append(f"| [`{rule_id}`](#{rule_id}) | {module.DEFAULT} | {summary} |")
    parts.append("")
    for rule_id, module in RULES.items():
        doc = inspect.getdoc(module) or ""
        parts += [f"## {rule_id}", "", doc, ""]
    return OutputFile(PAGE, "\n".join(parts))
