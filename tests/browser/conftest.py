"""Shared browser fixtures: Debian's Chromium driven by Playwright (sync API), a local server.

    def test_x(page, serve, foreign, tmp_path):
        base = serve(tmp_path)                  # http://127.0.0.1:<port>/ serving tmp_path
        page.goto(base + "index.html")
        assert not foreign(page.requests, base)

`page` is a fresh browser context per test (empty localStorage, downloads accepted); it records
every request in `page.requests` and every script error in `page.errors`, and fails the test on
a script error. Tests skip when /usr/bin/chromium is missing, except in CI (CI=true), where a
missing browser is a failure.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing in CI: install Debian's chromium (.ci/run)")
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright
    from .chromium import launch
    with sync_playwright() as p:
        b = launch(p, str(CHROMIUM))
        yield b
        b.close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(accept_downloads=True, viewport={"width": 1000, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    pg = context.new_page()
    pg.requests = []
    pg.errors = []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    yield pg
    assert not pg.errors, f"script errors on the page: {pg.errors}"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def serve():
    """serve(folder) -> base URL ("http://127.0.0.1:PORT/") of a server for that folder."""
    servers = []

    def start(folder: str | Path) -> str:
        handler = functools.partial(_Quiet, directory=str(folder))
        srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        # a short poll: shutdown() waits for the loop to notice, 0.5 s a server by default
        threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.02},
                         daemon=True).start()
        servers.append(srv)
        return f"http://127.0.0.1:{srv.server_port}/"

    yield start
    for srv in servers:
        srv.shutdown()
        srv.server_close()


def foreign_requests(urls: list[str], base: str) -> list[str]:
    """The requested URLs that go anywhere but the local server (data: and blob: of the page's
    own origin are local)."""
    host = urlsplit(base).netloc
    out = []
    for url in urls:
        if url.startswith("data:"):
            continue
        parts = urlsplit(url[5:] if url.startswith("blob:") else url)
        if parts.netloc != host:
            out.append(url)
    return out


@pytest.fixture(scope="session")
def foreign():
    return foreign_requests
