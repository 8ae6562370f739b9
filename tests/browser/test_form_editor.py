"""The form editor in Debian's Chromium, against a local clone: a standard changed
through the form is written to disk as YAML that lints and builds; a change the build
would refuse is not written, and the form says why. Nothing loads from another host."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from conftest import build, copy_sample
from handbook.editor.server import EditorServer
from handbook.settings import Settings

CHROMIUM = Path("/usr/bin/chromium")
FILE = "standards/telephone/phone-001-answering-calls.yml"
NEW_SUMMARY = (
    "Pick up each call by the third ring and say the set greeting, so the caller knows "
    "who is helping."
)


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_sample(tmp_path_factory.mktemp("editor"))


@pytest.fixture(scope="module")
def editor(clone: Path) -> Iterator[str]:
    server = EditorServer(Settings.from_mkdocs_yml(clone / "mkdocs.yml"), None, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.origin
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def page(editor: str):
    if not CHROMIUM.exists():
        pytest.skip("no Chromium at /usr/bin/chromium: install Debian's chromium (make browser)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.requests = []  # type: ignore[attr-defined]
        page.on("request", lambda r: page.requests.append(r.url))  # type: ignore[attr-defined]
        page.goto(f"{editor}/admin/")
        page.get_by_role("button", name="Login").click()
        yield page
        browser.close()


def _publish(page, editor: str, summary: str) -> None:
    page.goto(f"{editor}/admin/#/collections/telephone/entries/{Path(FILE).stem}")
    box = page.get_by_label("Summary")
    box.wait_for()
    box.fill(summary)
    page.get_by_role("button", name="Publish").click()
    page.get_by_text("Publish now").click()


def test_a_change_made_in_the_form_is_yaml_that_lints_and_builds(page, editor, clone) -> None:
    before = yaml.safe_load((clone / FILE).read_text("utf-8"))
    _publish(page, editor, NEW_SUMMARY)
    for _ in range(100):  # the save is a request to the local backend: wait for the file
        text = (clone / FILE).read_text("utf-8")
        if NEW_SUMMARY in text:
            break
        page.wait_for_timeout(200)
    after = yaml.safe_load(text)
    assert after["summary"] == NEW_SUMMARY
    assert {k: v for k, v in after.items() if k != "summary"} == {
        k: v for k, v in before.items() if k != "summary"
    }
    assert text.startswith("# yaml-language-server: $schema=")
    lint = subprocess.run(
        [sys.executable, "-m", "handbook.cli", "lint", "--strict"],
        cwd=clone,
        capture_output=True,
        text=True,
    )
    assert lint.returncode == 0, lint.stdout + lint.stderr
    result = build(clone)
    assert result.returncode == 0, result.output
    assert NEW_SUMMARY in result.page("standards/phone-001/")


def test_a_change_the_build_would_refuse_is_not_written(page, editor, clone) -> None:
    before = (clone / FILE).read_text("utf-8")
    _publish(page, editor, "Answer calls promptly.")
    page.get_by_text("'promptly' is vague").wait_for(timeout=20_000)
    assert (clone / FILE).read_text("utf-8") == before


def test_nothing_loads_from_another_host(page, editor) -> None:
    assert page.requests
    assert [url for url in page.requests if not url.startswith(editor)] == []
