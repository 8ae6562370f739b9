"""A problem found in a standard file, with its location: the unit every check reports."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

SEVERITIES = ("error", "warning", "suggestion")
# A problem is one line of a terminal or CI log. A line break or control character in a
# file name or a quoted text would start a line of its own (a GitHub workflow command,
# "::warning::…") or drive the terminal ("\x1b[…"), so they are written as escapes.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, sortable by file and position so a run reports them in reading order."""

    file: str
    line: int
    column: int
    rule: str = field(compare=False)
    message: str = field(compare=False)
    severity: str = field(default="error", compare=False)
    suggestion: str | None = field(default=None, compare=False)

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.column}: {self.severity} {self.rule} {self.message}"
        if self.suggestion:
            text += f" ({self.suggestion})"
        return _CONTROL.sub(_escaped, text)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _escaped(found: re.Match[str]) -> str:
    return found.group().encode("unicode_escape").decode("ascii")
