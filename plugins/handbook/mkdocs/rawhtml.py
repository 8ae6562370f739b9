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


def _self_contained(block: str) -> bool:
    """A block Markdown would pass through whole: one element, opened and closed here."""
    found = _OPENING.match(block)
    if not found or "markdown=" in block:
        return False
    tag = found.group(1)
    closing = f"</{tag}>"
    if not block.rstrip().endswith(closing):
        return False
    opened = len(re.findall(rf"<{tag}[\s>]", block))
    return opened == block.count(closing)


def set_aside(markdown: str) -> tuple[str, list[str]]:
    """Markdown with each self-contained HTML block replaced by a placeholder comment."""
    blocks: list[str] = []
    if "```" in markdown or "~~~" in markdown:
        return markdown, blocks  # HTML shown as code must stay code
    parts = markdown.split("\n\n")
    for i, part in enumerate(parts):
        block = part.strip("\n")
        if block.startswith("<") and _self_contained(block):
            parts[i] = f"<!--hb:{len(blocks)}-->"
            blocks.append(block)
    return "\n\n".join(parts), blocks


def put_back(html: str, blocks: list[str]) -> str:
    """The page's HTML with each placeholder replaced by its block."""
    if not blocks:
        return html
    return re.sub(r"<!--hb:(\d+)-->", lambda m: blocks[int(m.group(1))], html)
