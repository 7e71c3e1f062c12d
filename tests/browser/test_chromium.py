"""The test browser itself: Playwright's switches kept, the omnibox popup pages gone (they once
cost half the CPU of opening each test's page; a renamed Chromium feature would bring them back)."""

from __future__ import annotations

from .chromium import BROWSER_UI_PAGES, browser_ui_pages, disabled_features


def test_no_browser_ui_page_is_open_beside_a_tests_page(browser, page):
    page.goto("about:blank")
    assert browser_ui_pages(browser) == []


def test_playwrights_disabled_features_are_kept_with_ours(browser):
    features = disabled_features(browser)
    assert set(BROWSER_UI_PAGES) <= set(features)
    assert len(features) > len(BROWSER_UI_PAGES), "Playwright's own --disable-features were lost"
