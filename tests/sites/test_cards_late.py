"""The quick cards joined late in a `mkdocs build`: the build lists the cards' files at
once and takes their content from the copy that makes them only where it needs it (the
picker at its turn among the pages, the rest after them; cards/background.py), so the fit
check runs beside the whole build. What it publishes and reports is what joining the
cards at once published and reported, and their problems still stop it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, Build

# A build with the cards joined late, as `mkdocs build` runs, saying that they were
# (their files listed before the copy made them).
LATE = """
import atexit, sys
from handbook.cards import background

listed = []
real = background.Handover.files
background.Handover.files = lambda self: listed.append(1) or real(self)
atexit.register(lambda: print(f"cards listed before made: {len(listed)}", file=sys.stderr))
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", *sys.argv[1:]]
cli()
"""

# The same build with another thread running: it cannot fork (beside.py), so it typesets
# the cards in a thread and joins them when it lists the site's files, at once.
AT_ONCE = """
import sys, threading
threading.Thread(target=threading.Event().wait, daemon=True).start()
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", *sys.argv[1:]]
cli()
"""


def run(script: str, project: Path, *args: str) -> Build:
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return Build(project, result.returncode, result.stdout + result.stderr)


def project_with(tmp_path: Path, name: str, options: str = "") -> Path:
    """The cards fixture with HUGE-001, too long for its card and the only card of its
    area (so that area has no PDF), and `options` added to the cards' settings."""
    project = tmp_path / name
    shutil.copytree(FIXTURES / "cards", project)
    steps = "\n".join(f"  - Step {n}, check the account and tell the caller." for n in range(40))
    email = (project / "standards" / "email-001.yml").read_text("utf-8")
    assert "area: email-and-chat\n" in email
    huge = email.replace("EMAIL-001", "HUGE-001").replace("email-and-chat", "complaints")
    (project / "standards" / "huge-001.yml").write_text(huge + f"steps:\n{steps}\n", "utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "        pdf: true\n" in text
    config.write_text(text.replace("        pdf: true\n", "        pdf: true\n" + options), "utf-8")
    return project


def undated(data: bytes) -> bytes:
    """A file's bytes, a PDF's without the time it was made (and the ids made from it)."""
    data = re.sub(rb"D:\d{14}Z", b"D:", data)
    data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", b"T", data)
    return re.sub(rb"(ID>|ID\[\(|\)\()[A-Za-z0-9+/=]{24}", rb"\1", data)


def published(site: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(site)): undated(path.read_bytes())
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def reported(build: Build) -> list[str]:
    """The handbook's problems as the build told them, in their order."""
    output = build.output.replace(str(build.project), "PROJECT")
    return re.findall(r"handbook: (\S+:\d+:\d+: .*)", output)


def test_joined_late_the_site_and_its_problems_are_those_joined_at_once(tmp_path):
    late = run(LATE, project_with(tmp_path, "late"), "--strict")
    at_once = run(AT_ONCE, project_with(tmp_path, "at-once"), "--strict")

    assert "cards listed before made: 1" in late.output
    # The card too long is a warning, and --strict fails on it either way, after
    # writing the whole site.
    for build in (late, at_once):
        assert build.returncode != 0
        assert "standards/huge-001.yml:1:1: warning card-overflow" in build.output
        assert "Aborted with 1 warnings in strict mode" in build.output, build.output
    assert reported(late) == reported(at_once)
    assert len(reported(late)) > 3  # suggestions besides

    site = published(late.site)
    assert site == published(at_once.site)
    assert "cards/pdf/all.pdf" in site and "cards/pdf/complaints.pdf" not in site
    assert "cards/huge-001.html" in site and "cards/index.html" in site
    picker = site["cards/index.html"].decode("utf-8")
    assert 'data-id="HUGE-001"' in picker and "too long to print" in picker


def test_a_card_problem_of_error_severity_stops_the_build_with_every_problem(tmp_path):
    late = run(LATE, project_with(tmp_path, "late", "        overflow: error\n"))
    at_once = run(AT_ONCE, project_with(tmp_path, "at-once", "        overflow: error\n"))

    assert "cards listed before made: 1" in late.output
    for build in (late, at_once):
        assert build.returncode != 0
        assert "1 problem in the standards; fix them and build again:" in build.output
        assert "standards/huge-001.yml:1:1: error card-overflow" in build.output
        assert "Traceback" not in build.output
    assert reported(late) == reported(at_once)
    assert any("suggestion" in line for line in reported(late))
    # What waited for the cards is not published: neither their pages nor their PDFs.
    assert not (late.site / "cards" / "huge-001.html").exists()
    assert not (late.site / "cards" / "pdf").exists()
