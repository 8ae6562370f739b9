"""Templates of the roll-out pages, in the page templates' environment (autoescaped)."""

from __future__ import annotations

from functools import cache

import jinja2

from ..render.environment import environment
from ..render.output import OutputFile, html_page
from ..render.urls import Urls


@cache
def _environment() -> jinja2.Environment:
    env = environment().overlay(loader=jinja2.PackageLoader("handbook", "rollout/templates"))
    return env


def render(template: str, **context: object) -> str:
    return _environment().get_template(template).render(**context)


def render_page(path: str, template: str, urls: Urls, **context: object) -> OutputFile:
    return html_page(path, _environment().get_template(template), urls.headings, **context)
