"""Templates of the roll-out pages, in the page templates' environment (autoescaped)."""

from __future__ import annotations

from functools import cache

import jinja2

from ..render.environment import environment


@cache
def _environment() -> jinja2.Environment:
    env = environment().overlay(loader=jinja2.PackageLoader("handbook", "rollout/templates"))
    return env


def render(template: str, **context: object) -> str:
    return _environment().get_template(template).render(**context)
