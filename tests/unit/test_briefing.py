"""Team briefings: `handbook briefing` (text and one A4 PDF sheet) and what goes in them."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from gitrepo import Repo, standard
from handbook.changelog.briefing import Group
from handbook.cli import main

PHONE = "standards/telephone/phone-001.yml"
HOLD = "standards/telephone/phone-002.yml"
CHAT = "standards/email/chat-001.yml"
MKDOCS = "site_name: Test\nplugins:\n  - handbook\n"


@pytest.fixture
def repo(tmp_path) -> Repo:
    """Three standards on 3 March 2026; then a work change, an editorial one, a new
    standard, a retirement and a change announced for later, a day apart each."""
    repo = Repo(tmp_path / "handbook")
    repo.commit(
        "Handbook",
        {
            "mkdocs.yml": MKDOCS,
            PHONE: standard("PHONE-001", "Answering the phone", channels=["phone"]),
            HOLD: standard("PHONE-002", "Hold", channels=["phone"]),
            CHAT: standard("CHAT-001", "Chat", "email-and-chat", channels=["chat"]),
        },
    )
    repo.commit("Faster answers", repo.edit(PHONE, "three rings", "two rings"))  # 4 March
    repo.commit("Typo", repo.edit(CHAT, "Chat: what", "Chat - what"))  # 5 March
    repo.commit(  # 6 March
        "Chat sign-off",
        {
            "standards/email/chat-002.yml": standard(
                "CHAT-002", "Closing a chat", "email-and-chat", channels=["chat"]
            ),
            **repo.edit(HOLD, '"active"', '"retired"'),
        },
    )
    announced = (
        'upcoming: [{"from": "2026-06-01", "change": "Greet within **20 seconds**.", '
        '"was": "Greet within 30 seconds."}]\n'
    )
    repo.commit("Announce", {CHAT: repo.read(CHAT) + announced})  # 7 March, for 1 June
    return repo


def run(repo: Repo, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["briefing", *args, "--today", "2026-03-10", "-f", str(repo.path / "mkdocs.yml")])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_only_changes_to_the_work_since_a_revision_grouped_by_area_and_channel(repo, capsys):
    first = repo.git("rev-list", "--max-parents=0", "HEAD")
    code, out, _ = run(repo, capsys, "--since", first[:7])
    assert code == 0
    assert "Changes from 4 March 2026 to 7 March 2026." in out
    telephone = out.index("### Telephone · Phone")
    chat = out.index("### Email and chat · Chat")
    assert telephone < out.index("PHONE-001 Answering the phone (from 4 March 2026)") < chat
    assert "    - Before: Answer within three rings.\n    - Now: Answer within two rings." in out
    assert "PHONE-002 Hold (from 6 March 2026)\n  - Retired: stop following it" in out
    assert "CHAT-002 Closing a chat (from 6 March 2026)\n  - New standard:" in out
    assert "Chat - what" not in out and "CHAT-001 Chat (from 5" not in out  # editorial
    coming = out.index("## Coming up")
    assert out.index("CHAT-001 Chat (from 1 June 2026)") > coming
    assert "    - Now: Greet within 30 seconds.\n    - From 1 June: Greet within 20 seconds." in out


def test_since_a_date_and_narrowed_to_a_channel_or_area(repo, capsys):
    _, out, _ = run(repo, capsys, "--since", "2026-03-05", "--channel", "chat")
    assert out.startswith("# Team briefing (Chat)\n")
    assert "CHAT-002" in out and "PHONE-002" not in out and "PHONE-001" not in out
    _, out, _ = run(repo, capsys, "--since", "2026-03-01", "--area", "telephone")
    assert out.startswith("# Team briefing: Telephone\n")
    assert "PHONE-001" in out and "CHAT" not in out


def test_nothing_to_brief(repo, capsys):
    code, out, _ = run(repo, capsys, "--since", "2026-03-09", "--channel", "phone")
    assert code == 0
    assert "Nothing changes in how you work." in out


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["--since", "nope"], "no revision 'nope' in the changelog"),
        (["--area", "garden"], "no area 'garden': use one of"),
        (["--out", "x.docx"], "write a .pdf, .md or .txt file"),
    ],
)
def test_wrong_options_exit_2_with_a_message(repo, capsys, args, complaint):
    code, _, err = run(repo, capsys, *args)
    assert code == 2 and complaint in err


def test_outside_git_says_why(tmp_path, capsys):
    (tmp_path / "standards").mkdir()
    (tmp_path / "mkdocs.yml").write_text(MKDOCS)
    code = main(["briefing", "-f", str(tmp_path / "mkdocs.yml")])
    assert code == 2
    assert "not a git repository" in capsys.readouterr().err


def test_pdf_is_one_a4_sheet_with_the_text(repo, capsys, tmp_path):
    out = tmp_path / "briefing.pdf"
    code, _, err = run(repo, capsys, "--since", "2026-03-04", "--out", str(out))
    assert code == 0 and "wrote" in err
    (page,) = PdfReader(io.BytesIO(out.read_bytes())).pages
    assert [round(float(v)) for v in page.mediabox[2:]] == [595, 842]
    text = page.extract_text()
    for words in (
        "Team briefing",
        "What changes",
        "Telephone · Phone",
        "Answer within two rings",
        "Coming up",
        "From 1 June 2026",
    ):
        assert words in text, words


def test_markdown_file_is_the_plain_text(repo, capsys, tmp_path):
    out = tmp_path / "briefing.md"
    run(repo, capsys, "--since", "2026-03-01", "--out", str(out))
    _, printed, _ = run(repo, capsys, "--since", "2026-03-01")
    assert out.read_text("utf-8") == printed


def test_hostile_text_is_only_text_in_the_pdf(repo, capsys, tmp_path):
    hostile = '#set page(fill: red) ] " \\ <b> {{x}} #{panic("x")}'
    repo.commit(
        "Hostile", repo.edit(PHONE, "two rings", hostile.replace('"', "'").replace("\\", "/"))
    )
    out = tmp_path / "b.pdf"
    code, _, _ = run(repo, capsys, "--since", "2026-03-08", "--out", str(out))
    assert code == 0
    text = PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()
    assert "#set page(fill: red)" in text and "#{panic(" in text


def test_a_change_with_a_later_effective_date_is_coming_up(repo, capsys):
    later = repo.edit(PHONE, "two rings", "one ring")
    later[PHONE] = later[PHONE].replace('effective: "2026-01-05"', 'effective: "2026-04-01"')
    repo.commit("From April: one ring", later)  # 8 March
    _, out, _ = run(repo, capsys, "--since", "2026-03-08")
    coming = out.index("## Coming up")
    assert out.index("PHONE-001 Answering the phone (from 1 April 2026)") > coming
    assert "    - Now: Answer within two rings.\n    - From 1 April: Answer within one ring." in out
    assert "## What changes" not in out


def test_a_text_edited_twice_reads_as_one_edit(repo, capsys):
    repo.commit("Again", repo.edit(PHONE, "two rings", "one ring"))  # 8 March
    _, out, _ = run(repo, capsys, "--since", "2026-03-04")
    assert "    - Before: Answer within three rings.\n    - Now: Answer within one ring." in out
    assert "two rings" not in out


@pytest.mark.parametrize(
    ("area_title", "channels", "heading"),
    [
        ("Telephone", ["phone"], "Telephone · Phone"),
        ("In person", ["in-person"], "In person"),
        ("In person", ["in-person", "phone"], "In person · In person and phone"),
        ("Complaints", [], "Complaints · All channels"),
    ],
)
def test_a_group_heading_does_not_say_the_same_thing_twice(area_title, channels, heading):
    assert Group("area", area_title, channels, []).heading == heading
