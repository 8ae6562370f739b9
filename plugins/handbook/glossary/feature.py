"""The glossary in the site: a Glossary page, and on each standard page the terms it
uses with their definitions (a closed box, so the page reads as before)."""

from __future__ import annotations

import re
from functools import partial

from markupsafe import Markup

from ..feature import Feature
from ..handbook import Handbook
from ..lint.fields import text_fields
from ..model import Standard
from ..problems import Problem
from ..render.environment import render, render_page
from ..render.output import OutputFile
from ..render.pages import PageExtras, Section
from ..render.urls import Urls, standard_path
from .load import load
from .model import Glossary, Term

PAGE = "glossary.md"


def terms_of(glossary: Glossary, standard: Standard) -> list[Term]:
    found = glossary.find_any(field.text for field in text_fields(standard))
    return sorted(found, key=lambda t: t.term.lower())


def anchors(glossary: Glossary) -> dict[str, str]:
    return {
        t.term: "term-" + re.sub(r"[^a-z0-9]+", "-", t.term.lower()).strip("-")
        for t in glossary.terms
    }


class GlossaryFeature(Feature):
    glossary = Glossary()

    def problems(self, handbook: Handbook) -> list[Problem]:
        # Read once per build: problems are asked for first, pages and files after.
        self.glossary, found = load(handbook.settings.root)
        return found

    def _terms(self, standard: Standard) -> list[Term]:
        """The terms a standard uses: found once for its page and the Glossary page, and
        kept for `serve` rebuilds by its file and the glossary (buildstate.py)."""
        key = (standard.digest, self.glossary) if standard.digest else None
        make = partial(terms_of, self.glossary, standard)
        return self.state.kept("glossary-terms", key, make, of=standard.digest)

    def extras(self, handbook: Handbook, urls: Urls, extras: PageExtras) -> None:
        glossary = self.glossary
        if not glossary.terms:
            return
        ids = anchors(glossary)
        for standard in handbook.published():
            terms = self._terms(standard)
            if terms:
                link = urls.relative(standard_path(standard), PAGE)
                # Kept for `serve` rebuilds by all it shows: the terms, their anchors
                # (made of the whole glossary) and the link.
                key = (glossary, tuple(terms), link)
                make = partial(_section, tuple(terms), ids, link)
                section = self.state.kept("glossary-section", key, make, of=standard.digest)
                extras.sections.setdefault(standard.id, []).append(section)

    def files(self, handbook: Handbook, urls: Urls) -> list[OutputFile]:
        glossary = self.glossary
        if not glossary.terms:
            return []
        published = handbook.published()
        users: dict[str, list[Standard]] = {t.term: [] for t in glossary.terms}
        for standard in published:
            for term in self._terms(standard):
                users[term.term].append(standard)
        make = partial(
            render_page,
            PAGE,
            "glossary.html.j2",
            urls,
            entries=[(t, users[t.term]) for t in glossary.terms],
            anchors=anchors(glossary),
            paths={s.id: standard_path(s) for s in published},
            link=lambda target: urls.relative(PAGE, target),
        )
        # Kept for `serve` rebuilds by all it shows: the terms and the standards that use
        # each (their ids and titles), and the links' style.
        key = (
            glossary,
            urls.use_directory_urls,
            urls.headings,
            tuple(tuple((s.id, s.title) for s in users[t.term]) for t in glossary.terms),
        )
        return [self.state.kept("glossary-page", key, make, rarely=True)]


def _section(terms: tuple[Term, ...], ids: dict[str, str], link: str) -> Section:
    html = render("glossary_terms.html.j2", terms=list(terms), anchors=ids, glossary_link=link)
    # Markup: the template's own output, escaped where it holds text.
    return Section(Markup(html))
