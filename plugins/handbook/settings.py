"""Handbook settings shared by every front door (MkDocs plugin, CLI).

The CLI reads them from the `handbook` plugin entry of mkdocs.yml without importing
MkDocs, so both front doors always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    ) -> Settings:
        known = {"standards_dir", "illustrations_dir", "areas", "include_drafts", "lint", "goals"}
        kwargs = {key: options[key] for key in known if options.get(key) is not None}
        extra = {key: value for key, value in options.items() if key not in known}
        return cls(
            root=root,
            site_url=site_url,
            public_url=public_url,
            repo_url=repo_url,
            extra=extra,
            docs_dir=docs_dir,
            theme_dir=theme_dir,
            **kwargs,
        )

    @classmethod
    def from_mkdocs_yml(cls, config_file: Path) -> Settings:
        """Read the `handbook` plugin's options from an mkdocs.yml file."""
        config_file = Path(config_file)
        data = yaml.load(config_file.read_text("utf-8"), Loader=_TolerantLoader) or {}
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
        )


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
