"""Light pages in Chromium: the theme's icons drawn inline (no icon script), the search index
loaded by the search page only (search from disk, file://: test_phone_and_disk.py)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.build


def test_pages_draw_icons_inline_and_leave_the_search_index_to_the_search_page(built, page):
    site = built("student")
    page.goto((site / "book" / "intro.html").as_uri())
    page.wait_for_load_state("load")
    loaded = " ".join(page.requests)
    assert "fontawesome.js" not in loaded and "searchindex.js" not in loaded
    assert "fa-solid-900.woff2" not in loaded and "fa-brands-400.woff2" not in loaded
    icons = page.locator("svg.svg-inline--fa")
    assert icons.count() >= 8 and page.locator("i.fa-solid, i.fas, i.fab").count() == 0
    # (the student edition has no repository button: the header's own icons are checked)
    box = page.locator("svg.svg-inline--fa >> visible=true").first.bounding_box()
    assert box and 10 <= box["width"] <= 40 and 10 <= box["height"] <= 40     # drawn at icon size


def test_tooltips_keep_their_arrow_after_the_purge(built, page):
    """Bootstrap names the placement class in a template literal (`bs-${NAME}-auto`): the purge
    keeps the rules that draw the arrow (css_purge.class_patterns_in_scripts)."""
    site = built("student")
    page.set_viewport_size({"width": 1366, "height": 700})
    page.goto((site / "book" / "document.html").as_uri())
    page.locator('[data-bs-toggle="tooltip"]:visible').first.hover()
    page.wait_for_selector(".tooltip.show", timeout=5000)
    arrow = page.evaluate("""() => { const t = document.querySelector('.tooltip.show');
        const s = getComputedStyle(t.querySelector('.tooltip-arrow'), '::before');
        return {cls: t.className, sides: [s.borderTopColor, s.borderRightColor,
                s.borderBottomColor, s.borderLeftColor]}; }""")
    assert "bs-tooltip-auto" in arrow["cls"]
    assert any(c not in ("rgba(0, 0, 0, 0)", "transparent") for c in arrow["sides"]), arrow
