"""Search ranking for staff who quote what they hear or say.

Material's search scores each section of a page on its own and gives a page's first
section a large bonus. A phrase from a standard's "What to say" section then loses to
another standard's first section that shares a word or two with it. Once the search
plugin has written its index, the sections of standard pages named here get a boost
that evens this out. Measured with benchmarks/search_rank.py on the sample: a whole
wording lists its standard first 33 times in 40 instead of 26; a stronger boost starts
to push wordings above other standards' situations.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..handbook import Handbook
from ..render.escape import json_for_html
from ..render.urls import Urls, standard_path

SECTION_BOOSTS = {"what-to-say": 1.5}


def tune(index: dict[str, Any], standard_urls: set[str]) -> dict[str, Any]:
    """Multiply the boost of the chosen sections of standard pages, in place."""
    for doc in index.get("docs", []):
        page, _, anchor = str(doc.get("location", "")).partition("#")
        if page in standard_urls and anchor in SECTION_BOOSTS:
            doc["boost"] = doc.get("boost", 1) * SECTION_BOOSTS[anchor]
    return index


def tune_file(path: Path, handbook: Handbook, urls: Urls) -> None:
    """Rewrite a built search index (search/search_index.json), if there is one."""
    if not path.is_file():
        return
    index = json.loads(path.read_text("utf-8"))
    pages = {urls.url(standard_path(s)) for s in handbook.published()}
    # Written as the site's other JSON: no markup a page could pick up if it were pasted in.
    text = json_for_html(tune(index, pages), separators=(",", ":"))
    path.write_text(text, "utf-8")
