"""The author guide's worked item type works on a built page: a tiny book whose `book/_ext/`
holds the guide's Python and JavaScript modules (taken from the guide's code blocks), registered
through the guide's `_config.yml` lines, with one exercise of that type. In Chromium a wrong
number is not right, a right one (within the tolerance) is correct and opens the explanation,
and the exported answers file holds the response; the same in the notebook widget, from the
build's student bundle. A missing JS module fails the build; a broken one fails the checks."""

from __future__ import annotations

import json

import pytest

from guide_item_type import forgotten_afterwards, guide_book

from .pages import press_check
from .test_anywidget import HOST

from conftest import MEMO, ROOT

TINY = ROOT / "tests" / "fixtures" / "tiny-book"
pytestmark = pytest.mark.build            # a tiny book, built with Sphinx (a few seconds)


@pytest.fixture(scope="module")
def site(tmp_path_factory, serve, browser):
    from sourcebook.sphinx.book_build import build_book
    book, item = guide_book(tmp_path_factory.mktemp("guide-type"), tiny=TINY,
                            memo_files=[ROOT / "seeds" / f"{MEMO}{x}" for x in (".txt", ".yml")])
    with forgotten_afterwards():            # the build's Sphinx registers the lesson's type
        html = build_book(book, "student", book / "_build" / "student")
    return serve(html), html, item


def verdict_after_check(li, text: str) -> str:
    li.locator(".sb-num").fill(text)
    press_check(li)
    return li.locator(".sb-fb .sb-v").inner_text()


def test_the_guides_number_type_checks_on_the_page_and_exports(page, site, tmp_path):
    base, html, item = site
    memo_page = (html / "book" / "memo.html").read_text(encoding="utf-8")
    assert 'data-type="number"' in memo_page
    assert "eight days" not in memo_page                      # the explanation is encrypted
    page.goto(base + "book/memo.html")
    page.wait_for_function("document.querySelector('.sb-set.sb-js')")
    li = page.locator(f"#sb-{item['id']}")

    assert "Write a whole number" in verdict_after_check(li, "eight")
    assert "Not right yet" in verdict_after_check(li, "11")
    assert li.locator(".sb-ex").is_hidden()
    assert "Correct" in verdict_after_check(li, "9")          # 8, within the tolerance of 1
    assert "eight days" in li.locator(".sb-ex").inner_text()
    assert li.locator(".sb-att").text_content() == "Attempts: 2"

    page.locator("#sb-set-memo .sb-who").fill("Ada")
    with page.expect_download() as download:
        page.locator("#sb-set-memo .sb-exp").click()
    path = tmp_path / "ada.json"
    download.value.save_as(path)
    kept = json.loads(path.read_text("utf-8"))["responses"][item["id"]]
    assert kept["response"] == "9" and kept["history"] == ["11", "9"]


def test_the_guides_number_type_checks_in_the_notebook_widget(page, site, serve, tmp_path):
    base, html, item = site
    static = html / "_static"
    student = json.loads((static / "sourcebook-student.json").read_text(encoding="utf-8"))
    (tmp_path / "widget.mjs").write_text(student["widget_module"], encoding="utf-8")
    css = (static / "sourcebook.css").read_text(encoding="utf-8")
    (tmp_path / "index.html").write_text(HOST % css, encoding="utf-8")
    model = {"html": student["sets"]["memo"], "answers": {}}
    page.add_init_script("window.MODEL = " + json.dumps(model) + ";")
    page.goto(serve(tmp_path) + "index.html")
    page.wait_for_function("window.widgetReady === true")
    li = page.locator(f"#sb-{item['id']}")
    assert "Not right yet" in verdict_after_check(li, "6")
    assert "Correct" in verdict_after_check(li, "8")
    assert "eight days" in li.locator(".sb-ex").inner_text()
    page.wait_for_function(f"(window.saved.at(-1) || {{responses: {{}}}}).responses['{item['id']}']"
                           "?.response === '8'")
