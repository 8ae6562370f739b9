"""Where a YAML syntax error really starts, for the mistakes editors make most.

PyYAML reports where it gave up, which for an unclosed quote or bracket can be many
lines below the line the editor has to fix.
"""

from __future__ import annotations

import re

# A value that opens with a quote or bracket: `key: "…`, `- '…`, `key: […`.
_OPENING = re.compile(r"""^\s*(?:-\s+)*(?:[^\s#'"\[{][^:#]*:\s+)?(?P<value>["'\[{].*)$""")
_CLOSER = {'"': '"', "'": "'", "[": "]", "{": "}"}


def opening_left_open(text: str, error_line: int) -> tuple[int, int, str] | None:
    """(line, column, message) of the first quote or bracket opened on a line before the
    error (or on it) and not closed on that line, or None."""
    for number, line in enumerate(text.splitlines()[:error_line], start=1):
        match = _OPENING.match(line)
        if match is None:
            continue
        value = match.group("value").rstrip()
        opener = value[0]
        if _closed(value, opener):
            continue
        column = match.start("value") + 1
        what = "quote" if opener in "\"'" else "bracket"
        return (
            number,
            column,
            f"this {what} ({opener}) is not closed on its line: end the text with "
            f"{_CLOSER[opener]}"
            + (" (write '' for a ' inside single quotes)" if opener == "'" else ""),
        )
    return None


def _closed(value: str, opener: str) -> bool:
    if opener == '"':
        body = re.sub(r"\\.", "", value[1:])
        return '"' in body
    if opener == "'":
        body = value[1:].replace("''", "")
        return "'" in body
    depth = 0
    quote = ""
    for character in value:
        if quote:
            quote = "" if character == quote else quote
        elif character in "\"'":
            quote = character
        elif character in "[{":
            depth += 1
        elif character in "]}":
            depth -= 1
    return depth <= 0
