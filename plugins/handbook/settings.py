"""Handbook settings shared by every front door (MkDocs plugin, CLI).

The CLI reads mkdocs.yml without importing MkDocs, following `INHERIT` as MkDocs does,
and parses the `handbook` plugin's options with the same `options.parse` as the plugin,
so both front doors always agree. Both know where each option is written, so a problem
with one is reported at its line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import yaml
import yaml_env_tag

from .options import RULE, Options, Places, parse
from .problems import Problem


@dataclass
class Settings:
    """Where the handbook's files are, how it is published, and the plugin's options."""

    root: Path = field(default_factory=Path.cwd)
    options: Options = field(default_factory=Options)
    # MkDocs' own folders the site is made from: the pages, and the theme overrides.
    docs_dir: str = "docs"
    theme_dir: str | None = None
    site_name: str | None = None
    site_url: str | None = None
    # Where the site is published, when that is not site_url: under `serve` site_url is
    # the local server's address, and this is the one mkdocs.yml sets ("" for none).
    public_url: str | None = None
    # The site's git host repository (mkdocs.yml `repo_url`), for "Suggest a change".
    repo_url: str | None = None
    # The mkdocs.yml the options come from, where each is written in it (or in the file it
    # inherits), and what is wrong in them (`mkdocs build` stops on these before loading).
    config_file: Path | None = None
    places: Places = field(default_factory=Places)
    problems: list[Problem] = field(default_factory=list)

    def where(self, *option: str) -> tuple[str, int, int]:
        """Where a handbook option (e.g. `where("cards", "size")`) is written."""
        return self.places.where(*option)

    # The options every part of the core reads, by their short names.
    @property
    def standards_dir(self) -> str:
        return self.options.standards_dir

    @property
    def illustrations_dir(self) -> str:
        return self.options.illustrations_dir

    @property
    def areas(self) -> dict[str, str]:
        return self.options.areas

    @property
    def include_drafts(self) -> bool:
        return self.options.include_drafts

    @property
    def published_at(self) -> str | None:
        """The site's public address, for links printed on paper (quick cards' QR codes)."""
        return self.site_url if self.public_url is None else self.public_url or None

    @property
    def standards_path(self) -> Path:
        return self.root / self.standards_dir

    @property
    def illustrations_path(self) -> Path:
        return self.root / self.illustrations_dir

    def folders(self) -> dict[str, tuple[Path, tuple[str, int, int]]]:
        """Every folder the site is made from, by the setting that names it, and where
        that setting is written."""
        places = self.places
        folders = {
            "standards_dir": (self.standards_path, places.where("standards_dir")),
            "illustrations_dir": (self.illustrations_path, places.where("illustrations_dir")),
            "docs_dir": (self.root / self.docs_dir, places.where_setting("docs_dir")),
        }
        if self.theme_dir:
            where = places.where_setting("theme", "custom_dir")
            folders["theme.custom_dir"] = (self.root / self.theme_dir, where)
        return folders

    @classmethod
    def from_options(
        cls, root: Path, written: dict[str, Any], config_file: Path | None = None, **site: Any
    ) -> Settings:
        """Settings from the plugin's options as written (a test's, or mkdocs.yml's),
        parsed and located in `config_file` when given."""
        places = read_mkdocs_yml(config_file)[1] if config_file is not None else Places()
        options, problems = parse(written, places.where)
        return cls(
            root=root,
            options=options,
            config_file=config_file,
            places=places,
            problems=problems,
            **site,
        )

    @classmethod
    def from_mkdocs_yml(cls, config_file: Path) -> Settings:
        """The settings of an mkdocs.yml, its `handbook` plugin's options parsed."""
        config_file = Path(config_file)
        data, places = read_mkdocs_yml(config_file)
        theme = data.get("theme")
        written = handbook_options(data)
        options, problems = parse(written if isinstance(written, dict) else {}, places.where)
        if not isinstance(written, dict):
            message = "handbook: the plugin's options should be a mapping (standards_dir: …)"
            problems.insert(0, Problem(*places.where(), RULE, message))
        return cls(
            root=config_file.parent.resolve(),
            options=options,
            site_name=data.get("site_name"),
            site_url=data.get("site_url"),
            docs_dir=str(data.get("docs_dir") or "docs"),
            theme_dir=theme.get("custom_dir") if isinstance(theme, dict) else None,
            repo_url=data.get("repo_url"),
            config_file=config_file,
            places=places,
            problems=problems,
        )


def handbook_options(data: dict[str, Any]) -> Any:
    """The `handbook` plugin's options as written in a read mkdocs.yml (a mapping, unless
    written wrong)."""
    options: Any = {}
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "handbook" in plugin:
            options = plugin["handbook"] or {}
    return options


Locations = dict[tuple[str, ...], tuple[str, int, int]]


def read_mkdocs_yml(config_file: Path, root: Path | None = None) -> tuple[dict[str, Any], Places]:
    """An mkdocs.yml as MkDocs reads it, the file it names by `INHERIT` underneath (mappings
    merged, anything else replaced), and where each setting and handbook option is written."""
    config_file = Path(config_file)
    root = root or config_file.parent
    loader = _TolerantLoader(config_file.read_text("utf-8"))
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    finally:
        loader.dispose()
    name = os.path.relpath(config_file, root).replace(os.sep, "/")
    if not isinstance(data, dict):
        return {}, Places(name)
    places = Places(name, _option_locations(node, name), _setting_locations(node, name))
    parent = data.pop("INHERIT", None)
    if isinstance(parent, str):
        parent_file = config_file.parent / parent
        if parent_file.is_file():
            parent_data, inherited = read_mkdocs_yml(parent_file, root)
            if "plugins" not in data:
                places.options = inherited.options
            places.settings = {**inherited.settings, **places.settings}
            data = _merged(parent_data, data)
    return data, places


def _merged(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """MkDocs' INHERIT: the child's keys over the parent's, mappings merged key by key."""
    merged = dict(parent)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merged(merged[key], value)
        else:
            merged[key] = value
    return merged


def _option_locations(node: yaml.Node | None, name: str) -> Locations:
    """Where the handbook plugin's options are in a composed mkdocs.yml."""
    found: Locations = {}

    def walk(mapping: yaml.MappingNode, path: tuple[str, ...]) -> None:
        for key, value in mapping.value:
            if isinstance(key, yaml.ScalarNode):
                here = (*path, str(key.value))
                found[here] = (name, key.start_mark.line + 1, key.start_mark.column + 1)
                if isinstance(value, yaml.MappingNode):
                    walk(value, here)

    plugins = _value_of(node, "plugins")
    for item in plugins.value if isinstance(plugins, yaml.SequenceNode) else []:
        entry = _key_of(item, "handbook")
        if entry is not None:
            found[()] = (name, entry.start_mark.line + 1, entry.start_mark.column + 1)
            options = _value_of(item, "handbook")
            if isinstance(options, yaml.MappingNode):
                walk(options, ())
    return found


def _setting_locations(node: yaml.Node | None, name: str) -> Locations:
    """Where MkDocs' own settings are in a composed mkdocs.yml (two levels: `theme.custom_dir`)."""
    found: Locations = {}
    for key, value in node.value if isinstance(node, yaml.MappingNode) else []:
        if isinstance(key, yaml.ScalarNode):
            found[(str(key.value),)] = (name, key.start_mark.line + 1, key.start_mark.column + 1)
            for inner, _ in value.value if isinstance(value, yaml.MappingNode) else []:
                if isinstance(inner, yaml.ScalarNode):
                    place = (name, inner.start_mark.line + 1, inner.start_mark.column + 1)
                    found[(str(key.value), str(inner.value))] = place
    return found


def _key_of(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, _ in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return k
    return None


def _value_of(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return cast(yaml.Node, v)
    return None


# libyaml when there is one: mkdocs.yml is read on every build and `serve` rebuild, and
# Python's own parser takes 50 ms over the sample's (libyaml: 1 ms). Same nodes, same marks.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TolerantLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    """Safe loader that reads MkDocs' !!python/name and !ENV tags as plain values."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    assert isinstance(node, yaml.MappingNode)
    return loader.construct_mapping(node)


_TolerantLoader.add_multi_constructor("", _ignore_tag)
# MkDocs' own !ENV tag (e.g. `include_drafts: !ENV [HANDBOOK_INCLUDE_DRAFTS, false]`), so the
# CLI reads the same values as the build.
_TolerantLoader.add_constructor("!ENV", yaml_env_tag.construct_env_tag)
