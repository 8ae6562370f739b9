"""The sample handbook builds with ProperDocs, the maintained fork of MkDocs 1.x, into the
same site as with MkDocs: the path the project takes when MkDocs and Material are no longer
maintained (README, "Engine")."""

from __future__ import annotations

import re
import shutil
from importlib import metadata

from conftest import build, copy_sample

# Each engine names itself in every page's <meta name="generator">; nothing else may differ.
_GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_same_site(sample_site, tmp_path):
    assert metadata.version("properdocs")  # installed with the test extras
    project = copy_sample(tmp_path)
    # Quick-card PDFs from the MkDocs build's cache: Typst stamps a new PDF with the time it
    # was made, and the cache gives the same file only for the same cards (cards/cache.py).
    shutil.copytree(sample_site.project / ".cache", project / ".cache")
    result = build(project, "-f", "mkdocs.yml", "--verbose", engine="properdocs")
    assert result.returncode == 0, result.output
    # The handbook's fast paths stay on: they check themselves against this engine too.
    assert "theme fragments: rendered" in result.output
    mkdocs_files = {p.relative_to(sample_site.site): p for p in sample_site.site.rglob("*")}
    proper_files = {p.relative_to(result.site): p for p in result.site.rglob("*")}
    assert sorted(map(str, proper_files)) == sorted(map(str, mkdocs_files))
    generators = set()
    different = []
    for name, path in mkdocs_files.items():
        if path.is_dir():
            continue
        ours, theirs = path.read_bytes(), proper_files[name].read_bytes()
        generators.update(_GENERATOR.findall(theirs))
        if _GENERATOR.sub(b"", ours) != _GENERATOR.sub(b"", theirs):
            different.append(str(name))
    assert different == []
    assert any(b"ProperDocs" in g for g in generators)  # it was ProperDocs that built it
