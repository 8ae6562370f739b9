"""The escaping helpers (render/escape.py), value by value, and the rule that every link a
template writes goes through them."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml

from gitrepo import standard
from handbook.cards.model import make_cards
from handbook.handbook import Handbook
from handbook.loader import load_one
from handbook.render.escape import (
    front_matter,
    json_for_html,
    safe_url,
    url_path,
    xml_text,
)
from handbook.render.headings import Headings, HeadingStyle
from handbook.settings import Settings

PACKAGE = Path(__file__).parents[2] / "plugins" / "handbook"


@pytest.mark.parametrize(
    ("url", "written"),
    [
        ("https://example.org/a b?q=1#x", "https://example.org/a%20b?q=1#x"),
        ("HTTP://example.org/", "HTTP://example.org/"),
        ("mailto:desk@example.org", "mailto:desk@example.org"),
        ("tel:+441234567890", "tel:+441234567890"),
        ("../standards/phone-001/", "../standards/phone-001/"),
        ('x" onmouseover="alert(1)', "x%22%20onmouseover=%22alert(1)"),
        ("<script>", "%3Cscript%3E"),
        ("café", "caf%C3%A9"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox(1)", None),
        # Whitespace a browser would drop is encoded, so no scheme is read at all.
        (" javascript:alert(1)", "%20javascript:alert(1)"),
        ("java\tscript:alert(1)", "java%09script:alert(1)"),
    ],
)
def test_safe_url_allows_only_known_schemes(url, written):
    assert safe_url(url) == written


@pytest.mark.parametrize(
    ("path", "written"),
    [
        ("standards/phone-001.yml", "standards/phone-001.yml"),
        ('tele" x/a b.yml', "tele%22%20x/a%20b.yml"),
        ("javascript:alert(1)/x.yml", "javascript%3Aalert%281%29/x.yml"),
        ("a#b?c&d%e'f<g>.yml", "a%23b%3Fc%26d%25e%27f%3Cg%3E.yml"),
    ],
)
def test_url_path_encodes_every_character_a_name_could_abuse(path, written):
    assert url_path(path) == written
    assert safe_url(url_path(path)) == written


@pytest.mark.parametrize(
    "text",
    [
        "[click](javascript:alert(1))",
        "![x](javascript:alert(1))",
        "Title {onclick=alert(1)}",
        "<script>alert(1)</script>",
        "<https://example.org>",
        "*bold* _it_ `code` #tag",
        "Q&A: \"quotes\" & 'apostrophes'",
    ],
)
def test_a_heading_stays_the_same_words(text):
    made = Headings(HeadingStyle(permalink=True))(2, text)
    inner = re.fullmatch(r'<h2 id="[^"]*">(.*)<a class="headerlink" [^>]*>&para;</a></h2>', made)[1]
    assert "<" not in inner  # no element of any kind
    assert html.unescape(inner) == text  # the reader sees the text as it was written


def test_front_matter_is_yaml_of_escaped_html():
    text = 'Fish & "chips" </title><script>alert(1)</script>\nsecond: line'
    assert yaml.safe_load(f"title: {front_matter(text)}") == {
        "title": "Fish &amp; &#34;chips&#34; &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
        "\nsecond: line"
    }


def test_xml_text_drops_what_xml_forbids_and_keeps_the_rest():
    assert xml_text("a\x00b\x01c\x07d\x0be\x0cf\x1bg\ufffeh\ud800i") == "abcdefghi"
    assert xml_text("tab\tnewline\nreturn\r é ✔") == "tab\tnewline\nreturn\r é ✔"
    assert xml_text(3) == 3


def test_json_for_html_holds_no_markup_and_the_same_data():
    data = {"title": "</script><script>alert(1)</script> & <!--", "n": [1, "é"]}
    text = json_for_html(data)
    assert not set(text) & set("<>&")
    assert json.loads(text) == data


def test_cards_link_to_the_site_only_with_an_allowed_scheme(tmp_path):
    data = yaml.safe_load(standard("PHONE-001", "Answering the phone"))
    text = "".join(f"{k}: {json.dumps(v)}\n" for k, v in data.items())
    s, problems = load_one("standards/phone-001.yml", text)
    assert problems == []
    links = {}
    for site_url in ("https://example.org/my handbook/", "javascript:alert(1)//"):
        handbook = Handbook([s], settings=Settings(root=tmp_path, site_url=site_url))
        (card,) = make_cards(handbook, [s])
        links[site_url] = card.url
    assert links == {
        "https://example.org/my handbook/": "https://example.org/my%20handbook/standards/phone-001/",
        "javascript:alert(1)//": None,
    }


# Where each href/src a template writes comes from, when it is not `link(...)`
# (Urls.relative: encoded paths inside the site). Add a new one here with its source.
OTHER_URLS = {
    "css": "Urls.relative to a stylesheet (cards, scorecards, as-of pages)",
    "script": "Urls.relative to a script of the site (cards, changelog filter form)",
    "standard_link": "Urls.relative to the standard's page",
    "results_link": "Urls.relative to the Results page (scorecard pages)",
    "index_link": "Urls.relative to the cards' index",
    "pdf_link": "Urls.relative to an area's PDF",
    "links.standard": "scorecards: Urls.relative to the standard's page",
    "links.results": "scorecards: Urls.relative to the results page",
    "current_link": "Urls.relative to the standard a pilot revises",
    "pilots_link": "Urls.relative to the pilots page",
    "pilot_link": "Urls.relative to a pilot's page",
    "current": "changelog/asof.py: Urls.relative to the standard's current page",
    "feedback_href": "rollout.pilots.feedback_href: mailto for an address, else safe_url",
    "suggest_link": "rollout.feedback.suggest_links: each link passed through safe_url",
    "self_href": "ChangelogRenderer.feed: safe_url(site_url) + an encoded path, or relative",
    "index_href": "ChangelogRenderer.feed: safe_url(site_url) + an encoded path, or relative",
    "e.href": "ChangelogRenderer.feed: safe_url(site_url) + an encoded path, or relative",
    "glossary_link": "Urls.relative to the Glossary page (glossary/feature.py)",
    "chart_src": "results/feature.block: Urls.relative to the target's chart file",
    "feedback_url": "rollout.pilots.feedback_href: mailto for an address, else safe_url",
    "row_href": "render/pages.PageRenderer._rows: Urls.relative to the standard's page",
}


def test_every_link_a_template_writes_comes_from_a_known_safe_place():
    found = {}
    for template in sorted(PACKAGE.rglob("*.j2")):
        text = template.read_text("utf-8")
        for match in re.finditer(r"\b(?:href|src|action|formaction)=\"([^\"]*)\"", text):
            value = match.group(1)
            if "{{" not in value:
                continue
            expression = re.match(r"\{\{\s*(.*?)\s*\}\}", value)
            assert expression, f"{template.name}: {value!r} is not one expression"
            name = expression.group(1)
            if not name.startswith("link("):
                found.setdefault(name, []).append(template.name)
    assert set(found) <= set(OTHER_URLS), found
