"""`standards.json`: every published standard as data, for other tools."""

from __future__ import annotations

from typing import Any

from .. import targets
from ..handbook import Handbook
from ..model import Standard
from .escape import json_for_html
from .output import OutputFile
from .urls import Urls, standard_path

PATH = "standards.json"


def standards_json(handbook: Handbook, urls: Urls) -> OutputFile:
    """One standard per line, so a `serve` rebuild encodes again only changed standards."""
    lines = [_record(s, urls.url(standard_path(s)), handbook) for s in handbook.published()]
    head = f'{{"version": 1, "count": {len(lines)}, "standards": [\n'
    return OutputFile(PATH, head + ",\n".join(lines) + "\n]}\n")


# Encoded records by id: (the Standard, its URL, the JSON line). The loader hands back the
# same Standard while its file is unchanged.
_ENCODED: dict[str, tuple[Standard, str, str]] = {}


def _targets(s: Standard, handbook: Handbook) -> list[dict[str, Any]]:
    """Each target with its id, its goal in words, and its results, oldest first."""
    found = {r.target.id: r for r in handbook.results.of(s)}
    records = []
    for t in s.targets:
        record: dict[str, Any] = {
            "id": t.id,
            "metric": t.metric,
            "kind": t.kind,
            "goal": t.goal,
            "result_unit": targets.result_unit(t.data),
            "channel": t.channel,
            "period": t.period,
        }
        judged = found.get(t.id)
        if judged is not None:
            record["results"] = [
                {
                    "period": str(o.result.period),
                    "value": o.result.value,
                    "unit": o.result.unit,
                    "goal": list(o.goal) if o.goal else None,
                    "met": o.met,
                    "sample": o.result.sample,
                }
                for o in judged.outcomes
            ]
        records.append(record)
    return records


def _record(s: Standard, url: str, handbook: Handbook) -> str:
    has_results = bool(handbook.results) and bool(handbook.results.of(s))
    remembered = _ENCODED.get(s.id)
    if not has_results and remembered is not None and remembered[0] is s and remembered[1] == url:
        return remembered[2]
    record = {
        "id": s.id,
        "title": s.title,
        "url": url,
        "area": s.area,
        "status": s.status,
        "owner": s.owner,
        "review_by": s.review_by.isoformat(),
        "targets": _targets(s, handbook),
        "content": s.data,
    }
    text = json_for_html(record)
    if not has_results:
        _ENCODED[s.id] = (s, url, text)
    return text
