"""Scorecards as HTML (site pages and the PDF's source), CSV and JSON for QA tools."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from functools import cache
from importlib import resources

import jinja2
from markupsafe import Markup

from ..render.environment import environment as page_environment
from .model import Scorecard

# Characters that make a spreadsheet read a cell as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@cache
def environment() -> jinja2.Environment:
    return page_environment().overlay(
        loader=jinja2.PackageLoader("handbook", "scorecards/templates")
    )


@cache
def stylesheet() -> str:
    files = resources.files("handbook").joinpath("scorecards", "templates")
    return files.joinpath("scorecard.css").read_text("utf-8")


def document_html(
    cards: Sequence[Scorecard], css: str | None = None, links: dict[str, str] | None = None
) -> str:
    """One HTML document of the scorecards, each starting on a new A4 sheet.

    `css` is a link to the stylesheet (site pages); without it the stylesheet, our own
    file, is put inside a <style> element as it is (the PDF). `links` are the site's links of a page: the standard, all scorecards.
    """
    return (
        environment()
        .get_template("scorecard.html.j2")
        .render(
            cards=cards,
            css=css,
            inline_css=None if css else Markup(stylesheet()),
            standard_link=(links or {}).get("standard"),
            results_link=(links or {}).get("results"),
        )
    )


def _fetch_nothing(url: str, *args: object, **kwargs: object) -> dict[str, object]:
    """The scorecard document holds everything it shows: nothing is fetched, from anywhere."""
    raise ValueError(f"scorecards fetch nothing: {url}")


def pdf(cards: Sequence[Scorecard], base: str) -> bytes:
    import weasyprint  # type: ignore[import-untyped]

    html = weasyprint.HTML(string=document_html(cards), base_url=base, url_fetcher=_fetch_nothing)
    return bytes(html.write_pdf())


def cell(text: str) -> str:
    """A CSV cell a spreadsheet shows as text, never runs as a formula."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def csv_text(cards: Sequence[Scorecard]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        ["standard", "revision", "criterion", "kind", "label", "when", "text", "mark", "comment"]
    )
    for card in cards:
        for c in card.criteria:
            row = c.as_dict()
            writer.writerow(
                [
                    cell(v)
                    for v in (
                        card.standard.id,
                        card.revision,
                        c.id,
                        c.kind,
                        row["label"],
                        row["when"],
                        row["text"],
                    )
                ]
                + ["", ""]
            )
    return buffer.getvalue()


def json_text(cards: Sequence[Scorecard]) -> str:
    data = {
        "version": 1,
        "marks": ["yes", "no", "not applicable"],
        "scorecards": [card.as_dict() for card in cards],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
