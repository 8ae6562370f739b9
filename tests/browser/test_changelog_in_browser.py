"""The changelog narrowed to one channel ("What changed for me") in Chromium, and the
team briefing page of a revision. Skipped, with the reason, without /usr/bin/chromium."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from conftest import FIXTURES, build
from gitrepo import Repo, standard

CHROMIUM = Path("/usr/bin/chromium")
PHONE = "standards/phone-001.yml"
EMAIL = "standards/email-001.yml"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = tmp_path_factory.mktemp("narrow") / "handbook"
    shutil.copytree(FIXTURES / "basic", root)
    repo = Repo(root)
    # The fixture's e-mail standard, published, for the e-mail channel.
    repo.write(repo.edit(EMAIL, "status: draft", "status: active\nchannels: [email]"))
    repo.write(repo.edit(EMAIL, "title: Draft email reply", "title: First email reply"))
    repo.commit("Handbook as first published")
    repo.commit(
        "Phone: two rings",
        repo.edit(PHONE, "Answer within three rings.", "Answer within two rings."),
    )
    repo.commit(
        "Email: first reply sooner", repo.edit(EMAIL, "four working hours", "two working hours")
    )
    yield from _built_and_served(root)


def _built_and_served(root: Path):
    result = build(root)
    assert result.returncode == 0, result.output
    handler = functools.partial(_Quiet, directory=str(result.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield result, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """A revision adding 13 standards: the changelog lists 10 of them, "and 3 more"."""
    root = tmp_path_factory.mktemp("many") / "handbook"
    shutil.copytree(FIXTURES / "basic", root)
    repo = Repo(root)
    repo.commit("Handbook as first published")
    added = {
        f"standards/phone-1{n:02}.yml": standard(
            f"PHONE-1{n:02}", f"Phone case {n}", channels=["phone"]
        )
        for n in range(1, 12)
    }
    added |= {
        f"standards/chat-1{n:02}.yml": standard(
            f"CHAT-1{n:02}", f"Chat case {n}", "email-and-chat", channels=["chat"]
        )
        for n in range(1, 3)
    }
    repo.commit("Thirteen new standards", added)
    yield from _built_and_served(root)


@pytest.fixture(scope="module")
def page(served):
    if not CHROMIUM.exists():
        pytest.skip("no Chromium at /usr/bin/chromium: install Debian's chromium (make browser)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield browser.new_page()
        browser.close()


def visible_titles(page) -> list[str]:
    return page.locator(".hb-revision:visible .hb-revision__title").all_inner_texts()


def test_changelog_narrowed_to_a_channel_from_the_address(page, served):
    _, base = served
    page.goto(base + "changelog/")
    everything = visible_titles(page)
    assert everything == [
        "Email: first reply sooner",
        "Phone: two rings",
        "Handbook as first published",
    ]
    page.goto(base + "changelog/?channel=phone")
    assert page.locator('select[name="channel"]').input_value() == "phone"
    assert visible_titles(page) == ["Phone: two rings", "Handbook as first published"]
    # In the first revision only the phone standards show.
    first = page.locator(".hb-revision").last
    assert first.locator(".hb-revision__std:visible .hb-id").all_inner_texts() == [
        "PHONE-001",
        "PHONE-002",
    ]


def test_choice_is_kept_in_the_address_and_on_the_revision_page(page, served):
    _, base = served
    page.goto(base + "changelog/")
    page.select_option('select[name="channel"]', "email")
    assert page.url.endswith("changelog/?channel=email")
    assert visible_titles(page) == ["Email: first reply sooner", "Handbook as first published"]
    # The first revision added all three standards: only the e-mail one shows.
    page.locator(".hb-revision:visible .hb-revision__title a").last.click()
    page.wait_for_load_state()
    assert page.url.endswith("?channel=email")
    assert page.locator('select[name="channel"]').input_value() == "email"
    shown = page.locator(".hb-change:visible .hb-change__title").all_inner_texts()
    assert shown == ["ADDED EMAIL-001 First email reply"]
    assert page.locator("h2:visible", has_text="Telephone").count() == 0
    toc = page.locator(".md-nav--secondary .md-nav__link:visible")
    assert toc.filter(has_text="Telephone").count() == 0  # its heading is hidden
    assert toc.filter(has_text="Email and chat").count() == 1
    page.select_option('select[name="channel"]', "")
    assert not page.url.endswith("?channel=email")
    assert page.locator(".hb-change:visible").count() == 3
    assert page.locator("h2:visible", has_text="Telephone").count() == 1
    assert toc.filter(has_text="Telephone").count() == 1


def test_without_javascript_everything_shows(served, page):
    result, _ = served
    html = result.page("changelog/")
    assert "data-changelog-filter hidden" in html  # the form needs the script
    assert html.count('class="hb-revision"') == 3


def test_briefing_page_of_a_revision(served):
    result, _ = served
    key = next(
        p.name for p in (result.site / "changelog" / "briefing").iterdir() if "2026-03-04" in p.name
    )
    revision = result.page(f"changelog/{key}/")
    assert f'href="../briefing/{key}/">Team briefing sheet</a>' in revision
    sheet = result.page(f"changelog/briefing/{key}/")
    assert "Team briefing: Phone: two rings" in sheet
    assert '<dd class="hb-briefing__before">Answer within three rings.</dd>' in sheet
    assert '<dd class="hb-briefing__after">Answer within two rings.</dd>' in sheet


def _more(page) -> str | None:
    """The visible 'and N more' of the newest revision, or None."""
    more = page.locator(".hb-revision").first.locator(".hb-revision__more")
    return more.inner_text() if more.is_visible() else None


def test_and_n_more_counts_the_changes_left_out_for_the_choice(page, many):
    _, base = many
    page.goto(base + "changelog/")
    newest = page.locator(".hb-revision").first
    assert newest.locator(".hb-revision__std:visible").count() == 10
    assert _more(page) == "; and 3 more"
    page.goto(base + "changelog/?channel=phone")
    shown = newest.locator(".hb-revision__std:visible").count()
    assert _more(page) == f"; and {11 - shown} more"
    page.goto(base + "changelog/?channel=chat")
    assert newest.locator(".hb-revision__std:visible .hb-id").all_inner_texts() == [
        "CHAT-101",
        "CHAT-102",
    ]
    assert _more(page) is None  # both chat standards are in the first ten
