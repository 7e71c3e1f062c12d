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


DESK = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}

# At a phone's width: tables wider than their box, and words (letters and digits, 3 or more)
# split over two lines in a table's cell. Code and links to other sites may break anywhere (a
# URL must not widen the page); a break at a hyphen or a dash splits no word here.
TABLES_ON_A_PHONE = """() => {
  const wide = [], split = [];
  document.querySelectorAll('.bd-article table').forEach((table, k) => {
    const box = table.closest('.pst-scrollable-table-container') || table.parentElement;
    if (table.scrollWidth > box.clientWidth + 1) wide.push([k, table.scrollWidth - box.clientWidth]);
    const texts = document.createTreeWalker(table, NodeFilter.SHOW_TEXT, {acceptNode: n =>
      n.parentElement.closest('a.external, code, kbd, samp, pre') ? NodeFilter.FILTER_REJECT
                                                         : NodeFilter.FILTER_ACCEPT});
    const range = document.createRange();
    for (let node; (node = texts.nextNode());) {
      for (const m of node.data.matchAll(/[\\p{L}\\p{N}]{3,}/gu)) {
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (lines.size > 1) split.push(m[0]);
      }
    }
  });
  return {wide, split: split.slice(0, 8)};
}"""


def crawl(built, browser, serve, foreign, edition: str) -> dict:
    """One visit per page of an edition, collecting what each test below asserts: requests to
    other hosts (over the whole visit) and axe's violations at 1366 px, the page's width and
    its tables' (TABLES_ON_A_PHONE) at 390 px (a phone). One tab for the whole crawl: each page
    is loaded once at desk width, then the tab is narrowed to a phone's width (the theme's layout
    is CSS media queries). axe comes with every page as an init script (compiled once, not sent
    and parsed again per page)."""
    from axe_playwright_python.base import AXE_SCRIPT
    site = built(edition)
    base = serve(site)
    context = browser.new_context(viewport=DESK)
    context.add_init_script(AXE_SCRIPT)
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda r: requests.append(r.url))
    found = {"outside": {}, "axe": {}, "wide": {}, "tables": {}}
    for rel in site_pages(site):
        requests.clear()
        tab.set_viewport_size(DESK)
        tab.goto(base + rel, wait_until="load")
        if rel == "index.html":
            # only a redirect to the edition's first page, which the crawl visits in its turn
            tab.wait_for_url(lambda url: url != base + rel)         # and its load
            assert (site / tab.url.removeprefix(base)).is_file(), tab.url
        else:
            violations = tab.evaluate("axe.run({resultTypes: ['violations']})")["violations"]
            if violations:
                found["axe"][rel] = [(v["id"], [n["target"] for n in v["nodes"][:3]])
                                     for v in violations]
            tab.set_viewport_size(PHONE)
            width = tab.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                found["wide"][rel] = width
            tables = tab.evaluate(TABLES_ON_A_PHONE)
            if tables["wide"] or tables["split"]:
                found["tables"][rel] = tables
        if foreign(requests, base):
            found["outside"][rel] = foreign(requests, base)
    context.close()
    return found


@pytest.fixture(scope="module")
def crawled(built, browser, serve, foreign):
    cache = {}

    def get(edition):
        if edition not in cache:
            cache[edition] = crawl(built, browser, serve, foreign, edition)
        return cache[edition]
    return get


@pytest.mark.parametrize("edition", ["student"])      # instructor: test_site_instructor.py
def test_every_page_loads_nothing_from_other_hosts(crawled, edition):
    assert crawled(edition)["outside"] == {}


@pytest.mark.parametrize("edition", ["student"])
def test_axe_finds_no_violation_on_any_page(crawled, edition):
    assert crawled(edition)["axe"] == {}


@pytest.mark.parametrize("edition", ["student"])
def test_no_page_scrolls_sideways_on_a_phone(crawled, edition):
    """390 px, a common phone: the page may scroll inside a wide table's own box, never as a
    whole (a long URL or a menu of long options once pushed the memo's page to 544 px)."""
    assert crawled(edition)["wide"] == {}


@pytest.mark.parametrize("edition", ["student"])
def test_no_table_breaks_a_word_or_overflows_on_a_phone(crawled, edition):
    """390 px: a word split mid-word ("Pa/rt", "Janu/ary") is hard to read; a table too wide
    for the phone is stacked into cards (stacked_tables.py) rather than scrolled."""
    assert crawled(edition)["tables"] == {}
