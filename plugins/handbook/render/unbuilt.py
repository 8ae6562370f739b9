"""Under `serve`, a standard page that cannot be rebuilt says so instead of going stale.

`serve --dirty` writes only what changed, so when a standard breaks (or its file is
deleted) its page is no longer made and the old HTML stayed in the preview, looking
current. The page is replaced by a notice naming the file and why, and the terminal
warns; the real page comes back as soon as the file loads again.
"""

from __future__ import annotations

from html import escape

from ..handbook import Handbook
from .escape import front_matter
from .headings import Headings
from .output import OutputFile
from .urls import Urls, standard_path


class Unbuilt:
    """Remembers, across `serve` rebuilds, which file each standard page was made from."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[str, str]] = {}  # page -> (standard file, title)

    def notices(self, handbook: Handbook, urls: Urls) -> list[tuple[OutputFile, str]]:
        """A notice page for each page made before and not now, with its warning."""
        current = {standard_path(s): (s.path, s.title) for s in handbook.published()}
        found = []
        for page, (source, title) in sorted(self.pages.items()):
            if page not in current:
                reason, details = _reason(handbook, source)
                warning = f"{source} {reason}: its page shows a notice until it is fixed"
                notice = _notice(page, urls, title, source, reason, details)
                found.append((notice, warning))
        self.pages.update(current)
        return found


def _reason(handbook: Handbook, source: str) -> tuple[str, list[str]]:
    if not (handbook.settings.root / source).exists():
        return "was deleted or renamed", []
    errors = [str(p) for p in handbook.errors if p.file == source]
    if errors:
        count = len(errors)
        return f"has {count} problem{'s' if count != 1 else ''} and cannot be published", errors
    return "is no longer published (a draft, or moved to another id)", []


def _notice(
    page: str, urls: Urls, title: str, source: str, reason: str, details: list[str]
) -> OutputFile:
    heading = Headings(urls.headings)
    items = "".join(f"<li><code>{escape(d)}</code></li>" for d in details)
    text = (
        f"---\ntitle: {front_matter(title)}\n---\n\n{heading(1, title)}\n\n"
        '<div class="admonition failure"><p class="admonition-title">'
        "This page could not be rebuilt</p>"
        f"<p><code>{escape(source)}</code> {escape(reason)}. The preview shows this notice "
        "instead of the page as it was; a build of the site fails until it is fixed.</p>"
        f"{f'<ul>{items}</ul>' if items else ''}</div>\n"
    )
    return OutputFile(page, text, headings=tuple(heading.found))
