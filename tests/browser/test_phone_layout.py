"""At 375 px the Targets page's table becomes labelled blocks that fit the screen, and
escalation boxes are as tall as their text (Debian's Chromium, the built sample)."""

from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def phone(sample_site):
    if not CHROMIUM.exists():
        pytest.skip("no Chromium at /usr/bin/chromium: install Debian's chromium (make browser)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield browser.new_page(viewport={"width": 375, "height": 812}), sample_site.site
        browser.close()


def test_targets_table_is_labelled_blocks_that_fit(phone) -> None:
    page, site = phone
    page.goto((site / "targets" / "index.html").as_uri())
    table = page.locator("table.hb-stack").first
    assert table.bounding_box()["width"] <= 375
    label = page.evaluate(
        "getComputedStyle(document.querySelector('table.hb-stack td'), '::before').content"
    )
    assert label == '"Standard"'
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_escalation_boxes_are_as_tall_as_their_text(phone) -> None:
    page, site = phone
    page.goto((site / "standards" / "comp-002" / "index.html").as_uri())
    gaps = page.evaluate(
        """[...document.querySelectorAll('ol.hb-escalation > li:not(.hb-escalation__start)')]
        .map(li => li.getBoundingClientRect().bottom - li.lastElementChild.getBoundingClientRect().bottom)"""
    )
    assert gaps and max(gaps) < 20, gaps
