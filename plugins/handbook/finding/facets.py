"""The facets staff filter standards by: area, channel, stage, status, owner and tag.

Each facet value has a key (safe in an HTML attribute and a URL) and the words shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..handbook import Handbook
from ..model import STATUSES, Standard
from ..render import labels
from ..schema import allowed

FACETS = (
    ("area", "Area"),
    ("channel", "Channel"),
    ("stage", "Stage"),
    ("status", "Status"),
    ("owner", "Owner"),
    ("tag", "Tag"),
)


@dataclass
class Option:
    key: str
    label: str
    standards: list[Standard] = field(default_factory=list)


@dataclass
class Facet:
    key: str
    label: str
    options: list[Option]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "-"


def values(standard: Standard, facet: str, areas: dict[str, str]) -> list[tuple[str, str]]:
    """(key, label) of each value the standard has for a facet."""
    if facet == "area":
        return [(standard.area, areas.get(standard.area, standard.area))]
    if facet == "channel":
        return [(c, labels.CHANNELS.get(c, c)) for c in standard.channels]
    if facet == "stage":
        return (
            [(standard.stage, labels.STAGES.get(standard.stage, standard.stage))]
            if standard.stage
            else []
        )
    if facet == "status":
        return [(standard.status, labels.STATUS.get(standard.status, standard.status))]
    if facet == "owner":
        return [(slug(standard.owner), standard.owner)]
    if facet == "tag":
        return [(slug(t), t) for t in standard.tags]
    raise ValueError(f"unknown facet {facet!r}")


def _order(facet: str, areas: dict[str, str]) -> list[str]:
    """Keys in the order staff know them; owners and tags sort by name instead."""
    known = {
        "area": list(areas),
        "channel": list(allowed("channels")),
        "stage": list(labels.STAGES),
        "status": list(STATUSES),
    }
    return known.get(facet, [])


def facets(handbook: Handbook) -> list[Facet]:
    """Every facet with the values the published standards have, each with its standards."""
    areas = handbook.settings.areas
    result = []
    for key, label in FACETS:
        options: dict[str, Option] = {}
        for standard in handbook.published():
            for value, words in values(standard, key, areas):
                options.setdefault(value, Option(value, words)).standards.append(standard)
        order = _order(key, areas)
        ranked = sorted(
            options.values(),
            key=lambda o: (order.index(o.key) if o.key in order else len(order), o.label.lower()),
        )
        result.append(Facet(key, label, ranked))
    return result


def attributes(standard: Standard, areas: dict[str, str]) -> dict[str, str]:
    """`data-*` attribute values of a standard: space-separated keys per facet."""
    return {key: " ".join(v for v, _ in values(standard, key, areas)) for key, _ in FACETS}
