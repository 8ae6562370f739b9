"""A file that remembers how much room each card needed, so a build lays out only new cards.

Laying a card out with WeasyPrint takes about a tenth of a second; a handbook's cards
change little between builds. Entries are keyed by the card's exact HTML, stylesheet and
WeasyPrint version, so a stale entry is never used. The file is only a cache: deleting
it, or a folder where it cannot be written, costs time and nothing else.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .pdf import Measure

PATH = Path(".cache") / "handbook" / "card-measures.json"
# Enough for the cards of several handbook versions; older entries go first.
LIMIT = 20000


def load(root: Path) -> dict[str, Measure]:
    try:
        data = json.loads((root / PATH).read_text("utf-8"))
        return {key: Measure(int(pages), float(length)) for key, (pages, length) in data.items()}
    except (OSError, ValueError, TypeError):
        return {}


def save(root: Path, measures: dict[str, Measure]) -> None:
    kept = dict(list(measures.items())[-LIMIT:])
    path = root / PATH
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps({k: list(v) for k, v in kept.items()}), "utf-8")
        temporary.replace(path)
    except OSError:
        pass
