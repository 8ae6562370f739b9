"""House rules of the code (issue 18): a long module says why it is long, at its top."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parent.parent.parent / "plugins" / "handbook"
LIMIT = 300


def test_no_module_over_300_lines_without_a_reason_at_its_top():
    unexplained = []
    for module in sorted(PACKAGE.rglob("*.py")):
        text = module.read_text("utf-8")
        if text.count("\n") <= LIMIT:
            continue
        docstring = ast.get_docstring(ast.parse(text)) or ""
        if f"Over {LIMIT} lines:" not in docstring:
            unexplained.append(str(module.relative_to(PACKAGE)))
    # Split the module, or write "Over 300 lines: <why>" in its docstring.
    assert unexplained == []
