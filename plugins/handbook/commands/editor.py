"""`handbook editor` and `handbook cms-config`: the form editor for standards."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

from ..editor.config import cms_config
from ..editor.server import EditorServer, export
from .common import add_config_argument, settings_from_args


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    editor = subparsers.add_parser(
        "editor",
        help="edit standards in a form, in this clone",
        description="Serve the form editor at http://127.0.0.1:PORT/admin/: it writes the "
        "standard files of this clone, after the same checks as the build.",
    )
    editor.add_argument("--port", type=int, default=8081, help="port (default 8081)")
    editor.add_argument(
        "--export",
        type=Path,
        metavar="FOLDER",
        help="instead, write the editor into FOLDER (e.g. preview/admin) for a preview site: "
        "there each save opens a pull request on the git host",
    )
    add_config_argument(editor)
    editor.set_defaults(run=run_editor)
    config = subparsers.add_parser(
        "cms-config",
        help="print the form editor's configuration",
        description="Print Decap CMS's config.yml, made from the standard schema, for a "
        "preview site's admin/ folder (pull requests on the git host).",
    )
    add_config_argument(config)
    config.set_defaults(run=run_config)


def _repo(args: argparse.Namespace) -> str | None:
    """owner/name from mkdocs.yml's repo_url, for the git host's editorial workflow."""
    try:
        with open(args.config_file, encoding="utf-8") as stream:
            text = stream.read()
    except OSError:
        return None
    match = re.search(
        r"^repo_url:\s*['\"]?https://github\.com/([\w.-]+/[\w.-]+?)(?:\.git)?/?['\"]?\s*$",
        text,
        re.M,
    )
    return match.group(1) if match else None


def run_config(args: argparse.Namespace) -> int:
    config = cms_config(settings_from_args(args), _repo(args))
    sys.stdout.write(yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    return 0


def run_editor(args: argparse.Namespace) -> int:
    if args.export is not None:
        written = export(args.export, settings_from_args(args), _repo(args))
        print(f"The form editor: {len(written)} files in {args.export}", file=sys.stderr)
        return 0
    try:
        server = EditorServer(settings_from_args(args), _repo(args), args.port)
    except OSError as e:
        print(f"handbook editor: cannot listen on port {args.port} ({e.strerror})", file=sys.stderr)
        return 2
    print(f"The form editor: {server.origin}/admin/ (Ctrl+C to stop)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
