"""Build the basic fixture handbook and check each part of a standard's page."""

from __future__ import annotations

import json
import re

import markdown
import pytest
from markupsafe import escape

from conftest import build, copy_fixture, use_variant


@pytest.fixture(scope="module")
def basic(tmp_path_factory):
    project = copy_fixture("basic", tmp_path_factory.mktemp("basic"))
    result = build(project)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="module")
def page(basic):
    return basic.page("standards/phone-001/")


def section(html: str, heading_id: str) -> str:
    """The HTML from a heading to the next h2."""
    start = html.index(f'id="{heading_id}"')
    end = html.find("<h2", start + 1)
    return html[start : end if end != -1 else None]


def test_summary_and_situation_come_first(page):
    summary = page.index("Answer every call within three rings")
    situation = page.index("The phone rings at your desk")
    assert summary < situation < page.index('id="steps"')
    assert "When this applies" in page


def test_title_and_status_badge(page):
    assert re.search(r"<h1[^>]*>.*PHONE-001.*Answering the phone", page, re.S)
    assert 'class="hb-status hb-status--active">Active<' in page
    assert "<title>Answering the phone - Test handbook</title>" in page


def test_owner_and_dates(page):
    assert "Contact centre manager" in page
    assert '<time datetime="2026-01-05">5 January 2026</time>' in page
    assert '<time datetime="2099-01-05">5 January 2099</time>' in page
    assert '<time datetime="2026-06-01">1 June 2026</time>' in page


def test_steps_are_numbered_in_order(page):
    steps = section(page, "steps")
    assert '<ol class="hb-steps">' in steps
    items = re.findall(r"<li>(.*?)</li>", steps)
    assert items == [
        "Pick up by the third ring.",
        "Greet the caller with the opening line.",
        "Ask how you can help.",
    ]


def test_say_and_dont_say_side_by_side(page):
    wordings = section(page, "what-to-say")
    pair = wordings[wordings.index("hb-wording__pair") :]
    say = pair.index("Good morning, Support team, Sam speaking.")
    dont = pair.index("Yeah, hello?")
    assert 'class="hb-say"' in pair[:say] and 'class="hb-dont-say"' in pair[say:dont]
    assert "The caller knows at once they reached the right team." in wordings


def test_targets_table(page):
    targets = section(page, "targets")
    row = re.search(r"<tbody>(.*?)</tbody>", targets, re.S).group(1)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
    assert cells == [
        "Calls answered within three rings",
        "at least 90% of calls",
        "phone system report",
        "weekly",
    ]


def test_escalation_is_a_flow(page):
    chain = section(page, "escalation")
    assert 'class="hb-escalation"' in chain
    assert "Team lead" in chain and "within 15 minutes" in chain
    assert "the caller asks for a manager" in chain


def test_good_and_poor_examples_are_distinct(page):
    examples = section(page, "examples")
    assert 'class="hb-example hb-example--good"' in examples
    assert 'class="hb-example hb-example--poor"' in examples
    assert examples.index("Good example") < examples.index("Poor example")


def test_illustration_with_caption(basic, page):
    figure = re.search(r"<figure class=\"hb-figure\">(.*?)</figure>", page, re.S).group(1)
    assert 'src="../../illustrations/ring.svg"' in figure
    assert 'alt="A phone with the words three rings"' in figure
    assert "<figcaption>Pick up by the third ring.</figcaption>" in figure
    assert (basic.site / "illustrations/ring.svg").is_file()


def test_related_standard_is_a_link(page):
    related = section(page, "related-standards")
    assert 'href="../phone-002/"' in related
    assert "Retired" in related


def test_tags_come_from_material_tags(page):
    assert "greeting" in page and "calls" in page


def test_retired_standard_stays_reachable_with_banner(basic):
    page = basic.page("standards/phone-002/")
    assert "hb-banner--retired" in page
    assert "Retired: do not use this standard" in page


def test_drafts_are_left_out(basic):
    assert not (basic.site / "standards/email-001").exists()
    assert "EMAIL-001" not in basic.page("standards/")


def test_drafts_can_be_included(tmp_path):
    project = copy_fixture("basic", tmp_path)
    use_variant(project, "include-drafts")
    result = build(project)
    assert result.returncode == 0, result.output
    assert "Draft: not yet in force" in result.page("standards/email-001/")


def test_area_page_lists_its_standards(basic):
    area = basic.page("standards/telephone/")
    assert 'href="../phone-001/"' in area and 'href="../phone-002/"' in area
    assert "The phone rings at your desk or in your queue." in area


def test_targets_page_lists_every_target(basic):
    page = basic.page("targets/")
    assert "Calls answered within three rings" in page
    assert "at least 90% of calls" in page


def test_home_page_lists_areas(basic):
    home = basic.page("")
    assert "<!-- handbook:areas -->" not in home
    assert 'href="standards/phone-001/"' in home


def test_nav_has_a_section_per_area(basic):
    home = basic.page("")
    nav = home[home.index('class="md-nav md-nav--primary"') :]
    assert "Telephone" in nav


def test_standards_json(basic):
    data = json.loads((basic.site / "standards.json").read_text())
    records = {r["id"]: r for r in data["standards"]}
    assert set(records) == {"PHONE-001", "PHONE-002"}
    record = records["PHONE-001"]
    assert record["url"] == "standards/phone-001/"
    assert (basic.site / record["url"] / "index.html").is_file()
    assert record["area"] == "telephone" and record["status"] == "active"
    assert record["owner"] == "Contact centre manager" and record["review_by"] == "2099-01-05"
    assert record["content"]["wordings"][0]["dont_say"] == "Yeah, hello?"


def test_schema_and_format_reference_are_published(basic):
    schema = json.loads((basic.site / "schema/standard.schema.json").read_text())
    assert schema["title"] == "Customer-service standard"
    reference = basic.page("editors/format/")
    assert "<code>review_by</code>" in reference and "<code>escalation</code> entries" in reference


def test_edit_link_opens_the_yaml_file(tmp_path):
    project = copy_fixture("basic", tmp_path)
    use_variant(project, "edit-link")
    result = build(project)
    assert result.returncode == 0, result.output
    assert (
        'href="https://example.org/org/handbook/edit/main/standards/phone-001.yml"'
        in result.page("standards/phone-001/")
    )


def test_table_of_contents_lists_the_pages_headings(page):
    toc = page[page.index('aria-label="Table of contents"') :]
    toc = toc[: toc.index("</nav>")]
    entries = re.findall(
        r'<a href="#([^"]+)" class="md-nav__link">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>',
        toc,
    )
    assert entries == [
        ("steps", "Steps"),
        ("what-to-say", "What to say"),
        ("rules", "Rules"),
        ("targets", "Targets"),
        ("escalation", "Escalation"),
        ("examples", "Examples"),
        ("illustrations", "Illustrations"),
        ("related-standards", "Related standards"),
    ]
    for anchor, _ in entries:
        assert f'<h2 id="{anchor}">' in page


def test_headings_with_a_digit_or_apostrophe_get_the_toc_extensions_id(tmp_path):
    project = copy_fixture("basic", tmp_path)
    use_variant(project, "heading-titles")
    result = build(project)
    assert result.returncode == 0, result.output
    index = result.page("standards/")
    title = "Café 24/7: the customer's line"
    md = markdown.Markdown(extensions=["toc"], extension_configs={"toc": {"permalink": True}})
    expected = md.convert(f"## {escape(title)}")  # escaped as the templates did
    assert expected in index
    assert md.toc_tokens[0]["id"] == "cafe-247-the-customers-line"
    assert '<a href="#cafe-247-the-customers-line" class="md-nav__link">' in index
    area = result.page("standards/telephone/")
    assert '<h1 id="cafe-247-the-customers-line">' in area
