"""`handbook editor`: the form editor on this machine, for a local clone.

Serves Decap CMS (vendored) at /admin/ with a configuration made from the schema, and
its local backend at /api/v1, on the loopback address only. Requests from any other
web page are refused (a JSON body and this server's own Origin are required), so a site
open in another tab cannot write standards.
"""

from __future__ import annotations

import json
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..settings import Settings
from .backend import LocalBackend, Refused
from .config import VENDOR, cms_config

MAX_BODY = 2_000_000
# Decap CMS lays its editor out for a desktop: on a phone the page is shown whole, zoomed
# out (pinch to zoom in), rather than cut off at the right.
INDEX = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=1000">
<meta name="robots" content="noindex">
<title>Handbook editor</title>
<link href="config.yml" type="text/yaml" rel="cms-config-url">
</head>
<body>
<script src="decap-cms.js"></script>
</body>
</html>
"""


def export(folder: Path, settings: Settings, repo: str | None) -> list[Path]:
    """Write the form editor for a site's admin/ folder, working through the git host
    (each save a pull request): index.html, config.yml and Decap's files."""
    folder.mkdir(parents=True, exist_ok=True)
    written = [folder / "index.html", folder / "config.yml"]
    written[0].write_text(INDEX, "utf-8")
    config = cms_config(settings, repo)
    written[1].write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), "utf-8")
    for source in sorted(vendor_dir().iterdir()):
        if source.suffix == ".js":
            target = folder / source.name
            target.write_bytes(source.read_bytes())
            written.append(target)
    return written


def vendor_dir() -> Path:
    return Path(str(resources.files("handbook").joinpath("assets", "vendor", VENDOR)))


class EditorServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, settings: Settings, repo: str | None, port: int = 8081):
        super().__init__(("127.0.0.1", port), _Handler)
        self.settings = settings
        self.repo = repo
        self.backend = LocalBackend(settings)
        self.vendor = {p.name: p for p in vendor_dir().iterdir() if p.suffix == ".js"}
        # One save at a time: each checks the whole handbook as it would be.
        self.lock = threading.Lock()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def config_text(self) -> str:
        config = cms_config(self.settings, self.repo, local_url=f"{self.origin}/api/v1")
        return yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


class _Handler(BaseHTTPRequestHandler):
    server: EditorServer

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the terminal is the editor's
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        path = self.path.split("?", 1)[0]
        if path in ("/", "/admin"):
            self._send(HTTPStatus.FOUND, b"", "text/plain", {"Location": "/admin/"})
        elif path == "/admin/":
            self._send(HTTPStatus.OK, INDEX.encode(), "text/html; charset=utf-8")
        elif path == "/admin/config.yml":
            self._send(HTTPStatus.OK, self.server.config_text().encode(), "text/yaml")
        elif path.startswith("/admin/") and path[len("/admin/") :] in self.server.vendor:
            data = self.server.vendor[path[len("/admin/") :]].read_bytes()
            self._send(HTTPStatus.OK, data, "text/javascript")
        else:
            self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")

    def do_POST(self) -> None:  # noqa: N802
        if self.path != "/api/v1":
            return self._json(HTTPStatus.NOT_FOUND, {"error": "not found"})
        origin = self.headers.get("Origin")
        if origin not in (None, self.server.origin):
            return self._json(
                HTTPStatus.FORBIDDEN, {"error": "requests from other sites are refused"}
            )
        if self.headers.get_content_type() != "application/json":
            return self._json(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, {"error": "send JSON"})
        length = int(self.headers.get("Content-Length") or 0)
        if not 0 < length <= MAX_BODY:
            return self._json(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": "request too large"})
        try:
            body = json.loads(self.rfile.read(length))
            action, params = str(body["action"]), dict(body.get("params") or {})
        except (ValueError, KeyError, TypeError):
            return self._json(HTTPStatus.BAD_REQUEST, {"error": "not a backend request"})
        try:
            with self.server.lock:
                result = self.server.backend.handle(action, params)
        except Refused as e:
            return self._json(HTTPStatus.UNPROCESSABLE_ENTITY, {"error": str(e)})
        self._json(HTTPStatus.OK, result)

    def _json(self, status: HTTPStatus, value: Any) -> None:
        self._send(status, json.dumps(value).encode(), "application/json")

    def _send(
        self, status: HTTPStatus, data: bytes, kind: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)
