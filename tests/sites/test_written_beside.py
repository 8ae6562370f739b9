"""`mkdocs build` writes the handbook's generated files in a thread while the pages are
rendered (writer.py): the same files as MkDocs writes them under `serve`, and a file that
cannot be written stops the build with a message, not a traceback."""

from __future__ import annotations

import filecmp
import json
import os
import subprocess
import sys
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from test_serve_rebuild import serve_build

from handbook.mkdocs.stable import StableFile
from handbook.mkdocs.writer import Writer
from handbook.synth import write_project

HERE = Path(__file__).parent


def written_build(project: Path, site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(HERE / "writtenbuild.py"), str(project), str(site), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=600,
    )


def test_the_files_written_beside_the_pages_are_those_serve_writes(tmp_path):
    project = tmp_path / "handbook"
    write_project(project, 40, seed=3)
    built = written_build(project, tmp_path / "built")
    assert built.returncode == 0, built.stderr[-3000:]
    found = json.loads(built.stdout.strip().splitlines()[-1])
    # The features' copies forked (beside.py) while the process ran one thread, before
    # the writer's thread started; it ended with the build.
    forks = found["started"][:-1]
    assert forks and set(forks) == {"fork with 1 thread(s)"}
    assert found["started"][-1] == "writer" and found["threads"] == 1
    written = found["written"]
    folders = {path.split("/")[0] for path in written}
    assert {"cards", "scorecards", "search"} <= folders
    assert len(written) > 100
    # Under `serve` MkDocs writes them itself (with the pages of a dirty build).
    serve_build(project, tmp_path / "served", [])
    same, differ, errors = filecmp.cmpfiles(
        tmp_path / "served", tmp_path / "built", written, shallow=False
    )
    assert (differ, errors) == ([], [])
    assert len(same) == len(written)


def test_a_file_that_cannot_be_written_stops_the_build_with_a_message(tmp_path):
    project = tmp_path / "handbook"
    write_project(project, 12, seed=3)
    site = tmp_path / "site"
    done = written_build(project, site, "--fail", f"{os.sep}scorecards{os.sep}")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "Traceback" not in output
    assert f"could not write {site / 'scorecards'}" in output
    assert "No space left on device" in output
    assert "Aborted with a BuildError" in output
    assert "Documentation built" not in output


def test_a_generated_file_another_file_writes_over_is_left_to_mkdocs(tmp_path):
    """MkDocs writes the site's own page after the generated file of the same
    destination, which the page replaces: the writer leaves that file to MkDocs."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "cards").mkdir()
    (tmp_path / "docs" / "cards" / "a.md").write_text("# A\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nuse_directory_urls: false\n", "utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    config.plugins._current_plugin = "handbook"  # as while the plugin's hooks run
    generated = [
        StableFile.generated(config, path, content="made")
        for path in ("cards/a.html", "cards/b.html", "404.html")
    ]
    page = File("cards/a.md", str(tmp_path / "docs"), config.site_dir, False)
    writer = Writer()
    writer.start(Files([*generated, page]), config)
    writer.finish()
    assert [f.dest_uri for f in writer.files] == ["cards/b.html"]
    assert (Path(config.site_dir) / "cards" / "b.html").read_text("utf-8") == "made"
    # MkDocs writes the others as before; the writer's file it skips.
    generated[0].copy_file()
    assert (Path(config.site_dir) / "cards" / "a.html").read_text("utf-8") == "made"
    (Path(config.site_dir) / "cards" / "b.html").unlink()
    generated[1].copy_file()
    assert not (Path(config.site_dir) / "cards" / "b.html").exists()
