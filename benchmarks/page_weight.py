"""Page weight: every file a page loads in headless Chromium, uncompressed and gzipped.

    python benchmarks/page_weight.py SITE [SITE ...]      # prints a table per site

`measure(site)` serves the folder on a loopback port, opens each page, waits for the network to
go idle and records the body of every response (so fonts, images and lazily fetched files
count). Gzip sizes are each file compressed at level 6, what a typical web server sends.
The kit's own files (`_static/sourcebook*.js` and `.css`: the widgets' bundle and stylesheet,
the theme repairs) are also counted apart, JS and CSS, uncompressed and gzipped: the kit's
target is on gzip size (KIT_GZIP_TARGET). Requests to any other host are listed, never answered.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import re
import shutil
import statistics
import sys
import threading
from pathlib import Path

SKIP_PAGES = ("genindex.html",)
KIT_FILE = re.compile(r"_static/sourcebook[^/]*\.(js|css)$")
KIT_GZIP_TARGET = 25_000      # bytes of the kit's JS + CSS a page loads, gzipped (issue 11)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass                    # a page closed before a file finished sending


def site_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if "_static" not in p.parts and p.name not in SKIP_PAGES
                  and "Refresh" not in p.read_text(encoding="utf-8")[:300])


def measure(site: Path, browser=None) -> dict:
    """{"pages": {rel: {"bytes", "gzip_bytes", "kit_bytes", "files"}}, "external": [...]}."""
    from playwright.sync_api import sync_playwright
    server = _QuietServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    pages: dict[str, dict] = {}
    external: list[str] = []
    with sync_playwright() as pw:
        own = browser is None
        browser = browser or pw.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=CHROMIUM_ARGS)
        ctx = browser.new_context()
        ctx.route(re.compile(r"^(?!http://127\.0\.0\.1|data:|blob:)"),
                  lambda route: (external.append(route.request.url), route.abort()))
        for rel in site_pages(site):
            page = ctx.new_page()
            bodies: dict[str, bytes] = {}

            def keep(resp, bodies=bodies):
                try:
                    bodies[resp.url] = resp.body()
                except Exception:  # noqa: BLE001 - redirects and aborted requests have no body
                    pass
            page.on("response", keep)
            page.goto(base + rel, wait_until="networkidle")
            page.close()
            files = {url.removeprefix(base).split("?")[0]: len(b) for url, b in bodies.items()}
            pages[rel] = {
                "bytes": sum(files.values()),
                "gzip_bytes": sum(len(gzip.compress(b, 6)) for b in bodies.values()),
                "kit_bytes": sum(n for url, n in files.items() if KIT_FILE.search(url)),
                **kit_gzip(bodies),
                "files": dict(sorted(files.items(), key=lambda kv: -kv[1]))}
        ctx.close()
        if own:
            browser.close()
    server.shutdown()
    return {"pages": pages, "external": sorted(set(external))}


def kit_gzip(bodies: dict[str, bytes]) -> dict:
    """The kit's JS and CSS a page loaded, gzipped (level 6), each kind apart."""
    sizes = {"kit_js_gzip_bytes": 0, "kit_css_gzip_bytes": 0}
    for url, body in bodies.items():
        m = KIT_FILE.search(url.split("?")[0])
        if m:
            sizes[f"kit_{m.group(1)}_gzip_bytes"] += len(gzip.compress(body, 6))
    return sizes


def summary(result: dict) -> dict:
    pages = result["pages"].values()
    kit = max(pages, key=lambda p: p["kit_js_gzip_bytes"] + p["kit_css_gzip_bytes"])
    return {"pages": len(result["pages"]),
            "kit_gzip_bytes_max": kit["kit_js_gzip_bytes"] + kit["kit_css_gzip_bytes"],
            "kit_js_gzip_bytes": kit["kit_js_gzip_bytes"],
            "kit_css_gzip_bytes": kit["kit_css_gzip_bytes"],
            "median_bytes": int(statistics.median(p["bytes"] for p in pages)),
            "max_bytes": max(p["bytes"] for p in pages),
            "median_gzip_bytes": int(statistics.median(p["gzip_bytes"] for p in pages)),
            "max_gzip_bytes": max(p["gzip_bytes"] for p in pages),
            "kit_bytes_max": max(p["kit_bytes"] for p in pages),
            "external_requests": len(result["external"])}


def main() -> None:
    for site in sys.argv[1:]:
        result = measure(Path(site))
        print(site, summary(result))
        for rel, w in result["pages"].items():
            print(f'  {rel:40} {w["bytes"] / 1000:8.1f} KB  gzip {w["gzip_bytes"] / 1000:7.1f} KB'
                  f'  kit JS/CSS gzip {w["kit_js_gzip_bytes"] / 1000:.1f}'
                  f' / {w["kit_css_gzip_bytes"] / 1000:.1f} KB')
        if "-v" in sys.argv[0:1] or len(sys.argv) == 2:
            busiest = max(result["pages"].values(), key=lambda w: w["bytes"])
            for url, n in list(busiest["files"].items())[:25]:
                print(f"    {n / 1000:8.1f} KB  {url}")


if __name__ == "__main__":
    main()
