"""Property: whatever an editor (or attacker) does to a standard file, the outcome is the
standard loaded or located problems, never an exception, through loader, linter and
renderer; and what loads is rendered with no markup of its own.

Hypothesis mutates the sample standards: keys deleted, values of other types, hostile
strings (markup, script URLs, control characters, lone surrogates), huge numbers, deep
nesting, and the YAML text itself broken. `make test` runs the `default` profile (about
150 examples, well under a minute); `make fuzz` runs `fuzz` (5,000 examples).
"""

from __future__ import annotations

import html
import json
import os
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from handbook.cards.model import carded, make_card
from handbook.cards.render import card_html
from handbook.cards.sizes import SIZES
from handbook.lint.runner import lint
from handbook.loader import load_one, load_texts
from handbook.problems import Problem
from handbook.render.export import standards_json
from handbook.render.pages import PageRenderer
from handbook.render.urls import Urls
from handbook.settings import Settings

ROOT = Path(__file__).parent.parent.parent
common = {"deadline": None, "database": None, "suppress_health_check": list(HealthCheck)}
settings.register_profile("default", max_examples=150, **common)
settings.register_profile("fuzz", max_examples=5000, **common)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

SETTINGS = Settings.from_mkdocs_yml(ROOT / "mkdocs.yml")
TEXTS = {
    p.relative_to(ROOT).as_posix(): p.read_text("utf-8")
    for p in sorted((ROOT / "standards").rglob("*.yml"))
}
PATHS = sorted(TEXTS)

# Each carries a marker the rendered HTML must never hold as markup.
HOSTILE = [
    "<xss-probe>",
    '"><xss-probe a="',
    "'><xss-probe>",
    "</textarea><xss-probe>",
    "<script>probe()</script>",
    '<img src=x onerror="probe()">',
    "[link](javascript:probe())",
    "<a href='javascript:probe()'>x</a>",
    "![i](data:text/html;base64,PHhzcy1wcm9iZT4=)",
    "{{ probe }}{% probe %}",
    "\n---\ntitle: probe\n---\n",
    "&lt;xss-probe&gt;",
    "\x00\x07\x1b[31m\x7f\x85\x9f",
    "\ud800",
    "\ufeff\u202e",
    "2026-02-30",
    "9" * 5000,
    "1e309",
]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**14, max_value=10**400),
    st.floats(),
    st.text(max_size=40),
    st.sampled_from(HOSTILE),
    st.dates(),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def paths(value: Any, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += paths(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += paths(inner, (*path, index))
    return found


@st.composite
def data_mutation(draw: st.DrawFn, text: str) -> str:
    data = yaml.safe_load(text)
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(paths(data)[1:]))
        parent = data
        for part in where[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["delete", "replace", "hostile", "add"]))
        if action == "delete":
            del parent[where[-1]]
        elif action == "replace":
            parent[where[-1]] = draw(VALUES)
        elif action == "hostile":
            old = parent[where[-1]]
            bad = draw(st.sampled_from(HOSTILE))
            parent[where[-1]] = f"{old} {bad}" if isinstance(old, str) else bad
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=10))] = draw(VALUES)
        if not data or not isinstance(data, dict):
            break
    return yaml.safe_dump(
        data, allow_unicode=draw(st.booleans()), sort_keys=False, width=draw(st.integers(20, 200))
    )


MARKUP = [h for h in HOSTILE if "probe" in h]
# Fields of free text (the others are ids, names from a list, or patterns).
PROSE = {"title", "summary", "situation", "owner", "aliases", "rules", "steps", "targets",
         "wordings", "examples", "escalation", "illustrations", "card"}  # fmt: skip
NOT_PROSE = {"file", "comparison", "kind", "unit"}


@st.composite
def hostile_text(draw: st.DrawFn, text: str) -> str:
    """Markup put into text values that stay valid, so the page is rendered with it."""
    data = yaml.safe_load(text)
    strings = [
        p
        for p in paths(data)
        if isinstance(_at(data, p), str) and p[0] in PROSE and p[-1] not in NOT_PROSE
    ]
    for where in draw(st.lists(st.sampled_from(strings), min_size=1, max_size=6)):
        parent = _at(data, where[:-1])
        bad = draw(st.sampled_from(MARKUP))
        parent[where[-1]] = draw(st.sampled_from([f"{parent[where[-1]]} {bad}", bad + " text"]))
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _at(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


@st.composite
def text_mutation(draw: st.DrawFn, text: str) -> str:
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "insert", "duplicate", "nest", "truncate", "tab"]))
        if action == "delete":
            del lines[index]
        elif action == "insert":
            column = draw(st.integers(0, len(lines[index])))
            extra = draw(
                st.sampled_from(HOSTILE)
                | st.text(max_size=10)
                | st.sampled_from(":[]{}'\"&*!|>-#%@`")
            )
            lines[index] = lines[index][:column] + extra + lines[index][column:]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "nest":
            depth = draw(st.integers(1, 600))
            lines.insert(index, f"tags: {'[' * depth}x{']' * depth}")
        elif action == "truncate":
            lines = lines[: index + 1]
        else:
            lines[index] = "\t" + lines[index]
        if not lines:
            lines = [""]
    return "\n".join(lines)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    path = draw(st.sampled_from(PATHS))
    text = TEXTS[path]
    how = draw(st.sampled_from(["markup", "data", "text", "data and text"]))
    if how == "markup":
        text = draw(hostile_text(text))
    if "data" in how:
        text = draw(data_mutation(text))
    if "text" in how:
        text = draw(text_mutation(text))
    return path, text


class Markup(HTMLParser):
    """Every tag and attribute in a piece of HTML, as a browser would read them."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("xss-probe", "script", "iframe", "object", "embed"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name == "a":
                self.found.append(f"{tag} {name}=")
            if name in ("href", "src") and value:
                scheme = value.strip().lower()
                if scheme.startswith(("javascript:", "data:text", "vbscript:")):
                    self.found.append(f"{tag} {name}={value}")


def markup_in(html: str) -> list[str]:
    parser = Markup()
    parser.feed(html)
    parser.close()
    return parser.found


FRONT_MATTER_KEYS = {"title", "description", "tags", "handbook_id", "handbook_pilot_of", "search"}


def front_matter(page: str) -> dict:
    assert page.startswith("---\n")
    return yaml.safe_load(page[4 : page.index("\n---\n", 4)])


@given(mutated())
def test_any_mutation_loads_or_gives_located_problems(case):
    path, text = case
    standard, problems = load_one(path, text)
    assert (standard is None) == bool(problems)
    event("loaded" if standard else f"problem: {problems[0].rule}")
    for problem in problems:
        assert isinstance(problem, Problem) and problem.file == path
        assert problem.line >= 1 and problem.column >= 1 and problem.message
        str(problem).encode("utf-8")  # printable in a terminal and a log
    handbook = load_texts({**TEXTS, path: text}, SETTINGS)
    assert all(p.line >= 1 and p.column >= 1 for p in handbook.problems)
    for problem in lint(handbook, files=[path]):
        assert problem.file == path and problem.line >= 1 and problem.column >= 1
    if standard is None:
        return
    renderer = PageRenderer(handbook, Urls())
    loaded = next(s for s in handbook.standards if s.path == path)
    page = renderer.standard(loaded).content
    assert isinstance(page, str)
    assert markup_in(page) == [], page
    event("rendered a page" + (" holding a probe" if "probe" in page else ""))
    # The front matter reads back as written: nothing in a value adds keys or lines
    # (the title is kept HTML-escaped there, as Material prints it unescaped).
    meta = front_matter(page)
    assert set(meta) <= FRONT_MATTER_KEYS, meta
    assert html.unescape(meta["title"]).startswith(loaded.title)  # a pilot's says so after
    if loaded in carded(handbook):
        card = card_html(make_card(loaded, "r"), SIZES["a6"], loaded.area)
        assert markup_in(card) == [], card
    exported = standards_json(handbook, Urls()).content
    assert isinstance(exported, str)
    json.loads(exported)


@pytest.mark.parametrize("path", PATHS)
def test_the_samples_render_without_markup_of_their_own(path):
    # The probe itself: the sample pages hold none of what the property looks for.
    handbook = load_texts(TEXTS, SETTINGS)
    standard = next(s for s in handbook.standards if s.path == path)
    if standard.published:
        assert markup_in(PageRenderer(handbook, Urls()).standard(standard).content or "") == []


def test_the_probe_finds_markup():
    assert markup_in('<p><xss-probe></p><a href=" javascript:x()" onclick="y">') == [
        "<xss-probe>",
        "a href= javascript:x()",
        "a onclick=",
    ]
