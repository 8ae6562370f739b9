"""The sample handbook's glossary in the built site: a Glossary page listing each term
with the standards using it, and on a standard page the terms it uses."""

from __future__ import annotations

import re

from conftest import Build


def test_glossary_page_lists_terms_with_the_standards_using_them(sample_site: Build) -> None:
    page = sample_site.page("glossary/")
    assert '<dt id="term-callback">callback</dt>' in page
    used = page.split('id="term-voicemail"', 1)[1].split("</dd>", 1)[0]
    assert "PHONE-003" in used and "../standards/phone-003/" in used


def test_a_standard_page_explains_the_terms_it_uses(sample_site: Build) -> None:
    page = sample_site.page("standards/phone-002/")
    box = page.split('<details class="hb-terms">', 1)[1].split("</details>", 1)[0]
    terms = re.findall(r'<dt><a href="([^"]+)">([^<]+)</a></dt>', box)
    assert ("../../glossary/#term-transfer", "transfer") in terms
    assert "voicemail" not in [name for _, name in terms]  # not used on this page


def test_glossary_is_in_the_sidebar(sample_site: Build) -> None:
    assert 'href="glossary/"' in sample_site.page("")
