"""`handbook cards`: filters, sizes, exit codes and the overflow error."""

from __future__ import annotations

import pytest
from cardkit import A6, FIXTURE, copy_cards_fixture, huge_standard, page_size, pdf_pages

from handbook.cli import main


def cards(tmp_path, *args, config=FIXTURE / "mkdocs.yml"):
    out = tmp_path / "out" / "cards.pdf"
    code = main(["cards", "--out", str(out), "-f", str(config), *args])
    return code, out


def ids_in(out) -> list[str]:
    found = []
    for page in pdf_pages(out.read_bytes()):
        text = page.extract_text()
        found += [i for i in ("PHONE-001", "DESK-001", "EMAIL-001", "PHONE-009") if i in text]
    return found


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--id", "desk-001"], ["DESK-001"]),
        # The retired PHONE-009 of the same area gets no card.
        (["--area", "telephone"], ["PHONE-001"]),
        (["--channel", "chat"], ["EMAIL-001"]),
        (["--tag", "greeting"], ["PHONE-001", "DESK-001"]),
    ],
)
def test_filters_choose_the_cards_one_page_each(tmp_path, capsys, args, expected):
    code, out = cards(tmp_path, *args)
    assert code == 0, capsys.readouterr().err
    assert ids_in(out) == expected
    pages = pdf_pages(out.read_bytes())
    assert len(pages) == len(expected)
    assert all(page_size(p) == A6 for p in pages)
    assert f"{len(expected)} card(s)" in capsys.readouterr().out


def test_size_a4_4up_puts_the_cards_on_one_sheet(tmp_path):
    code, out = cards(tmp_path, "--size", "a4-4up", "--tag", "greeting")
    assert code == 0
    (sheet,) = pdf_pages(out.read_bytes())
    assert page_size(sheet) == (595.28, 841.89)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--id", "NOPE-001"], "no card for NOPE-001"),
        (["--id", "PHONE-009"], "no card for PHONE-009"),
        (["--tag", "greeting", "--channel", "email"], "no published standard matches"),
    ],
)
def test_nothing_to_print_exits_2_without_a_file(tmp_path, capsys, args, message):
    code, out = cards(tmp_path, *args)
    assert code == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_a_card_that_does_not_fit_exits_1_names_it_and_writes_nothing(tmp_path, capsys):
    project = copy_cards_fixture(tmp_path)
    huge_standard(project)
    code, out = cards(tmp_path, "--area", "telephone", config=project / "mkdocs.yml")
    assert code == 1
    err = capsys.readouterr().err
    assert "standards/huge-001.yml:1:1: error card-overflow" in err
    assert "PHONE-001" not in err
    assert "1 card(s) do not fit: no PDF written" in err
    assert not out.exists()


def test_keep_going_writes_the_cards_that_fit_and_still_exits_1(tmp_path, capsys):
    project = copy_cards_fixture(tmp_path)
    huge_standard(project)
    code, out = cards(
        tmp_path, "--area", "telephone", "--keep-going", config=project / "mkdocs.yml"
    )
    assert code == 1
    assert "1 card(s) do not fit and are not in the PDF" in capsys.readouterr().err
    assert ids_in(out) == ["PHONE-001"]


def test_bad_card_numbers_stop_the_command(tmp_path, capsys):
    project = copy_cards_fixture(tmp_path)
    path = project / "standards" / "desk-001.yml"
    path.write_text(path.read_text("utf-8").replace("steps: [1, 2,", "steps: [1, 9,"), "utf-8")
    code, out = cards(tmp_path, "--id", "DESK-001", config=project / "mkdocs.yml")
    assert code == 1
    err = capsys.readouterr().err
    assert "standards/desk-001.yml" in err and "card-reference" in err
    assert "step 9" in err
    assert not out.exists()
