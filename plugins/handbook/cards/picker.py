"""The quick cards' picker page: every card by area, channel and tag, to choose and print."""

from __future__ import annotations

from functools import partial

from markupsafe import Markup

from ..buildstate import BuildState
from ..handbook import Handbook
from ..options import CardOptions
from ..render import labels
from ..render.output import OutputFile, html_page
from ..render.urls import Urls
from .model import Card
from .paths import CSS, INDEX, PICKER_SCRIPT, card_path
from .render import environment
from .sizes import SIZES


def picker_page(
    handbook: Handbook,
    urls: Urls,
    cards: list[Card],
    pdfs: dict[str, str],
    unprinted: dict[str, str],
    options: CardOptions,
    state: BuildState,
    html: dict[str, Markup],
) -> OutputFile:
    """The picker; `html` is each card's, `pdfs` the PDFs' paths by area, `unprinted`
    why a card does not print, by its id."""
    areas = handbook.settings.areas
    groups = [
        (area, title, [c for c in cards if c.standard.area == area])
        for area, title in areas.items()
    ]
    channels = sorted(
        {ch for c in cards for ch in c.standard.channels}, key=list(labels.CHANNELS).index
    )
    tags = sorted({t for c in cards for t in c.standard.tags})
    items: dict[str, Markup] = {}
    anchors: dict[str, Markup] = {}
    for card in cards:
        link = urls.relative(INDEX, card_path(card.standard))
        reason = unprinted.get(card.id)
        # An entry shows its standard, its link and why it does not print, if so.
        key = (card.standard.digest, link, reason) if card.standard.digest else None
        items[card.id], anchors[card.id] = state.kept(
            "picker-entry",
            key,
            partial(_entry, card, link, reason),
            of=card.standard.digest,
        )
    by_channel = _grouped(cards, channels, "channels")
    by_tag = _grouped(cards, tags, "tags")
    size = SIZES[options.size]
    carried = len(cards) - len(unprinted) <= options.picker_cards
    css, script = urls.relative(INDEX, CSS), urls.relative(INDEX, PICKER_SCRIPT)
    make = partial(
        html_page,
        INDEX,
        environment().get_template("picker.html.j2"),
        urls.headings,
        groups=[g for g in groups if g[2]],
        cards=cards,
        html=html,
        items=items,
        anchors=anchors,
        channels=channels,
        tags=tags,
        by_channel=by_channel,
        by_tag=by_tag,
        unprinted=unprinted,
        size=size,
        carried=carried,
        css=css,
        script=script,
        link=lambda target: urls.relative(INDEX, target),
        pdfs=pdfs,
        area_titles=areas,
    )

    def ids(found: dict[str, list[Card]]) -> tuple[object, ...]:
        return tuple((name, tuple(c.id for c in group)) for name, group in found.items())

    # Kept for `serve` rebuilds by all it shows (the template reads no more of a card than
    # its id): an edit of a standard's text outside its entry changes none of it.
    page_key = (
        urls.use_directory_urls,
        urls.headings,
        size,
        carried,
        css,
        script,
        tuple(pdfs.items()),
        tuple(areas.items()),
        ids({area: group for area, _, group in groups}),
        tuple(items.items()),
        tuple(anchors.items()),
        ids(by_channel),
        ids(by_tag),
        tuple(unprinted.items()),
        tuple(html[c.id] for c in cards if c.id not in unprinted) if carried else None,
    )
    return state.kept("picker-page", page_key, make, rarely=True)


def _grouped(cards: list[Card], names: list[str], field: str) -> dict[str, list[Card]]:
    """The cards with each of `names` among their standard's channels or tags, in order:
    `{n: [c for c in cards if n in c.standard.<field>] for n in names}`, in one pass."""
    found: dict[str, list[Card]] = {name: [] for name in names}
    for card in cards:
        for name in dict.fromkeys(getattr(card.standard, field)):
            if name in found:
                found[name].append(card)
    return found


def _entry(card: Card, link: str, reason: str | None) -> tuple[Markup, Markup]:
    """A card's entry in the picker's list, and its link for the picker's plain lists."""
    anchor = Markup('<a href="{}"><span class="hb-id">{}</span> {}</a>').format(
        link, card.id, card.standard.title
    )
    template = environment().get_template("picker_item.html.j2")
    return Markup(template.render(card=card, anchor=anchor, reason=reason)), anchor
