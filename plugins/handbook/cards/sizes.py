"""The card formats: the size of one card and how cards sit on a printed sheet."""

from __future__ import annotations

from dataclasses import dataclass

MM = 72 / 25.4  # PDF points per millimetre


@dataclass(frozen=True)
class Size:
    name: str
    label: str
    width_mm: float
    height_mm: float
    # Cards per printed sheet: 1, or 4 for A4 sheets cut into four A6 cards.
    per_sheet: int = 1
    sheet_mm: tuple[float, float] | None = None
    # The card layout it prints (the A4 sheet carries A6 cards).
    layout: str = ""

    @property
    def card_points(self) -> tuple[float, float]:
        return self.width_mm * MM, self.height_mm * MM

    @property
    def sheet_points(self) -> tuple[float, float]:
        width, height = self.sheet_mm or (self.width_mm, self.height_mm)
        return width * MM, height * MM

    @property
    def css_class(self) -> str:
        return f"hb-card--{self.layout or self.name}"


SIZES: dict[str, Size] = {
    size.name: size
    for size in (
        Size("a6", "A6 (105 × 148 mm)", 105, 148),
        Size("a7", "A7 (74 × 105 mm)", 74, 105),
        Size("index-4x6", "Index card (4 × 6 in)", 101.6, 152.4),
        # Four A6 cards on an A4 sheet, to cut out along the marks.
        Size("a4-4up", "A4, four A6 cards to cut out", 105, 148, 4, (210, 297), "a6"),
    )
}
