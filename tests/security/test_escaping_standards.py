"""Hostile standard fields, file and folder names and mkdocs.yml values, in the built site.

One site is built with all of them (sites are slow to build); each test reads a part of it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from urllib.parse import unquote

import escapekit as kit
import pytest
from markupsafe import escape
from pypdf import PdfReader

from conftest import FIXTURES, build
from gitrepo import standard
from handbook import clock
from handbook.markup import plain

FOLDER = f"tele{kit.ATTRIBUTE} '<b>"
FILE = f"x{kit.QUOTE}#?%&.yml"
TITLE = f'Fish & "chips"{kit.ATTRIBUTE}{kit.QUOTE}'
SUMMARY = (
    f"Staff say &lt;script&gt;alert(9)&lt;/script&gt; and `{kit.IMAGE}` then "
    f"{kit.ATTRIBUTE} {kit.QUOTE} {kit.TAG} {kit.TITLE} {kit.CDATA} {kit.LINK}."
)
OWNER = f"{kit.LINK} {kit.ATTR_LIST} #"
AREAS = {
    "telephone": f"Telephone {kit.TITLE}",
    "email-and-chat": f"Email {kit.LINK} {kit.ATTR_LIST}",
    "complaints": f"Complaints{kit.ATTRIBUTE}{kit.QUOTE}",
}
REPO = "https://github.com/example-org/handbook"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return _hostile_site(tmp_path_factory.mktemp("escaping") / "handbook")


@pytest.fixture(scope="module")
def material_site(tmp_path_factory):
    """The same, with Material's own search and its index (the handbook's `search: false`)."""
    return _hostile_site(tmp_path_factory.mktemp("escaping-material") / "handbook", True)


def _hostile_site(root, material_search=False):
    shutil.copytree(FIXTURES / "basic", root)
    config = (root / "mkdocs.yml").read_text("utf-8")
    config = config.replace(
        "  font: false\n",
        "  font: false\n  features: [content.action.edit, content.action.view]\n",
    )
    areas = "".join(f"        {k}: {json.dumps(v)}\n" for k, v in AREAS.items())
    # Payloads are hard reading: the readability rule would fail the strict build.
    options = "      lint:\n        readability: 'off'\n"
    options += "      search: false\n" if material_search else ""
    config = config.replace("  - handbook\n", f"  - handbook:\n{options}      areas:\n{areas}")
    config = f"repo_url: {REPO}\nedit_uri: edit/main/docs/\n" + config
    (root / "mkdocs.yml").write_text(config, "utf-8")
    due = (clock.today() + dt.timedelta(days=20)).isoformat()
    evil = standard("EVIL-001", TITLE, "complaints", summary=SUMMARY, owner=OWNER, review_by=due)
    (root / "standards" / FOLDER).mkdir()
    (root / "standards" / FOLDER / FILE).write_text(evil, "utf-8")
    # A folder named like a link with a scheme, in the other hostile area.
    (root / "standards" / kit.SCHEME).mkdir()
    other = standard("EVIL-002", "Webchat greeting", "email-and-chat")
    (root / "standards" / kit.SCHEME / "a b.yml").write_text(other, "utf-8")
    result = build(root)
    assert result.returncode == 0, result.output
    return result


def test_no_page_holds_script_handlers_or_script_links(site):
    assert kit.site_problems(site.site) == {}


def test_summary_stays_in_the_description(site):
    page = kit.parse(site.page("standards/evil-001/"))
    assert page.metas["description"] == plain(SUMMARY)
    # Entity-escaped and code-quoted markup comes out as the text it was.
    assert "<script>alert(9)</script>" in page.metas["description"]
    assert f"`{kit.IMAGE}`" not in page.metas["description"]
    assert kit.IMAGE in page.metas["description"]


def test_title_stays_text_in_the_head_header_and_navigation(site):
    html = site.page("standards/evil-001/")
    page = kit.parse(html)
    assert "".join(page.titles) == f"{TITLE} - Test handbook"
    assert str(escape(TITLE)) in html  # printed escaped, never as it is
    assert TITLE not in html
    # In the navigation of another page, and in the page header.
    assert TITLE in kit.text_of(site.page("standards/phone-001/"))


def test_file_and_folder_names_are_percent_encoded_in_edit_links(site):
    page = kit.parse(site.page("standards/evil-001/"))
    (edit,) = page.attribute("a", "href", rel="edit")
    path = f"standards/{FOLDER}/{FILE}"
    assert unquote(edit) == f"{REPO}/edit/main/{path}"
    assert not set(edit.removeprefix(REPO)) & set("\"'<> #?&:")  # each one percent-encoded
    views = [h for h in page.attribute("a", "href") if "/raw/" in h]
    assert [unquote(v) for v in views] == [f"{REPO}/raw/main/{path}"]
    (edit,) = kit.parse(site.page("standards/evil-002/")).attribute("a", "href", rel="edit")
    assert edit == f"{REPO}/edit/main/standards/javascript%3Aalert%288%29/a%20b.yml"


def test_area_titles_from_mkdocs_yml_are_text_everywhere(site):
    for area, title in AREAS.items():
        html = site.page(f"standards/{area}/")
        assert kit.parse(html).problems() == []
        assert "".join(kit.parse(html).titles) == f"{title} - Test handbook"
        assert title in kit.text_of(html)  # its heading, and the navigation
    # On the index's Markdown headings: no link (beyond their own anchors), no attributes.
    index = kit.parse(site.page("standards/"))
    assert not [h for h in index.attribute("a", "href") if "alert" in h and h[0] != "#"]
    assert AREAS["email-and-chat"] in kit.text_of(site.page("targets/"))


def test_owner_heading_on_the_review_page_is_text(site):
    html = site.page("review/")
    assert OWNER in kit.text_of(html)
    page = kit.parse(html)
    assert page.problems() == []
    # The heading made no link: the page links only where it did before (and its anchor).
    assert not [h for h in page.attribute("a", "href") if "javascript:" in h]


def test_json_files_hold_no_markup_and_the_same_data(site):
    raw = (site.site / "standards.json").read_text("utf-8")
    assert not set(raw) & set("<>")
    (record,) = [s for s in json.loads(raw)["standards"] if s["id"] == "EVIL-001"]
    assert (record["title"], record["owner"]) == (TITLE, OWNER)
    assert record["content"]["summary"] == SUMMARY


def test_materials_search_index_holds_no_markup_and_its_pages_no_scripts(material_site):
    assert kit.search_index_problems(material_site.site) == []
    assert kit.site_problems(material_site.site) == {}


def test_search_shows_the_title_as_text(material_site):
    site = material_site
    index = json.loads((site.site / "search" / "search_index.json").read_text("utf-8"))
    found = [d["title"] for d in index["docs"] if d["location"].startswith("standards/evil-001/")]
    # Material shows search titles as HTML: the title is there as text.
    assert kit.text_of(found[0]) == f"EVIL-001 {TITLE}"


def test_lint_strict_reads_the_hostile_handbook(site):
    result = subprocess.run(
        [sys.executable, "-m", "handbook.cli", "lint", "--strict"],
        cwd=site.project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert "Traceback" not in result.stderr
    # Escaping makes the text harmless, so it is no lint problem of itself.
    assert result.returncode == 0, result.stdout + result.stderr


def test_quick_card_pdf_prints_the_hostile_text_as_text(site, tmp_path):
    pdf = tmp_path / "evil.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "handbook.cli", "cards", "--out", str(pdf), "--id", "EVIL-001"],
        cwd=site.project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert " ".join(TITLE.split()) in text  # the title as written: no markup was read
    assert " ".join(AREAS["complaints"].upper().split()) in text  # the card's area, in capitals
