"""Cards' PDF pages put together: several cards on one printed sheet (four A6 cards on A4,
with marks to cut along, by pypdf), and the PDF of all cards from the areas' pages (qpdf)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .sizes import MM, Size

if TYPE_CHECKING:
    from .model import Card


def impose(data: bytes, size: Size) -> bytes:
    """Put the card pages onto larger sheets, two across and two down, with cutting marks."""
    from pypdf import PageObject, PdfReader, PdfWriter, Transformation

    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter()
    sheet_width, sheet_height = size.sheet_points
    card_width, card_height = size.card_points
    across = int(sheet_width // card_width)
    down = int(sheet_height // card_height)
    # Centre the grid: A4 is 1 mm taller than two A6 cards.
    left = (sheet_width - across * card_width) / 2
    bottom = (sheet_height - down * card_height) / 2
    per_sheet = across * down
    cards = list(reader.pages)
    for start in range(0, len(cards), per_sheet):
        sheet = PageObject.create_blank_page(width=sheet_width, height=sheet_height)
        for slot, card in enumerate(cards[start : start + per_sheet]):
            column, row = slot % across, slot // across
            x = left + column * card_width
            y = bottom + (down - 1 - row) * card_height
            sheet.merge_transformed_page(card, Transformation().translate(x, y))
        _cut_marks(sheet, across, down, left, bottom, card_width, card_height)
        writer.add_page(sheet)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _cut_marks(
    sheet: Any, across: int, down: int, left: float, bottom: float, w: float, h: float
) -> None:
    """Short thin lines at the sheet's edges where the cuts go, outside the cards' text."""
    from pypdf.generic import ContentStream

    mark = 4 * MM
    width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
    lines = []
    for column in range(across + 1):
        x = left + column * w
        lines += [(x, 0, x, mark), (x, height - mark, x, height)]
    for row in range(down + 1):
        y = bottom + row * h
        lines += [(0, y, mark, y), (width - mark, y, width, y)]
    # Cross marks in the middle of the sheet, where four cards meet.
    for column in range(1, across):
        for row in range(1, down):
            x, y = left + column * w, bottom + row * h
            lines += [(x - mark / 2, y, x + mark / 2, y), (x, y - mark / 2, x, y + mark / 2)]
    ops = " ".join(f"{a:.2f} {b:.2f} m {c:.2f} {d:.2f} l S" for a, b, c, d in lines)
    existing = sheet.get_contents()
    data = existing.get_data() if existing is not None else b""
    stream = ContentStream(None, None)
    stream.set_data(data + f"\nq 0 G 0.5 w {ops} Q\n".encode("ascii"))
    sheet.replace_contents(stream)


def assembled_groups(groups: Sequence[Sequence[Card]]) -> dict[int, list[tuple[int, int]]]:
    """The groups of cards of more than one area (the PDF of all cards) whose every card
    is in a group of one area: by index, where each card's page is (group, page).

    A card that prints takes one page, and a group's document is its cards in order, so
    the PDF of all cards is the areas' PDFs' pages in its order: Typst laying out every
    card again for it doubled the cards' CPU, and held every page of a 5,000-card
    handbook in memory at once (2.2 GB)."""
    single: dict[str, tuple[int, int]] = {}
    for index, cards in enumerate(groups):
        if len({c.standard.area for c in cards}) == 1:
            for page, card in enumerate(cards):
                single.setdefault(card.id, (index, page))
    return {
        index: [single[c.id] for c in cards]
        for index, cards in enumerate(groups)
        if len({c.standard.area for c in cards}) > 1 and all(c.id in single for c in cards)
    }


def assemble(pdfs: Sequence[bytes | None], pages: Sequence[tuple[int, int]]) -> bytes:
    """A PDF of the given pages (pdf index, page index) of these PDFs, in order, titled
    as Typst titles the cards' PDFs. qpdf (pikepdf) copies the pages: pypdf took 0.5 s
    of CPU for the 950 pages of 1,000 synthetic standards, qpdf 0.15 s (the same pages
    as poppler draws them)."""
    import pikepdf

    opened: dict[int, pikepdf.Pdf] = {}
    with pikepdf.new() as writer:
        try:
            for index, page in pages:
                if index not in opened:
                    data = pdfs[index]
                    assert data is not None
                    opened[index] = pikepdf.open(io.BytesIO(data))
                writer.pages.append(opened[index].pages[page])
            writer.docinfo["/Title"] = "Quick cards"
            # The areas' language (read aloud in it) and viewer settings (the title shown).
            first = next(iter(opened.values()), None)
            for key in ("/Lang", "/ViewerPreferences"):
                if first is not None and key in first.Root:
                    value = first.Root[key]  # a direct object of the other PDF: as written
                    writer.Root[key] = (
                        writer.copy_foreign(value)
                        if value.is_indirect
                        else pikepdf.Object.parse(value.unparse())
                    )
            version = max((pdf.pdf_version for pdf in opened.values()), default="1.7")
            out = io.BytesIO()
            writer.save(out, min_version=version, deterministic_id=True)
        finally:
            for pdf in opened.values():
                pdf.close()
    return out.getvalue()
