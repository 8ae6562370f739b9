"""`serve --dirty` never shows a standard's old page as if it were current: a page it
cannot rebuild (a broken or deleted standard) becomes a notice naming the file, and a
file the loader cannot read (an impossible date) does not stop the preview answering."""

from __future__ import annotations

from conftest import copy_fixture
from servekit import fetch, free_port, start_serve, wait_for


def test_a_page_that_cannot_be_rebuilt_says_so(tmp_path):
    project = copy_fixture("basic", tmp_path)
    port = free_port()
    server = start_serve(project, port, "--dirty")
    base = f"http://127.0.0.1:{port}"
    try:
        phone, other = f"{base}/standards/phone-001/", f"{base}/standards/phone-002/"
        assert wait_for(phone, "Answer within three rings.")
        assert wait_for(other, "<h1")
        standard = project / "standards" / "phone-001.yml"
        original = standard.read_text()
        # An impossible date: once a traceback, and requests hung.
        standard.write_text(original.replace("effective: 2026-01-05", "effective: 2026-02-30"))
        assert wait_for(phone, "This page could not be rebuilt")
        page = fetch(phone) or ""
        assert "Answer within three rings." not in page
        assert "standards/phone-001.yml" in page and "2026-02-30 is not a date" in page
        assert wait_for(f"{base}/", "<title")  # the rest of the preview still answers
        # A deleted standard.
        (project / "standards" / "phone-002.yml").unlink()
        assert wait_for(other, "was deleted or renamed")
        # Fixed: the page is back.
        standard.write_text(original)
        assert wait_for(phone, "Answer within three rings.")
        assert "could not be rebuilt" not in (fetch(phone) or "")
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]
    assert "Traceback" not in output
    assert "standards/phone-001.yml has 1 problem and cannot be published" in output
    assert "standards/phone-002.yml was deleted or renamed" in output
