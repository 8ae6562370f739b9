"""The sample handbook's loop: goals, pilots (a revised version beside the current one),
an announced change and "Suggest a change", as built pages."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit


def test_pilot_version_and_current_are_both_reachable_and_labelled(sample_site):
    pilot = sample_site.page("standards/phone-004/")
    current = sample_site.page("standards/phone-001/")
    assert "<title>Answering the phone, shorter greeting (pilot version)" in pilot
    assert "Pilot version of PHONE-001: only for Billing queue at Leeds contact centre" in pilot
    assert re.search(
        r'Everyone else</strong> keeps following the current standard, <a href="../phone-001/"',
        pilot,
    )
    assert "A revised version is on pilot with Billing queue at Leeds contact centre" in current
    assert 'href="../phone-004/"' in current
    assert "pilot version" not in current.split("<title>")[1].split("</title>")[0]


def test_quick_cards_are_made_of_the_current_version_only(sample_site):
    assert (sample_site.site / "cards" / "phone-001.html").is_file()
    assert not (sample_site.site / "cards" / "phone-004.html").exists()
    assert "PHONE-004" not in sample_site.page("cards/")


def test_pilots_page_lists_the_running_and_the_finished_pilot(sample_site):
    page = sample_site.page("pilots/")
    running, finished = page.split('id="due"')[0], page.split('id="finished"')[1]
    assert "PHONE-004" in running and "New version of" in running
    assert "CHAT-001" in finished and "Adopted on" in finished
    chat = sample_site.page("standards/chat-001/")
    assert "Piloted 2 March 2026 to 26 June 2026: adopted" in chat


def test_goals_page_and_each_standard_names_its_goals(sample_site):
    page = sample_site.page("goals/")
    assert '<h2 id="quick-response">Answer quickly' in page
    assert "Standards that name no goal" not in page
    standard = sample_site.page("standards/phone-002/")
    assert 'href="../../goals/#first-contact">Solve it the first time</a>' in standard


def test_announced_change_shows_beside_the_current_text(sample_site):
    page = sample_site.page("standards/phone-002/")
    assert "Changing soon: the text below applies until then" in page
    assert '<time datetime="2027-03-01">1 March 2027</time>' in page
    assert "Come back to the line every <strong>45 seconds</strong>" in page


def test_suggest_a_change_opens_a_prefilled_issue(sample_site):
    for path in ("standards/phone-001/", "cards/phone-001.html"):
        page = sample_site.page(path)
        (href,) = re.findall(r'href="([^"]+)"[^>]*>Suggest a change', page)
        parts = urlsplit(href.replace("&amp;", "&"))
        assert parts.netloc == "github.com"
        assert parts.path == "/example-org/service-handbook/issues/new"
        query = parse_qs(parts.query)
        assert query["template"] == ["suggest-a-change.yml"]
        assert query["standard"] == ["PHONE-001 Answering the phone"]
        assert query["address"] == ["standards/phone-001/"]
        assert query["revision"][0]


def test_the_issue_form_asks_for_the_fields_the_page_fills(sample_site):
    import yaml

    from conftest import ROOT

    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/suggest-a-change.yml").read_text())
    ids = {field.get("id") for field in form["body"]}
    assert {"standard", "revision", "address", "change", "source"} <= ids
