"""How often search lists the right standard first, on a built site, in Debian's Chromium.

For every published standard it asks the site's search for each alias, the situation's
first six words, the first seven words of each of its first two wordings, eight words
from their middle and the whole wording, and counts the queries whose first result is
that standard. The search asked is the handbook's own (`window.handbookSearch` on the
site's home page); `--material` asks Material's search worker (the file the site ships)
with the site's Material index instead (a site built with `search: false`: under the
staff search that index is not built), and `--material-defaults` rescores that index
with Material's default weights (title 1000, tags 1000000, no page or section boosts).

`--sets` asks the handbook's search the natural staff queries instead (`QUERY_SETS`:
staff, held-out, blind), each scored as `search_bench.py` scores them: first when the
first result belongs to a standard the query accepts, top 3 when one of the first three
does.

    .venv/bin/python benchmarks/search_rank.py site/ [--material [--material-defaults]] [--misses]
    .venv/bin/python benchmarks/search_rank.py site/ --sets [--misses]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import re
import threading
from collections import Counter
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
# Natural staff queries: `staff` may be tuned against; `held-out` never; `blind` was
# written before any result was seen, its first figure is the blind one.
QUERY_SETS = {
    "staff": "staff_queries.yml",
    "held-out": "staff_queries_heldout.yml",
    "blind": "staff_queries_blind.yml",
}

ASK = """async ([worker, index, queries]) => {
  const w = new Worker(worker);
  let resolve;
  w.onmessage = ev => { if (ev.data.type === 1 || ev.data.type === 3) resolve(ev.data); };
  let next = new Promise(r => resolve = r);
  w.postMessage({type: 0, data: {...index, options: {suggest: false}}});
  await next;
  const out = [];
  for (const q of queries) {
    next = new Promise(r => resolve = r);
    w.postMessage({type: 2, data: q});
    const result = await next;
    out.push(result.data.items.slice(0, 3).map(group => group[0].location));
  }
  return out;
}"""


HANDBOOK_ASK = """async queries => {
  const out = [];
  for (const q of queries) {
    const found = await window.handbookSearch.search(q);
    out.push(found.slice(0, 10).map(r => r.url));
  }
  return out;
}"""


def load_query_sets() -> dict[str, list[dict]]:
    return {
        name: yaml.safe_load((HERE / file).read_text("utf-8"))["queries"]
        for name, file in QUERY_SETS.items()
    }


def queries(standards: list[dict]) -> list[tuple[str, str, str]]:
    """(page URL, kind, query) for each standard."""
    cases = []
    for s in standards:
        url, content = s["url"], s["content"]
        cases += [(url, "alias", alias) for alias in content.get("aliases", [])]
        cases.append((url, "situation", " ".join(content["situation"].split()[:6])))
        for wording in content.get("wordings", [])[:2]:
            words = re.sub(r"[*_`]", "", wording["say"]).split()
            middle = len(words) // 2
            cases.append((url, "wording, first words", " ".join(words[:7])))
            cases.append(
                (url, "wording, middle words", " ".join(words[max(0, middle - 4) : middle + 4]))
            )
            cases.append((url, "wording, whole", " ".join(words)))
    return cases


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def material_defaults(index: dict) -> dict:
    index["config"]["fields"] = {
        "title": {"boost": 1000},
        "text": {"boost": 1},
        "tags": {"boost": 1_000_000},
    }
    for doc in index["docs"]:
        doc.pop("boost", None)
    return index


def material(site: Path, defaults: bool) -> tuple[str, dict]:
    """Material's search worker and the site's index for it."""
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    if defaults:
        index = material_defaults(index)
    worker = next(site.glob("assets/javascripts/workers/search.*.min.js")).relative_to(site)
    return worker.as_posix(), index


def score_sets(
    cases: list[tuple[str, str, str]],
    accepts: list[list[str]],
    tops: list[list[str]],
    misses: bool,
) -> None:
    """First and top-3 counts of each query set, and (with --misses) each query not first."""
    asked, first, top3 = Counter(), Counter(), Counter()
    for (name, kind, query), accept, top in zip(cases, accepts, tops, strict=True):
        top = list(dict.fromkeys(top))  # a standard once, however many of its sections
        asked[name] += 1
        first[name] += bool(top) and top[0] in accept
        top3[name] += any(sid in accept for sid in top[:3])
        if misses and not (top and top[0] in accept):
            print(f"miss  {name:9} {kind:10} {query!r}: wanted {accept}, got {top[:3]}")
    for name in asked:
        print(f"{name:9} {first[name]:4} / {asked[name]:<4} first {top3[name]:4} top 3")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", type=Path)
    parser.add_argument("--material", action="store_true", help="ask Material's search")
    parser.add_argument("--material-defaults", action="store_true")
    parser.add_argument("--misses", action="store_true", help="list the queries that missed")
    parser.add_argument("--sets", action="store_true", help="ask the natural query sets")
    args = parser.parse_args()
    site = args.site.resolve()
    standards = json.loads((site / "standards.json").read_text("utf-8"))["standards"]
    ids = {s["url"]: s["id"] for s in standards}
    if args.sets:
        sets = load_query_sets()
        cases = [(name, c["kind"], c["query"]) for name, found in sets.items() for c in found]
        accepts = [c["accept"] for found in sets.values() for c in found]
    else:
        cases = queries(standards)

    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        page.goto(base)
        asked_for = [q for _, _, q in cases]
        if args.material or args.material_defaults:
            tops = page.evaluate(ASK, [*material(site, args.material_defaults), asked_for])
        else:
            tops = page.evaluate(HANDBOOK_ASK, asked_for)
            tops = [[url.removeprefix(base) for url in top] for top in tops]
        browser.close()
    server.shutdown()

    if args.sets:
        tops = [[ids.get(url.split("#")[0], url) for url in top] for top in tops]
        score_sets(cases, accepts, tops, args.misses)
        return
    asked, first = Counter(), Counter()
    for (url, kind, query), top in zip(cases, tops, strict=True):
        asked[kind] += 1
        if top and top[0].split("#")[0] == url:  # the page, or one of its sections
            first[kind] += 1
        elif args.misses:
            print(f"miss  {kind:22} {query!r} -> {top}")
    for kind in asked:
        print(f"{kind:22} {first[kind]:4} / {asked[kind]:<4} first")
    print(f"{'all':22} {sum(first.values()):4} / {sum(asked.values()):<4} first")


if __name__ == "__main__":
    main()
