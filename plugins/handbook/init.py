"""`handbook init`: a complete new handbook repository, ready to build and publish.

Everything it writes works in the new repository as it is: the workflows install the
tools from its own `requirements.txt`, not from this project's Makefile or lock file.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jinja2

from . import clock
from .scaffold import _one_year_after, _yaml_scalar
from .schema import schema_text

# Template (under templates/init/) -> path in the new repository. Templates are stored
# without leading dots so that every packaging tool ships them.
FILES = {
    "mkdocs.yml.j2": "mkdocs.yml",
    "mkdocs.offline.yml": "mkdocs.offline.yml",
    "docs/index.md.j2": "docs/index.md",
    "standards/example.yml.j2": "standards/{area}/{slug}-001-greeting-a-visitor.yml",
    "gitignore": ".gitignore",
    "editorconfig": ".editorconfig",
    "vscode/settings.json": ".vscode/settings.json",
    "vscode/extensions.json": ".vscode/extensions.json",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "requirements.txt.j2": "requirements.txt",
    "github/workflows/pull-request.yml": ".github/workflows/pull-request.yml",
    "github/workflows/publish.yml": ".github/workflows/publish.yml",
}
SCHEMA_FILE = "standard.schema.json"
# Where another organisation installs the tool from (README, "Start your own handbook").
DEFAULT_SOURCE = "mkdocs-handbook @ git+https://github.com/example-org/service-handbook@main"


class InitError(Exception):
    """The folder cannot take a new handbook; the message says why and what to do."""


@dataclass(frozen=True)
class Answers:
    name: str = "Service standards"
    area: str = "front-desk"
    area_title: str = "Front desk"
    prefix: str = "DESK"
    source: str = DEFAULT_SOURCE


def init(folder: Path, answers: Answers, today: dt.date | None = None) -> list[Path]:
    """Write a new handbook into `folder` (missing or empty); return the files written."""
    if folder.exists() and not folder.is_dir():
        raise InitError(f"{folder} is a file: name a new or empty folder")
    if folder.is_dir() and any(p.name != ".git" for p in folder.iterdir()):
        raise InitError(f"{folder} is not empty: name a new or empty folder, nothing was written")
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", answers.area):
        raise InitError(f"area {answers.area!r}: use lower-case letters, digits and hyphens")
    if not re.fullmatch(r"[A-Z][A-Z0-9]*", answers.prefix):
        raise InitError(f"prefix {answers.prefix!r}: use capital letters and digits, e.g. DESK")
    day = today or clock.today()
    values = {
        "name": answers.name,
        "area": answers.area,
        "area_title": answers.area_title,
        "prefix": answers.prefix,
        "today": day.isoformat(),
        "review_by": _one_year_after(day).isoformat(),
        "handbook_requirement": answers.source,
        "versions": _versions(),
    }
    env = _environment()
    written = []
    for template, target in FILES.items():
        path = folder / target.format(area=answers.area, slug=answers.prefix.lower())
        if template.endswith(".j2"):
            text = env.get_template(f"init/{template}").render(values)
        else:  # copied as it is: workflows hold GitHub's own ${{ }} expressions
            text = _template_text(template)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
        written.append(path)
    schema = folder / SCHEMA_FILE
    schema.write_text(schema_text(), "utf-8")
    written.append(schema)
    return written


def _template_text(name: str) -> str:
    return resources.files("handbook").joinpath("templates", "init", name).read_text("utf-8")


def _versions() -> dict[str, str]:
    return {name: importlib.metadata.version(name) for name in ("mkdocs", "mkdocs-material")}


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("handbook", "templates"),
        autoescape=False,  # YAML and Markdown: values go through yaml_scalar
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["yaml_scalar"] = _yaml_scalar
    return env
