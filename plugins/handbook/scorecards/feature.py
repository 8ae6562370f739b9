"""Scorecards in the site: a printable page per standard, linked from the standard."""

from __future__ import annotations

from functools import partial

from markupsafe import Markup

from ..beside import FilesBeside
from ..handbook import Handbook
from ..model import Standard
from ..render.output import OutputFile
from ..render.pages import PageExtras, Section
from ..render.urls import Urls, standard_path
from .model import scorecard
from .render import document_html, stylesheet

CSS = "scorecards/scorecard.css"


def scorecard_path(standard: Standard) -> str:
    return f"scorecards/{standard.slug}.html"


def scored(handbook: Handbook) -> list[Standard]:
    """Standards a supervisor checks work against: published and not retired."""
    return [s for s in handbook.published() if s.status != "retired"]


class ScorecardsFeature(FilesBeside):
    name = "scorecards"
    what = "the scorecards"

    def extras(self, handbook: Handbook, urls: Urls, extras: PageExtras) -> None:
        for standard in scored(handbook):
            link = urls.relative(standard_path(standard), scorecard_path(standard))
            html = Markup(
                '<p class="hb-card-link"><a class="md-button" href="{}">QA scorecard</a></p>'
            ).format(link)
            extras.sections.setdefault(standard.id, []).append(Section(html))

    def make_files(self, handbook: Handbook, urls: Urls) -> list[OutputFile]:
        files = []
        for standard in scored(handbook):
            name = handbook.revision_of(standard)
            page = scorecard_path(standard)
            links = {
                "standard": urls.relative(page, standard_path(standard)),
                "results": urls.relative(page, "results.md"),
            }
            css = urls.relative(page, CSS)
            # The page is made of the standard's file, the revision and these links.
            key = (standard.digest, name, css, *links.values()) if standard.digest else None
            html = self.state.kept(
                "scorecard-page",
                key,
                partial(_page, standard, name, css, links),
                of=standard.digest,
            )
            files.append(OutputFile(page, html))
        files.append(OutputFile(CSS, stylesheet()))
        return files


def _page(standard: Standard, revision: str, css: str, links: dict[str, str]) -> str:
    return document_html([scorecard(standard, revision)], css=css, links=links)
