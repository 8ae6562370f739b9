"""Cards print Thai, Hindi, Tamil and emoji in the card fonts; a character no card font has
is a located problem and its card is not printed, never a card with empty boxes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cardkit import copy_cards_fixture, fixture_handbook, pdf_pages

from handbook.cards import compile, glyphs, typeset
from handbook.cards.model import make_cards, select
from handbook.cards.pdf import render
from handbook.cards.sizes import SIZES
from handbook.cli import main

WORLD = "สวัสดีครับ नमस्ते வணக்கம் 😀👍🏽"
RUNIC = "ᚠᚢᚦ"  # no card font has runes
# What differs between two PDFs of the same document: when Typst made them.
DATED = re.compile(rb"D:\d{14}Z|\d{4}-\d\d-\d\dT[\d:+-]{14}|(?<=ID>)[\w+/=]+|/ID\[[^]]*\]")


def with_title(tmp_path, title: str):
    project = copy_cards_fixture(tmp_path)
    path = project / "standards" / "email-001.yml"
    text = path.read_text("utf-8").replace(
        "title: First reply to an email", f"title: 'First reply {title}'"
    )
    path.write_text(text, "utf-8")
    return project


def fonts_of(page) -> set[str]:
    fonts = page["/Resources"]["/Font"]
    found = [fonts[name].get_object() for name in fonts]
    return {str(font.get("/BaseFont", font["/Subtype"])) for font in found}


def test_thai_hindi_tamil_and_emoji_print_in_their_fonts(tmp_path):
    handbook = fixture_handbook(with_title(tmp_path, WORLD))
    cards = make_cards(handbook, select(handbook.published(), ["EMAIL-001"]))
    rendering = render(cards, SIZES["a6"], handbook.settings.areas)
    assert rendering.problems() == []
    (page,) = pdf_pages(rendering.pdf())
    used = " ".join(fonts_of(page))
    for font in ("NotoSansThai", "NotoSansDevanagari", "NotoSansTamil"):
        assert font in used, used
    assert "/Type3" in used  # Noto Color Emoji's pictures, drawn as a Type 3 font


def test_a_character_no_card_font_has_is_a_located_problem(tmp_path):
    handbook = fixture_handbook(with_title(tmp_path, RUNIC))
    cards = make_cards(handbook, select(handbook.published(), ["EMAIL-001", "PHONE-001"]))
    rendering = render(cards, SIZES["a6"], handbook.settings.areas)
    (problem,) = rendering.problems()
    assert (problem.file, problem.line, problem.rule) == (
        "standards/email-001.yml",
        2,
        "card-glyph",
    )
    assert "'ᚠ' (U+16A0 RUNIC LETTER FEHU FEOH FE F)" in problem.message
    assert "card is not printed" in problem.message
    assert [c.id for c in rendering.fitting] == ["PHONE-001"]
    (page,) = pdf_pages(rendering.pdf())
    assert "EMAIL-001" not in page.extract_text()


def test_handbook_cards_refuses_such_a_card(tmp_path, capsys):
    project = with_title(tmp_path, RUNIC)
    out = tmp_path / "cards.pdf"
    code = main(
        ["cards", "--out", str(out), "-f", str(project / "mkdocs.yml"), "--id", "EMAIL-001"]
    )
    assert code == 1
    assert not out.exists()
    assert "email-001.yml:2:8: error card-glyph" in capsys.readouterr().err


@pytest.mark.parametrize("char", ["a", "é", "ж", "€", "ก", "क", "த", "😀", "→", "✓"])
def test_the_card_fonts_cover_the_scripts_supported(char):
    assert glyphs.missing(char) == []


def test_joiners_and_variation_selectors_need_no_glyph():
    assert glyphs.missing("👩\u200d💻 ❤\ufe0f") == []
    assert glyphs.missing("ᚠ") == ["ᚠ"]


def test_cards_are_laid_out_only_in_the_card_fonts(tmp_path):
    """The cache signature names the files of the card fonts alone, so the layout must not
    depend on any other file in the font folders (a font installed or not on another
    machine): Typst given only the card fonts' files prints the same PDF, even of a
    character no card font has (runes, which fonts-noto-core has in a font of its own)."""
    handbook = fixture_handbook(with_title(tmp_path, f"{WORLD} `x→✓` {RUNIC}"))
    cards = make_cards(handbook, handbook.published())
    rendering = render(cards, SIZES["a6"], handbook.settings.areas)
    assert {p.rule for p in rendering.problems()} == {"card-glyph"}
    alone = tmp_path / "card-fonts"
    alone.mkdir()
    families = (*typeset.FONTS, typeset.MONO)
    for font in typeset.fonts().fonts():
        if font.family in families and font.path and not (alone / Path(font.path).name).exists():
            (alone / Path(font.path).name).symlink_to(font.path)
    template, text = str(typeset.template_path()), rendering.document()
    everything = compile.pdf(template, [str(d) for d in typeset.font_dirs()], text)
    card_fonts = compile.pdf(template, [str(alone)], text)
    assert len(pdf_pages(everything)) == len(cards)
    assert DATED.sub(b"", card_fonts) == DATED.sub(b"", everything)
