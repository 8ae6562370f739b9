"""Words staff type for the words standards use, so a query finds a standard in either.

Aliases are the first tool: a standard's `aliases` are what staff call its situation,
and they weigh nearly as much as its title. The built-in groups (`synonyms.yml`, data
in the package) are for single words that mean the same across every standard
("supervisor" for "manager"); a site adds its own with the plugin's
`search: {synonyms: [[word, word, ...], ...]}` option. A query word also stands for the
other words of its groups, at a little less than the word itself, wherever they appear
in the handbook. (Irregular forms, "swore" for "swear", are not synonyms: `words.py`
gives them their regular form's stem.)
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

import yaml

from .words import STOP_WORDS, stem, words


@lru_cache(maxsize=1)
def builtin() -> list[list[str]]:
    """The built-in groups (synonyms.yml, shipped in the package)."""
    data = yaml.safe_load(resources.files(__package__).joinpath("synonyms.yml").read_text("utf-8"))
    groups: list[list[str]] = data["groups"]
    return groups


def synonyms(extra: Iterable[Iterable[str]] = ()) -> dict[str, list[str]]:
    """Stem -> the stems it also stands for, from the built-in groups and a site's own."""
    found: dict[str, set[str]] = {}
    for group in [*builtin(), *extra]:
        stems = {stem(w) for word in group for w in words(word) if w not in STOP_WORDS}
        for key in stems:
            found.setdefault(key, set()).update(stems - {key})
    return {key: sorted(values) for key, values in found.items() if values}
