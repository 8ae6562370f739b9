"""The format reference page for editors, generated from the schema itself."""

from __future__ import annotations

from typing import Any

from .. import schema
from .output import OutputFile

PAGE = "editors/format.md"


_TYPE_NAMES = {
    "string": "text",
    "number": "number",
    "integer": "whole number",
    "boolean": "true or false",
    "object": "mapping",
}


def _type_of(spec: dict[str, Any]) -> str:
    if "enum" in spec:
        return "one of: " + ", ".join(f"`{v}`" for v in spec["enum"])
    kind = spec.get("type", "")
    if kind == "array":
        items = spec.get("items", {})
        if items.get("type") == "object":
            return "list of entries (see below)"
        return "list of " + (_type_of(items) or "values")
    if spec.get("format") == "date":
        return "date (YYYY-MM-DD)"
    if isinstance(kind, list):  # e.g. a step number or a text
        return " or ".join(_TYPE_NAMES.get(k, str(k)) for k in kind)
    return _TYPE_NAMES.get(kind, str(kind))


def _rows(properties: dict[str, Any], required: list[str]) -> list[str]:
    rows = ["| Key | Required | Type | What to write |", "| --- | --- | --- | --- |"]
    for key, spec in properties.items():
        description = spec.get("description", "").replace("|", "\\|")
        needed = "yes" if key in required else ""
        rows.append(f"| `{key}` | {needed} | {_type_of(spec).replace('|', '/')} | {description} |")
    return rows


def reference_page() -> OutputFile:
    root = schema.schema()
    lines = [
        "---",
        'title: "Standard format reference"',
        "---",
        "",
        "# Standard format reference",
        "",
        "Each standard is one YAML file under `standards/`. This page is generated from the "
        "schema ([standard.schema.json](../schema/standard.schema.json)) that also checks every "
        "file in the build and gives your editor autocomplete. Keys not listed here are errors.",
        "",
        "## Top-level keys",
        "",
        *_rows(root["properties"], root.get("required", [])),
        "",
    ]
    for key, spec in root["properties"].items():
        items = spec.get("items", {})
        if items.get("type") == "object" or spec.get("type") == "object":
            nested = items if items.get("type") == "object" else spec
            lines += [
                f"## `{key}` entries",
                "",
                spec.get("description", ""),
                "",
                *_rows(nested.get("properties", {}), nested.get("required", [])),
                "",
            ]
    return OutputFile(PAGE, "\n".join(lines))
