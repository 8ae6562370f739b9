"""The search benchmark's query sets and scoring (benchmarks/search_bench.py).

The figures themselves come from `make bench`; these check what decides them: every
query accepts real standards, and a first or top-3 hit is counted as the README says.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parent.parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import search_bench  # noqa: E402

KINDS = {"question", "sentence", "plural", "word-form", "typo", "synonym", "fragment", "customer"}
IDS = {
    yaml.safe_load(path.read_text("utf-8"))["id"] for path in (ROOT / "standards").rglob("*.yml")
}


@pytest.mark.parametrize(("name", "least"), [("staff", 80), ("held-out", 30), ("blind", 80)])
def test_query_sets_accept_sample_standards(name, least):
    cases = search_bench.load_queries()[name]
    assert len(cases) >= least
    assert len({c["query"].lower() for c in cases}) == len(cases)
    for case in cases:
        assert case["kind"] in KINDS, case
        assert case["accept"] and set(case["accept"]) <= IDS, case


def test_held_out_queries_differ_from_the_tuning_set():
    sets = search_bench.load_queries()
    staff = {c["query"].lower() for c in sets["staff"]}
    assert not staff & {c["query"].lower() for c in sets["held-out"]}
    assert not staff & {c["query"].lower() for c in sets["blind"]}
    assert not {c["query"].lower() for c in sets["held-out"]} & {
        c["query"].lower() for c in sets["blind"]
    }


def test_score_counts_first_and_top_three():
    cases = [
        {"query": "a", "kind": "typo", "accept": ["X-1", "X-2"]},
        {"query": "b", "kind": "typo", "accept": ["X-1"]},
        {"query": "c", "kind": "plural", "accept": ["X-3"]},
    ]
    answers = [["X-2", "X-9"], ["X-9", "X-8", "X-1"], ["X-9", "X-8", "X-7", "X-3"]]
    scored = search_bench.score(cases, answers)
    assert scored["all"] == {"asked": 3, "first": 1, "top3": 2}
    assert scored["kinds"]["typo"] == {"asked": 2, "first": 1, "top3": 2}
    assert [m["query"] for m in scored["misses"]] == ["b", "c"]
    assert scored["misses"][1]["got"] == ["X-9", "X-8", "X-7"]


SHIPPED = """\
theme:
  features:
    - search.suggest
    - search.highlight
plugins:
  - search:
      # tuned
      fields:
        title: { boost: 1.5 }
  - tags
  - handbook:
      standards_dir: standards
      search:
        synonyms: [[a, b]]
      cards:
        pdf: true
      owners:
        "*": "@x"
"""


def test_material_twin_has_default_search_no_handbook_search_and_no_cards():
    twin = search_bench.material_config(SHIPPED, cards_off=True)
    assert "  - search\n  - tags\n" in twin
    assert "    - search.suggest\n    - search.highlight\n" in twin  # the theme's, kept
    assert "boost" not in twin
    assert "synonyms" not in twin
    assert '      search: false\n      cards: {overflow: "off", pdf: false}\n' in twin
    assert "pdf: true" not in twin
    assert '      owners:\n        "*": "@x"\n' in twin


def test_material_twin_adds_search_where_there_is_none():
    twin = search_bench.material_config(SHIPPED.replace("  - search:\n", "  - x:\n"), False)
    assert "plugins:\n  - search\n  - x:\n" in twin
    assert "pdf: true" in twin
    assert twin.count("search: false") == 1


def test_pagefind_twin_has_no_material_search_and_no_handbook_search():
    twin = search_bench.pagefind_config(SHIPPED, cards_off=True)
    assert "plugins:\n  - tags\n" in twin
    assert "    - search.suggest\n" in twin
    assert "      search: false\n" in twin and "pdf: true" not in twin


def test_shipped_side_can_leave_out_cards_alone():
    text = search_bench.material_config(SHIPPED, cards_off=True, search=False)
    assert "boost: 1.5" in text
    assert "search: false" not in text
    assert "pdf: true" not in text


def test_files_keep_no_held_out_misses_and_no_material_misses():
    scored = {"all": {}, "kinds": {}, "misses": [{"query": "q"}]}
    found = {
        "ranking": {
            engine: {"staff": dict(scored), "held-out": dict(scored)}
            for engine in ("handbook", "material")
        }
    }
    kept = search_bench._for_files(found)["ranking"]
    assert "misses" in kept["handbook"]["staff"]
    assert "misses" not in kept["handbook"]["held-out"]
    assert "misses" not in kept["material"]["staff"]
    assert "misses" in found["ranking"]["handbook"]["held-out"]  # printed by --misses


@pytest.mark.skipif(shutil.which("node") is None, reason="MiniSearch's index is built with node")
def test_minisearch_twin_leaves_the_pagefind_twin_as_it_was(tmp_path):
    pagefind = tmp_path / "pagefind-site"
    (pagefind / "standards" / "x-1").mkdir(parents=True)
    page = pagefind / "standards" / "x-1" / "index.html"
    html = (
        f"<html><head>{search_bench.PAGEFIND_UI}</head><body>"
        '<div class="md-content"><div id="pagefind-search"></div></div></body></html>'
    )
    page.write_text(html, "utf-8")
    standard = {"title": "Refunds", "situation": "A customer wants money back.", "aliases": []}
    data = {"standards": [{"url": "standards/x-1/", "content": standard}]}
    (pagefind / "standards.json").write_text(json.dumps(data), "utf-8")
    site = search_bench.add_minisearch(pagefind, tmp_path / "minisearch-site")
    assert page.read_text("utf-8") == html
    copy = (site / "standards" / "x-1" / "index.html").read_text("utf-8")
    assert "ms-search__input" in copy and "pagefind" not in copy
    index = json.loads((site / "minisearch" / "index.json").read_text("utf-8"))
    assert index["documentCount"] == 1


def test_handbook_alone_keeps_the_other_engines_columns_and_says_which_run(tmp_path):
    run = {"date": "then", "commit": "aaa", "load_average_before": [1.0], "runs": 3}
    scored = {"all": {"asked": 2, "first": 1, "top3": 2}, "kinds": {}}
    size = {"engines": {"handbook": {"x": 1}, "material": {"x": 2}}, "measured": run}
    earlier = {**run, "ranking": {"handbook": {"staff": scored}, "material": {"staff": scored}}}
    earlier["sizes"] = {"5000": size}
    earlier["synth_ranking"] = {"handbook": {"synth": scored}, "material": {"synth": scored}}
    (tmp_path / "results.json").write_text(json.dumps({"search": earlier}), "utf-8")
    better = {"all": {"asked": 2, "first": 2, "top3": 2}, "kinds": {}}
    now = {"date": "now", "commit": "bbb", "load_average_before": [2.0], "engines": ["handbook"]}
    now["ranking"] = {"handbook": {"staff": better}}
    measured = {**run, "date": "now", "commit": "bbb"}
    now["sizes"] = {"5000": {"engines": {"handbook": {"x": 3}}, "measured": measured}}
    search_bench.save(tmp_path, now)
    saved = json.loads((tmp_path / "results.json").read_text("utf-8"))["search"]
    assert saved["ranking"]["handbook"]["staff"]["all"]["first"] == 2
    assert saved["ranking"]["material"]["staff"]["all"]["first"] == 1
    assert saved["ranking"]["handbook_measured"]["commit"] == "bbb"
    assert saved["ranking"]["others_measured"]["commit"] == "aaa"
    # A part this run has not measured yet keeps the name of its own run, which the
    # handbook's part measured next says the other engines' columns are from.
    assert saved["synth_ranking"]["measured"]["commit"] == "aaa"
    search_bench.save(tmp_path, {**now, "synth_ranking": {"handbook": {"synth": better}}})
    saved = json.loads((tmp_path / "results.json").read_text("utf-8"))["search"]
    assert saved["synth_ranking"]["others_measured"]["commit"] == "aaa"
    assert saved["synth_ranking"]["handbook_measured"]["commit"] == "bbb"
    engines = saved["sizes"]["5000"]["engines"]
    assert engines["handbook"]["x"] == 3 and engines["handbook"]["measured"]["commit"] == "bbb"
    assert engines["material"]["x"] == 2 and saved["sizes"]["5000"]["measured"]["commit"] == "aaa"
