"""Helpers for the quick card tests: the cards fixture handbook and a standard too big for a card."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from pypdf import PdfReader

from handbook.loader import load
from handbook.settings import Settings

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "cards"
A6 = (297.64, 419.53)  # 105 × 148 mm in points


def fixture_handbook(root: Path = FIXTURE):
    handbook = load(Settings.from_mkdocs_yml(root / "mkdocs.yml"))
    assert not handbook.errors, handbook.errors
    return handbook


def copy_cards_fixture(tmp_path: Path) -> Path:
    project = tmp_path / "cards"
    shutil.copytree(FIXTURE, project)
    return project


def huge_standard(folder: Path, steps: int = 40) -> Path:
    """A valid standard with far more steps than any card can hold."""
    lines = [
        "id: HUGE-001",
        "title: A standard with too much to say",
        "summary: Follow every one of the many steps below in order.",
        "area: telephone",
        "situation: A very long call about many things at once.",
        "channels: [phone]",
        "status: active",
        "owner: Contact centre manager",
        "effective: 2026-01-05",
        "review_by: 2027-01-05",
        "rules:",
        "  - Follow every step.",
        "steps:",
        *(
            f"  - Step {n}, check the account, write it down and tell the caller."
            for n in range(1, steps + 1)
        ),
    ]
    path = folder / "standards" / "huge-001.yml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def pdf_pages(data: bytes) -> list:
    return list(PdfReader(io.BytesIO(data)).pages)


def page_size(page) -> tuple[float, float]:
    return round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)
