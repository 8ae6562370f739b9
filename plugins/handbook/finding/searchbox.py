"""Staff search in the site's header: the index files and the script that reads them.

The script (`assets/search.js`, after the vendored npm `stemmer` 2.0.1, MIT) runs in
every page but loads nothing more until someone searches; see `index.py` for the index
and `overrides/partials/search.html` for the dialog it drives.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import resources

from ..feature import Feature
from ..handbook import Handbook
from ..problems import Problem
from ..render.output import OutputFile
from ..render.urls import Urls
from .index import documents, index_files, published
from .synonyms import synonyms

SCRIPT = "assets/handbook/search.js"
STEMMER = "stemmer-2.0.1.js"


class SearchFeature(Feature):
    def problems(self, handbook: Handbook) -> list[Problem]:
        return search_options(handbook)[1]

    def files(self, handbook: Handbook, urls: Urls) -> list[OutputFile]:
        options, _ = search_options(handbook)
        if not options.enabled:
            return []
        words = synonyms(options.synonyms)
        docs = documents(handbook, urls)
        folder, index = published(index_files(docs, words, self.state))
        return [OutputFile(SCRIPT, script(folder)), *index]


@dataclass(frozen=True)
class SearchOptions:
    """The plugin's `search` option: `false` (Material's search instead), or
    `{synonyms: [[word, word, ...], ...]}` to add to the built-in synonyms."""

    enabled: bool = True
    synonyms: tuple[tuple[str, ...], ...] = ()


def search_options(handbook: Handbook) -> tuple[SearchOptions, list[Problem]]:
    """The parsed option, or the default and a problem saying what is wrong with it."""
    value = handbook.settings.extra.get("search", {})
    if value is False:
        return SearchOptions(enabled=False), []
    if value is True or value is None:
        return SearchOptions(), []
    usage = "use `search: false` or `search: {synonyms: [[word, word, ...], ...]}`"
    where = handbook.settings.where("search")
    if not isinstance(value, dict):
        return SearchOptions(), [_problem(where, f"should be false or a mapping: {usage}")]
    problems = [
        _problem(where, f"unknown option '{key}': {usage}")
        for key in sorted(set(value) - {"synonyms"})
    ]
    groups = value.get("synonyms") or []
    if not isinstance(groups, list) or not all(
        isinstance(g, list) and all(isinstance(w, str) for w in g) for g in groups
    ):
        problems.append(
            _problem(where, f"synonyms should be lists of words that mean the same: {usage}")
        )
        groups = []
    return SearchOptions(synonyms=tuple(tuple(g) for g in groups)), problems


def _problem(where: tuple[str, int, int], message: str) -> Problem:
    return Problem(*where, "search-option", f"search: {message}")


def _asset(*parts: str) -> str:
    return resources.files("handbook").joinpath("assets", *parts).read_text("utf-8")


def script(folder: str = "search/handbook/") -> str:
    """search.js with the stemmer before it, in one closure (a plain script, not a module:
    browsers load no modules from file://), reading the index in `folder` (relative to
    the site's root, see `index.published`)."""
    stemmer = _asset("vendor", STEMMER)
    exported = "export function stemmer("
    if stemmer.count(exported) != 1:
        raise RuntimeError(f"{STEMMER}: expected one `{exported}`")
    stemmer = stemmer.replace(exported, "function stemmer(")
    return (
        f"/* {STEMMER.removesuffix('.js')} (npm, MIT, Titus Wormer), unchanged but for its"
        ' `export` */\n(function () {\n"use strict";\n'
        f"var INDEX = {json.dumps(folder)};\n{stemmer}\n{_asset('search.js')}}})();\n"
    )


def versioned_url(files: list[OutputFile]) -> str:
    """search.js's address with a version of its content (`?v=...`) for the pages to load
    it by: a page of a new publish never runs a cached search.js that reads an older
    index (file:// ignores the query)."""
    content = next((f.content for f in files if f.path == SCRIPT), None)
    if content is None:
        return SCRIPT
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    return f"{SCRIPT}?v={hashlib.sha256(data).hexdigest()[:12]}"
