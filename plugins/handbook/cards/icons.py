"""Channel icons, drawn as small inline SVGs so cards need no image files or fonts.

Line drawings on a 24-unit grid in the text colour: they stay sharp at any size and
print clearly in black and white. Each has a text label next to it on the card.
"""

from __future__ import annotations

from markupsafe import Markup

_SHAPES = {
    # Handset
    "phone": '<path d="M6.5 3h3l1.5 4.5-2 1.5a11 11 0 0 0 6 6l1.5-2 4.5 1.5v3a2 2 0 0 1-2 2A16 16 0 0 1 4.5 5a2 2 0 0 1 2-2z"/>',
    # Envelope with its flap
    "email": '<rect x="3" y="5.5" width="18" height="13" rx="1.5"/><path d="M3.5 6.5 12 13l8.5-6.5"/>',
    # Speech bubble with three dots
    "chat": '<path d="M4 5h16v11H10l-4.5 3.5V16H4z"/><path d="M8.5 10.5h.01M12 10.5h.01M15.5 10.5h.01" stroke-width="2.6"/>',
    # Two people face to face at a desk
    "in-person": '<circle cx="7" cy="6.5" r="2.5"/><circle cx="17" cy="6.5" r="2.5"/><path d="M3 15v-2.5a4 4 0 0 1 8 0V15M13 15v-2.5a4 4 0 0 1 8 0V15M2 18h20"/>',
    # Video camera
    "video": '<rect x="2.5" y="6.5" width="13" height="11" rx="1.5"/><path d="m15.5 10.5 6-3.5v10l-6-3.5"/>',
    # Three linked nodes (sharing)
    "social-media": '<circle cx="6" cy="12" r="2.5"/><circle cx="18" cy="5.5" r="2.5"/><circle cx="18" cy="18.5" r="2.5"/><path d="m8.2 10.8 7.6-4.1M8.2 13.2l7.6 4.1"/>',
    # A written page
    "letter": '<path d="M6 2.5h8.5l4 4v15H6z"/><path d="M14.5 2.5v4h4M9 11h7M9 14.5h7M9 18h4.5"/>',
}
# Any channel a later schema adds still gets a neutral mark rather than nothing.
_FALLBACK = '<circle cx="12" cy="12" r="8"/>'


def _line_drawing(color: str) -> str:
    """How every channel icon is drawn: round-ended lines of one width, no fill."""
    return (
        f'viewBox="0 0 24 24" fill="none" stroke="{color}" stroke-width="2" '
        'stroke-linecap="round" stroke-linejoin="round"'
    )


def channel_icon(channel: str, color: str = "currentColor") -> Markup:
    """The icon of a channel as inline SVG; decorative, since its label is printed beside it.

    Printed cards name their colour (channel_svg): an SVG image does not inherit it.
    """
    shape = _SHAPES.get(channel, _FALLBACK)
    return Markup(
        f'<svg class="hb-icon" xmlns="http://www.w3.org/2000/svg" {_line_drawing(color)} '
        f'width="1em" height="1em" aria-hidden="true" focusable="false">{shape}</svg>'
    )


def channel_svg(channel: str, color: str = "#000") -> str:
    """The icon of a channel as a standalone SVG document, for the printed card."""
    shape = _SHAPES.get(channel, _FALLBACK)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" '
        f"{_line_drawing(color)}>{shape}</svg>"
    )


def channel_symbols(channels: list[str]) -> Markup:
    """The channels' icons defined once in a page, for `channel_icon_use` to draw.

    For pages that list many cards (a thousand cards listed 2,700 inline icons, 0.9 MB);
    browsers only: cards keep their own icons, so each one prints on its own.
    """
    # Drawing attributes on each symbol: a <use> copy inherits from where it is used.
    symbols = "".join(
        f'<symbol id="hb-channel-{c}" {_line_drawing("currentColor")}>'
        f"{_SHAPES.get(c, _FALLBACK)}</symbol>"
        for c in channels
    )
    return Markup(f'<svg class="hb-icon-defs" hidden aria-hidden="true">{symbols}</svg>')


def channel_icon_use(channel: str) -> Markup:
    """A channel's icon drawn from the page's `channel_symbols`."""
    return Markup(
        '<svg class="hb-icon" width="1em" height="1em" aria-hidden="true" focusable="false">'
        f'<use href="#hb-channel-{channel}"/></svg>'
    )


def _mark_shape(kind: str) -> str:
    if kind == "say":
        return '<path d="m5 12.5 4.5 4.5L19 7"/>'
    return '<path d="M6 6l12 12M18 6 6 18"/>'


_MARK_DRAWING = (
    'viewBox="0 0 24 24" fill="none" stroke="#000" stroke-width="3.2" '
    'stroke-linecap="round" stroke-linejoin="round"'
)


def mark(kind: str) -> Markup:
    """A tick (say) or a cross (don't say), drawn so it prints without special fonts."""
    return Markup(
        f'<svg class="hb-mark" xmlns="http://www.w3.org/2000/svg" {_MARK_DRAWING} '
        f'width="1em" height="1em" aria-hidden="true">{_mark_shape(kind)}</svg>'
    )


def mark_svg(kind: str) -> str:
    """The tick or cross as a standalone SVG document, for the printed card."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" {_MARK_DRAWING}>'
        f"{_mark_shape(kind)}</svg>"
    )
