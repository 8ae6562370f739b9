"""Cards laid out and printed once per content: measures and PDFs kept in `.cache/handbook/cards/`.

An entry's name is a digest of everything its output depends on: the Typst input (the
cards' text, the page size), the template, the Typst version and the card fonts (by
name and size). Nothing in it depends on the machine or the folder, so CI runs can share
the folder (the workflows keep it with actions/cache). It is only a cache: deleting it,
or a folder where it cannot be written, costs time and nothing else.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from functools import cache
from importlib import metadata
from pathlib import Path

from . import typeset
from .pdf import Measure

PATH = Path(".cache") / "handbook" / "cards"
# Entries kept: enough for a few handbook versions; the oldest go first.
KEEP = 24


@cache
def _inputs() -> str:
    """What every output depends on besides its Typst input: template, Typst, fonts."""
    import typst

    fonts = typst.Fonts(
        include_system_fonts=False,
        include_embedded_fonts=True,
        font_paths=list(typeset.font_dirs()),
    )
    used = sorted(
        f"{f.family}/{f.weight}/{f.style}/{Path(f.path).name if f.path else '-'}/"
        f"{Path(f.path).stat().st_size if f.path else 0}"
        for f in fonts.fonts()
        if f.family in (*typeset.FONTS, typeset.MONO)
    )
    return "\n".join(
        [
            typeset.template_path().read_text("utf-8"),
            metadata.version("typst"),
            metadata.version("pypdf"),  # imposes the four-up sheets
            *used,
        ]
    )


def key(document: str) -> str:
    return hashlib.sha256(f"{_inputs()}\n{document}".encode()).hexdigest()[:32]


def load_measures(root: Path, name: str) -> dict[str, Measure] | None:
    try:
        data = json.loads((root / PATH / name / "measures.json").read_text("utf-8"))
        return {card: Measure(int(pages), float(length)) for card, (pages, length) in data.items()}
    except (OSError, ValueError, TypeError):
        return None


def save_measures(root: Path, name: str, measures: dict[str, Measure]) -> None:
    _write(root, name, "measures.json", json.dumps({k: list(v) for k, v in measures.items()}))


def load_pdf(root: Path, name: str) -> bytes | None:
    try:
        return (root / PATH / name / "cards.pdf").read_bytes()
    except OSError:
        return None


def save_pdf(root: Path, name: str, data: bytes) -> None:
    _write(root, name, "cards.pdf", data)


def _write(root: Path, name: str, file: str, content: str | bytes) -> None:
    folder = root / PATH / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{file}.{os.getpid()}.tmp"
        if isinstance(content, str):
            temporary.write_text(content, "utf-8")
        else:
            temporary.write_bytes(content)
        temporary.replace(folder / file)
        _prune(root / PATH)
    except OSError:
        pass


def _prune(folder: Path) -> None:
    entries = sorted(folder.iterdir(), key=lambda p: p.stat().st_mtime)
    for old in entries[:-KEEP]:
        shutil.rmtree(old, ignore_errors=True)
