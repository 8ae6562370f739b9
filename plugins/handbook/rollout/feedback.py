"""Feedback from the page: "Suggest a change" on every standard page and quick card page.

It needs no server of ours. By default it opens a new issue on the site's git host
(mkdocs.yml `repo_url`, GitHub or GitLab) with the title and fields filled in: the
standard's id, the revision the site was built from and the page's address. On GitHub
the issue form `.github/ISSUE_TEMPLATE/suggest-a-change.yml` asks the rest, including
where the feedback came from (the standard's `sources` values). When the handbook plugin's
`feedback.email` gives an address for the standard's owner (or "*" for everyone else),
the link writes an e-mail to that address instead:

```yaml
feedback:
  email:
    Contact centre manager: cc-manager@example.org
  template: suggest-a-change.yml   # the issue form's file name (GitHub)
  host: github                     # github or gitlab, when repo_url's host does not say
```
"""

from __future__ import annotations

import re
from functools import partial
from urllib.parse import SplitResult, quote, urlencode, urlsplit, urlunsplit

from markupsafe import Markup

from ..buildstate import BuildState, cold
from ..feature import Feature
from ..handbook import Handbook
from ..model import Standard
from ..options import FEEDBACK_HOSTS, FeedbackOptions
from ..render.escape import safe_url
from ..render.pages import PageExtras, Section
from ..render.urls import Urls, standard_path
from ..settings import Settings
from .templates import render


def suggest_link(
    standard: Standard, settings: Settings, options: FeedbackOptions, address: str, revision: str
) -> str | None:
    """The "Suggest a change" link of a standard, or None when nowhere is configured.

    `address` is the page's URL (absolute when the site's URL is known). Every value is
    URL-encoded; the repository address must be http(s).
    """
    title = f"{standard.id} {standard.title}: suggested change"
    body = (
        f"Standard: {standard.id} {standard.title}\nRevision: {revision}\nPage: {address}\n\n"
        "What should change, and why:\n\n"
    )
    to = options.email.get(standard.owner) or options.email.get("*")
    if to is not None:
        query = urlencode({"subject": title, "body": body}, quote_via=quote)
        return f"mailto:{quote(to, safe='@')}?{query}"
    repository = _repository(settings.repo_url)
    if repository is None:
        return None
    host = options.host or next((h for h in FEEDBACK_HOSTS if h in repository.netloc.lower()), None)
    path = repository.path.rstrip("/")
    if host == "github":
        query = urlencode(
            {
                "template": options.template,
                "title": title,
                "standard": f"{standard.id} {standard.title}",
                "revision": revision,
                "address": address,
            },
            quote_via=quote,
        )
        return urlunsplit((repository.scheme, repository.netloc, f"{path}/issues/new", query, ""))
    if host == "gitlab":
        query = urlencode({"issue[title]": title, "issue[description]": body}, quote_via=quote)
        return urlunsplit((repository.scheme, repository.netloc, f"{path}/-/issues/new", query, ""))
    return None


def _repository(repo_url: str | None) -> SplitResult | None:
    if not repo_url:
        return None
    parts = urlsplit(repo_url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if re.search(r"[\s\"'<>\\]", parts.netloc + parts.path):
        return None
    path = quote(parts.path.removesuffix(".git"), safe="/-._~")
    return parts._replace(path=path, query="", fragment="")


def suggest_links(
    handbook: Handbook, urls: Urls, state: BuildState | None = None
) -> dict[str, str]:
    """Each published standard's "Suggest a change" link, by id (none when unconfigured).

    `state` keeps each link across `serve` rebuilds by the standard's file and all else
    the link holds (the revision, the page's address, the settings it reads)."""
    settings = handbook.settings
    options = settings.options.feedback
    if not options.email and _repository(settings.repo_url) is None:
        return {}
    state = state or cold()
    base = (settings.published_at or "").rstrip("/")
    shared = (repr(options), settings.repo_url)
    links: dict[str, str] = {}
    for standard in handbook.published():
        page = urls.url(standard_path(standard))
        address = f"{base}/{page}" if base else page
        revision = handbook.revision_of(standard)
        key = (standard.digest, address, revision, shared) if standard.digest else None
        make = partial(_safe_link, standard, settings, options, address, revision)
        link = state.kept("suggest-link", key, make, of=standard.digest)
        if link is not None:
            links[standard.id] = link
    return links


def _safe_link(
    standard: Standard, settings: Settings, options: FeedbackOptions, address: str, revision: str
) -> str | None:
    link = suggest_link(standard, settings, options, address, revision)
    return safe_url(link) if link is not None else None  # as every link of the site


class FeedbackFeature(Feature):
    def extras(self, handbook: Handbook, urls: Urls, extras: PageExtras) -> None:
        for standard_id, link in suggest_links(handbook, urls, self.state).items():
            section = self.state.kept("suggest-section", link, partial(_section, link))
            extras.sections.setdefault(standard_id, []).append(section)


def _section(link: str) -> Section:
    return Section(Markup(render("suggest.html.j2", suggest_link=link)))
