"""Screenshot pages of a built site with Debian's Chromium, to look at them as a person would.

Usage: python scripts/screenshot.py SITE_DIR OUT_DIR PAGE [PAGE ...] [--width 1280] [--full]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("out")
    parser.add_argument("pages", nargs="+")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--full", action="store_true")
    args = parser.parse_args()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=args.site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": args.width, "height": args.height})
        for path in args.pages:
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            name = (path.strip("/").replace("/", "_") or "home") + f"-{args.width}.png"
            page.screenshot(path=str(out / name), full_page=args.full)
            print(out / name)
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
