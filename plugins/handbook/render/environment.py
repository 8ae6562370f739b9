"""The Jinja environment for page templates: autoescaping on, inline Markdown as a filter.

Templates write HTML and, in a page's front matter, its metadata (`front_matter`:
render/escape.py says why it needs its own escaping). A page's template writes the
headings of its table of contents with `heading` (render/headings.py).
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import jinja2
from markupsafe import Markup

from .. import markup
from .escape import front_matter
from .output import OutputFile, html_page
from .urls import Urls


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
    env.filters["longdate"] = _longdate
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)


def render_page(path: str, template: str, urls: Urls, **context: object) -> OutputFile:
    """A generated page (HTML, its headings listed) from one of these templates."""
    return html_page(path, environment().get_template(template), urls.headings, **context)
