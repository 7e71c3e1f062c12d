"""A phone and a book opened from disk: the corroboration table stacks at 390 px, and search
works from file:// and says plainly what it cannot show there (and says nothing when served)."""

from __future__ import annotations

from sourcebook.sphinx.light_pages import FILE_SEARCH_NOTE

PHONE = {"width": 390, "height": 844}


def test_the_corroboration_table_stacks_on_a_phone(built, page):
    page.set_viewport_size(PHONE)
    page.goto((built("student") / "book" / "corroboration.html").as_uri())
    table = page.locator("table.sb-stacked")
    assert table.count() == 1
    row = table.locator("tbody tr").first
    assert row.evaluate("tr => getComputedStyle(tr).display") == "block"
    box = table.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    cells = row.locator("td")
    labels = [cells.nth(k).evaluate("td => getComputedStyle(td, '::before').content")
              for k in range(cells.count())]
    assert labels[:4] == ['"#"', '"Document"', '"Date"', '"In brief"']
    assert labels[4].startswith('"Compared with Rusk') and labels[4].endswith(' memo"')
    last = cells.nth(4).bounding_box()            # the 5th column is on screen, not cut off
    assert last["x"] + last["width"] <= PHONE["width"]


def test_the_corroboration_table_stays_a_table_on_a_desktop(built, page):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto((built("student") / "book" / "corroboration.html").as_uri())
    row = page.locator("table.sb-stacked tbody tr").first
    assert row.evaluate("tr => getComputedStyle(tr).display") == "table-row"
    assert page.locator("table.sb-stacked thead th").first.is_visible()


def _search(page, start_url):
    page.goto(start_url)
    page.locator(".search-button__button:visible").first.click()
    box = page.locator("input[name=q]:visible").first
    box.fill("armistice")
    box.press("Enter")
    page.wait_for_url("**/search.html?q=armistice*")
    page.wait_for_selector("#search-results ul.search li", timeout=20_000)


def test_search_works_from_disk_and_says_it_shows_titles_only(built, page):
    _search(page, (built("student") / "book" / "intro.html").as_uri())
    assert page.url.startswith("file://")
    assert page.locator("#search-results ul.search li").count() >= 2
    assert any(r.endswith("searchindex.js") for r in page.requests)
    note = page.locator(".sb-search-note")
    assert note.count() == 1 and note.is_visible()
    assert note.inner_text() == FILE_SEARCH_NOTE
    assert "web server" in FILE_SEARCH_NOTE and "titles" in FILE_SEARCH_NOTE


def test_search_over_http_shows_summaries_and_no_note(built, page, serve):
    base = serve(built("student"))
    _search(page, base + "book/intro.html")
    assert page.locator(".sb-search-note").count() == 0
    page.wait_for_selector("#search-results ul.search li p.context", timeout=20_000)


def _figure(page, name):
    img = page.locator(f'picture.sb-phone-picture img[src$="_images/{name}.png"]')
    img.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=img.element_handle())
    return img.evaluate("img => ({src: img.currentSrc, natural: img.naturalWidth, "
                        "shown: img.getBoundingClientRect().width})")


def test_a_phone_gets_the_phone_timeline_and_map_at_a_legible_size(built, page):
    from sourcebook.figures.timeline_phone import DPI, MIN_FONT_PT
    page.set_viewport_size(PHONE)
    page.goto((built("student") / "book" / "war.html").as_uri())
    for name in ("timeline", "korea-map"):
        shown = _figure(page, name)
        assert shown["src"].endswith(f"_images/{name}-phone.png"), shown
        assert shown["shown"] <= PHONE["width"]
        smallest_label_px = MIN_FONT_PT / 72 * DPI * shown["shown"] / shown["natural"]
        assert smallest_label_px >= 10.5, (name, smallest_label_px)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_tap_on_a_phone_opens_the_phone_rendering(built, page):
    page.set_viewport_size(PHONE)
    page.goto((built("student") / "book" / "war.html").as_uri())
    _figure(page, "timeline")
    page.locator('a.image-reference:has(img[src$="_images/timeline.png"])').click()
    page.wait_for_url("**/_images/timeline-phone.png")


def test_a_desktop_keeps_the_wide_figures(built, page):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto((built("student") / "book" / "war.html").as_uri())
    for name in ("timeline", "korea-map"):
        assert _figure(page, name)["src"].endswith(f"_images/{name}.png")
