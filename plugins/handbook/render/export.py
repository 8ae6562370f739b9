"""`standards.json`: every published standard as data, for other tools."""

from __future__ import annotations

from functools import partial
from typing import Any

from .. import targets
from ..buildstate import BuildState, cold
from ..handbook import Handbook
from ..model import Standard
from .escape import json_for_html
from .output import OutputFile
from .urls import Urls, standard_path

PATH = "standards.json"


def standards_json(handbook: Handbook, urls: Urls, state: BuildState | None = None) -> OutputFile:
    """One standard per line, each kept in `state` by its file and URL, so a `serve`
    rebuild encodes again only changed standards (and those with results)."""
    state = state or cold()
    lines = []
    for s in handbook.published():
        url = urls.url(standard_path(s))
        # A standard with results shows them: not kept, results change without its file.
        cacheable = s.digest and not (handbook.results and handbook.results.of(s))
        key = (s.digest, url) if cacheable else None
        lines.append(
            state.kept("standards-json", key, partial(_record, s, url, handbook), of=s.digest)
        )
    head = f'{{"version": 1, "count": {len(lines)}, "standards": [\n'
    return OutputFile(PATH, head + ",\n".join(lines) + "\n]}\n")


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
    return json_for_html(record)
