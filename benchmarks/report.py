"""Benchmark results as JSON, a Markdown table, and the docs page that shows them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a and b else None


def cost(figure: dict[str, Any] | None) -> float | None:
    """A build's CPU time (all its processes), which other work on a shared machine does
    not inflate. Plain MkDocs runs in one process, so on an idle machine its wall time is
    its CPU time; the handbook's build also works in copies of its process and Typst's
    workers, on both cores, so its wall time is less: both are compared (`wall`)."""
    if not figure:
        return None
    return figure.get("cpu_seconds") or figure.get("seconds")


def wall(figure: dict[str, Any] | None) -> float | None:
    """A build's wall-clock time: what a person waits for, on an idle machine."""
    return figure.get("seconds") if figure else None


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target (issues 8 and 16), its measured value, and whether it is met. The
    handbook's figures are builds as shipped: quick cards checked and printed, cold."""
    builds, base = results["builds"], results.get("baseline", {})
    ours = cost(builds.get("1000"))
    rows: list[dict[str, Any]] = []

    def row(name: str, value: float | None, limit: float, unit: str) -> None:
        met = None if value is None else value <= limit
        rows.append({"target": name, "value": value, "limit": limit, "unit": unit, "met": met})

    plain = base.get("1000", {})
    for mode, name, limit in (("default", "default", 0.25), ("prune", "navigation.prune", 0.5)):
        for label, measure in (("wall", wall), ("CPU", cost)):
            row(
                f"1,000 standards: build time / plain MkDocs ({name}), by {label}",
                _ratio(measure(builds.get("1000")), measure(plain.get(mode))),
                limit,
                "×",
            )
    size = builds.get("1000", {}).get("output_mb")
    row("1,000 standards: output size", size and round(size, 1), 40, "MB")
    big = builds.get("5000", {})
    row("5,000 / 1,000 standards: build time", _ratio(cost(big), ours), 5, "×")
    row("5,000 standards: peak memory", big.get("peak_mb") and round(big["peak_mb"]), 1500, "MB")
    serve = results.get("serve", {}).get("seconds")
    row(
        "Edit to reloaded page and quick card under serve, 1,000 standards",
        serve and round(serve, 2),
        1,
        "s",
    )
    cards = results.get("cards", {})
    cards_time = cards.get("seconds") if cards.get("available", True) else None
    row("PDF of 100 quick cards", cards_time and round(cards_time, 2), 3, "s")
    measured = results.get("results", {})
    load = measured.get("load", {}).get("cpu_seconds")
    row("Results of 1,000 standards × 24 months: load and validate (CPU)", load, 1, "s")
    build = measured.get("build", {})
    for kind, label in (("as shipped", "as shipped"), ("cards off", "quick cards off")):
        pair = build.get(kind, {})
        row(
            f"1,000 standards: build with 12 months of results / without ({label})",
            _ratio(cost(pair.get("with")), cost(pair.get("without"))),
            1.1,
            "×",
        )
    return rows


def _fmt(value: float | None, digits: int = 1, unit: str = "") -> str:
    if value is None:
        return "—"
    return f"{value:,.{digits}f}{unit}"


def markdown(results: dict[str, Any]) -> str:
    m = results["machine"]
    lines = [
        f"Measured {m['date']} at commit `{m['commit']}` on {m['cpu']}, {m['cores']} cores, "
        f"{m['ram_gb']} GB RAM, Python {m['python']}, MkDocs {m['mkdocs']}, "
        f"Material {m['material']}; median of {results['runs']} run(s); load average at "
        f"start {', '.join(str(x) for x in m['load_average'])} (the machine is shared).",
        "",
        *(
            [
                f"Reused from the run at commit `{results['reused']['from']}`: "
                + ", ".join(results["reused"]["parts"])
                + ".",
                "",
            ]
            if results.get("reused")
            else []
        ),
        "Times are CPU seconds of all the build's processes, with wall-clock seconds beside "
        "them; ratios are given both ways (plain MkDocs uses one core, the handbook's build "
        "both). The handbook and the plain builds of the same size take turns, run after "
        "run, as the machine's speed drifts.",
        "",
        "| Standards | Handbook build | Output | Peak memory | Plain MkDocs, default "
        "| Plain MkDocs, prune | Handbook / default | Handbook / prune |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]

    def seconds(figure: dict[str, Any]) -> str:
        return f"{cost(figure):.1f} s CPU ({wall(figure):.1f} s wall)"

    def ratios(ours: dict[str, Any], plain: dict[str, Any] | None) -> str:
        by_cpu, by_wall = _ratio(cost(ours), cost(plain)), _ratio(wall(ours), wall(plain))
        return f"{_fmt(by_cpu, 2, '×')} CPU, {_fmt(by_wall, 2, '×')} wall" if plain else "—"

    for count, ours in results["builds"].items():
        plain = results.get("baseline", {}).get(count, {})
        default, prune = plain.get("default"), plain.get("prune")

        def cell(figure: dict[str, Any] | None) -> str:
            return f"{seconds(figure)}, {figure['output_mb']:.0f} MB" if figure else "—"

        lines.append(
            f"| {int(count):,} | {seconds(ours)} | {ours['output_mb']:.1f} MB "
            f"| {_fmt(ours['peak_mb'], 0, ' MB')} | {cell(default)} | {cell(prune)} "
            f"| {ratios(ours, default)} | {ratios(ours, prune)} |"
        )
    lines += [
        "",
        "Plain MkDocs is measured up to 1,000 pages: with default settings its cost grows "
        "with the square of the page count.",
    ]
    off = results.get("cards_off", {}).get("1000")
    lines += [
        "",
        "The handbook builds above are as `handbook synth` writes them, the sample's "
        "configuration: every quick card checked against its page and a PDF per area "
        "(Typst), cold (no `.cache/` kept between runs). Without the quick cards (`cards: "
        "{overflow: off, pdf: false}`), 1,000 standards took "
        + (f"{seconds(off)}." if off else "— (not measured)."),
    ]
    lines += ["", "| Task | Time |", "| --- | ---: |"]
    for key, task in (
        ("lint", "Lint 1,000 standards (`lint_bench.py`: imports, load and rules)"),
        ("changelog", "Changelog of 1,000 standards × 50 revisions (cold build)"),
        ("cards", "PDF of 100 quick cards"),
        (
            "serve",
            "Save a standard → updated page and quick card, `make serve` (`serve --dirty`), 1,000",
        ),
    ):
        figure = results.get(key)
        if figure is None:
            value = "not measured"
        elif figure.get("available", True) and "seconds" in figure:
            value = f"{figure['seconds']:.2f} s"
        else:
            value = figure.get("note", "not available")
        lines.append(f"| {task} | {value} |")
    lines += ["", "| Target | Measured | Limit | Met |", "| --- | ---: | ---: | :---: |"]
    for t in results["targets"]:
        met = {True: "yes", False: "**no**", None: "—"}[t["met"]]
        digits = 2 if t["unit"] in ("×", "s") else 0 if t["unit"] == "MB" else 1
        lines.append(
            f"| {t['target']} | {_fmt(t['value'], digits, ' ' + t['unit'])} "
            f"| {_fmt(t['limit'], 2 if t['unit'] == '×' else 0, ' ' + t['unit'])} | {met} |"
        )
    if results.get("results"):
        lines += ["", results_markdown(results["results"]).rstrip("\n")]
    if results.get("search"):
        lines += ["", search_markdown(results["search"]).rstrip("\n")]
    return "\n".join(lines) + "\n"


def results_markdown(measured: dict[str, Any]) -> str:
    """The results benchmark's section of results.md (`benchmarks/results_bench.py`)."""
    lines = ["## Results of targets", ""]
    load = measured.get("load")
    if load:
        lines.append(
            f"Loading and validating the results of {measured['count']:,} standards × 24 "
            f"months ({load['rows']:,} rows), in a fresh interpreter after the standards: "
            f"{load['cpu_seconds']:.2f} s CPU ({load['seconds']:.2f} s wall), median of "
            f"{load['runs']}; {load['date']} at `{load['commit']}`, load average "
            f"{', '.join(str(x) for x in load['load_average'])}."
        )
    build = measured.get("build")
    if build:
        lines += [
            "",
            f"Builds of {measured['count']:,} standards without results and with 12 months "
            f"of every target's results, cold, taking turns; median of {build['runs']}; "
            f"{build['date']} at `{build['commit']}`, load average "
            f"{', '.join(str(x) for x in build['load_average_before'])} before and "
            f"{', '.join(str(x) for x in build['load_average_after'])} after (2 shared cores). "
            "*As shipped* is the sample's configuration (quick cards checked and printed); "
            "*quick cards off* leaves them out, so the results are a larger share.",
            "",
            "| Configuration | Without results | With 12 months | Ratio (CPU) | Output |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for kind in ("as shipped", "cards off"):
            pair = build[kind]
            without, with_ = pair["without"], pair["with"]
            lines.append(
                f"| {kind if kind != 'cards off' else 'quick cards off'} "
                f"| {cost(without):.1f} s CPU ({without['seconds']:.1f} s wall) "
                f"| {cost(with_):.1f} s CPU ({with_['seconds']:.1f} s wall) "
                f"| {_fmt(_ratio(cost(with_), cost(without)), 2, '×')} "
                f"| {without['output_mb']:.1f} → {with_['output_mb']:.1f} MB |"
            )
    charts = measured.get("charts")
    if charts:
        ours = charts["ours"]
        lines += [
            "",
            f"Trend charts: {charts['charts']:,} targets' charts (line, met and missed marks, "
            "stepped dashed target, 12 labelled periods, no script) drawn by the handbook "
            "and by two charting libraries, which are not its dependencies; "
            f"{charts['date']} at `{charts['commit']}`, load average "
            f"{', '.join(str(x) for x in charts['load_average_before'])}. A 1,000-standard "
            "handbook has about 2,000 charts.",
            "",
            "| Drawn by | CPU | per chart | Size | per chart |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for name, label in (
            ("ours", "the handbook (`results/chart.py`)"),
            ("pygal", "pygal"),
            ("matplotlib", "matplotlib (SVG, text as text)"),
        ):
            figure = charts.get(name, {})
            if not figure.get("available", True) or "cpu_seconds" not in figure:
                lines.append(f"| {label} | {figure.get('note', 'not measured')} | | | |")
                continue
            n = charts["charts"]
            lines.append(
                f"| {label} | {figure['cpu_seconds']:.2f} s | {1000 * figure['cpu_seconds'] / n:.2f} ms "
                f"| {figure['bytes'] / 1e6:.1f} MB | {figure['bytes'] / n / 1000:.1f} KB |"
            )
        if ours and all(charts.get(k, {}).get("cpu_seconds") for k in ("pygal", "matplotlib")):
            fastest = min(charts["pygal"]["cpu_seconds"], charts["matplotlib"]["cpu_seconds"])
            lines += [
                "",
                "Why the charts are drawn by the handbook rather than a charting library: the "
                f"faster library took {fastest / ours['cpu_seconds']:.0f} times the CPU: about "
                f"{2 * fastest:.0f} s for a 1,000-standard handbook's charts against "
                f"{2 * ours['cpu_seconds']:.1f} s, where all the results may add is 10% of the "
                "build; and its files are larger. The drawing is one small module, tested for "
                "a mark per period and the target's steps.",
            ]
    return "\n".join(lines) + "\n"


PAGE = """---
title: Benchmarks
---

# Benchmarks

How long the handbook takes to build as it grows, next to what a team would have without
it: the same standards written by hand as Markdown pages and built by plain MkDocs with
the Material theme, once with default settings and once with `navigation.prune`. The
standards are synthetic (`handbook synth`), recombined from the sample standards' text.
Run `make bench` to measure again; it rewrites this page (and `benchmarks/results.json`).

What keeps the handbook's build growing in step with the number of standards:

- In a handbook of more than 60 standards the sidebar shows the areas and, on a
  standard's page, that standard; the area and index pages list the rest. (Material
  renders the visible navigation into every page, so listing every standard in every
  page made the cost grow with the square of the count.)
- Standards are read with libyaml; the large HTML blocks of generated pages skip
  Markdown's HTML parser; the theme's indentation is dropped from finished pages.
- `make serve` runs `mkdocs serve --dirty`: after an edit, only the standards and pages
  that changed are read, rendered and written again.

{table}
"""


def write_reports(results: dict[str, Any], out: Path, docs_page: Path | None) -> None:
    results["targets"] = targets(results)
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=1) + "\n", "utf-8")
    table = markdown(results)
    (out / "results.md").write_text(table, "utf-8")
    if docs_page is not None:
        docs_page.parent.mkdir(parents=True, exist_ok=True)
        docs_page.write_text(PAGE.format(table=table), "utf-8")


def _mb(value: float | None) -> str:
    return "—" if value is None else f"{value / 1e6:.2f} MB"


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f} ms"


def _share(tally: dict[str, int] | None, key: str) -> str:
    if not tally or not tally.get("asked"):
        return "—"
    return f"{tally[key]}/{tally['asked']} ({100 * tally[key] / tally['asked']:.0f}%)"


def _provenance(part: dict[str, Any]) -> list[str]:
    """A line saying which run each column is from, when the handbook's search was
    measured alone after the others."""
    own, others = part.get("handbook_measured"), part.get("others_measured")
    if not own:
        return []
    load = f"{own['load_average_before'][0]}–{own['load_average_after'][0]}"
    return [
        "",
        f"*Handbook* columns: {own['date']} at `{own['commit']}`, the handbook's search "
        f"measured alone (load average {load}); the other engines' columns: "
        f"{others.get('date')} at `{others.get('commit')}`, the earlier run.",
    ]


def _tally(scored: dict[str, Any] | None, kind: str) -> dict[str, int] | None:
    if not scored or "all" not in scored:
        return None
    return scored["all"] if kind == "all" else scored["kinds"].get(kind)


# The held-out queries are for checking the search engine, never for tuning it: their
# files give the score, and `search_bench.py --misses` prints the queries missed.
HELD_OUT = "held-out"
# The blind set's one blind figure: the handbook's search on it before any change made
# for its misses (`search_rank.py --sets` at this commit, main then).
BLIND_COMMIT = "b983b57"
BLIND_BEFORE = "88/115 first and 102/115 in the top 3"


NAMES = {
    "handbook": "Handbook",
    "material": "Material default",
    "pagefind": "Pagefind",
    "minisearch": "MiniSearch",
}


def search_markdown(search: dict[str, Any], misses: bool = False) -> str:
    """The search benchmark's section of results.md (`benchmarks/search_bench.py`)."""
    load = ", ".join(str(x) for x in search["load_average_before"])
    after = ", ".join(str(x) for x in search.get("load_average_after", []))
    lines = [
        "## Search",
        "",
        f"Measured {search['date']} by `benchmarks/search_bench.py` in Debian's Chromium; "
        f"load average {load} before and {after} after (2 shared cores).",
        "*Handbook* is the search the site ships (`window.handbookSearch`); *Material "
        "default* is Material's `search` plugin with default options and its own search box, "
        "on a twin build of the same project; *Pagefind* (1.5.2, default settings) is "
        "`pagefind --site` over a third twin built without either search, with Pagefind's "
        "default UI added to every page; *MiniSearch* (7.2.0, npm) is the same pages with a "
        "plain search box instead, and an index of the standards built with node "
        "(`minisearch_index.js`: title, aliases, situation and the rest as one field; "
        "`minisearch_options.json`: prefix and fuzzy matching, title, alias and situation "
        "boosts) that loads on the first keystroke.",
    ]
    ranking = search.get("ranking")
    if ranking:
        lines += _provenance(ranking)
        lines += [
            "",
            "Sample handbook: the first result, and the first three, belong to a standard "
            "the query accepts. *staff*, *held-out* and *blind* are natural staff queries "
            "written before any result was seen (`staff_queries*.yml`); *generated* are "
            "`search_rank.py`'s aliases, situations and wording fragments. *blind* was "
            f"committed at {BLIND_COMMIT} before search was run on it; the handbook's "
            f"search then put {BLIND_BEFORE}, the one blind figure. Its figures here are "
            "after the fixes its misses led to, so no longer blind.",
            "",
            "Pagefind indexes every page, a standard's earlier versions (as-of pages), "
            "quick card and scorecard too: *Pagefind* counts the standard's own page as "
            "the others do; *Pagefind, about* counts any page about the standard; "
            "*Pagefind, standards only* is a second Pagefind index of the same pages "
            "narrowed as Pagefind documents it (`data-pagefind-body` on the standards' "
            "content), a site owner's tuning, not its default.",
            "",
            "| Queries | Kind | Asked | Handbook first | Handbook top 3 "
            "| Material default first | Material default top 3 | Pagefind first "
            "| Pagefind top 3 | Pagefind, about: first | Pagefind, about: top 3 "
            "| Pagefind, standards only: first | Pagefind, standards only: top 3 "
            "| MiniSearch first | MiniSearch top 3 | Material as tuned before issue 12, first |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        ours, theirs = ranking.get("handbook", {}), ranking.get("material", {})
        tuned, pagefind = ranking.get("material-tuned", {}), ranking.get("pagefind", {})
        pf_about = ranking.get("pagefind-about", {})
        pf_only = ranking.get("pagefind-standards", {})
        mini = ranking.get("minisearch", {})
        for name, scored in (theirs or ours).items():
            if "kinds" not in scored:
                continue
            for kind in ["all", *scored["kinds"]]:
                a, b, c, d, e, f, g = (
                    _tally(x.get(name), kind)
                    for x in (ours, theirs, tuned, pagefind, pf_about, pf_only, mini)
                )
                label = f"**{name}**" if kind == "all" else ""
                lines.append(
                    f"| {label} | {kind} | {(b or a or {}).get('asked', '')} | {_share(a, 'first')} "
                    f"| {_share(a, 'top3')} | {_share(b, 'first')} | {_share(b, 'top3')} "
                    f"| {_share(d, 'first')} | {_share(d, 'top3')} | {_share(e, 'first')} "
                    f"| {_share(e, 'top3')} | {_share(f, 'first')} | {_share(f, 'top3')} "
                    f"| {_share(g, 'first')} | {_share(g, 'top3')} | {_share(c, 'first')} |"
                )
        if ours.get("available") is False:
            lines += ["", f"Handbook search: {ours['note']}."]
        for name in ("staff", "blind") + ((HELD_OUT,) if misses else ()):
            missed = ours.get(name, {}).get("misses")
            if missed is None:
                continue
            lines += ["", f"Handbook search, {name} queries not first ({len(missed)}):", ""]
            lines += [
                f"- “{m['query']}” ({m['kind']}): wanted {', '.join(m['accept'])}; "
                f"got {', '.join(m['got']) or 'nothing'}"
                for m in missed
            ]
    synth = search.get("synth_ranking")
    if synth:
        shared = synth.get("own_aliases") is not True
        lines += _provenance(synth)
        lines += [
            "",
            f"{synth['count']:,} synthetic standards, "
            + (
                "whose aliases and situations are recombined from the sample's (about fifty "
                "standards share each alias): a standard with the query's alias or situation "
                "first"
                if shared
                else "each with its own aliases and situation (`handbook synth` says the "
                "sample's for the standard's own segment and site, as its title does, since "
                "eb5f3e6: about a dozen more words a standard, in its aliases and situation; "
                "the build, lint and other figures measured before then had the shared ones, "
                "and before then about fifty standards shared each alias, so these counts do "
                "not compare with earlier ones): the standard first"
            )
            + f", for those of {synth.get('standards_asked', synth['count']):,} of them (every "
            f"{synth['count'] // synth.get('standards_asked', synth['count'])}th by id; "
            f"{synth.get('queries_of_all', 0):,} such queries in all).",
            "",
            "| Queries | Kind | Asked | Handbook first | Handbook top 3 | Material default "
            "first | Pagefind first | Pagefind top 3 | Pagefind, about: first "
            "| Pagefind, standards only: first | MiniSearch first |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for name, scored in (synth.get("material") or synth["handbook"]).items():
            if not isinstance(scored, dict) or "kinds" not in scored:
                continue
            for kind in ["all", *scored["kinds"]]:
                a, b, d, e, f, g = (
                    _tally(synth.get(x, {}).get(name), kind)
                    for x in (
                        "handbook",
                        "material",
                        "pagefind",
                        "pagefind-about",
                        "pagefind-standards",
                        "minisearch",
                    )
                )
                label = name if kind == "all" else ""
                lines.append(
                    f"| {label} | {kind} | {(b or a or {}).get('asked', '')} | {_share(a, 'first')} "
                    f"| {_share(a, 'top3')} | {_share(b, 'first')} | {_share(d, 'first')} "
                    f"| {_share(d, 'top3')} | {_share(e, 'first')} | {_share(f, 'first')} "
                    f"| {_share(g, 'first')} |"
                )
    sizes = search.get("sizes")
    if sizes:
        lines += [
            "",
            "Synthetic handbooks built as shipped (the twins without quick card PDFs, which "
            "no page loads), each run in a fresh browser context: a standard "
            "page opened cold (all bytes the local server sent, gzipped, theme assets "
            "included; *of it, search* is the files named search or pagefind among them), the "
            f"bytes the first search fetches, the time from the last keystroke of "
            f"“{search['timed_query']}” typed in the search box to the frame that shows the "
            "results (then unchanged for 1.5 s), without and with CDP's "
            f"{search['throttle']}× CPU throttling of the page's main thread (it does not "
            "slow web workers: Material and Pagefind search in one, MiniSearch and the "
            "handbook on the page; Pagefind's UI also waits "
            "300 ms after a keystroke by default), and the JavaScript heap of the page and its "
            "workers after garbage collection once search has answered (*+ buffers*: their "
            "ArrayBuffers outside that heap, where Pagefind's WebAssembly memory is). "
            "Medians; the engines take turns, run after run; "
            "the load is the 1-minute load average over that size's runs.",
            "",
            "| Standards | Search | Cold standard page | of it, search | First search "
            "fetches | Keystroke → results | same, CPU 4× slower | JS heap (+ buffers) "
            "| Runs, load |",
            "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
        ]
        for count, size in sorted(sizes.items(), key=lambda item: int(item[0])):
            m = size["measured"]
            for engine, f in size["engines"].items():
                low, high = f.get("load_range") or (
                    m["load_average_before"][0],
                    m["load_average_after"][0],
                )
                own = f.get("measured", m)  # the handbook re-measured alone, later
                when = f"{own['runs']}, load {low}–{high} (`{own['commit']}`)"
                name = NAMES[engine]
                if engine == "handbook" and not f.get("handbook_search"):
                    name += " (no window.handbookSearch)"
                if engine == "handbook" and not size["shipped_cards"]:
                    name += " (built without card PDFs)"
                if f.get("workers"):
                    name += " (in a web worker)"
                heap = _mb(f["heap_bytes"])
                if f.get("backing_store_bytes"):
                    heap += f" (+{_mb(f['backing_store_bytes'])})"
                lines.append(
                    f"| {int(count):,} | {name} | {_mb(f['cold_page_gzip_bytes'])} "
                    f"| {_mb(f['index_on_load_gzip_bytes'])} "
                    f"| {_mb(f['first_search_gzip_bytes'])} "
                    f"| {_ms(f['keystroke_to_results_ms'])} "
                    f"| {_ms(f['keystroke_to_results_ms_throttled'])} "
                    f"| {heap} | {when} |"
                )
    return "\n".join(lines) + "\n"
