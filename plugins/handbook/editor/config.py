"""Decap CMS's configuration, made from `standard.schema.json`: every field with its
label, help text, required mark and allowed values; lists of steps, rules and wordings as
repeatable groups. `handbook cms-config` prints it; tests keep it in step with the schema.
"""

from __future__ import annotations

from typing import Any

from .. import schema
from ..settings import Settings

VENDOR = "decap-cms-3.16.3"
# Fields the form leaves to the YAML file: their values mix numbers and texts, which the
# form's widgets cannot hold. The local backend keeps them when a form saves the file.
LEFT_TO_YAML = ("card", "lint")
LABELS = {"dont_say": "Don't say", "review_by": "Review by", "measured_by": "Measured by"}
SINGULAR = {
    "aliases": "Alias",
    "tags": "Tag",
    "rules": "Rule",
    "steps": "Step",
    "related": "Related standard",
    "goals": "Goal",
}
# Texts that read as sentences get a multi-line box; names and labels a single line.
_SHORT = 100


def cms_config(
    settings: Settings, repo: str | None = None, local_url: str | None = None
) -> dict[str, Any]:
    """The whole configuration: a collection per area, the git host's editorial workflow
    (pull requests) when `repo` (owner/name) is known, the local backend at `local_url`."""
    properties = schema.schema()["properties"]
    required = set(schema.schema().get("required", []))
    config: dict[str, Any] = {
        "backend": {"name": "github", "repo": repo or "OWNER/REPO", "branch": "main"},
        "publish_mode": "editorial_workflow",
        "media_folder": settings.illustrations_dir,
        "public_folder": "",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [],
    }
    if local_url:
        config["local_backend"] = {"url": local_url}
    for area, title in settings.areas.items():
        fields = []
        for name, prop in properties.items():
            if name in LEFT_TO_YAML:
                continue
            if name == "area":
                fields.append(
                    {"name": "area", "label": "Area", "widget": "hidden", "default": area}
                )
                continue
            made = field(name, prop, name in required)
            if made is not None:
                fields.append(made)
        config["collections"].append(
            {
                "name": area,
                "label": title,
                "label_singular": f"{title} standard",
                "folder": f"{settings.standards_dir}/{area}",
                "create": True,
                "extension": "yml",
                "format": "yml",
                "identifier_field": "title",
                "slug": "{{fields.id}}-{{slug}}",
                "summary": "{{fields.id}} {{fields.title}}",
                # The site shows the page; Decap's raw preview would only confuse.
                "editor": {"preview": False},
                "fields": fields,
            }
        )
    return config


def field(name: str, prop: dict[str, Any], required: bool) -> dict[str, Any] | None:
    """One schema property as a Decap field, or None when no widget can hold it."""
    made: dict[str, Any] = {
        "name": name,
        "label": LABELS.get(name, name.replace("_", " ").capitalize()),
        "required": required,
    }
    if prop.get("description"):
        made["hint"] = prop["description"]
    kind = prop.get("type")
    if "enum" in prop:
        return made | {"widget": "select", "options": list(prop["enum"])}
    if kind == "string":
        if prop.get("format") == "date":
            return made | {
                "widget": "datetime",
                "format": "YYYY-MM-DD",
                "date_format": "YYYY-MM-DD",
                "time_format": False,
            }
        long = "pattern" not in prop and prop.get("maxLength", 1000) > _SHORT
        made["widget"] = "text" if long else "string"
        if "pattern" in prop:
            made["pattern"] = [prop["pattern"], prop.get("description", "wrong form")]
        return made
    if kind in ("integer", "number"):
        return made | {"widget": "number", "value_type": "int" if kind == "integer" else "float"}
    if kind == "boolean":
        return made | {"widget": "boolean"}
    if kind == "array":
        items = prop.get("items", {})
        if "enum" in items:
            return made | {"widget": "select", "multiple": True, "options": list(items["enum"])}
        if items.get("type") == "string":
            inner = field("item", items, True)
            assert inner is not None
            inner.pop("hint", None)
            inner["label"] = SINGULAR.get(name, "Entry")
            # Open, so each text shows in its own box rather than as a closed "Item".
            return made | {"widget": "list", "collapsed": False, "field": inner}
        if items.get("type") == "object":
            fields = _fields(items)
            listed = made | {"widget": "list", "fields": fields}
            named = [
                f["name"] for f in fields if f["required"] and f["widget"] in ("string", "text")
            ]
            if named:  # a closed group shows its main text, e.g. a wording's "say"
                listed["summary"] = "{{fields." + named[0] + "}}"
            return listed
        return None
    if kind == "object":
        # Decap checks an optional group's required fields even when the group is left
        # empty: they are marked required only inside a required group (the save's own
        # checks still ask for them once the group is filled in).
        fields = _fields(prop, inside_required=required)
        return made | {"widget": "object", "collapsed": True, "fields": fields}
    return None


def _fields(prop: dict[str, Any], inside_required: bool = True) -> list[dict[str, Any]]:
    required = set(prop.get("required", [])) if inside_required else set()
    made = (field(n, p, n in required) for n, p in prop.get("properties", {}).items())
    return [f for f in made if f is not None]
