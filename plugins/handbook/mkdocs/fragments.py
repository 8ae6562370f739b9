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

The cache checks itself: the second page of every shape, and the second use of every
cached partial, is also rendered as Material would render it alone, and where the two
differ the shape (or partial) is dropped and rendered page by page from then on. A
stand-in left in a page (as it is, or URL-encoded) drops it too.

It is off, and pages are rendered one by one, when the theme is not one of the Material
versions it was checked against, when a template of a theme override (`custom_dir`, or
any folder a plugin adds to the theme's) reads `page`, or with `theme_cache: false`.

Over 300 lines: the stand-ins, the keys and the self-check belong together.
"""

from __future__ import annotations

import logging
import posixpath
import re
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

import jinja2
import material
import mkdocs
from markupsafe import Markup, escape
from mkdocs.utils import normalize_url

# Material's versions (major, minor) whose templates this cache was checked against; any
# other turns it off. Add one after the theme-cache tests pass with it.
MATERIAL_VERIFIED = frozenset({(9, 8)})

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
# A stand-in as the `urlencode` filter writes it (Material's feedback widget does).
_ENCODED = ("%EE%80%80", "%ee%80%80")
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
        # Per key: the HTML with a stand-in, or None once it differed from Material's own.
        self.stored: dict[tuple, str | None] = {}
        self.shells: dict[tuple, _Shape] = {}
        self.checked: set[tuple] = set()
        self.translations: dict[tuple[str, str], Any] = {}
        self.hits = self.misses = self.differed = 0
        self.pages_shared = self.pages_alone = 0
        self.in_shell = False
        self.alone = False  # rendering as Material would without this cache, to compare
        assert env.loader is not None
        env.loader = _Loader(env.loader)
        env.globals["handbook_fragment"] = self.render
        env.globals["handbook_translate"] = self.translate
        env.globals["handbook_page"] = self.page
        env.globals["handbook_tags"] = self.tags

    def translate(self, language: str, key: str) -> Any:
        """What Material's `t` macro gives for the key (the theme's own files, overrides
        included), worked out once per key."""
        # Also when rendering alone, to compare: a key's text does not depend on the page.
        found = self.translations.get((language, key))
        if found is None:
            module = self.env.get_template(ORIGINAL + TRANSLATIONS).make_module(
                {"config": self.config}
            )
            found = self.translations[(language, key)] = module.t(key)  # type: ignore[attr-defined]
        return found

    def _alone(self, template: jinja2.Template, context: jinja2.runtime.Context) -> str:
        """The template rendered as Material renders it, with nothing of this cache."""
        outer, self.alone = self.alone, True
        try:
            return template.render(context.get_all())
        finally:
            self.alone = outer

    def _differs(self, html: str, template: jinja2.Template, context: Any) -> str | None:
        """Material's own rendering if the cached one differs from it, else None."""
        own = self._alone(template, context)
        if own == html:
            return None
        self.differed += 1
        return own

    @jinja2.pass_context
    def render(self, context: jinja2.runtime.Context, name: str) -> Markup:
        template = self.env.get_template(ORIGINAL + name)
        page = context.get("page")
        if (
            self.alone
            or page is None
            or not self.eligible(page)
            # A title from the nav config differs from the page's own: both are shown.
            or page.title != page.meta.get("title")
        ):
            return Markup(template.render(context.get_all()))
        key = self._key(name, page, context)
        if key not in self.stored:
            self.misses += 1
            self.stored[key] = _render_with_stand_in(template, page, context)
            check = False
        else:
            self.hits += 1
            check = key not in self.checked
        stored = self.stored[key]
        html = None if stored is None else _put(stored, STAND_IN, page.title)
        if html is None or _left_over(html):
            self.stored[key] = None
            return Markup(template.render(context.get_all()))
        if check:  # its second use: is it what Material makes for this page?
            self.checked.add(key)
            own = self._differs(html, template, context)
            if own is not None:
                self.stored[key] = None
                return Markup(own)
        return Markup(html)

    @jinja2.pass_context
    def tags(self, context: jinja2.runtime.Context) -> Markup:
        if self.in_shell and not self.alone:
            return Markup(_OWN["tags"])
        return Markup(self._tags(context))

    def _tags(self, context: jinja2.runtime.Context) -> str:
        return self.env.get_template(ORIGINAL + TAGS).render(context.get_all())

    @jinja2.pass_context
    def page(self, context: jinja2.runtime.Context) -> Markup:
        """The whole page: its shape's shared shell with the page's own parts put in."""
        template = self.env.get_template(PAGE)
        page = context.get("page")
        if self.alone or page is None or not self._shareable(page):
            return Markup(template.render(context.get_all()))
        key = (self._key(PAGE, page, context), *_flags(page, context))
        shape = self.shells.get(key)
        if shape is None:
            shape = self.shells[key] = _Shape(self._shell(template, page, context))
        html = None if shape.shell is None else self._fill(shape, page, context)
        if html is not None:
            shape.pages += 1
            if shape.pages == 2:  # its second page: is it what Material makes of it?
                own = self._differs(html, template, context)
                if own is not None:
                    shape.shell = None
                    self.pages_alone += 1
                    return Markup(own)
            self.pages_shared += 1
            return Markup(html)
        shape.shell = None
        self.pages_alone += 1
        return Markup(template.render(context.get_all()))

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

    def _fill(self, shape: _Shape, page: Any, context: jinja2.runtime.Context) -> str | None:
        """The page's own parts put into its shell; None if a stand-in came out changed."""
        assert shape.shell is not None
        puts = self._puts(page, context)
        content = (_content_stand_in(page), page.content or "")
        if any("\ue000" in value or _encoded(value) for _, value in puts) or "\ue000" in content[1]:
            return _fill_in_turn(shape.shell, puts, content, lambda: self._tags(context))
        # Put in all at once, between the pieces of the shell (split once per shape): no
        # value holds a stand-in, so this is what putting them in one after another gives.
        pieces = shape.pieces(tuple(s for s, _ in puts) + (_OWN["tags"], content[0]))
        if pieces is None:
            return None  # a stand-in the theme changed: this shape is rendered page by page
        values = dict(puts)
        values[content[0]] = content[1]
        if _OWN["tags"] in pieces[1::2]:
            values[_OWN["tags"]] = self._tags(context)
        return "".join(values[p] if n % 2 else p for n, p in enumerate(pieces))

    def _puts(self, page: Any, context: jinja2.runtime.Context) -> list[tuple[str, str]]:
        """Each stand-in of the page's own parts and its value, in the order they are put
        in: as it is, and escaped where the theme escaped it (content and tags aside)."""
        found = [(STAND_IN, page.title)]
        if page.meta.get("description"):
            found.append((_OWN["description"], str(page.meta["description"])))
        if page.edit_url:
            found.append((_OWN["edit"], page.edit_url))
        if page.canonical_url:
            found.append((_OWN["canonical"], page.canonical_url))
        for side, neighbour in (("previous", page.previous_page), ("next", page.next_page)):
            if neighbour is not None:
                stand_in = _Neighbour(page, side)
                base = context.get("base_url", "")
                found.append(
                    (
                        normalize_url(stand_in.url, page=page, base=base),
                        normalize_url(neighbour.url, page=page, base=base),
                    )
                )
                found.append((stand_in.title, str(neighbour.title)))
        return [put for s, v in found for put in ((s, v), (str(escape(s)), str(escape(v))))]

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
    config: Any,
    eligible: Callable[[Any], bool],
) -> tuple[FragmentCache | None, str]:
    """Cache Material's fragments and pages, or say why not."""
    if config.theme.name != "material":
        return None, "the theme is not Material"
    try:
        version = metadata.version("mkdocs-material")
    except metadata.PackageNotFoundError:
        return None, "Material's version is unknown"
    if tuple(int(n) for n in re.findall(r"\d+", version)[:2]) not in MATERIAL_VERIFIED:
        checked = ", ".join(f"{a}.{b}" for a, b in sorted(MATERIAL_VERIFIED))
        return None, f"it was checked against Material {checked}, not {version}"
    for template in _override_templates(config.theme.dirs):
        # Any template of an override (main.html, a partial) may show page data this
        # cache's keys and stand-ins do not cover.
        if re.search(r"\bpage\b", template.read_text("utf-8", errors="replace")):
            return None, f"the theme override {template} reads the page"
    return FragmentCache(env, config.use_directory_urls, eligible, config), ""


def _override_templates(theme_dirs: list[str]) -> list[Path]:
    """The templates of every theme folder that is not Material's or MkDocs' own."""
    own = [Path(str(p.__file__)).resolve().parent for p in (material, mkdocs)]
    found: list[Path] = []
    for folder in map(Path, theme_dirs):
        resolved = folder.resolve()
        if any(resolved == o or o in resolved.parents for o in own):
            continue
        found.extend(sorted(folder.glob("**/*.html")))
    return found


def _render_with_stand_in(
    template: jinja2.Template, page: Any, context: jinja2.runtime.Context
) -> str:
    title = page.meta["title"]
    page.meta["title"] = STAND_IN
    try:
        return template.render(context.get_all())
    finally:
        page.meta["title"] = title


def _left_over(html: str) -> bool:
    """Whether a stand-in is still in the HTML, as it is or URL-encoded."""
    return "\ue000" in html or _encoded(html)


def _encoded(html: str) -> bool:
    return any(e in html for e in _ENCODED)


def _put(html: str, stand_in: str, value: str) -> str:
    """The value where the stand-in is: as it is, and escaped where the theme escaped it."""
    return html.replace(stand_in, value).replace(str(escape(stand_in)), str(escape(value)))


def _fill_in_turn(
    shell: str, puts: list[tuple[str, str]], content: tuple[str, str], tags: Callable[[], str]
) -> str | None:
    """The page's own parts put into its shell one after another (a value that holds a
    stand-in is then replaced in turn); None if a stand-in came out changed."""
    html = shell
    for stand_in, value in puts:
        html = html.replace(stand_in, value)
    if _OWN["tags"] in html:
        html = html.replace(_OWN["tags"], tags())
    if html.count("\ue000") != html.count(content[0]) or _encoded(html):
        return None
    return _put(html, *content)


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


class _Shape:
    """The shared shell of a shape of page (None once a page differed) and its pages."""

    def __init__(self, shell: str):
        self.shell: str | None = shell
        self.pages = 0
        self._pieces: dict[tuple[str, ...], list[str] | None] = {}

    def pieces(self, stand_ins: tuple[str, ...]) -> list[str] | None:
        """The shell split at these stand-ins, kept in its odd places (the shell's text in
        the even ones); None if its text holds a stand-in still, or one URL-encoded."""
        if stand_ins not in self._pieces:
            assert self.shell is not None
            longest = sorted(stand_ins, key=len, reverse=True)
            found = re.split(f"({'|'.join(map(re.escape, longest))})", self.shell)
            text = found[::2]
            changed = any("\ue000" in t or _encoded(t) for t in text)
            self._pieces[stand_ins] = None if changed else found
        return self._pieces[stand_ins]


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


def report_use(cache: FragmentCache, log: logging.Logger | logging.LoggerAdapter[Any]) -> None:
    """How much the cache served (debug), and whether any shape differed (info)."""
    log.debug(
        f"theme fragments: rendered {cache.misses}, reused {cache.hits}; pages: "
        f"{cache.pages_shared} from {len(cache.shells)} shared shells, "
        f"{cache.pages_alone} alone; differed {cache.differed}"
    )
    if cache.differed:
        log.info(
            f"theme cache: {cache.differed} cached page shapes or parts differed from "
            "Material's own rendering; those are rendered page by page"
        )
