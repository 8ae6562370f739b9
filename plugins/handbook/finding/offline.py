"""What a copy of the site opened from disk (Material's offline plugin) needs.

Browsers refuse Web Workers on file:// pages, so Material's search needs the small
iframe-worker shim (MIT, by Material's author, vendored unchanged in assets/). The
offline plugin would load it from a CDN unless a polyfill named "iframe-worker" is
configured: mkdocs.offline.yml points `extra.polyfills` at this copy instead.
"""

from __future__ import annotations

from importlib import resources

from ..feature import Feature
from ..handbook import Handbook
from ..render.output import OutputFile
from ..render.urls import Urls

SHIM = "assets/handbook/iframe-worker.js"


class OfflineFeature(Feature):
    def files(self, handbook: Handbook, urls: Urls) -> list[OutputFile]:
        text = resources.files("handbook").joinpath("assets", "iframe-worker.js").read_text("utf-8")
        return [OutputFile(SHIM, text)]
