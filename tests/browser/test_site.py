"""The built book in Chromium: from disk (file://), under a sub-path, no foreign requests, axe
on every page, and one exercise answered end to end on the real site."""

from __future__ import annotations

import shutil

import pytest

from sourcebook.items.check import perfect_response
from sourcebook.model.lesson import BookContext, load_all

from .pages import ROOT, answer

pytestmark = pytest.mark.build


def site_pages(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if "_static" not in p.parts)


@pytest.fixture(scope="module")
def book_items():
    sets, problems = load_all(BookContext.load(ROOT))
    assert not problems
    return BookContext.load(ROOT), {i.id: i for s in sets for i in s.items}


def answer_first_item(page, book_items):
    ctx, items = book_items
    li = page.locator(".sb-set.sb-js .sb-item").first
    item = items[li.get_attribute("id").removeprefix("sb-")]
    answer(li, item, perfect_response(item, ctx))
    li.locator(".sb-check").click()
    page.wait_for_function("el => el.querySelector('.sb-fb .sb-v') !== null",
                           arg=li.element_handle())
    return li


def test_the_student_site_works_from_disk(built, page, book_items):
    site = built("student")
    page.goto((site / "index.html").as_uri())
    page.locator("a", has_text="The document").first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and page.url.endswith("book/document.html")
    assert page.locator("#p2\\.s4 .sb-pagebreak").count() == 1
    page.goto((site / "book" / "document.html").as_uri())
    page.wait_for_function("document.querySelector('.sb-set.sb-js')")
    li = answer_first_item(page, book_items)
    assert "Correct" in li.locator(".sb-fb .sb-v").inner_text()
    assert [u for u in page.requests if not u.startswith(("file:", "data:", "blob:"))] == []


def test_the_student_site_works_under_a_sub_path(built, page, serve, tmp_path, foreign, book_items):
    host_root = tmp_path / "host"
    shutil.copytree(built("student"), host_root / "courses" / "korea-1951")
    base = serve(host_root)
    failed = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(base + "courses/korea-1951/index.html")
    page.locator("a", has_text="Review and writing task").first.click()
    page.wait_for_load_state("networkidle")
    assert "/courses/korea-1951/book/review.html" in page.url
    page.wait_for_function("document.querySelector('.sb-set.sb-js')")
    li = answer_first_item(page, book_items)
    assert "Correct" in li.locator(".sb-fb .sb-v").inner_text()
    assert failed == []
    assert foreign(page.requests, base) == []


@pytest.mark.parametrize("edition", ["student", "instructor"])
def test_every_page_loads_nothing_from_other_hosts(built, browser, serve, foreign, edition):
    site = built(edition)
    base = serve(site)
    context = browser.new_context()
    outside = {}
    for rel in site_pages(site):
        page = context.new_page()
        requests = []
        page.on("request", lambda r, requests=requests: requests.append(r.url))
        page.goto(base + rel, wait_until="networkidle")
        if foreign(requests, base):
            outside[rel] = foreign(requests, base)
        page.close()
    context.close()
    assert outside == {}


@pytest.mark.parametrize("edition", ["student", "instructor"])
def test_axe_finds_no_violation_on_any_page(built, browser, serve, edition):
    from axe_playwright_python.sync_playwright import Axe
    site = built(edition)
    base = serve(site)
    context = browser.new_context()
    axe = Axe()
    found = {}
    for rel in site_pages(site):
        page = context.new_page()
        page.goto(base + rel, wait_until="networkidle")
        violations = axe.run(page).response["violations"]
        if violations:
            found[rel] = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in violations]
        page.close()
    context.close()
    assert found == {}


def test_no_page_scrolls_sideways_on_a_phone(built, browser, serve):
    """390 px, a common phone: the page may scroll inside a wide table's own box, never as a
    whole (a long URL or a menu of long options once pushed the memo's page to 544 px)."""
    site = built("student")
    base = serve(site)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    wide = {}
    for rel in site_pages(site):
        if rel == "index.html":
            continue                                  # the redirect to the first chapter
        page.goto(base + rel)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            wide[rel] = width
    context.close()
    assert wide == {}
