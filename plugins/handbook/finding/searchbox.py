"""Staff search in the site's header: the index files and the script that reads them.

The script (`assets/search.js`, after the vendored npm `stemmer` 2.0.1, MIT) runs in
every page but loads nothing more until someone searches; see `index.py` for the index
and `overrides/partials/search.html` for the dialog it drives.
"""

from __future__ import annotations

from importlib import resources

from ..features import Feature
from ..handbook import Handbook
from ..render.output import OutputFile
from ..render.urls import Urls
from .index import documents, index_files

SCRIPT = "assets/handbook/search.js"
STEMMER = "stemmer-2.0.1.js"


class SearchFeature(Feature):
    name = "search"

    def files(self, handbook: Handbook, urls: Urls) -> list[OutputFile]:
        return [OutputFile(SCRIPT, script()), *index_files(documents(handbook, urls))]


def _asset(*parts: str) -> str:
    return resources.files("handbook").joinpath("assets", *parts).read_text("utf-8")


def script() -> str:
    """search.js with the stemmer before it, in one closure (a plain script, not a module:
    browsers load no modules from file://)."""
    stemmer = _asset("vendor", STEMMER)
    exported = "export function stemmer("
    if stemmer.count(exported) != 1:
        raise RuntimeError(f"{STEMMER}: expected one `{exported}`")
    stemmer = stemmer.replace(exported, "function stemmer(")
    return (
        f"/* {STEMMER.removesuffix('.js')} (npm, MIT, Titus Wormer), unchanged but for its"
        ' `export` */\n(function () {\n"use strict";\n'
        f"{stemmer}\n{_asset('search.js')}}})();\n"
    )
