"""Quick cards in the site: a print page per card, a picker page, and optional PDFs.

A card's print page is a small HTML file of its own, not a themed page: it needs none of
the site around it, and a handbook has as many of them as standards.

A card that does not fit its page is a `card-overflow` problem (a warning by default, so
`serve` keeps going and `build --strict` fails); its page says so in place of silence.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from importlib import resources
from pathlib import Path

from markupsafe import Markup

from ..beside import LAST, Parts, can_fork
from ..feature import Feature
from ..handbook import Handbook
from ..model import Standard
from ..problems import Problem
from ..render.output import OutputFile, front_matter
from ..render.pages import PageExtras, Section
from ..render.urls import Urls, standard_path
from ..rollout.feedback import suggest_links
from . import cache, typeset
from .background import Handover, Typesetting, failing, pdf_groups, pdf_names, pdf_path
from .model import carded, make_cards
from .paths import CSS, INDEX, PICKER_SCRIPT, SCRIPT, card_path
from .pdf import Measure, card_key, prepare
from .picker import picker_page
from .render import card_html, environment, site_stylesheet, stylesheet
from .sizes import SIZES


class CardsFeature(Feature):
    # Its problems and files wait for the typesetting `start` began: the engine asks for
    # them after the other features' (they still come out in the features' order).
    late = True
    after_pages = True  # in a copy, its files' content comes while the pages are rendered
    threads = True  # the typesetting's (background.py), when not in a copy

    def __init__(self) -> None:
        # Kept across `serve` rebuilds: measures by card key (so an edit lays out only the
        # cards it changed), read from and written to the cache folder.
        self.measures: dict[str, Measure] = {}
        self.measures_root: Path | None = None
        # This build's cards made in a copy of the process, or its typesetting in this
        # one, and the handbook and addresses they were started for.
        self.made: Parts | None = None
        self.typesetting: Typesetting | None = None
        self.started: tuple[Handbook, Urls] | None = None

    def start(self, handbook: Handbook, urls: Urls) -> None:
        """Make the cards while the build goes on: `problems` and `files` of this handbook
        with these `urls` hand them over. In a forked copy of the process where that is
        safe (beside.py), which prepares, typesets and makes the pages, then the PDFs
        (`files` lists them at once, their content to come); else in this process, with
        Typst laying the cards out and printing them in a thread."""
        self.started = (handbook, urls)
        self.typesetting = self.made = None
        if can_fork():
            made = partial(self._made, handbook, urls)
            self.made = Parts(made, "the quick cards", count=2, nice=LAST)
        else:
            self.typesetting = self._typeset(handbook, urls)

    def _made(self, handbook: Handbook, urls: Urls) -> Iterator[object]:
        """In the copy: the cards' problems and files (their PDFs' content left out), then
        the PDFs' content by area, as made without a copy."""
        self.made = None
        self.typesetting = typesetting = self._typeset(handbook, urls)
        yield self.state.checked(
            lambda: (self.problems(handbook), self._files(handbook, urls, pdfs_later=True))
        )
        with failing():
            yield typesetting.result()[1] if typesetting is not None else {}

    def _is_started(self, handbook: Handbook, urls: Urls | None) -> bool:
        """Whether `start` began the work for this handbook and `urls` (any, if None)."""
        started = self.started
        return (
            started is not None and started[0] is handbook and (urls is None or started[1] is urls)
        )

    def _typeset(
        self, handbook: Handbook, urls: Urls | None, pdfs: bool = True
    ) -> Typesetting | None:
        """The cards' typesetting, begun (None: the cards are neither checked nor printed);
        the PDFs too if the options ask for them and `pdfs`."""
        options = handbook.settings.options.cards
        if options.overflow == "off" and not options.pdf:
            return None
        cards = make_cards(handbook, carded(handbook), urls, self.state)
        areas = handbook.settings.areas
        size = SIZES[options.size]
        rendering = self.state.checked(lambda: prepare(cards, size, areas, self.state))
        root = handbook.settings.root
        if self.measures_root != root:
            self.measures, self.measures_root = cache.load_measures(root), root
        typeset.signature()  # worked out here, once, not in the typesetting's thread
        groups = partial(pdf_groups, areas) if options.pdf and pdfs else None
        return Typesetting(rendering, self.measures, root, groups)

    def _typeset_for(self, handbook: Handbook, urls: Urls | None) -> Typesetting | None:
        """The typesetting `start` began for this handbook and `urls` (any, if None),
        else one begun now (without PDFs if None)."""
        if self.typesetting is not None and self._is_started(handbook, urls):
            return self.typesetting
        return self._typeset(handbook, urls, pdfs=urls is not None)

    def problems(self, handbook: Handbook) -> list[Problem]:
        # Bad `card:` numbers are the loader's problems, bad card options the config's.
        if self.made is not None and self._is_started(handbook, None):
            return self.made.part(0)[0]  # type: ignore[no-any-return]  # _made's
        options, found = handbook.settings.options.cards, cache.problems(handbook.settings.root)
        if options.overflow == "off" or (typesetting := self._typeset_for(handbook, None)) is None:
            return found
        with failing():
            return found + typesetting.measured().problems(options.overflow)

    def extras(self, handbook: Handbook, urls: Urls, extras: PageExtras) -> None:
        for standard in carded(handbook):
            page = standard_path(standard)
            link = urls.relative(page, card_path(standard))
            html = Markup(
                '<p class="hb-card-link"><a class="md-button" href="{}">Print the quick card</a></p>'
            ).format(link)
            extras.sections.setdefault(standard.id, []).append(Section(html))

    def files(self, handbook: Handbook, urls: Urls) -> list[OutputFile]:
        made = self.made
        if made is None or not self._is_started(handbook, urls):
            return self._files(handbook, urls)
        # The copy's files, listed now in `_files`' order: their content waits for it.
        standards = carded(handbook)
        paths = [card_path(s) for s in standards] + [INDEX, CSS, SCRIPT, PICKER_SCRIPT]
        pdfs = pdf_names(handbook.settings.areas, standards)
        pdfs = [pdf_path(name) for name in pdfs] if handbook.settings.options.cards.pdf else []
        front = front_matter(_script("picker.html.j2"))
        return Handover(made, pdfs, paths, INDEX, front).files()

    def _files(self, handbook: Handbook, urls: Urls, pdfs_later: bool = False) -> list[OutputFile]:
        """The cards' files; with `pdfs_later`, the PDFs without their content (which
        `typesetting.result` gives once made)."""
        options = handbook.settings.options.cards
        typesetting = self._typeset_for(handbook, urls)
        made_pdfs: dict[str, bytes | None] = {}
        if typesetting is not None:
            with failing():
                if pdfs_later:
                    rendering = typesetting.measured()
                    groups = pdf_groups(handbook.settings.areas, rendering) if options.pdf else {}
                    made_pdfs = dict.fromkeys(groups)
                else:
                    rendering, printed = typesetting.result()
                    made_pdfs = dict(printed)
        else:  # the cards are neither checked nor printed
            cards = make_cards(handbook, carded(handbook), urls, self.state)
            rendering = prepare(cards, SIZES[options.size], handbook.settings.areas, self.state)
        cards = rendering.cards
        checked = typesetting is not None
        overflowing = {c.id for c in rendering.overflowing} if checked else set()
        # Cards not printed, and why, for the picker and the cards' pages.
        unprinted = {c: "too long to print" for c in overflowing}
        unprinted |= {c: "has characters the card fonts lack" for c in rendering.glyphs}
        areas = handbook.settings.areas
        pdfs: dict[str, str] = {}
        files: list[OutputFile] = []
        for area, data in made_pdfs.items():
            files.append(OutputFile(pdf_path(area), data))  # None: made later
            pdfs[area] = pdf_path(area)
        html: dict[str, Markup] = {}
        for card in cards:
            title = areas.get(card.standard.area, card.standard.area)
            html[card.id] = Markup(
                self.state.kept(
                    "card-html",
                    card_key(card, SIZES[options.size], title),
                    partial(card_html, card, SIZES[options.size], title),
                    of=card.standard.digest,
                )
            )
        suggest = suggest_links(handbook, urls, self.state)
        for card in cards:
            page = card_path(card.standard)
            pdf = pdfs.get(card.standard.area)
            values = {
                "card_html": html[card.id],
                "size": SIZES[options.size],
                "overflow": rendering.measure(card.id) if card.id in overflowing else None,
                "glyphs": tuple(p.message for p in rendering.glyphs.get(card.id, [])),
                "css": urls.relative(page, CSS),
                "script": urls.relative(page, SCRIPT),
                "standard_link": urls.relative(page, standard_path(card.standard)),
                "index_link": urls.relative(page, INDEX),
                "pdf_link": urls.relative(page, pdf) if pdf else None,
                "suggest_link": suggest.get(card.standard.id),
            }
            # Everything the page shows besides its standard is in `values`.
            digest = card.standard.digest
            key = (digest, tuple(values.items())) if digest else None
            make = partial(_card_page, card.standard, values)
            text = self.state.kept("card-page", key, make, of=card.standard.digest)
            files.append(OutputFile(page, text))
        picker = picker_page(handbook, urls, cards, pdfs, unprinted, options, self.state, html)
        files.append(picker)
        files.append(OutputFile(CSS, stylesheet() + "\n" + site_stylesheet()))
        files.append(OutputFile(SCRIPT, _script("card-page.js")))
        files.append(OutputFile(PICKER_SCRIPT, _script("picker.js")))
        return files


def _card_page(standard: Standard, values: dict[str, object]) -> str:
    return environment().get_template("page.html.j2").render(s=standard, **values)


def _script(name: str) -> str:
    """A script of the card pages (their only ones: no inline scripts or handlers), or
    another of their templates' text."""
    return resources.files("handbook").joinpath("cards", "templates", name).read_text("utf-8")
