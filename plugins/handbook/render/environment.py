"""The Jinja environment for page templates: autoescaping on, inline Markdown as a filter.

Besides HTML, templates write page metadata (`front_matter`) and Markdown headings
(`markdown_text`): render/escape.py says why those need their own escaping.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import jinja2
from markupsafe import Markup

from .. import markup
from .escape import front_matter, markdown_text


def _md(text: str | None) -> Markup:
    return Markup(markup.inline(text or ""))


def _longdate(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("handbook", "render/templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        # Package templates do not change while a site builds: no disk check per page.
        auto_reload=False,
    )
    env.filters["md"] = _md
    env.filters["plain"] = markup.plain
    env.filters["front_matter"] = front_matter
    env.filters["markdown_text"] = markdown_text
    env.filters["longdate"] = _longdate
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
