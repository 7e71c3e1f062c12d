"""Launching Debian's Chromium for the tests, without the browser's own hidden pages.

Chromium (new headless mode) opens every page in a real browser window, and each window preloads
its omnibox popups: web pages of their own (chrome://omnibox-popup.top-chrome/) in a renderer of
their own. Nobody sees an omnibox in a headless test, yet the popups cost about half the CPU of
opening a test's page (0.75 -> 0.38 CPU-seconds a fresh context with the widget page, measured).
Turning them off means adding to Playwright's own --disable-features list, and a second
--disable-features switch may replace the first rather than add to it: so the list is read from a
first browser's chrome://version and given back whole with ours added (test_chromium.py checks
that both are in force)."""

from __future__ import annotations

import re

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
BROWSER_UI_PAGES = ("WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup")


def disabled_features(browser) -> list[str]:
    """The features the running browser was started with turned off (its chrome://version)."""
    page = browser.new_page()
    try:
        page.goto("chrome://version")
        line = page.locator("#command_line").text_content() or ""
    finally:
        page.close()
    found = re.findall(r"--disable-features=(\S+)", line)
    return found[-1].split(",") if found else []


def launch(playwright, executable: str):
    """Chromium with Playwright's switches and without the omnibox popup pages."""
    probe = playwright.chromium.launch(executable_path=executable, args=ARGS)
    try:
        keep = disabled_features(probe)
    finally:
        probe.close()
    features = keep + [f for f in BROWSER_UI_PAGES if f not in keep]
    return playwright.chromium.launch(executable_path=executable,
                                      args=ARGS + ["--disable-features=" + ",".join(features)])


def browser_ui_pages(browser) -> list[str]:
    """The URLs of the browser's own web pages (omnibox popups and the like) now open."""
    session = browser.new_browser_cdp_session()
    try:
        targets = session.send("Target.getTargets", {"filter": [{}]})["targetInfos"]
    finally:
        session.detach()
    return [t["url"] for t in targets if t["type"] == "browser_ui"]
