"""Staff search in the site's header: the index files and the script that reads them.

The script (`assets/search.js`, after the vendored npm `stemmer` 2.0.1, MIT) runs in
every page but loads nothing more until someone searches; see `index.py` for the index
and `overrides/partials/search.html` for the dialog it drives.
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources

from ..beside import FilesBeside
from ..handbook import Handbook
from ..render.output import OutputFile
from ..render.urls import Urls
from .index import documents, index_files, published
from .synonyms import synonyms

SCRIPT = "assets/handbook/search.js"
STEMMER = "stemmer-2.0.1.js"


class SearchFeature(FilesBeside):
    what = "the search index"

    def make_files(self, handbook: Handbook, urls: Urls) -> list[OutputFile]:
        options = handbook.settings.options.search
        if not options.enabled:
            return []
        words = synonyms(options.synonyms)
        docs = documents(handbook, urls, self.state)
        folder, index = published(index_files(docs, words, self.state))
        return [OutputFile(SCRIPT, script(folder)), *index]


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
