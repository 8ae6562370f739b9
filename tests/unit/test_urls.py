"""Docs paths to URLs and to the site files written for them, in both URL styles."""

from __future__ import annotations

import pytest
from handbook.render.urls import Urls


@pytest.mark.parametrize(
    ("path", "directory", "flat"),
    [
        ("cards/phone-001.md", "cards/phone-001/index.html", "cards/phone-001.html"),
        ("cards/index.md", "cards/index.html", "cards/index.html"),
        ("index.md", "index.html", "index.html"),
        ("assets/handbook/cards.css", "assets/handbook/cards.css", "assets/handbook/cards.css"),
    ],
)
def test_file_path_is_where_the_url_is_served_from(path, directory, flat):
    assert Urls(use_directory_urls=True).file_path(path) == directory
    assert Urls(use_directory_urls=False).file_path(path) == flat


@pytest.mark.parametrize(
    ("directory_urls", "target", "expected"),
    [
        (True, "standards/phone-001.md", "../../standards/phone-001/"),
        (True, "cards/index.md", "../"),
        (True, "assets/handbook/cards.css", "../../assets/handbook/cards.css"),
        (False, "standards/phone-001.md", "../standards/phone-001.html"),
        (False, "cards/index.md", "index.html"),
        (False, "assets/handbook/cards.css", "../assets/handbook/cards.css"),
    ],
)
def test_links_from_a_card_page(directory_urls, target, expected):
    assert Urls(directory_urls).relative("cards/phone-001.md", target) == expected
