"""The `handbook` plugin's options in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..settings import DEFAULT_AREAS


class HandbookConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # Folder of standard files, relative to mkdocs.yml.
    standards_dir = c.Type(str, default="standards")
    # Folder of images that standards name in `illustrations`, relative to mkdocs.yml.
    illustrations_dir = c.Type(str, default="illustrations")
    # Handbook sections: slug -> title, in the order they appear.
    areas = c.Type(dict, default=dict(DEFAULT_AREAS))
    # Publish draft standards too (for previews); by default drafts are left out.
    include_drafts = c.Type(bool, default=False)
    # The company's goals: id -> title, or id -> {title, description}. Standards name the
    # goals they serve (`goals:`); the Goals page lists the standards of each.
    goals = c.Type(dict, default={})
    # "Suggest a change" on each standard: email (owner or "*" -> address), template (the
    # issue form's file name), host (github or gitlab). Without email: an issue at repo_url.
    feedback = c.Type(dict, default={})
    # Linter: rule id -> severity ("error", "warning", "suggestion") or "off", and options.
    lint = c.Type(dict, default={})
    # Owner role -> GitHub team(s) reviewing its standards ("*": everyone else's), for
    # `handbook codeowners`; area -> id prefix for `handbook new`.
    owners = c.Type(dict, default={})
    id_prefixes = c.Type(dict, default={})
    # Quick cards: size (a6, a7, index-4x6, a4-4up), pdf (a PDF per area), overflow severity.
    cards = c.Type(dict, default={})
    # Changelog from the git history: enabled, tag_pattern (release mode), unreleased.
    changelog = c.Type(dict, default={})
    # Results of targets: dir (default "results"), missed_periods (default 2: a target
    # missed that many periods running lists its standard on "Due for review").
    results = c.Type(dict, default={})
    # "Due for review" page: also list standards due within this many days.
    review_soon_days = c.Type(int, default=60)
    # Staff search: false for Material's own search instead; {synonyms: [[word, ...], ...]}
    # adds words that mean the same to the built-in ones (finding/synonyms.py).
    search = c.Type((bool, dict), default={})
    # Render Material's header, tabs, navigation and table of contents once per page shape
    # (mkdocs/fragments.py, which checks itself against Material's own rendering); off only
    # to rule it out when a theme customisation misbehaves.
    theme_cache = c.Type(bool, default=True)
