"""Links between generated pages, in both URL styles."""

from __future__ import annotations

import pytest

from handbook.render.urls import Urls


@pytest.mark.parametrize(
    ("directory_urls", "target", "expected"),
    [
        (True, "standards/phone-001.md", "../standards/phone-001/"),
        (True, "cards/index.md", "./"),
        (True, "cards/phone-002.html", "phone-002.html"),
        (True, "assets/handbook/cards.css", "../assets/handbook/cards.css"),
        (False, "standards/phone-001.md", "../standards/phone-001.html"),
        (False, "cards/index.md", "index.html"),
        (False, "assets/handbook/cards.css", "../assets/handbook/cards.css"),
    ],
)
def test_links_from_a_card_page(directory_urls, target, expected):
    """A card's print page is one file, `cards/<slug>.html`, in either URL style."""
    assert Urls(directory_urls).relative("cards/phone-001.html", target) == expected


@pytest.mark.parametrize(
    ("directory_urls", "expected"),
    [(True, "../../cards/phone-001.html"), (False, "../cards/phone-001.html")],
)
def test_links_to_a_card_page(directory_urls, expected):
    assert (
        Urls(directory_urls).relative("standards/phone-001.md", "cards/phone-001.html") == expected
    )
