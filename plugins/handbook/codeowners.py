"""A CODEOWNERS file that sends each standard's pull-request review to its owner's team.

Standards name an owner role ("Contact centre manager"); the `owners` option of the
handbook plugin in mkdocs.yml maps roles to GitHub teams or users, with "*" as the team
for roles it does not list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .handbook import Handbook

FALLBACK = "*"
HEADER = """\
# Who reviews changes to each standard: the team of the standard's owner.
# Made by `handbook codeowners` from the standards' owners and the `owners` map of the
# handbook plugin in mkdocs.yml. Do not edit it by hand: change the map or the owner and
# run `handbook codeowners --output .github/CODEOWNERS` again.
"""
# GitHub accepts @user, @org/team or an email address as an owner.
_OWNER = re.compile(r"^(@[A-Za-z0-9][A-Za-z0-9-]*(/[A-Za-z0-9._-]+)?|[^@\s]+@[^@\s]+\.[^@\s]+)$")
# A CODEOWNERS rule is one line: a line break in a standard's owner or file name would
# start a rule of its own (`* @someone`), so none of these is ever written.
_BREAKS = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029]")


@dataclass
class Codeowners:
    text: str
    warnings: list[str] = field(default_factory=list)


def codeowners(handbook: Handbook, owners: dict[str, Any]) -> Codeowners:
    """The CODEOWNERS text for every standard file, with a warning for each role or team
    that cannot be routed."""
    warnings: list[str] = []
    teams = {role: _as_list(value) for role, value in owners.items()}
    for role, listed in teams.items():
        for name in listed:
            if not _OWNER.match(name):
                warnings.append(
                    f"owners: '{name}' (for '{role}') is not a GitHub owner: "
                    "write @org/team, @user or an email address"
                )
    lines = [HEADER]
    if teams.get(FALLBACK):
        # Later lines win: this one routes standards added since the file was made.
        folder = "/" + _escape(handbook.settings.standards_dir.strip("/")) + "/"
        lines.append(f"{folder} {' '.join(teams[FALLBACK])}")
    unmapped: dict[str, list[str]] = {}
    for standard in sorted(handbook.standards, key=lambda s: s.path):
        if _BREAKS.search(standard.path):
            warnings.append(
                f"{standard.path!r}: a file name with a line break or control character "
                "cannot be listed in CODEOWNERS: rename the file"
            )
            continue
        path = "/" + _escape(standard.path)
        names = teams.get(standard.owner)
        if names is None:
            unmapped.setdefault(standard.owner, []).append(standard.path)
            names = teams.get(FALLBACK)
            owner = _BREAKS.sub(" ", standard.owner)
            lines.append(f"# No team for owner '{owner}' under 'owners' in mkdocs.yml.")
        lines.append(f"{path} {' '.join(names)}" if names else f"# {path}")
    for role, paths in unmapped.items():
        if role.startswith("TODO"):
            warnings.extend(
                f"{path}: fill in its owner, so its team can review it" for path in paths
            )
            continue
        where = "the '*' team" if teams.get(FALLBACK) else "nobody"
        count = f"{len(paths)} standard{'s' if len(paths) != 1 else ''}"
        warnings.append(
            f"owner '{role}' ({count}, e.g. {paths[0]}) has no team under 'owners' in "
            f'mkdocs.yml, so {where} reviews them: add "{role}": "@org/team"'
        )
    return Codeowners("\n".join(lines) + "\n", warnings)


def _as_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return []


def _escape(path: str) -> str:
    # CODEOWNERS separates owners with spaces, so spaces in a path are escaped.
    return path.replace(" ", "\\ ")
