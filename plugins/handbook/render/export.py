"""`standards.json`: every published standard as data, for other tools."""

from __future__ import annotations

from ..handbook import Handbook
from ..model import Standard
from .escape import json_for_html
from .output import OutputFile
from .urls import Urls, standard_path

PATH = "standards.json"


def standards_json(handbook: Handbook, urls: Urls) -> OutputFile:
    """One standard per line, so a `serve` rebuild encodes again only changed standards."""
    lines = [_record(s, urls.url(standard_path(s))) for s in handbook.published()]
    head = f'{{"version": 1, "count": {len(lines)}, "standards": [\n'
    return OutputFile(PATH, head + ",\n".join(lines) + "\n]}\n")


# Encoded records by id: (the Standard, its URL, the JSON line). The loader hands back the
# same Standard while its file is unchanged.
_ENCODED: dict[str, tuple[Standard, str, str]] = {}


def _record(s: Standard, url: str) -> str:
    remembered = _ENCODED.get(s.id)
    if remembered is not None and remembered[0] is s and remembered[1] == url:
        return remembered[2]
    record = {
        "id": s.id,
        "title": s.title,
        "url": url,
        "area": s.area,
        "status": s.status,
        "owner": s.owner,
        "review_by": s.review_by.isoformat(),
        "content": s.data,
    }
    text = json_for_html(record)
    _ENCODED[s.id] = (s, url, text)
    return text
