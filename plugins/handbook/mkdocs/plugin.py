"""MkDocs plugin `handbook`: loads the standards and adds their pages to the site.

Each hook hands its work to the engine-free core; this module only translates.

Over 300 lines: one method per MkDocs event (two for `config`: serve's kept theme goes in
before other plugins make its environments), each a few lines handing its work over.
"""

from __future__ import annotations

import os
from contextlib import suppress
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files

from .. import clock
from ..beside import forking
from ..buildstate import BuildState
from ..feature import Feature, FeatureFailed
from ..features import all_features, early, last_problems, late_problems, problems_of, start
from ..finding.search import tune_file as tune_search_index
from ..finding.searchbox import SCRIPT as SEARCH_SCRIPT
from ..finding.searchbox import versioned_url
from ..handbook import Handbook
from ..lint.runner import no_cycle_collection
from ..loader import load
from ..problems import Problem
from ..render.compact import compact
from ..render.navigation import default_nav, expand_nav
from ..render.pages import HOME_MARKER, PageRenderer, fill_home
from ..render.site import CSS_PATH, site_files
from ..render.urls import Urls, area_path, standard_path
from ..settings import Settings, read_mkdocs_yml
from .config import HandbookConfig
from .filelist import add, drop_outside
from .fragments import FragmentCache, report_use
from .fragments import install as cache_fragments
from .htmlpage import HtmlPages, heading_style
from .later import LaterFile, write_all
from .navtrim import NavTrimmer
from .report import report, stopping
from .searchparse import leave_unmade
from .searchparse import speed_up as speed_up_search
from .stable import Rebuilds, site_signature
from .themelist import keep_listing

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

    from .serving import IdleCollector

log = get_plugin_logger(__name__)


class HandbookPlugin(BasePlugin[HandbookConfig]):
    handbook: Handbook | None = None
    features: list[Feature] | None = None
    serving = False
    trimmer: NavTrimmer | None = None
    fragments: FragmentCache | None = None
    collector: IdleCollector | None = None  # `serve`'s, after the first build
    material_index = True  # whether this build writes Material's search index

    def __init__(self) -> None:
        super().__init__()
        self.html_pages = HtmlPages()
        # What a build sees of the builds before it (`serve`): derived work by content, and
        # the engine's bookkeeping (`rebuilds`, the state's too).
        self.state = BuildState()
        self.rebuilds = self.state.part("rebuilds", Rebuilds)
        self.problems: list[Problem] = []  # this build's, but the late features'
        self.later: list[LaterFile] = []

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Features live across `serve` rebuilds; what they work out is kept in self.state.
        self.features = all_features(self.state)
        self.serving = self.state.rebuilds = command == "serve"

    @event_priority(100)  # before other plugins' (Material's search) make theme environments
    def _theme_kept(self, config: MkDocsConfig) -> None:
        if self.config.enabled and self.serving:
            keep_listing(config.theme, self.rebuilds.listing, self.rebuilds.compiled)

    def _on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        if bad_today := clock.problem():
            raise PluginError(bad_today)
        if self.features is None:
            self.features = all_features(self.state)
        self.state.start()
        self.rebuilds = self.state.part("rebuilds", Rebuilds)
        self.trimmer = self.fragments = None  # this build's, made by on_nav and on_env
        root = Path(os.path.dirname(os.path.abspath(config.config_file_path)))
        # `serve` points site_url at the local server: printed cards must not link there.
        public = _configured_site_url(config) if self.serving else None
        settings = Settings(
            root,
            self.config.options,
            site_name=config.site_name,
            site_url=config.site_url,
            docs_dir=config.docs_dir,
            theme_dir=config.theme.custom_dir,
            public_url=public,
            repo_url=config.repo_url,
            config_file=Path(config.config_file_path),
            places=self.config.places,
        )
        # The handbook's own work makes many objects and no reference cycles: Python's
        # cycle collector, walking them again and again, was a tenth of a large build.
        # A build keeps what it loads and makes to its end: the collector leaves it be.
        building = not self.serving
        with no_cycle_collection(keep=building), forking(building), stopping():
            self.handbook = handbook = load(settings, self.state)
        self.urls = Urls(config.use_directory_urls, heading_style(config))
        features = self.features
        with no_cycle_collection(keep=building), stopping():
            start(features, handbook, self.urls, fork=building)  # beside.py
            problems = self.state.checked(lambda: problems_of(handbook, early(features)))
            if building and any(p.severity == "error" for p in problems):
                # The build stops at once, with every problem: the late features' too.
                report(problems + late_problems(handbook, features), stop_on_errors=True)
        self.problems = problems  # reported with the late features' (on_files, on_post_build)
        config.nav = expand_nav(config.nav, self.handbook)
        results = settings.root / self.config.options.results.dir
        for folder in (settings.standards_path, settings.illustrations_path, results):
            if folder.is_dir() and str(folder) not in config.watch:
                config.watch.append(str(folder))
        if CSS_PATH not in config.extra_css:
            config.extra_css.insert(0, CSS_PATH)
        if self.config.options.search.enabled:
            if SEARCH_SCRIPT not in [str(s) for s in config.extra_javascript]:
                config.extra_javascript.append(SEARCH_SCRIPT)
            _add_theme_dir(config)
        return config

    on_config = CombinedEvent(_theme_kept, _on_config)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or (handbook := self.handbook) is None:
            return None
        settings = handbook.settings
        drop_outside(files, settings.root)
        self.rebuilds.digests.start(site_signature(config, handbook))
        home_areas = PageRenderer(handbook, self.urls).home_areas  # the home page's fill
        self.rebuilds.unread.start(files, home_areas, self.rebuilds.digests.site)
        # The staff search's box replaces Material's, whose index no page loads: not made.
        self.material_index = not (
            self.config.options.search.enabled and leave_unmade(config.plugins)
        )
        if self.material_index:
            speed_up_search(
                config.plugins.get("material/search"), self._is_standard_page, _generated_here
            )
        self.html_pages = HtmlPages({standard_path(s) for s in handbook.published()})
        features = self.features or []
        building = not self.serving  # a build's cards' problems come after the pages
        with no_cycle_collection(keep=building), stopping():
            outputs = self.state.checked(
                lambda: site_files(handbook, self.urls, features, self.state)
            )
            problems = self.problems + late_problems(handbook, features, pages_first=building)
            stop = building and any(p.severity == "error" for p in problems)
            if stop:  # every problem of the run, then the build stops
                problems += last_problems(handbook, features)
            if stop or not building:
                report(problems, stop_on_errors=building)
        self.problems = problems
        if not self.serving:
            self.state.release()  # no rebuild follows: 40 MB less at 1,000 standards
        if self.config.options.search.enabled and not self.serving:
            _load_script_by_version(config, versioned_url(outputs))
        if self.serving:  # the notices of pages not built, the index's folder moved
            for warning in self.rebuilds.served(outputs, handbook, self.urls, config.site_dir):
                log.warning(warning)
        for output in outputs:
            file = add(files, config, output, handbook.settings, self.rebuilds.digests)
            if file is not None:
                self.html_pages.add(output)
        self.later = [f for f in files if isinstance(f, LaterFile)]
        if config.nav is None:
            pages = [file.src_uri for file in files.documentation_pages()]
            config.nav = default_nav(pages, handbook)
        return files

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder
    ) -> LiveReloadServer | None:
        # After the first build, before the first edit. Imported here: a build does
        # without the watcher's modules (0.08 s).
        from .serving import IdleCollector, collect_when_idle, quicken, settle_heap

        if self.config.enabled:
            if not quicken(server):
                log.debug("watching by polling only: no inotify here")
            settle_heap()
            self.collector = IdleCollector()
            collect_when_idle(server, self.collector)
        return server

    def on_shutdown(self) -> None:
        if self.collector is not None:
            self.collector.stop()

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
        if self.config.enabled and self.handbook is not None:
            areas = {area_path(a) for a in self.handbook.settings.areas}
            self.trimmer = NavTrimmer(nav, areas, len(self.handbook.published()))
        return nav

    def on_env(self, env, config: MkDocsConfig, files: Files):
        self.rebuilds.unread.fill(files)
        env.bytecode_cache = self.rebuilds.compiled
        # A new cache for each build's environment (`serve` makes one per rebuild).
        self.fragments = None
        if self.config.enabled and self.config.options.theme_cache:
            self.fragments, why_not = cache_fragments(env, config, _generated_here)
            if why_not:
                log.info(f"theme cache off, pages rendered one by one: {why_not}")
        if self.fragments is not None:
            for file in files.documentation_pages():
                if file.page is not None and self._is_standard_page(file.page):
                    self.fragments.share(file.page)
        return env

    @event_priority(100)  # first, so other plugins see a page made late (the picker) whole
    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav: Navigation):
        with suppress(FeatureFailed):  # told with the problems, after the pages
            self.html_pages.finish(page, config)
        if self.config.enabled and self.trimmer is not None:
            self.trimmer.show(page)
        self.rebuilds.unread.note(page)
        return context

    @event_priority(-100)  # last, so other plugins see the whole Markdown
    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or self.handbook is None:
            return None
        if page.file.generated_by == "handbook":
            return self.html_pages.hold(page, markdown)
        if HOME_MARKER not in markdown:
            self.rebuilds.unread.unfilled(page.file.src_uri)
            return None
        return fill_home(markdown, page.file.src_uri, self.rebuilds.unread.filling)

    @event_priority(100)  # first, so other plugins see the whole HTML
    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        return self.html_pages.content(page, config)

    def _is_standard_page(self, page: Page) -> bool:
        return self.html_pages.is_standard(page)

    @event_priority(-100)  # last, on the finished page
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        return compact(output) if self.config.enabled else None

    @event_priority(-50)  # after the search plugin wrote its index, before `offline` copies it
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        with stopping():
            if self.config.enabled and self.handbook is not None and not self.serving:
                # The run's problems, told together once the cards' have come.
                late = last_problems(self.handbook, self.features or [])
                report(self.problems + late, stop_on_errors=True)
            write_all(self.later)  # the files made while the pages were rendered
        if self.fragments is not None:
            report_use(self.fragments, log)
        if self.state.failed:
            log.info(f"build cache: kept results differed, made again: {self.state.distrusted}")
        if self.config.enabled and self.handbook is not None and self.material_index:
            index = Path(config.site_dir) / "search" / "search_index.json"
            tune_search_index(index, self.handbook, self.urls)


def _load_script_by_version(config: MkDocsConfig, url: str) -> None:
    """Pages load search.js by its address with this build's version (`versioned_url`); not
    under serve, whose server lets browsers keep nothing: every edit would change every page."""
    scripts = config.extra_javascript
    for n, script in enumerate(scripts):
        if str(script).split("?")[0] == SEARCH_SCRIPT:
            scripts[n] = url  # MkDocs takes a str as well as its ExtraScriptValue


def _add_theme_dir(config: MkDocsConfig) -> None:
    """The handbook's theme partials (the search box) after the site's own overrides."""
    folder = str(resources.files("handbook").joinpath("templates", "theme"))
    if folder not in config.theme.dirs:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, folder)


def _configured_site_url(config: MkDocsConfig) -> str:
    """site_url as mkdocs.yml sets it ("" when it does not), before `serve` replaced it."""
    return read_mkdocs_yml(Path(config.config_file_path))[0].get("site_url") or ""


def _generated_here(page: Page) -> bool:
    return page.file.generated_by == "handbook"
