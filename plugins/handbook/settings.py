"""Handbook settings shared by every front door (MkDocs plugin, CLI).

The CLI reads them from the `handbook` plugin entry of mkdocs.yml without importing
MkDocs, following `INHERIT` as MkDocs does, so both front doors always agree. Both know
where each option is written, so a problem with one is reported at its line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import yaml
import yaml_env_tag

DEFAULT_AREAS = {
    "telephone": "Telephone",
    "email-and-chat": "Email and chat",
    "in-person": "In person",
    "complaints": "Complaints",
    "appearance-and-conduct": "Appearance and conduct",
    "uncommon-situations": "Uncommon situations",
    "service-policy": "Service policy",
}


@dataclass
class Settings:
    """Where the handbook's files are and how it is published."""

    root: Path = field(default_factory=Path.cwd)
    standards_dir: str = "standards"
    illustrations_dir: str = "illustrations"
    # MkDocs' own folders the site is made from: the pages, and the theme overrides.
    docs_dir: str = "docs"
    theme_dir: str | None = None
    areas: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_AREAS))
    include_drafts: bool = False
    site_url: str | None = None
    # Where the site is published, when that is not site_url: under `serve` site_url is
    # the local server's address, and this is the one mkdocs.yml sets ("" for none).
    public_url: str | None = None
    # The company's goals the standards serve: id -> title or {title, description}.
    # As written in mkdocs.yml, checked by goals.declared_goals.
    goals: Any = field(default_factory=dict)
    # The site's git host repository (mkdocs.yml `repo_url`), for "Suggest a change".
    repo_url: str | None = None
    # Rule id -> severity or "off", and per-rule options, for the linter.
    lint: dict[str, Any] = field(default_factory=dict)
    # Options of the other features, kept as given so each feature reads its own part.
    extra: dict[str, Any] = field(default_factory=dict)
    # The mkdocs.yml the options come from, and where each handbook option is written in it
    # (or in the file it inherits): option path -> (file, line, column).
    config_file: Path | None = None
    locations: dict[tuple[str, ...], tuple[str, int, int]] = field(default_factory=dict)

    def where(self, *option: str) -> tuple[str, int, int]:
        """Where an option (e.g. `where("cards", "size")`) is written: file, line, column;
        the nearest enclosing option's place when that one is not written."""
        for end in range(len(option), -1, -1):
            found = self.locations.get(tuple(option[:end]))
            if found is not None:
                return found
        return (self.config_file.name if self.config_file else "mkdocs.yml", 1, 1)

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

    def folders(self) -> dict[str, Path]:
        """Every folder the site is made from, by the setting that names it."""
        folders = {
            "standards_dir": self.standards_path,
            "illustrations_dir": self.illustrations_path,
            "docs_dir": self.root / self.docs_dir,
        }
        if self.theme_dir:
            folders["theme.custom_dir"] = self.root / self.theme_dir
        return folders

    @classmethod
    def from_options(
        cls,
        root: Path,
        options: dict[str, Any],
        site_url: str | None = None,
        docs_dir: str = "docs",
        theme_dir: str | None = None,
        public_url: str | None = None,
        repo_url: str | None = None,
        config_file: Path | None = None,
    ) -> Settings:
        known = {"standards_dir", "illustrations_dir", "areas", "include_drafts", "lint", "goals"}
        kwargs = {key: options[key] for key in known if options.get(key) is not None}
        extra = {key: value for key, value in options.items() if key not in known}
        locations = read_mkdocs_yml(config_file)[1] if config_file is not None else {}
        return cls(
            root=root,
            site_url=site_url,
            public_url=public_url,
            repo_url=repo_url,
            extra=extra,
            docs_dir=docs_dir,
            theme_dir=theme_dir,
            config_file=config_file,
            locations=locations,
            **kwargs,
        )

    @classmethod
    def from_mkdocs_yml(cls, config_file: Path) -> Settings:
        """Read the `handbook` plugin's options from an mkdocs.yml file."""
        config_file = Path(config_file)
        data, _ = read_mkdocs_yml(config_file)
        options: dict[str, Any] = {}
        for plugin in data.get("plugins") or []:
            if isinstance(plugin, dict) and "handbook" in plugin:
                options = plugin["handbook"] or {}
        theme = data.get("theme")
        return cls.from_options(
            config_file.parent.resolve(),
            options,
            data.get("site_url"),
            docs_dir=str(data.get("docs_dir") or "docs"),
            theme_dir=theme.get("custom_dir") if isinstance(theme, dict) else None,
            repo_url=data.get("repo_url"),
            config_file=config_file,
        )


Locations = dict[tuple[str, ...], tuple[str, int, int]]


def read_mkdocs_yml(
    config_file: Path, root: Path | None = None
) -> tuple[dict[str, Any], Locations]:
    """An mkdocs.yml as MkDocs reads it, the file it names by `INHERIT` underneath (mappings
    merged, anything else replaced), and where each handbook plugin option is written."""
    config_file = Path(config_file)
    root = root or config_file.parent
    loader = _TolerantLoader(config_file.read_text("utf-8"))
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        return {}, {}
    name = os.path.relpath(config_file, root).replace(os.sep, "/")
    locations = _option_locations(node, name)
    parent = data.pop("INHERIT", None)
    if isinstance(parent, str):
        parent_file = config_file.parent / parent
        if parent_file.is_file():
            parent_data, parent_locations = read_mkdocs_yml(parent_file, root)
            if "plugins" not in data:
                locations = parent_locations
            data = _merged(parent_data, data)
    return data, locations


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


class _TolerantLoader(yaml.SafeLoader):
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
