"""Generated files that `mkdocs serve --dirty` skips while their content is unchanged."""

from __future__ import annotations

from types import SimpleNamespace

from handbook.mkdocs.stable import Digests, StableFile


def _config(site_dir):
    return SimpleNamespace(
        site_dir=str(site_dir),
        use_directory_urls=True,
        plugins=SimpleNamespace(_current_plugin="handbook"),
    )


def _build(digests, config, content, site="mkdocs.yml text"):
    digests.start(site)
    file = StableFile.generated(config, "standards/phone-001.md", content=content)
    digests.mark(file, content)
    return file


def test_only_changed_or_missing_files_count_as_modified(tmp_path):
    config, digests = _config(tmp_path), Digests()
    first = _build(digests, config, "# Page")
    assert first.is_modified()  # never built
    (tmp_path / "standards/phone-001").mkdir(parents=True)
    (tmp_path / "standards/phone-001/index.html").write_text("<html>")
    assert not _build(digests, config, "# Page").is_modified()
    assert _build(digests, config, "# Page, edited").is_modified()
    assert not _build(digests, config, "# Page, edited").is_modified()
    assert _build(digests, config, "# Page, edited", site="new nav").is_modified()
    (tmp_path / "standards/phone-001/index.html").unlink()
    assert _build(digests, config, "# Page, edited", site="new nav").is_modified()
