"""Pages without the theme's indentation.

Material's templates indent their HTML deeply: a quarter of each standard's page was
spaces at the start of lines, 40 MB of a 1,000-standard site. A line break followed by
any run of white space renders exactly like a single line break, except inside <pre> and
<textarea>, which are kept as they are.
"""

from __future__ import annotations

import re

_INDENT = re.compile(r"\n\s+")
_VERBATIM = re.compile(r"(<pre[\s>].*?</pre>|<textarea[\s>].*?</textarea>)", re.S)


def compact(html: str) -> str:
    # One search finds the verbatim parts, if any (two `in` tests took twice as long).
    parts = _VERBATIM.split(html)
    parts[::2] = [_INDENT.sub("\n", part) for part in parts[::2]]
    return "".join(parts)
