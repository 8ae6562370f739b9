"""Handbook search against Material's default search and Pagefind, on built sites, in
Debian's Chromium, in one run.

Ranking: every query of `staff_queries.yml`, `staff_queries_heldout.yml` and
`staff_queries_blind.yml` (natural staff queries written before any result was seen), and the generated alias, situation and
wording queries of `search_rank.py`, on the sample handbook; alias and situation queries
on 1,000 synthetic standards. A query counts as *first* when the first result belongs to
one of the standards it accepts, *top 3* when one of the first three does.

Weight and speed, at each synthetic size (`handbook synth`, built as shipped): a standard
page opened cold (all bytes the server sent, gzipped as a web server would, theme assets
included); what the search index costs on that page load; the bytes the first search
fetches; the time from the last keystroke in the header search box to the frame showing
the results, unthrottled and with CDP's 4× CPU throttling of the page's main thread; the
JavaScript heap (page and its workers, after garbage collection) once search has
answered. Medians of `--runs` runs, the two engines taking turns.

The handbook engine is `window.handbookSearch` on the site as shipped. Material's default
search is measured on a twin build of the same project: Material's `search` plugin with
default options and the handbook plugin's `search: false` (Material's own search box and
script). Pagefind (PyPI `pagefind[bin]`, pinned in the test extras, never a dependency
of the site) is measured on a third twin: no Material search, the handbook's
`search: false`, then Pagefind's default UI (`new PagefindUI({element})`, default
options, its search box at the top of each page's content) and `pagefind --site` with
default settings over the built pages; its ranking asks Pagefind's JS API
(`pagefind.search`), served over http (it does not run from file://). MiniSearch (npm
7.2.0, vendored in benchmarks/vendor/ for this benchmark only) is measured on a copy of
the Pagefind twin's pages with a plain search box instead of Pagefind's: an index of the
standards built with node (`minisearch_index.js`, options in `minisearch_options.json`)
that loads, with the library, on the first keystroke. At synthetic sizes the twins also
leave out the quick cards' fit check and PDFs, which no page loads.

    .venv/bin/python benchmarks/search_bench.py [--sizes 100,1000,5000] [--runs 3]
        [--skip ranking,synth-ranking,perf] [--work DIR [--reuse-builds]] [--out DIR]
        [--misses] [--handbook-only]
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import http.server
import json
import mimetypes
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from search_rank import ASK, load_query_sets, material_defaults, queries  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--enable-precise-memory-info",
]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
TIMED_QUERY = "customer wants a refund"
KEY_DELAY_MS = 120  # between keystrokes, a quick typist
QUIET_MS = 1500  # results count as shown once the list has not changed for this long
THROTTLE = 4
RANKING_SIZE = 1000  # synthetic standards for the alias and situation queries
# ... of every how many of them: Material's worker takes about a second a query on a busy
# 2-core machine, and 1,000 standards have about 4,600 such queries.
RANKING_EVERY = 20
ENGINES = ("handbook", "material", "pagefind", "minisearch")
# Where each engine shows its results, and how the search box opens.
RESULTS = ".md-search-result, [data-handbook-search-results], .pagefind-ui__drawer, .ms-results"
SEARCH_INPUT = (
    "input.md-search__input, input[data-handbook-search-input], "
    "input.pagefind-ui__search-input, input.ms-search__input"
)
# A fresh document's timing probe: the last keystroke and the last change to the results.
PROBE = """
window.__bench = {key: 0, change: 0, changes: 0};
document.addEventListener('keydown', ev => { window.__bench.key = ev.timeStamp; }, true);
new MutationObserver(records => {
  if (!records.some(r => (r.target.nodeType === 1 ? r.target : r.target.parentElement)
        ?.closest?.(RESULTS))) return;
  requestAnimationFrame(() => {
    window.__bench.change = performance.now();
    window.__bench.changes += 1;
  });
}).observe(document, {childList: true, subtree: true, characterData: true});
""".replace("RESULTS", json.dumps(RESULTS))
PAGEFIND_ASK = """async ([bundle, queries]) => {
  const pagefind = await import(new URL(bundle + '/pagefind.js', document.baseURI).href);
  await pagefind.init();
  const out = [];
  for (const q of queries) {
    const found = await pagefind.search(q);
    const data = await Promise.all(found.results.slice(0, 10).map(r => r.data()));
    out.push(data.map(d => d.url));
  }
  return out;
}"""
MINISEARCH_ASK = """async queries => {
  const index = await window.__minisearch();
  return queries.map(q => index.search(q, window.__minisearchOptions.search).slice(0, 10)
    .map(r => r.url));
}"""
HANDBOOK_ASK = """async queries => {
  const out = [];
  for (const q of queries) {
    const found = await window.handbookSearch.search(q);
    out.push(found.slice(0, 10).map(r => ({id: r.id, url: r.url, kind: r.kind})));
  }
  return out;
}"""


# -- a local server that gzips like a web server and counts what it sends -------------


class Counter:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.sent: list[tuple[str, int, int]] = []  # path, gzipped body bytes, file bytes

    def mark(self) -> int:
        with self.lock:
            return len(self.sent)

    def since(self, mark: int) -> list[tuple[str, int, int]]:
        with self.lock:
            return list(self.sent[mark:])


COMPRESSIBLE = re.compile(r"^(text/|application/(javascript|json|xml|.*\+xml))|svg")


def _handler(root: Path, counter: Counter, cache: dict[Path, bytes]) -> type:
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 - the http.server name
            path = unquote(urlsplit(self.path).path)
            file = (root / path.lstrip("/")).resolve()
            if file.is_dir():
                file = file / "index.html"
            if not file.is_relative_to(root) or not file.is_file():
                self.send_error(404)
                return
            body = raw = file.read_bytes()
            kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            zipped = "gzip" in self.headers.get("Accept-Encoding", "") and bool(
                COMPRESSIBLE.search(kind)
            )
            if zipped:
                if file not in cache:
                    cache[file] = gzip.compress(raw, compresslevel=6, mtime=0)
                body = cache[file]
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache")
            if zipped:
                self.send_header("Content-Encoding", "gzip")
            self.end_headers()
            self.wfile.write(body)
            with counter.lock:
                counter.sent.append((path, len(body), len(raw)))

    return Handler


@contextmanager
def serve(root: Path) -> Iterator[tuple[str, Counter]]:
    """Serve a built site on 127.0.0.1; yield its base URL and the byte counter."""
    counter = Counter()
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), _handler(root.resolve(), counter, {})
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", counter
    finally:
        server.shutdown()
        server.server_close()


# -- builds ------------------------------------------------------------------------------


_BUILT: set[Path] = set()  # sites built by this process, used again by later parts


def build(project: Path, site: Path, reuse: bool) -> Path:
    if (reuse or site in _BUILT) and (site / "index.html").is_file():
        return site
    shutil.rmtree(site, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=project, env=ENV, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"build of {project} failed:\n{done.stdout}{done.stderr}"[-3000:])
    print(f"  built {site} in {time.perf_counter() - start:.0f} s", flush=True)
    _BUILT.add(site)
    return site


def material_config(text: str, cards_off: bool, search: bool = True) -> str:
    """mkdocs.yml with Material's search instead of the handbook's (`search`): Material's
    plugin with its default options and the handbook plugin's `search: false`; and without
    the quick cards' fit check and PDFs (`cards_off`)."""
    # The plugin, not the theme's `search.suggest`-like features listed before it.
    plugin = re.compile(r"^([ \t]*)- search(?=[:\s])[^\n]*\n(?:\1[ \t]+[^\n]*\n)*", re.M)
    if not search:
        pass
    elif plugin.search(text):
        text = plugin.sub(lambda m: f"{m.group(1)}- search\n", text, count=1)
    else:
        text = re.sub(r"^plugins:[ \t]*\n", "plugins:\n  - search\n", text, count=1, flags=re.M)
    found = re.search(r"^\s*- handbook:[ \t]*\n(\s*)", text, re.M)
    if not found:
        raise RuntimeError("mkdocs.yml: no handbook plugin options to change")
    indent = found.group(1)
    options = {"search": "false"} if search else {}
    if cards_off:
        options["cards"] = '{overflow: "off", pdf: false}'
    for name in options:  # the option as written: one line, or a block of deeper lines
        text = re.sub(rf"^{indent}{name}:.*\n(?:{indent}[ \t]+.*\n)*", "", text, flags=re.M)
    at = found.end(0) - len(indent)
    lines = "".join(f"{indent}{name}: {value}\n" for name, value in options.items())
    return text[:at] + lines + text[at:]


def pagefind_config(text: str, cards_off: bool) -> str:
    """mkdocs.yml for the Pagefind twin: no Material search plugin, the handbook plugin's
    `search: false`, and without the cards' fit check and PDFs (`cards_off`)."""
    text = material_config(text, cards_off)
    return re.sub(r"^[ \t]*- search\n", "", text, count=1, flags=re.M)


PAGEFIND_UI = (
    '<link href="/pagefind/pagefind-ui.css" rel="stylesheet">'
    '<script src="/pagefind/pagefind-ui.js"></script>'
    "<script>window.addEventListener('DOMContentLoaded', () => "
    "new PagefindUI({element: '#pagefind-search'}));</script>"
)
CONTENT = re.compile(r'<div class="md-content"[^>]*>')


def add_pagefind(site: Path) -> None:
    """Pagefind as its documentation sets it up: its default UI in every page (its CSS and
    script in the head, its box at the top of the content), then `pagefind --site`."""
    for page in site.rglob("*.html"):
        html = page.read_text("utf-8")
        if "</head>" not in html or not CONTENT.search(html) or "pagefind-ui" in html:
            continue
        html = html.replace("</head>", PAGEFIND_UI + "</head>", 1)
        html = CONTENT.sub(lambda m: m.group(0) + '<div id="pagefind-search"></div>', html, 1)
        page.write_text(html, "utf-8")
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site)], capture_output=True, text=True
    )
    if done.returncode != 0:
        raise RuntimeError(f"pagefind on {site} failed:\n{done.stdout}{done.stderr}"[-3000:])
    print(f"  pagefind indexed {site} in {time.perf_counter() - start:.0f} s", flush=True)


STANDARDS_BUNDLE = "pagefind-standards"
ARTICLE = re.compile(r'<article class="md-content__inner')


def add_pagefind_standards(site: Path, by_url: dict[str, str]) -> None:
    """A second Pagefind index of the same site, of the standards' pages only, as Pagefind
    says to narrow it (`data-pagefind-body` on their content), for ranking: after the
    default index, which these attributes would otherwise narrow too."""
    if (site / STANDARDS_BUNDLE / "pagefind.js").is_file():
        return
    for url in by_url:
        page = site / url / "index.html" if url.endswith("/") else site / url
        html = page.read_text("utf-8")
        page.write_text(
            ARTICLE.sub('<article data-pagefind-body class="md-content__inner', html, 1)
        )
    command = [sys.executable, "-m", "pagefind", "--site", str(site)]
    done = subprocess.run(
        [*command, "--output-subdir", STANDARDS_BUNDLE], capture_output=True, text=True
    )
    if done.returncode != 0:
        raise RuntimeError(f"pagefind on {site} failed:\n{done.stdout}{done.stderr}"[-3000:])


MINISEARCH = "minisearch-7.2.0.js"
# MiniSearch's box where Pagefind's is: the library and the index load on the first
# keystroke, the search runs on the page's main thread, the best ten are listed.
MINISEARCH_UI = """<script>(function () {
  var options = OPTIONS, loading = null;
  window.__minisearchOptions = options;
  window.__minisearch = function () {
    if (loading) return loading;
    loading = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = "/minisearch/LIBRARY";
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    }).then(function () { return fetch("/minisearch/index.json"); })
      .then(function (response) { return response.text(); })
      .then(function (text) { return MiniSearch.loadJSON(text, options.index); });
    return loading;
  };
  document.addEventListener("DOMContentLoaded", function () {
    var input = document.querySelector(".ms-search__input");
    var list = document.querySelector(".ms-results");
    input.addEventListener("input", function () {
      var query = input.value;
      window.__minisearch().then(function (index) {
        if (input.value !== query) return;
        list.textContent = "";
        index.search(query, options.search).slice(0, 10).forEach(function (r) {
          var item = document.createElement("li"), link = document.createElement("a");
          link.href = "/" + r.url;
          link.textContent = r.title;
          item.appendChild(link);
          list.appendChild(item);
        });
      });
    });
  });
})();</script>"""
MINISEARCH_BOX = (
    '<div id="ms-search"><input class="ms-search__input" type="search" '
    'aria-label="Search" placeholder="Search"><ol class="ms-results"></ol></div>'
)


def add_minisearch(pagefind: Path, site: Path) -> Path:
    """The Pagefind twin's pages with MiniSearch (npm, vendored in benchmarks/vendor/)
    instead of Pagefind: an index of the standards built here with node
    (`minisearch_index.js`, `minisearch_options.json`) and a plain search box."""
    if (site / "minisearch" / "index.json").is_file():
        return site
    shutil.rmtree(site, ignore_errors=True)
    subprocess.run(["cp", "-al", str(pagefind), str(site)], check=True)
    options = (HERE / "minisearch_options.json").read_text("utf-8")
    ui = MINISEARCH_UI.replace("OPTIONS", options).replace("LIBRARY", MINISEARCH)
    for page in site.rglob("*.html"):
        html = page.read_text("utf-8")
        if PAGEFIND_UI not in html:
            continue
        html = html.replace(PAGEFIND_UI, ui, 1)
        html = html.replace('<div id="pagefind-search"></div>', MINISEARCH_BOX, 1)
        fresh = page.with_suffix(".tmp")
        fresh.write_text(html, "utf-8")
        fresh.replace(page)  # a new file: the Pagefind twin's, linked, stays as it is
    folder = site / "minisearch"
    folder.mkdir()
    shutil.copy(HERE / "vendor" / MINISEARCH, folder / MINISEARCH)
    start = time.perf_counter()
    done = subprocess.run(
        ["node", str(HERE / "minisearch_index.js"), str(site), str(folder / "index.json")],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(f"MiniSearch index of {site} failed:\n{done.stderr}"[-3000:])
    print(f"  MiniSearch indexed {site} in {time.perf_counter() - start:.0f} s", flush=True)
    return site


def copy_project(source: Path, target: Path) -> None:
    """A copy of a handbook project: its committed files when it is a git checkout (with
    their history, for the changelog), else the whole folder."""
    if target.exists():
        return
    if (source / ".git").exists():
        subprocess.run(["git", "clone", "-q", str(source), str(target)], check=True)
    else:
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("site*", ".*"))


def sites(
    project: Path,
    work: Path,
    name: str,
    cards_off: bool,
    reuse: bool,
    shipped_cards: bool = True,
    engines: tuple[str, ...] = ENGINES,
) -> dict[str, Path]:
    """The project as shipped, and its twins for the other `engines`, built under `work`.

    `shipped_cards=False` builds the shipped side without quick card PDFs too (labelled in
    the results), for sizes where their layout takes longer than there is time for."""
    if not shipped_cards:
        config = project / "mkdocs.yml"
        text = config.read_text("utf-8")
        config.write_text(material_config(text, cards_off=True, search=False), "utf-8")
    shipped = build(project, work / f"{name}-site", reuse)
    if engines == ("handbook",):
        return {"handbook": shipped}
    twin = work / f"{name}-material"
    copy_project(project, twin)
    config = twin / "mkdocs.yml"
    config.write_text(material_config(config.read_text("utf-8"), cards_off), "utf-8")
    material = build(twin, work / f"{name}-material-site", reuse)
    twin = work / f"{name}-pagefind"
    copy_project(project, twin)
    config = twin / "mkdocs.yml"
    config.write_text(pagefind_config(config.read_text("utf-8"), cards_off), "utf-8")
    target = work / f"{name}-pagefind-site"
    fresh = not (reuse and (target / "pagefind" / "pagefind.js").is_file())
    pagefind = build(twin, target, reuse and not fresh)
    if fresh:
        add_pagefind(pagefind)
    minisearch = add_minisearch(pagefind, work / f"{name}-minisearch-site")
    return {
        "handbook": shipped,
        "material": material,
        "pagefind": pagefind,
        "minisearch": minisearch,
    }


# -- ranking -----------------------------------------------------------------------------


def load_queries() -> dict[str, list[dict[str, Any]]]:
    return load_query_sets()


def standard_of(url: str, by_url: dict[str, str]) -> str | None:
    path = url.split("#")[0].lstrip("./").lstrip("/")
    return by_url.get(path) or by_url.get(path.rstrip("/") + "/")


def ask_handbook(page: Page, asked: list[str], by_url: dict[str, str]) -> list[list[str]]:
    found = page.evaluate(HANDBOOK_ASK, asked)
    out = []
    for results in found:
        ids: list[str] = []
        for r in results:
            sid = r["id"] if r["id"] in by_url.values() else standard_of(r["url"], by_url)
            sid = sid or f"page:{r['url']}"
            if sid not in ids:
                ids.append(sid)
        out.append(ids)
    return out


# The field weights the sample's mkdocs.yml gave Material's search before issue 12.
TUNED_FIELDS = {"title": {"boost": 1.5}, "text": {"boost": 1}, "tags": {"boost": 1}}


def ask_material(
    page: Page, site: Path, asked: list[str], by_url: dict[str, str], tuned: bool
) -> list[list[str]]:
    """Material's own worker, as the site ships it, given the site's index with Material's
    default weights, or with the weights and page boosts the handbook used before issue 12."""
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    if tuned:
        index["config"]["fields"] = TUNED_FIELDS
    else:
        index = material_defaults(index)
    worker = next(site.glob("assets/javascripts/workers/search.*.min.js")).relative_to(site)
    # search_rank.ASK keeps the first three pages; this asks for all of them.
    ask = ASK.replace(".slice(0, 3)", ".slice(0, 10)")
    tops = page.evaluate(ask, [worker.as_posix(), index, asked])
    return [
        list(dict.fromkeys(standard_of(url, by_url) or f"page:{url}" for url in top))
        for top in tops
    ]


# A page about one standard that Pagefind, indexing every page, lists: an earlier version
# (as-of page), its quick card, its scorecard.
ABOUT = re.compile(r"^/?(?:standards|cards|scorecards)/([a-z0-9-]+)(?:/|\.html)")


def about(url: str, by_url: dict[str, str]) -> str | None:
    found = ABOUT.match(url)
    return by_url.get(f"standards/{found.group(1)}/") if found else None


def ask_pagefind(
    page: Page, bundle: str, asked: list[str], by_url: dict[str, str]
) -> tuple[list[list[str]], list[list[str]]]:
    """Pagefind's JS API on the Pagefind twin (index `bundle`), default options, first ten
    pages: as the standards whose own page they are, and as the standards they are about."""
    tops = page.evaluate(PAGEFIND_ASK, [bundle, asked])
    pages = [
        list(dict.fromkeys(standard_of(url, by_url) or f"page:{url}" for url in top))
        for top in tops
    ]
    abouts = [
        list(dict.fromkeys(standard_of(url, by_url) or about(url, by_url) or url for url in top))
        for top in tops
    ]
    return pages, abouts


def has_handbook_search(page: Page) -> bool:
    return page.evaluate("typeof window.handbookSearch?.search === 'function'")


def score(cases: list[dict[str, Any]], answers: list[list[str]]) -> dict[str, Any]:
    """First and top-3 counts per kind of query, and every query that was not first."""
    kinds: dict[str, dict[str, int]] = {}
    misses = []
    for case, got in zip(cases, answers, strict=True):
        tally = kinds.setdefault(case["kind"], {"asked": 0, "first": 0, "top3": 0})
        tally["asked"] += 1
        accept = case["accept"]
        first = bool(got) and got[0] in accept
        top3 = any(sid in accept for sid in got[:3])
        tally["first"] += first
        tally["top3"] += top3
        if not first:
            misses.append(
                {"query": case["query"], "kind": case["kind"], "accept": accept, "got": got[:3]}
            )
    total = {
        "asked": sum(k["asked"] for k in kinds.values()),
        "first": sum(k["first"] for k in kinds.values()),
        "top3": sum(k["top3"] for k in kinds.values()),
    }
    return {"all": total, "kinds": kinds, "misses": misses}


def generated_cases(site: Path, kinds: set[str] | None = None) -> list[dict[str, Any]]:
    """search_rank.py's queries (aliases, situation, wording fragments) of a built site.

    A query accepts its own standard first and every other standard with the same alias,
    situation words or wording (synthetic standards each have their own aliases and
    situation since `handbook synth` says them for the standard's own people and place;
    before, about fifty of 1,000 shared each one)."""
    standards = json.loads((site / "standards.json").read_text("utf-8"))["standards"]
    ids = {s["url"]: s["id"] for s in standards}
    asked = [(ids[url], kind, q) for url, kind, q in queries(standards)]
    holders: dict[tuple[str, str], list[str]] = {}
    for sid, kind, q in asked:
        holders.setdefault((kind, q.lower()), []).append(sid)
    return [
        {
            "query": q,
            "kind": kind,
            "accept": [sid, *(o for o in holders[(kind, q.lower())] if o != sid)],
        }
        for sid, kind, q in asked
        if kinds is None or kind in kinds
    ]


def url_ids(site: Path) -> dict[str, str]:
    standards = json.loads((site / "standards.json").read_text("utf-8"))["standards"]
    return {s["url"]: s["id"] for s in standards}


def rank(
    browser: Browser, built: dict[str, Path], sets: dict[str, list[dict[str, Any]]]
) -> dict[str, Any]:
    """Each query set scored for each engine on the same project."""
    out: dict[str, Any] = {}
    by_url = url_ids(built["handbook"])
    asked = {name: [c["query"] for c in cases] for name, cases in sets.items()}
    with serve(built["handbook"]) as (base, _):
        page = browser.new_page()
        page.goto(base, wait_until="load")
        if has_handbook_search(page):
            out["handbook"] = {
                name: score(cases, ask_handbook(page, asked[name], by_url))
                for name, cases in sets.items()
            }
        else:
            out["handbook"] = {"available": False, "note": "no window.handbookSearch on the site"}
        page.close()
    if "pagefind" in built:
        with serve(built["pagefind"]) as (base, _):
            page = browser.new_page()
            page.goto(base, wait_until="load")
            out["pagefind"], out["pagefind-about"], out["pagefind-standards"] = {}, {}, {}
            for name, cases in sets.items():
                pages, abouts = ask_pagefind(page, "pagefind", asked[name], by_url)
                out["pagefind"][name] = score(cases, pages)
                out["pagefind-about"][name] = score(cases, abouts)
            page.close()
        with serve(built["minisearch"]) as (base, _):
            page = browser.new_page()
            page.goto(base, wait_until="load")
            out["minisearch"] = {
                name: score(
                    cases,
                    [
                        [standard_of(url, by_url) or f"page:{url}" for url in top]
                        for top in page.evaluate(MINISEARCH_ASK, asked[name])
                    ],
                )
                for name, cases in sets.items()
            }
            page.close()
        add_pagefind_standards(built["pagefind"], by_url)
        with serve(built["pagefind"]) as (base, _):
            page = browser.new_page()
            page.goto(base, wait_until="load")
            for name, cases in sets.items():
                pages, _ = ask_pagefind(page, STANDARDS_BUNDLE, asked[name], by_url)
                out["pagefind-standards"][name] = score(cases, pages)
            page.close()
    if "material" not in built:
        return out
    with serve(built["material"]) as (base, _):
        page = browser.new_page()
        page.goto(base, wait_until="load")
        for engine, tuned in (("material", False), ("material-tuned", True)):
            out[engine] = {
                name: score(
                    cases, ask_material(page, built["material"], asked[name], by_url, tuned)
                )
                for name, cases in sets.items()
            }
        page.close()
    return out


# -- weight and speed --------------------------------------------------------------------


def _worker_heaps(browser: Browser, page: Page, buffers: list[int] | None = None) -> int | None:
    """Used JS heap of every dedicated worker, after a garbage collection, in bytes; None
    when a worker did not answer in time (a large heap on a busy machine). Their
    ArrayBuffers' memory (WebAssembly's too) is added to `buffers`."""
    session = browser.new_browser_cdp_session()
    replies: dict[tuple[str, int], dict] = {}
    session.on(
        "Target.receivedMessageFromTarget",
        lambda e: replies.__setitem__((e["sessionId"], json.loads(e["message"]).get("id")), e),
    )
    total = 0
    for target in session.send("Target.getTargets")["targetInfos"]:
        if target["type"] != "worker":
            continue
        sid = session.send(
            "Target.attachToTarget", {"targetId": target["targetId"], "flatten": False}
        )["sessionId"]
        for n, method in ((1, "HeapProfiler.collectGarbage"), (2, "Runtime.getHeapUsage")):
            message = json.dumps({"id": n, "method": method})
            session.send("Target.sendMessageToTarget", {"sessionId": sid, "message": message})
        deadline = time.monotonic() + 180
        while (sid, 2) not in replies and time.monotonic() < deadline:
            page.wait_for_timeout(50)  # lets Playwright deliver the replies
        session.send("Target.detachFromTarget", {"sessionId": sid})
        if (sid, 2) not in replies:
            session.detach()
            return None
        usage = json.loads(replies[(sid, 2)]["message"])["result"]
        total += usage["usedSize"]
        if buffers is not None:
            buffers.append(usage.get("backingStorageSize", 0))
    session.detach()
    return total


def _settle(
    page: Page, counter: Counter, quiet: float = 1.0, least: float = 0, limit: float = 300
) -> None:
    """Wait until the server has sent nothing for `quiet` seconds, `least` seconds at least."""
    start = time.monotonic()
    last, seen = time.monotonic(), counter.mark()
    while (time.monotonic() - last < quiet or time.monotonic() - start < least) and (
        time.monotonic() - start < limit
    ):
        page.wait_for_timeout(100)
        if counter.mark() != seen:
            last, seen = time.monotonic(), counter.mark()


def _sum(sent: list[tuple[str, int, int]], only: re.Pattern[str] | None = None) -> dict:
    chosen = [s for s in sent if only is None or only.search(s[0])]
    return {
        "gzip_bytes": sum(s[1] for s in chosen),
        "bytes": sum(s[2] for s in chosen),
        "files": len(chosen),
    }


SEARCH_FILES = re.compile(r"search|pagefind", re.I)


def one_run(
    browser: Browser, base: str, counter: Counter, page_path: str, throttle: int
) -> dict[str, Any]:
    """Open a standard page cold in a fresh context, then search once from the header box."""
    context: BrowserContext = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
    context.add_init_script(PROBE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    if throttle > 1:
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    mark = counter.mark()
    page.goto(base + page_path, wait_until="load")
    # Material asks for its index once its script has run, which a busy machine delays.
    _settle(page, counter, quiet=3, least=6)
    loaded = counter.since(mark)
    figure: dict[str, Any] = {
        "cold_page": _sum(loaded),
        "index_on_load": _sum(loaded, SEARCH_FILES),
        "handbook_search": has_handbook_search(page),
    }
    mark = counter.mark()
    page.keyboard.press("/")
    box = page.locator(SEARCH_INPUT).first
    box.wait_for(state="visible", timeout=30_000)
    page.wait_for_timeout(300)
    changes = page.evaluate("window.__bench.changes")
    box.press_sequentially(TIMED_QUERY, delay=KEY_DELAY_MS)
    page.wait_for_function(
        f"""() => {{
          const b = window.__bench;
          return b.changes > {changes} && b.change > b.key
            && performance.now() - b.change > {QUIET_MS};
        }}""",
        timeout=300_000,
        polling=100,
    )
    probe = page.evaluate("window.__bench")
    figure["keystroke_to_results_ms"] = probe["change"] - probe["key"]
    _settle(page, counter)
    figure["first_search"] = _sum(counter.since(mark))
    figure["first_result"] = page.evaluate(
        f"""() => {{
          const list = document.querySelector('{RESULTS}');
          const item = list && list.querySelector('li, a, article');
          return item ? item.textContent.trim().replace(/\\s+/g, ' ').slice(0, 80) : null;
        }}"""
    )
    if throttle == 1:
        cdp.send("HeapProfiler.collectGarbage")
        usage = cdp.send("Runtime.getHeapUsage")
        buffers: list[int] = []
        workers = _worker_heaps(browser, page, buffers)
        figure["heap_bytes"] = None if workers is None else usage["usedSize"] + workers
        figure["worker_heap_bytes"] = workers
        # ArrayBuffers' memory of the page and its workers, outside the JS heap: Pagefind's
        # WebAssembly memory is there.
        figure["backing_store_bytes"] = usage.get("backingStorageSize", 0) + sum(buffers)
    figure["workers"] = [w.url.removeprefix(base) for w in page.workers]
    figure["load"] = os.getloadavg()[0]
    context.close()
    return figure


def _median(runs: list[dict[str, Any]], *path: str) -> float | None:
    values = []
    for run in runs:
        value: Any = run
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if value is not None:
            values.append(value)
    return statistics.median(values) if values else None


def weigh(
    browser: Browser, built: dict[str, Path], runs: int, label: str
) -> dict[str, dict[str, Any]]:
    """Median figures per engine for one project; the engines take turns, run after run."""
    by_url = url_ids(built["handbook"])
    page_path = next(iter(by_url))
    engines = [e for e in ENGINES if e in built]
    raw: dict[str, dict[int, list[dict[str, Any]]]] = {e: {1: [], THROTTLE: []} for e in engines}
    with ExitStack() as stack:
        servers = {engine: stack.enter_context(serve(built[engine])) for engine in engines}
        for engine in engines:  # untimed: the server gzips each file on its first request
            one_run(browser, *servers[engine], page_path, 1)
        for run in range(runs):
            for throttle in (1, THROTTLE):
                for engine in engines:
                    base, counter = servers[engine]
                    found = one_run(browser, base, counter, page_path, throttle)
                    raw[engine][throttle].append(found)
                    print(
                        f"  {label} {engine} run {run + 1}/{runs} ×{throttle}: "
                        f"{found['keystroke_to_results_ms']:.0f} ms, page "
                        f"{found['cold_page']['gzip_bytes'] / 1e6:.2f} MB, first search "
                        f"{found['first_search']['gzip_bytes'] / 1e6:.2f} MB "
                        f"(load {os.getloadavg()[0]:.1f})",
                        flush=True,
                    )
    out = {}
    for engine in engines:
        plain, slow = raw[engine][1], raw[engine][THROTTLE]
        out[engine] = {
            "page": page_path,
            "cold_page_gzip_bytes": _median(plain, "cold_page", "gzip_bytes"),
            "cold_page_bytes": _median(plain, "cold_page", "bytes"),
            "index_on_load_gzip_bytes": _median(plain, "index_on_load", "gzip_bytes"),
            "first_search_gzip_bytes": _median(plain, "first_search", "gzip_bytes"),
            "first_search_bytes": _median(plain, "first_search", "bytes"),
            "keystroke_to_results_ms": _median(plain, "keystroke_to_results_ms"),
            "keystroke_to_results_ms_throttled": _median(slow, "keystroke_to_results_ms"),
            "heap_bytes": _median(plain, "heap_bytes"),
            "worker_heap_bytes": _median(plain, "worker_heap_bytes"),
            "backing_store_bytes": _median(plain, "backing_store_bytes"),
            "load_range": [
                round(min(r["load"] for r in plain + slow), 2),
                round(max(r["load"] for r in plain + slow), 2),
            ],
            "handbook_search": all(r["handbook_search"] for r in plain),
            "workers": sorted({w for r in plain + slow for w in r["workers"]}),
            "first_result": plain[-1]["first_result"],
            "runs": {
                "unthrottled_ms": [round(r["keystroke_to_results_ms"]) for r in plain],
                "throttled_ms": [round(r["keystroke_to_results_ms"]) for r in slow],
            },
        }
    return out


# -- the whole benchmark -----------------------------------------------------------------


def commit() -> str:
    return subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()


def synth_project(work: Path, count: int, cards: bool = True) -> Path:
    project = work / f"synth-{count}" if cards else work / f"synth-{count}-no-cards"
    if not (project / "mkdocs.yml").is_file():
        from handbook.synth import write_project

        write_project(project, count, seed=1)
    return project


def measure(
    work: Path,
    sizes: list[int],
    runs: int,
    skip: set[str],
    reuse: bool = False,
    no_cards: set[int] | frozenset[int] = frozenset(),
    build_only: bool = False,
    save: Callable[[dict[str, Any]], None] | None = None,
    engines: tuple[str, ...] = ENGINES,
) -> dict[str, Any]:
    """The figures of every part not skipped, for `engines` (the handbook's, or all);
    `save` gets them after each part."""
    work.mkdir(parents=True, exist_ok=True)
    load_before = [round(x, 2) for x in os.getloadavg()]
    result: dict[str, Any] = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit(),
        "runs": runs,
        "timed_query": TIMED_QUERY,
        "throttle": THROTTLE,
        "load_average_before": load_before,
        "engines": list(engines),
    }
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        if "ranking" not in skip:
            print("search ranking, sample handbook", flush=True)
            built = sites(ROOT, work, "sample", False, reuse, engines=engines)
            sets = load_queries()
            sets["generated"] = generated_cases(built["handbook"])
            result["ranking"] = rank(browser, built, sets)
            if save:
                save(result)
        if "synth-ranking" not in skip:
            print(f"search ranking, {RANKING_SIZE:,} synthetic standards", flush=True)
            project = synth_project(work, RANKING_SIZE)
            built = sites(project, work, f"synth-{RANKING_SIZE}", True, reuse, engines=engines)
            cases = generated_cases(built["handbook"], {"alias", "situation"})
            chosen = sorted({c["accept"][0] for c in cases})[::RANKING_EVERY]
            asked = [c for c in cases if c["accept"][0] in set(chosen)]
            result["synth_ranking"] = {
                "count": RANKING_SIZE,
                "standards_asked": len(chosen),
                "queries_of_all": len(cases),
                # `handbook synth` gives each standard its own aliases and situation.
                "own_aliases": all(len(c["accept"]) == 1 for c in cases),
                **rank(browser, built, {"aliases and situations": asked}),
            }
            if save:
                save(result)
        if "perf" not in skip:
            result["sizes"] = {}
            for count in sizes:
                print(f"search weight and speed, {count:,} synthetic standards", flush=True)
                cards = count not in no_cards
                project = synth_project(work, count, cards)
                name = project.name
                built = sites(project, work, name, True, reuse, cards, engines)
                if build_only:
                    continue
                load = [round(x, 2) for x in os.getloadavg()]
                weighed = weigh(browser, built, runs, f"{count:,}")
                result["sizes"][str(count)] = {
                    "engines": weighed,
                    "shipped_cards": cards,
                    "measured": {
                        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
                        "commit": commit(),
                        "runs": runs,
                        "load_average_before": load,
                        "load_average_after": [round(x, 2) for x in os.getloadavg()],
                    },
                }
                if save:
                    save(result)
        browser.close()
    result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,5000", help="synthetic standards counts")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--skip", default="", help="comma list: ranking,synth-ranking,perf")
    parser.add_argument("--work", type=Path, help="keep projects and builds here (reused)")
    parser.add_argument("--out", type=Path, default=HERE, help="where results.json/md are")
    parser.add_argument("--misses", action="store_true", help="print every missed query")
    parser.add_argument(
        "--reuse-builds", action="store_true", help="keep sites already built under --work"
    )
    parser.add_argument(
        "--no-cards", default="", help="sizes built without quick card PDFs (labelled)"
    )
    parser.add_argument("--build-only", action="store_true", help="build the sizes' sites, stop")
    parser.add_argument(
        "--handbook-only",
        action="store_true",
        help="measure the handbook's search alone (no twins built; labelled in the results)",
    )
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",") if n]
    skip = set(filter(None, args.skip.split(",")))
    work = args.work or Path(tempfile.mkdtemp(prefix="handbook-search-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    no_cards = {int(n) for n in args.no_cards.split(",") if n}
    try:
        found = measure(
            work,
            sizes,
            args.runs,
            skip,
            args.reuse_builds,
            no_cards,
            args.build_only,
            None if args.build_only else functools.partial(save, args.out),
            ("handbook",) if args.handbook_only else ENGINES,
        )
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    if not args.build_only:
        from report import search_markdown

        save(args.out, found)
        print(search_markdown(found, misses=args.misses))
    return 0


def _for_files(found: dict[str, Any]) -> dict[str, Any]:
    """The figures to write: the queries missed are kept for the handbook's search only, and
    not for the held-out set, whose misses `--misses` prints."""
    found = json.loads(json.dumps(found))
    for part in ("ranking", "synth_ranking"):
        for engine, sets in found.get(part, {}).items():
            for name, scored in sets.items() if isinstance(sets, dict) else ():
                if isinstance(scored, dict) and "misses" in scored:
                    if engine != "handbook" or name == "held-out":
                        del scored["misses"]
    return found


def save(out: Path, found: dict[str, Any]) -> dict[str, Any]:
    """Write the search figures into results.json (and results.md, the docs page), keeping
    the other benchmarks' figures and the search parts this run did not measure."""
    from report import write_reports

    results_file = out / "results.json"
    results = json.loads(results_file.read_text("utf-8")) if results_file.is_file() else {}
    previous = results.get("search", {})
    # A copy: the run's figures are saved again after each part, merged afresh each time.
    found = json.loads(json.dumps(found))
    found["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    alone = found.get("engines") == ["handbook"]
    run = {k: found[k] for k in ("date", "commit", "load_average_before", "load_average_after")}
    for part in ("ranking", "synth_ranking"):
        if part not in found and part in previous:
            # Kept from its own run, which it names (the run's date and commit change).
            stamp = previous[part].get("measured") or {k: previous.get(k) for k in run}
            found[part] = {**previous[part], "measured": stamp}
        elif alone and part in previous:
            # The handbook's columns from this run, the other engines' from the earlier
            # one, each part saying which run is which.
            earlier = (
                previous[part].get("others_measured")
                or previous[part].get("measured")
                or {k: previous.get(k) for k in run}
            )
            found[part] = {
                **previous[part],
                **found[part],
                "handbook_measured": run,
                "others_measured": earlier,
            }
    sizes = found.get("sizes", {})
    if alone:
        for count, size in sizes.items():
            before = previous.get("sizes", {}).get(count)
            if before:
                size["engines"]["handbook"]["measured"] = size["measured"]
                size["engines"] = {**before["engines"], **size["engines"]}
                size["measured"] = before["measured"]
    # Sizes not measured now stay, each with the date, commit and load of its own run.
    found["sizes"] = {**previous.get("sizes", {}), **sizes}
    results["search"] = _for_files(found)
    if "builds" in results:
        # The docs page shows the repository's own figures, not those of a run elsewhere.
        docs = ROOT / "docs" / "editors" / "benchmarks.md" if out.resolve() == HERE else None
        write_reports(results, out, docs)
    else:
        out.mkdir(parents=True, exist_ok=True)
        results_file.write_text(json.dumps(results, indent=1) + "\n", "utf-8")
    return found


if __name__ == "__main__":
    sys.exit(main())
