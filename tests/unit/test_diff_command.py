"""`handbook diff`: the semantic summary of a branch, as Markdown and JSON, with new problems."""

from __future__ import annotations

import json

import pytest

from gitrepo import Repo, standard
from handbook.cli import main

PHONE = "standards/telephone/phone-001.yml"
HOLD = "standards/telephone/phone-002.yml"
EMAIL = "standards/email/email-001.yml"
CHAT = "standards/email/chat-001.yml"
MKDOCS = "site_name: Test\nplugins:\n  - handbook\n"


@pytest.fixture
def branch(tmp_path) -> Repo:
    """main with four standards, then a branch that changes each in a different way."""
    repo = Repo(tmp_path / "handbook")
    repo.commit(
        "Handbook",
        {
            "mkdocs.yml": MKDOCS,
            PHONE: standard(
                "PHONE-001",
                "Answering the phone",
                rules=["Answer within three rings.", "Reply to voicemail regularly."],
                targets=[
                    {
                        "metric": "Calls answered in time",
                        "comparison": "at least",
                        "value": 80,
                        "unit": "% of calls",
                    }
                ],
            ),
            HOLD: standard("PHONE-002", "Hold"),
            EMAIL: standard("EMAIL-001", "First reply", "email-and-chat"),
            CHAT: standard("CHAT-001", "Chat", "email-and-chat"),
        },
    )
    repo.git("checkout", "-q", "-b", "faster-answers")
    repo.commit(
        "Faster answers",
        {
            **repo.edit(PHONE, '"value": 80', '"value": 90'),
            HOLD: repo.read(HOLD).replace('"active"', '"retired"'),
            CHAT: None,
            "standards/email/email-002.yml": standard(
                "EMAIL-002", "Closing the email", "email-and-chat"
            ),
        },
    )
    # Not committed yet: the working folder counts by default.
    repo.write(repo.edit(EMAIL, "Say your first name.", "Say your first name as soon as possible."))
    repo.write(repo.edit(PHONE, "three rings", "two rings"))
    return repo


def run(repo: Repo, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["diff", *args, "-f", str(repo.path / "mkdocs.yml")])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_markdown_summary_of_every_kind_of_change(branch, capsys):
    code, out, _ = run(branch, capsys)
    assert code == 0
    assert out.startswith("## What this change does to the standards")
    assert "where this branch left main" in out
    assert (
        "1 standard added, 2 changed, 1 retired, 1 removed · 6 changes affect how you work" in out
    )
    assert "### Telephone" in out and "### Email and chat" in out
    assert out.index("### Telephone") < out.index("### Email and chat")  # the areas' order
    assert "#### Retired: PHONE-002 Hold" in out
    assert "#### Removed: CHAT-001 Chat" in out
    assert "#### Added: EMAIL-002 Closing the email" in out
    assert (
        "- **Affects how you work:** Calls answered in time: target changed from "
        "at least 80% of calls to at least 90% of calls" in out
    )
    assert "Rule changed: Answer within ~~three~~ **two** rings." in out  # uncommitted edit


def test_lint_problems_the_change_introduces_and_only_those(branch, capsys):
    _, out, _ = run(branch, capsys)
    problems = out.split("### Lint problems this change introduces", 1)[1]
    assert "`vague-wording`" in problems and "email-001.yml" in problems
    # 'regularly' was already in PHONE-001 on main: the branch did not introduce it.
    assert "regularly" not in problems


def test_json_for_ci(branch, capsys):
    code, out, _ = run(branch, capsys, "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["summary"] == {
        "added": 1, "changed": 2, "retired": 1, "removed": 1, "affects_work": 6,
    }  # fmt: skip
    phone = next(s for s in data["standards"] if s["id"] == "PHONE-001")
    assert phone["kind"] == "changed" and phone["affects_work"]
    assert any(c["field"] == "targets" and c["affects_work"] for c in phone["changes"])
    rule = next(c for c in phone["changes"] if c["field"] == "rules")
    assert (rule["before"], rule["after"]) == (
        "Answer within three rings.",
        "Answer within two rings.",
    )
    # The new standard has no examples yet: new suggestions count too.
    assert {(p["file"], p["rule"]) for p in data["problems"]} == {
        ("standards/email/email-001.yml", "vague-wording"),
        ("standards/email/email-002.yml", "incomplete"),
    }


def test_explicit_revisions(branch, capsys):
    code, out, _ = run(branch, capsys, "main", "faster-answers")
    assert code == 0
    assert "Comparing **faster-answers** with **main**" in out
    assert "two rings" not in out  # the working folder is not part of the branch
    assert "#### Removed: CHAT-001 Chat" in out


def test_reused_id_is_a_problem_in_the_summary(branch, capsys):
    # CHAT-001 "Chat" was removed on this branch; a new standard takes its id.
    branch.write(
        {"standards/email/chat-9.yml": standard("CHAT-001", "Another thing", "email-and-chat")}
    )
    code, out, _ = run(branch, capsys, "HEAD")
    assert code == 0
    assert "#### Added: CHAT-001 Another thing" in out
    assert "> **Problem:** The id CHAT-001 is reused: it belonged to “Chat”" in out


def test_unknown_revision_and_no_repository(branch, tmp_path, capsys):
    code, _, err = run(branch, capsys, "no-such-branch")
    assert code == 2 and "'no-such-branch' is not a commit" in err
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "mkdocs.yml").write_text(MKDOCS)
    code = main(["diff", "-f", str(tmp_path / "plain" / "mkdocs.yml")])
    assert code == 2 and "not in a git repository" in capsys.readouterr().err
