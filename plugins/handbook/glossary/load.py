"""Reading `glossary.yml` beside mkdocs.yml: term -> plain definition, one per line.

service level: The share of calls answered within a set time, e.g. 80% in 20 seconds.
callback: A call we make back to a customer at a time we agreed.
"""

from __future__ import annotations

from pathlib import Path

from ..boundary import read_text
from ..problems import Problem
from ..yamlsource import YamlProblem, parse
from .model import FILE, Glossary, Term


def load(root: Path) -> tuple[Glossary, list[Problem]]:
    """The glossary of the handbook at `root` (empty when it has none) and its problems."""
    path = root / FILE
    if not path.exists() and not path.is_symlink():
        return Glossary(), []
    text, unread = read_text(path, root)
    if unread is not None or text is None:
        return Glossary(), [unread] if unread is not None else []
    try:
        data, source = parse(text)
    except YamlProblem as e:
        return Glossary(), [Problem(FILE, e.line, e.column, e.rule, e.message)]
    if data is None:
        return Glossary(), []
    if not isinstance(data, dict):
        return Glossary(), [
            Problem(FILE, 1, 1, "glossary", "write one term per line: `term: plain definition`")
        ]
    terms, problems = [], []
    for key, value in data.items():
        if not isinstance(key, str) or not key.strip():
            span = source.key_span((key,))
            problems.append(
                Problem(FILE, span.line, span.column, "glossary", "a term must be text")
            )
        elif not isinstance(value, str) or not value.strip():
            span = source.span((key,))
            problems.append(
                Problem(
                    FILE,
                    span.line,
                    span.column,
                    "glossary",
                    f"'{key}' has no definition: write what it means in plain words "
                    "(put it in quotes if it holds a colon)",
                )
            )
        else:
            terms.append(Term(" ".join(key.split()), value.strip()))
    return Glossary(tuple(sorted(terms, key=lambda t: t.term.lower()))), problems
