"""`mkdocs serve` keeps previewing while a standard is broken, and picks up the fix."""

from __future__ import annotations

from conftest import copy_fixture
from servekit import fetch, free_port, start_serve, wait_for


def test_serve_reloads_edits_and_survives_broken_files(tmp_path):
    project = copy_fixture("basic", tmp_path)
    port = free_port()
    server = start_serve(project, port)
    try:
        url = f"http://127.0.0.1:{port}/standards/phone-001/"
        assert wait_for(url, "Answering the phone")
        standard = project / "standards/phone-001.yml"
        original = standard.read_text()
        # A broken sibling file: the preview goes on, the terminal names the problem.
        (project / "standards/broken.yml").write_text("id: [unclosed\n")
        standard.write_text(original.replace("Answering the phone", "Answering every phone call"))
        assert wait_for(url, "Answering every phone call")
        # The quick card's print page, a static file of the site, follows the edit too.
        card = f"http://127.0.0.1:{port}/cards/phone-001.html"
        assert wait_for(card, "<title>Quick card: Answering every phone call</title>")
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]
    assert "standards/broken.yml:1:5: error yaml-syntax this bracket" in output


def test_serve_lists_every_card_and_links_them_to_the_public_address(tmp_path):
    """Under `serve` the Quick cards page lists every card the build makes (the QR code's
    room is on every card, so serving changes no card's fit), and printed cards link to
    the site_url of mkdocs.yml, not to the local server."""
    project = copy_fixture("cards", tmp_path)
    port = free_port()
    server = start_serve(project, port)
    try:
        picker = f"http://127.0.0.1:{port}/cards/"
        assert wait_for(picker, "Quick cards", 60)
        page = fetch(picker) or ""
        for card_id in ("PHONE-001", "DESK-001", "EMAIL-001"):
            assert f'<span class="hb-id">{card_id}</span>' in page
            assert f'aria-label="Print {card_id}"' in page  # printable, not "no card yet"
        assert "no card yet" not in page
        card = fetch(f"http://127.0.0.1:{port}/cards/phone-001.html") or ""
        assert "QR code: https://handbook.example.org/standards/phone-001/" in card
        assert "127.0.0.1" not in card
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]
    assert "card-overflow" not in output
