"""The finding aids in a real build: filters page, freshness, search index, offline parts."""

from __future__ import annotations

import json

import pytest

from conftest import build, copy_fixture, use_variant


@pytest.fixture(scope="module")
def overdue(tmp_path_factory):
    """The basic handbook with PHONE-001 past its review date (the linter's check is off)."""
    project = copy_fixture("basic", tmp_path_factory.mktemp("finding"))
    standard = project / "standards" / "phone-001.yml"
    text = standard.read_text("utf-8")
    standard.write_text(text.replace("review_by: 2099-01-05", "review_by: 2020-01-05"), "utf-8")
    use_variant(project, "stale-off")
    result = build(project)
    assert result.returncode == 0, result.output
    return result


def test_overdue_standard_shows_a_banner(overdue):
    page = overdue.page("standards/phone-001/")
    assert (
        '<p class="admonition-title">Review overdue: this standard may be out of date</p>' in page
    )
    assert '<time datetime="2020-01-05">5 January 2020</time>' in page
    assert "Review overdue" not in overdue.page("standards/phone-002/")  # retired


def test_due_for_review_page_lists_it_by_owner(overdue):
    page = overdue.page("review/")
    assert "<h1" in page and "Due for review" in page
    assert 'id="contact-centre-manager"' in page
    assert "PHONE-001" in page and "Overdue by 6 years" in page
    assert "EMAIL-001" not in page  # a draft
    assert "PHONE-002" not in page  # retired


def test_filters_page_and_its_script_are_built(overdue):
    page = overdue.page("filters/")
    assert page.count('class="hb-filter__item"') == 2  # the retired PHONE-002 is published too
    assert "data-hb-filter-results" in page
    assert (overdue.site / "assets" / "handbook" / "filters.js").is_file()
    assert (overdue.site / "assets" / "handbook" / "iframe-worker.js").is_file()


@pytest.fixture(scope="module")
def material_search(tmp_path_factory):
    """The basic handbook with Material's own search (`search: false`)."""
    project = copy_fixture("basic", tmp_path_factory.mktemp("material-search"))
    use_variant(project, "material-search")
    result = build(project)
    assert result.returncode == 0, result.output
    return result


def test_as_shipped_only_the_staff_search_index_is_written(overdue):
    """No page loads Material's index under the staff search: it is not made."""
    assert not (overdue.site / "search" / "search_index.json").exists()
    assert list((overdue.site / "search" / "handbook").glob("*/meta.js"))
    page = overdue.page("standards/phone-001/")
    assert 'name="hb-search"' in page and 'name="search"' not in page
    assert 'for="__search"' in page  # the header's button, shown while Material's plugin is


def test_material_search_writes_its_index_with_the_sites_weights(material_search):
    index = json.loads((material_search.site / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["fields"]["title"] == {"boost": 1.5}
    page = material_search.page("standards/phone-001/")
    assert 'name="search"' in page and "hb-search" not in page
    assert not (material_search.site / "search" / "handbook").exists()


def test_search_index_boosts_standards_and_leaves_out_list_pages(material_search):
    index = json.loads((material_search.site / "search" / "search_index.json").read_text("utf-8"))
    boosts = {doc["location"]: doc.get("boost", 1) for doc in index["docs"]}
    assert boosts["standards/phone-001/"] == 2
    assert boosts["standards/phone-001/#what-to-say"] == 3
    assert boosts["standards/phone-001/#rules"] == 2
    assert not [loc for loc in boosts if loc.startswith(("filters/", "review/"))]
    # Result previews start with the summary and situation, not the labels and dates above.
    first = next(d for d in index["docs"] if d["location"] == "standards/phone-001/")
    assert "Effective" not in first["text"] and "When this applies" in first["text"]
    # Lists of standards are not indexed a second time on the area pages.
    area = next(d for d in index["docs"] if d["location"] == "standards/telephone/")
    assert "The phone rings at your desk" not in area["text"]


def test_sample_site_asks_no_api_and_names_its_search_dialog(sample_site):
    home = sample_site.page("")
    assert 'data-md-component="source"' not in home
    assert 'role="dialog" aria-label="Search"' in home
    assert not (sample_site.site / "search" / "search_index.json").exists()
