"""Where the quick cards' files go in the site."""

from __future__ import annotations

from ..model import Standard

INDEX = "cards/index.md"
CSS = "assets/handbook/cards.css"
SCRIPT = "assets/handbook/card-page.js"
PICKER_SCRIPT = "assets/handbook/picker.js"


def card_path(standard: Standard) -> str:
    """The card's print page: one HTML file, with no folder of its own in either URL style.

    A folder per card would double the folders of a large site, and making folders is
    the slowest thing a build asks of the file system (a third of a millisecond each).
    """
    return f"cards/{standard.slug}.html"
