"""Generated pages' HTML handed to the page as it is, without Markdown parsing it.

The handbook's pages are a little Markdown (headings) around large blocks of finished
HTML. Python-Markdown runs every raw HTML block through an HTML parser only to pass it on
unchanged, and that was the biggest single cost of a build (1,000 standards: two thirds
of the Markdown time). Each self-contained block is set aside before Markdown runs, as a
comment Markdown passes through untouched, and put back in the page's HTML afterwards.
The headings still go through Markdown, so ids, permalinks and the table of contents do
not change.
"""

from __future__ import annotations

import re

# Tags that open a raw HTML block in Markdown (a line starting with another tag is text).
_BLOCK_TAGS = (
    "address|article|aside|blockquote|details|div|dl|fieldset|figure|footer|form|h[1-6]"
    "|header|hr|nav|ol|p|pre|section|table|ul"
)
_OPENING = re.compile(rf"<({_BLOCK_TAGS})[\s>]")


def set_aside(markdown: str) -> tuple[str, list[str]]:
    """Markdown with each self-contained HTML block replaced by a placeholder comment."""
    blocks: list[str] = []
    if "```" in markdown or "~~~" in markdown:
        return markdown, blocks  # HTML shown as code must stay code
    parts = markdown.split("\n\n")
    out: list[str] = []
    i = 0
    while i < len(parts):
        found = _OPENING.match(parts[i].lstrip("\n"))
        end = _block_end(parts, i, found.group(1)) if found else None
        if end is None:
            out.append(parts[i])
            i += 1
            continue
        block = "\n\n".join(parts[i : end + 1]).strip("\n")
        out.append(f"<!--hb:{len(blocks)}-->")
        blocks.append(block)
        i = end + 1
    return "\n\n".join(out), blocks


def _block_end(parts: list[str], start: int, tag: str) -> int | None:
    """Index of the part that closes the element opened at `start`, as Markdown reads a
    raw HTML block: on through blank lines to its closing tag."""
    opened = closed = 0
    for end in range(start, len(parts)):
        part = parts[end]
        if "markdown=" in part:
            return None  # md_in_html: Markdown inside, leave the block to Markdown
        opened += len(re.findall(rf"<{tag}[\s>]", part))
        closed += part.count(f"</{tag}>")
        if opened == closed:
            return end if part.rstrip().endswith(f"</{tag}>") else None
    return None


def put_back(html: str, blocks: list[str]) -> str:
    """The page's HTML with each placeholder replaced by its block."""
    if not blocks:
        return html
    return re.sub(r"<!--hb:(\d+)-->", lambda m: blocks[int(m.group(1))], html)
