"""`standards.json`: every published standard as data, for other tools."""

from __future__ import annotations

import json

from ..handbook import Handbook
from .output import OutputFile
from .urls import Urls, standard_path

PATH = "standards.json"


def standards_json(handbook: Handbook, urls: Urls) -> OutputFile:
    records = []
    for s in handbook.published():
        records.append(
            {
                "id": s.id,
                "title": s.title,
                "url": urls.url(standard_path(s)),
                "area": s.area,
                "status": s.status,
                "owner": s.owner,
                "review_by": s.review_by.isoformat(),
                "content": s.data,
            }
        )
    payload = {"version": 1, "count": len(records), "standards": records}
    text = json.dumps(payload, ensure_ascii=False, indent=1)
    # The same data once parsed, but no raw markup anywhere in the site's files, so the
    # file is harmless even if a careless tool pastes it into a page.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return OutputFile(PATH, text + "\n")
