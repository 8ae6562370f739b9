"""The standard format's single source of truth, and validation against it.

`schema/standard.schema.json` drives validation here, editor autocomplete (through
yaml-language-server), `handbook schema` and the format reference page.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import fastjsonschema

from .yamlsource import Path, SourceMap

if TYPE_CHECKING:
    import jsonschema

SCHEMA_FILE = "standard.schema.json"


def schema_text() -> str:
    return resources.files(__package__).joinpath("schema", SCHEMA_FILE).read_text("utf-8")


@cache
def schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(schema_text())
    return data


def allowed(field: str) -> tuple[str, ...]:
    """The codes the format allows in a standard's field (`status`, `stage`, `channels`),
    in the schema's order: the one list of them."""
    spec = schema()["properties"][field]
    return tuple(spec.get("items", spec)["enum"])


@cache
def _validator() -> jsonschema.Draft202012Validator:
    # Only for files with errors: most builds never import it (0.04-0.08 s).
    import jsonschema

    return jsonschema.Draft202012Validator(
        schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


@cache
def _fast_check() -> Any:
    """The same schema compiled to Python code: about 15 times faster on valid files.

    The schema uses nothing that differs between draft 7 (what fastjsonschema compiles)
    and draft 2020-12, and dates are checked by the same rule as jsonschema's.
    """
    compiled = dict(schema(), **{"$schema": "http://json-schema.org/draft-07/schema#"})
    return fastjsonschema.compile(compiled, formats={"date": _is_date})


def is_valid(data: Any) -> bool:
    try:
        _fast_check()(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def validate(data: Any, source: SourceMap) -> Iterator[tuple[int, int, str]]:
    """Yield (line, column, message) for each way `data` breaks the schema."""
    # Most files are valid: prove it fast, and ask jsonschema for every error, with
    # its path for the location, only when there is one.
    if is_valid(data):
        return
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    for error in errors:
        yield from _explain(error, source)


def _field_name(path: Path) -> str:
    if not path:
        return "the standard"
    text = str(path[0])
    for part in path[1:]:
        text += f"[{part + 1}]" if isinstance(part, int) else f".{part}"
    return f"'{text}'"


def _properties_at(path: Path) -> dict[str, Any]:
    node = schema()
    for part in path:
        if isinstance(part, int):
            node = node.get("items", {})
        else:
            node = node.get("properties", {}).get(part, {})
    properties: dict[str, Any] = node.get("properties", {})
    return properties


def names_of(expected: Any) -> list[str]:
    return [expected] if isinstance(expected, str) else list(expected)


def _looks_like_text_with_colon(instance: Any) -> bool:
    """`- Say: hello` is a one-key mapping to YAML, and text to the editor who wrote it."""
    return (
        isinstance(instance, dict)
        and len(instance) == 1
        and all(isinstance(v, str | int | float) or v is None for v in instance.values())
    )


def _explain(
    error: jsonschema.ValidationError, source: SourceMap
) -> Iterator[tuple[int, int, str]]:
    path: Path = tuple(error.absolute_path)
    where = _field_name(path)
    span = source.span(path)
    kind = error.validator
    if kind == "additionalProperties":
        known = list(_properties_at(path))
        for key in sorted(set(error.instance) - set(known)):  # type: ignore[arg-type]
            close = difflib.get_close_matches(key, known, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(known)}"
            key_span = source.key_span((*path, key))
            yield key_span.line, key_span.column, f"unknown key '{key}': {hint}"
        return
    if kind == "required":
        missing = error.message.split("'")[1]
        description = _properties_at(path).get(missing, {}).get("description", "")
        inside = "" if not path else f" in {where}"
        yield (
            span.line,
            span.column,
            f"missing required key '{missing}'{inside}: add it ({description})",
        )
        return
    schema_here = error.schema if isinstance(error.schema, dict) else {}
    if kind == "type" and error.instance is None:
        yield span.line, span.column, f"{where} is empty: fill it in or delete the key"
        return
    if kind == "type":
        wanted = {
            "array": "a list",
            "object": "a mapping of keys",
            "string": "text",
            "number": "a number",
            "integer": "a whole number",
            "boolean": "true or false",
        }
        expected: Any = error.validator_value
        names = [wanted.get(t, t) for t in ([expected] if isinstance(expected, str) else expected)]
        hint = ""
        if expected == "string" and isinstance(error.instance, bool):
            hint = " (YAML reads yes/no/on/off as true/false: put the text in quotes)"
        elif "string" in names_of(expected) and _looks_like_text_with_colon(error.instance):
            ((key, value),) = error.instance.items()  # type: ignore[union-attr]
            hint = (
                " (a colon followed by a space starts a key in YAML: put the whole text in "
                f'quotes, e.g. "{key}: {value}")'
            )
        yield span.line, span.column, f"{where} should be {' or '.join(names)}{hint}"
        return
    if kind == "enum":
        allowed = ", ".join(map(str, error.validator_value))  # type: ignore[arg-type]
        yield (
            span.line,
            span.column,
            f"{where} is {error.instance!r}, which is not allowed: use one of {allowed}",
        )
        return
    if kind == "format":
        yield (
            span.line,
            span.column,
            f"{where} should be a date written YYYY-MM-DD, e.g. 2026-03-01",
        )
        return
    if kind == "pattern":
        description = schema_here.get("description", "")
        yield (
            span.line,
            span.column,
            f"{where} has the wrong form ({error.instance!r}): {description}",
        )
        return
    if kind in ("minLength", "maxLength", "minItems", "maxItems", "uniqueItems"):
        advice = {
            "minLength": f"is too short: write at least {error.validator_value} characters",
            "maxLength": f"is too long: keep it under {error.validator_value} characters",
            "minItems": f"needs at least {error.validator_value} entr{'y' if error.validator_value == 1 else 'ies'}",
            "maxItems": f"has too many entries: at most {error.validator_value}",
            "uniqueItems": "lists the same entry twice: remove the repeat",
        }[kind]
        yield span.line, span.column, f"{where} {advice}"
        return
    yield span.line, span.column, f"{where}: {error.message}"
