"""`serve --dirty` never shows a standard's old page as if it were current: a page it
cannot rebuild (a broken or deleted standard) becomes a notice naming the file, and a
file the loader cannot read (an impossible date) does not stop the preview answering."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import copy_fixture


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode()
    except OSError:
        return None


def wait_for(url: str, text: str, seconds: float = 40) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and text in page:
            return True
        time.sleep(0.3)
    return False


def test_a_page_that_cannot_be_rebuilt_says_so(tmp_path):
    project = copy_fixture("basic", tmp_path)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
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
