"""Material's header, tabs, navigation and table of contents, rendered once per shape.

Material renders these partials again for every page, and at 1,000 standards they were
two thirds of the theme's time. On the handbook's generated pages they differ from page
to page only in the page's title, where the page sits in the navigation, how deep its URL
is and which headings it has. So each partial is rendered once per such shape, with a
stand-in for the title, and the stand-in is replaced by the page's own title, escaped
as the environment escapes it.

If a theme override in `custom_dir` reads `page` in any partial, nothing is cached: the
override may show things this key leaves out. `theme_cache: false` turns it off too.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

FRAGMENTS = frozenset(
    {"partials/header.html", "partials/tabs.html", "partials/nav.html", "partials/toc.html"}
)
ORIGINAL = "handbook-original/"
# Material's translations: its `t` macro builds the whole table of a language on every
# call, a dozen calls a page, and the table is imported afresh for every page.
TRANSLATIONS = "partials/language.html"
_TRANSLATIONS_SHIM = (
    "{% macro t(key) %}{{ handbook_translate(config.theme.language, key) }}{% endmacro %}"
)
# A title no page has, which escaping leaves as it is.
STAND_IN = "\ue000handbook-page-title\ue001"
# Page metadata the partials above never read (Material's nav reads `icon`, `status`…).
_UNREAD_META = frozenset({"title", "description", "tags", "handbook_id", "search"})


class _Loader(jinja2.BaseLoader):
    """The theme's loader, with a cached stand-in for each fragment."""

    def __init__(self, loader: jinja2.BaseLoader):
        self.loader = loader

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        if template in FRAGMENTS:
            return f"{{{{ handbook_fragment({template!r}) }}}}", None, lambda: True
        if template == TRANSLATIONS:
            return _TRANSLATIONS_SHIM, None, lambda: True
        if template.startswith(ORIGINAL):
            template = template[len(ORIGINAL) :]
        return self.loader.get_source(environment, template)

    def list_templates(self) -> list[str]:
        return self.loader.list_templates()


class FragmentCache:
    """Installed on the theme's Jinja environment for one build."""

    def __init__(
        self,
        env: jinja2.Environment,
        directory_urls: bool,
        eligible: Callable[[Any], bool],
        config: Any = None,
    ):
        self.env = env
        self.directory_urls = directory_urls
        self.eligible = eligible
        self.config = config
        self.stored: dict[tuple, str] = {}
        self.translations: dict[tuple[str, str], Any] = {}
        self.hits = self.misses = 0
        env.loader = _Loader(env.loader)
        env.globals["handbook_fragment"] = self.render
        env.globals["handbook_translate"] = self.translate

    def translate(self, language: str, key: str) -> Any:
        """What Material's `t` macro gives for the key (the theme's own files, overrides
        included), worked out once per key."""
        found = self.translations.get((language, key))
        if found is None:
            module = self.env.get_template(ORIGINAL + TRANSLATIONS).make_module(
                {"config": self.config}
            )
            found = self.translations[(language, key)] = module.t(key)
        return found

    @jinja2.pass_context
    def render(self, context: jinja2.runtime.Context, name: str) -> Markup:
        page = context.get("page")
        if page is None or not self.eligible(page) or page.title != page.meta.get("title"):
            # A title from the nav config differs from the page's own: both are shown.
            return Markup(self.env.get_template(ORIGINAL + name).render(context.get_all()))
        key = self._key(name, page, context)
        html = self.stored.get(key)
        if html is None:
            self.misses += 1
            template = self.env.get_template(ORIGINAL + name)
            html = self.stored[key] = _render_with_stand_in(template, page, context)
        else:
            self.hits += 1
        title = str(escape(page.title)) if _escapes(self.env, name) else page.title
        return Markup(html.replace(STAND_IN, title))

    def _key(self, name: str, page: Any, context: jinja2.runtime.Context) -> tuple:
        url = page.url if not self.directory_urls else posixpath.dirname(page.url.rstrip("/"))
        meta = tuple(sorted((k, repr(v)) for k, v in page.meta.items() if k not in _UNREAD_META))
        return (
            name,
            context.get("base_url"),
            url,
            _position(page, context.get("nav")),
            _toc(page.toc),
            meta,
        )


def install(
    env: jinja2.Environment,
    theme_dirs: list[str],
    directory_urls: bool,
    eligible: Callable[[Any], bool],
    config: Any = None,
) -> FragmentCache | None:
    """Cache Material's fragments, unless a theme override reads the page in a partial."""
    for folder in theme_dirs:
        if "material" in Path(folder).parts[-3:] or "mkdocs" in Path(folder).parts[-3:]:
            continue
        for partial in Path(folder).glob("partials/**/*.html"):
            if re.search(r"\bpage\b", partial.read_text("utf-8")):
                return None
    return FragmentCache(env, directory_urls, eligible, config)


def _render_with_stand_in(
    template: jinja2.Template, page: Any, context: jinja2.runtime.Context
) -> str:
    title = page.meta["title"]
    page.meta["title"] = STAND_IN
    try:
        return template.render(context.get_all())
    finally:
        page.meta["title"] = title


def _escapes(env: jinja2.Environment, name: str) -> bool:
    """Whether the template prints values escaped (MkDocs' theme environment does not)."""
    return bool(env.autoescape(name) if callable(env.autoescape) else env.autoescape)


def _position(page: Any, nav: Any) -> tuple[int, ...]:
    """Where the page sits in the navigation as shown: its index at every level."""
    path: list[int] = []
    item = page
    while item is not None:
        parent = item.parent
        siblings = parent.children if parent is not None else (nav.items if nav else [])
        index = next((i for i, s in enumerate(siblings) if s is item), None)
        if index is None:
            return ()  # not in the navigation
        path.append(index)
        item = parent
    return tuple(reversed(path))


def _toc(toc: Any) -> tuple:
    """The headings, as the partials show them (Material leaves out a page's h1)."""

    def entries(items: Any) -> tuple:
        return tuple((i.title, i.url, i.level, entries(i.children)) for i in items)

    items = list(toc or [])
    if items and items[0].level == 1:
        return ("h1", entries(items[0].children))
    return entries(items)
