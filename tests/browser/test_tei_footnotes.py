"""A lesson imported from TEI builds with its footnotes and shows them in Chromium: on the
document and in the close-reader each call-out is reached with Tab, Enter jumps to the numbered
note, and the note's back link returns to the call-out. At phone width the notes stay inside
the page. The book is the tiny fixture book plus the TEI document (a build of seconds)."""

from __future__ import annotations

import re

import pytest

from conftest import copy_tiny_book
from unit.authoring.test_new_command import TEI, TELEGRAM, run_new

pytestmark = pytest.mark.build

GUIDE = f"""\
source: {TELEGRAM}
lenses:
  - {{id: sourcing, question: "Who sent it?", passages: [p1.s1], notices: The Secretary.}}
  - {{id: contextualization, question: "When?", passages: [p1.s2], notices: March 1951.}}
  - {{id: close-reading, question: "Which words?", passages: [p1.s3], notices: Informed.}}
  - {{id: corroboration, question: "What else?", passages: [p2.s1], notices: The footnote.}}
"""


@pytest.fixture(scope="module")
def built_page(tmp_path_factory):
    """The telegram's chapter in the built site: (html folder, its path in the site)."""
    from sourcebook.sphinx.book_build import build_book
    book = copy_tiny_book(tmp_path_factory.mktemp("tei-browser") / "book")
    result = run_new(book, TEI / "volume.xml", "--document", "d53")
    assert result.exit_code == 0, result.output
    guides = book / "book" / "data" / "guides"
    guides.mkdir(parents=True, exist_ok=True)
    (guides / f"{TELEGRAM}.yml").write_text(GUIDE, encoding="utf-8")
    chapter = book / "book" / "sources" / f"{TELEGRAM}.md"
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text.replace("## Reading the apparatus", f"## Close reading\n\n"
                                    f"```{{close-reader}} {TELEGRAM}\n```\n\n"
                                    "## Reading the apparatus", 1), encoding="utf-8")
    out = build_book(book, "student", book / "_build" / "student")
    return out, f"book/sources/{TELEGRAM}.html"


@pytest.fixture(scope="module")
def site(built_page, serve):
    out, chapter = built_page
    return serve(out) + chapter


def test_the_page_has_every_footnote_linked_both_ways(built_page):
    out, chapter = built_page
    page = (out / chapter).read_text(encoding="utf-8")
    for n in (1, 2, 3):
        assert f'href="#{TELEGRAM}-fn-{n}"' in page and f'id="{TELEGRAM}-fn-{n}"' in page
        assert f'href="#{TELEGRAM}-fnref-{n}"' in page
    assert re.search(r'<p class="sb-signature">Acheson</p>', page)


def tab_to(page, selector: str, limit: int = 200) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement === document.querySelector(s)", selector):
            return
    raise AssertionError(f"{selector} is not reachable with Tab")


@pytest.mark.parametrize("prefix", [TELEGRAM, f"sbr-{TELEGRAM}"])
def test_footnotes_are_reached_by_keyboard_and_lead_back(page, site, prefix):
    page.goto(site)
    page.wait_for_function("document.querySelector('.sb-reader.sb-js, .sb-set.sb-js')")
    tab_to(page, f'a[href="#{prefix}-fn-3"]')
    page.keyboard.press("Enter")
    page.wait_for_function(f"location.hash === '#{prefix}-fn-3'")
    note = page.locator(f"#{prefix}-fn-3")
    assert note.is_visible() and "No such report has been found" in note.inner_text()
    note.locator("a.sb-fn-back").focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"location.hash === '#{prefix}-fnref-3'")
    assert page.locator(f"#{prefix}-fnref-3").is_visible()


def test_notes_fit_a_phone_screen(page, site):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site)
    for prefix in (TELEGRAM, f"sbr-{TELEGRAM}"):
        box = page.locator(f"#{prefix}-fn-1").bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390


def test_the_page_with_footnotes_passes_axe(page, site):
    from axe_playwright_python.sync_playwright import Axe
    page.goto(site)
    page.wait_for_function("document.querySelector('.sb-reader.sb-js, .sb-set.sb-js')")
    result = Axe().run(page, context={"include": [[".sb-document"], [".sb-reader"]]},
                       # preload off: axe would fetch the theme's @import relative to the page
                       options={"resultTypes": ["violations"], "preload": False,
                                "runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                            "best-practice"]})
    assert result.violations_count == 0, result.generate_report()
