"""Generated files that `mkdocs serve --dirty` skips while their content is unchanged."""

from __future__ import annotations

from types import SimpleNamespace

import jinja2

from handbook.mkdocs.stable import Compiled, Digests, StableFile


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


def test_compiled_templates_are_not_reused_once_their_source_changed(tmp_path):
    # As serve: a new Jinja environment per build, one Compiled for the process.
    compiled = Compiled()
    template = tmp_path / "main.html"

    def render() -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), bytecode_cache=compiled)
        return env.get_template("main.html").render(title="Page")

    template.write_text("<h1>{{ title }}</h1>")
    assert render() == "<h1>Page</h1>"
    assert len(compiled.code) == 1  # kept for the next build
    template.write_text("<h2>{{ title }}</h2>")
    assert render() == "<h2>Page</h2>"


def test_the_index_folder_is_moved_to_its_new_version_and_only_changed_files_written(tmp_path):
    from handbook.mkdocs.stable import VersionedFolder

    config, digests, index = _config(tmp_path), Digests(), VersionedFolder("search/handbook/")

    def build(version, contents):
        """The files of one build, as the plugin adds them, and which it writes."""
        paths = [f"search/handbook/{version}/{name}" for name in contents]
        index.move(["standards.json", *paths], str(tmp_path), digests)
        digests.start("site")
        written = []
        for path, content in zip(paths, contents.values(), strict=True):
            file = StableFile.generated(config, path, content=content)
            digests.mark(file, content)
            if file.is_modified():
                file.copy_file(dirty=True)
                written.append(path.split("/", 3)[3])
        return written

    first = {"meta.js": "m1", "t/ab.js": "ab", "t/cd.js": "cd", "d/0.js": "d0"}
    assert build("aaa", first) == list(first)
    second = {"meta.js": "m2", "t/ab.js": "ab", "t/ef.js": "ef", "d/0.js": "d0"}  # cd gone
    assert build("bbb", second) == ["meta.js", "t/ef.js"]  # the others moved
    folder = tmp_path / "search/handbook"
    assert [p.name for p in folder.iterdir()] == ["bbb"]
    found = {p.relative_to(folder / "bbb").as_posix() for p in folder.rglob("*") if p.is_file()}
    assert found == set(second)  # what a full build writes there, no more
    assert (folder / "bbb/t/ab.js").read_text() == "ab"
    assert build("aaa", first) == ["meta.js", "t/cd.js"]  # back to the first version
    assert [p.name for p in folder.iterdir()] == ["aaa"]
    (folder / "ccc").mkdir()  # a folder of that name there already: written as before
    third = {"meta.js": "m3", "t/ab.js": "ab"}
    assert build("ccc", third) == ["meta.js", "t/ab.js"]
    assert sorted(p.name for p in folder.iterdir()) == ["aaa", "ccc"]


def test_an_unchanged_generated_file_is_the_last_builds_file_object(tmp_path):
    config, digests = _config(tmp_path), Digests()

    def made(path, content, site="mkdocs.yml text"):
        digests.start(site)
        return digests.file(config, path, content)

    card = made("cards/phone-001.html", "<p>card")
    again = made("cards/phone-001.html", "<p>card")
    assert again is card and again.unchanged  # MkDocs need not make it again
    edited = made("cards/phone-001.html", "<p>card, edited")
    assert edited is not card and not edited.unchanged and edited.content_string.endswith("ed")
    assert made("cards/phone-001.html", "<p>card, edited", site="new nav") is not edited
    page = made("standards/phone-001.md", "# Page")
    assert made("standards/phone-001.md", "# Page") is not page  # a page's File: made anew
    other = _config(tmp_path / "elsewhere")
    digests.start("new nav")
    assert digests.file(other, "cards/phone-001.html", "<p>card, edited") is not edited


def test_an_output_added_again_unchanged_is_the_last_builds_file_and_changed_a_new_one(tmp_path):
    from mkdocs.structure.files import Files

    from handbook.mkdocs.filelist import add
    from handbook.render.output import OutputFile

    config, digests = _config(tmp_path), Digests()

    def added(content, site="mkdocs.yml text", path="cards/phone-001.html"):
        digests.start(site)
        files = Files([])
        file = add(files, config, OutputFile(path, content), None, digests)
        assert files.get_file_from_path(path) is file
        return file

    card = added("<p>card")
    assert added("<p>card") is card and card.unchanged
    edited = added("<p>card, edited")  # the kept File would publish the old card
    assert edited is not card and edited.content_string == "<p>card, edited"
    assert not edited.unchanged
    assert added("<p>card, edited", site="new nav") is not edited
    assert added("x", path="./cards//a.html").src_uri == "cards/a.html"  # as MkDocs names it


def test_a_page_the_handbook_fills_in_is_built_again_only_when_its_fill_or_the_site_changed():
    from mkdocs.structure.files import File, Files

    from handbook.mkdocs.stable import Unread

    unread = Unread()

    def forced(fill, site=1):
        """Whether this build makes the home page again whatever its file's time."""
        home = File("index.md", "docs", "site", True)
        unread.start(Files([home]), lambda page: fill, site)
        if type(home) is File:  # left to MkDocs: read if its file changed
            return False
        assert unread.filling("index.md") == fill  # read: this build's fill goes in
        return True

    assert not forced("<ul>a</ul>")  # never filled yet: MkDocs decides
    assert unread.filling("index.md") == "<ul>a</ul>"  # its first build
    assert not forced("<ul>a</ul>")  # the same areas and standards: not made again
    assert forced("<ul>a, renamed</ul>")  # a title changed: the kept page would be stale
    assert not forced("<ul>a, renamed</ul>")
    assert forced("<ul>a, renamed</ul>", site=2)  # mkdocs.yml (or the listed nav) changed
    unread.unfilled("index.md")  # its marker taken out
    assert not forced("<ul>a, renamed</ul>", site=2)
