"""Cards as HTML, from the templates beside this module."""

from __future__ import annotations

from functools import cache
from importlib import resources

import jinja2
import segno
from markupsafe import Markup

from ..render import labels
from ..render.environment import environment as page_environment
from .icons import channel_icon, channel_icon_use, channel_symbols, mark
from .model import Card
from .sizes import Size

# Page margins of a printed card: printers cannot print to the edge of the paper.
MARGIN_MM = 4.5


@cache
def environment() -> jinja2.Environment:
    """The page environment (autoescape, `md` filter…) reading the card templates."""
    env = page_environment().overlay(loader=jinja2.PackageLoader("handbook", "cards/templates"))
    env.globals.update(
        icon=channel_icon,
        icon_use=channel_icon_use,
        channel_symbols=channel_symbols,
        mark=mark,
        channel_labels=labels.CHANNELS,
        status_labels=labels.STATUS,
    )
    return env


@cache
def stylesheet() -> str:
    return resources.files("handbook").joinpath("cards", "templates", "card.css").read_text("utf-8")


@cache
def site_stylesheet() -> str:
    """What the site adds: cards at their size on screen, and print rules for browsers."""
    return resources.files("handbook").joinpath("cards", "templates", "site.css").read_text("utf-8")


@cache
def qr_svg(url: str) -> Markup:
    """A QR code of the URL as inline SVG that scales to the box it is put in."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(
        scale=1, border=2, omitsize=True, dark="#000", light="#fff", title=f"QR code: {url}"
    )
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))


def card_html(card: Card, size: Size, area_title: str) -> str:
    return (
        environment()
        .get_template("card.html.j2")
        .render(
            card=card,
            s=card.standard,
            size=size,
            area_title=area_title,
            qr=qr_svg(card.url) if card.url else None,
        )
    )


def foot_mm(size: Size) -> float:
    """Bottom margin that holds the card's footer: 1.5 mm of space, its rule and the
    10 mm QR code, and 4.5 mm that printers leave blank (as the print pages' CSS).

    The QR code's room is kept on every card, with a site_url or without, so whether a
    card fits never depends on where the site is served.
    """
    return 17.2
