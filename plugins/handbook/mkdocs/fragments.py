"""Material's header, tabs, navigation and table of contents, rendered once per shape.

Material renders these partials again for every page, and at 1,000 standards they were
two thirds of the theme's time. On the handbook's generated pages they differ from page
to page only in the page's title, where the page sits in the navigation, how deep its URL
is and which headings it has. So each partial is rendered once per such shape, with a
stand-in for the title, and the stand-in is replaced by the page's own title, escaped
as the environment escapes it.

Standard pages go one step further: the whole page (`main.html`) is rendered once per
shape with stand-ins for everything else a page of that shape has of its own (content,
description, edit link, neighbours, tags), which are then put in. A stand-in that comes
out changed (a template that filters the value) is caught, and that shape is rendered
page by page as before.

If a theme override in `custom_dir` reads `page` in any template, nothing is cached: the
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
from mkdocs.utils import normalize_url

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
# A title no page has. Its "&" tells where the theme printed it escaped ("&amp;"), so
# the page's title goes in escaped there and as it is elsewhere.
STAND_IN = "\ue000handbook-page-title&\ue001"
# The page template, shared by pages of one shape, and the partial it fills in per page.
# Pages are pointed at the shared version by name (their `template`), so `main.html`
# stays itself for templates that extend it, such as 404.html.
PAGE = "main.html"
SHARED_PAGE = "handbook/shared-page.html"
TAGS = "partials/tags.html"
_OWN = {
    part: f"\ue000handbook-{part}&\ue001"
    for part in ("description", "content", "edit", "canonical", "tags", "previous", "next")
}
_UNUSABLE = object()
# Page metadata the partials above never read (Material's nav reads `icon`, `status`…).
_UNREAD_META = frozenset({"title", "description", "tags", "handbook_id", "search", "template"})


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
        if template == SHARED_PAGE:
            return "{{ handbook_page() }}", None, lambda: True
        if template == TAGS:
            return "{{ handbook_tags() }}", None, lambda: True
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
        self.shells: dict[tuple, Any] = {}
        self.translations: dict[tuple[str, str], Any] = {}
        self.hits = self.misses = 0
        self.pages_shared = self.pages_alone = 0
        self.in_shell = False
        assert env.loader is not None
        env.loader = _Loader(env.loader)
        env.globals["handbook_fragment"] = self.render
        env.globals["handbook_translate"] = self.translate
        env.globals["handbook_page"] = self.page
        env.globals["handbook_tags"] = self.tags

    def translate(self, language: str, key: str) -> Any:
        """What Material's `t` macro gives for the key (the theme's own files, overrides
        included), worked out once per key."""
        found = self.translations.get((language, key))
        if found is None:
            module = self.env.get_template(ORIGINAL + TRANSLATIONS).make_module(
                {"config": self.config}
            )
            found = self.translations[(language, key)] = module.t(key)  # type: ignore[attr-defined]
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
        return Markup(_put(html, STAND_IN, page.title))

    @jinja2.pass_context
    def tags(self, context: jinja2.runtime.Context) -> Markup:
        return Markup(_OWN["tags"] if self.in_shell else self._tags(context))

    def _tags(self, context: jinja2.runtime.Context) -> str:
        return self.env.get_template(ORIGINAL + TAGS).render(context.get_all())

    @jinja2.pass_context
    def page(self, context: jinja2.runtime.Context) -> Markup:
        """The whole page: its shape's shared shell with the page's own parts put in."""
        template = self.env.get_template(PAGE)
        page = context.get("page")
        if page is None or not self._shareable(page):
            return Markup(template.render(context.get_all()))
        key = (self._key(PAGE, page, context), *_flags(page, context))
        shell = self.shells.get(key)
        if shell is None:
            shell = self.shells[key] = self._shell(template, page, context)
        html = self._fill(shell, page, context) if shell is not _UNUSABLE else None
        if html is None:
            self.shells[key] = _UNUSABLE
            self.pages_alone += 1
            return Markup(template.render(context.get_all()))
        self.pages_shared += 1
        return Markup(html)

    def share(self, page: Any) -> None:
        """Render the page from its shape's shared shell (the plugin's eligible pages)."""
        page.meta.setdefault("template", SHARED_PAGE)

    def _shareable(self, page: Any) -> bool:
        # Values are put in as the theme prints them: raw, as MkDocs' environment does.
        return (
            self.eligible(page)
            and not _escapes(self.env, PAGE)
            and page.title == page.meta.get("title")
        )

    def _shell(self, template: jinja2.Template, page: Any, context: jinja2.runtime.Context) -> Any:
        saved = (
            dict(page.meta),
            page.content,
            page.edit_url,
            page.canonical_url,
            page.previous_page,
            page.next_page,
        )
        page.meta["title"] = STAND_IN
        if page.meta.get("description"):
            page.meta["description"] = _OWN["description"]
        page.content = _content_stand_in(page)
        page.edit_url = _OWN["edit"] if page.edit_url else page.edit_url
        page.canonical_url = _OWN["canonical"] if page.canonical_url else page.canonical_url
        if page.previous_page is not None:
            page.previous_page = _Neighbour(page, "previous")
        if page.next_page is not None:
            page.next_page = _Neighbour(page, "next")
        self.in_shell = True
        try:
            return template.render(context.get_all())
        finally:
            self.in_shell = False
            page.meta.clear()
            page.meta.update(saved[0])
            (page.content, page.edit_url, page.canonical_url) = saved[1:4]
            (page.previous_page, page.next_page) = saved[4:]

    def _fill(self, shell: str, page: Any, context: jinja2.runtime.Context) -> str | None:
        """The page's own parts put into its shell; None if a stand-in came out changed."""
        html = _put(shell, STAND_IN, page.title)
        if page.meta.get("description"):
            html = _put(html, _OWN["description"], str(page.meta["description"]))
        if page.edit_url:
            html = _put(html, _OWN["edit"], page.edit_url)
        if page.canonical_url:
            html = _put(html, _OWN["canonical"], page.canonical_url)
        for side, neighbour in (("previous", page.previous_page), ("next", page.next_page)):
            if neighbour is not None:
                stand_in = _Neighbour(page, side)
                base = context.get("base_url", "")
                html = _put(
                    html,
                    normalize_url(stand_in.url, page=page, base=base),
                    normalize_url(neighbour.url, page=page, base=base),
                )
                html = _put(html, stand_in.title, str(neighbour.title))
        if _OWN["tags"] in html:
            html = html.replace(_OWN["tags"], self._tags(context))
        content = _content_stand_in(page)
        if html.count("\ue000") != html.count(content):
            return None  # a stand-in the theme changed: this shape is rendered page by page
        return _put(html, content, page.content or "")

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
    """Cache Material's fragments and pages, unless a theme override reads the page."""
    for folder in theme_dirs:
        if "material" in Path(folder).parts[-3:] or "mkdocs" in Path(folder).parts[-3:]:
            continue
        # Any template of the override (main.html, a partial) may show page data this
        # cache's keys and stand-ins do not cover.
        for template in Path(folder).glob("**/*.html"):
            if re.search(r"\bpage\b", template.read_text("utf-8")):
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


def _put(html: str, stand_in: str, value: str) -> str:
    """The value where the stand-in is: as it is, and escaped where the theme escaped it."""
    return html.replace(stand_in, value).replace(str(escape(stand_in)), str(escape(value)))


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


class _Neighbour:
    """Stands in for the previous or next page while a shared shell is rendered."""

    def __init__(self, page: Any, side: str):
        folder = posixpath.dirname(page.url.rstrip("/"))
        self.url = posixpath.join(folder, f"{_OWN[side]}/")
        self.title = f"{_OWN[side]}title"


def _content_stand_in(page: Any) -> str:
    # Material writes the title as an <h1> unless the content has one.
    return _OWN["content"] + ("<h1\ue001" if "<h1" in (page.content or "") else "")


def _flags(page: Any, context: jinja2.runtime.Context) -> tuple:
    """What decides the shape of a page's own parts: which of them it has."""
    return (
        "<h1" in (page.content or ""),
        bool(page.meta.get("description")),
        bool(page.edit_url),
        bool(page.canonical_url),
        page.previous_page is None,
        page.next_page is None,
        bool(context.get("tags")),
        page.is_homepage,
    )
