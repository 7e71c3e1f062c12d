"""The teacher's link (`?assignment=ID`) on a student page: the assignment is named with its
chapters, kept for later pages, and carried by the export; a build or an assignment that
requires a student id gets one before anything is downloaded."""

from __future__ import annotations

import dataclasses
import json

import pytest

from sourcebook.render import static

from .pages import MEMO, vector_ctx, vector_items, write_page

ASSIGNMENTS = [{"id": "week-3", "title": "Context and the memo", "due": "2027-01-20",
                "require_student_id": True,
                "chapters": [{"doc": "book/war", "title": "War in Korea"},
                             {"doc": "book/document", "title": "The document"}]}]


@pytest.fixture(scope="module")
def pages(tmp_path_factory, serve):
    ctx = vector_ctx()
    items = vector_items()[:2]
    out = {}
    for name, require in (("open", False), ("strict", True)):
        body = static.render_items(items, dataclasses.replace(ctx, require_student_id=require),
                                   set_id="s", title="Two questions", source=MEMO)
        body += ('<script type="application/json" id="sb-assignments">'
                 + json.dumps(ASSIGNMENTS) + "</script>")
        folder = write_page(tmp_path_factory.mktemp(name), body, "Assignment test")
        out[name] = serve(folder) + "index.html"
    return out


def download(page, name="Ada", sid=""):
    """Answer the first question, check it, and export: the download."""
    page.locator(".sb-set .sb-who").fill(name)
    page.locator(".sb-set .sb-stid").fill(sid)
    page.evaluate("() => { const i = document.querySelector('.sb-item input');"
                  "i.checked = true; i.dispatchEvent(new Event('change', {bubbles: true})); }")
    page.locator(".sb-set .sb-item .sb-check").first.click()
    page.wait_for_function("document.querySelector('.sb-item .sb-fb .sb-v')")
    with page.expect_download() as dl:
        page.locator(".sb-set .sb-exp").click()
    return dl


def export(page, tmp_path, name="Ada", sid=""):
    dl = download(page, name, sid)
    path = tmp_path / "a.json"
    dl.value.save_as(path)
    return json.loads(path.read_text("utf-8"))


def test_the_link_names_the_assignment_and_the_export_carries_it(browser, pages, tmp_path):
    ctx = browser.new_context(accept_downloads=True)
    page = ctx.new_page()
    page.goto(pages["open"] + "?assignment=week-3")
    note = page.locator(".sb-assignment")
    assert "Assignment: Context and the memo." in note.inner_text()
    assert note.locator("a").all_inner_texts() == ["War in Korea", "The document"]
    assert "<" not in note.inner_text()
    page.goto(pages["open"])                      # a later page without the link still knows it
    assert page.locator(".sb-assignment").count() == 1
    # the assignment asks for an id: Export waits for one
    page.locator(".sb-set .sb-who").fill("Ada")
    page.locator(".sb-set .sb-exp").click()
    assert "Type your student id too" in page.locator(".sb-set .sb-msg").inner_text()
    data = export(page, tmp_path, sid="s42")
    assert data["assignment"] == "week-3" and data["student"] == {"name": "Ada", "id": "s42"}
    ctx.close()


def test_a_build_that_requires_an_id_asks_for_it(browser, pages, tmp_path):
    ctx = browser.new_context(accept_downloads=True)
    page = ctx.new_page()
    page.goto(pages["strict"] + "?assignment=<script>")       # not an id: ignored
    assert page.locator(".sb-assignment").count() == 0
    assert page.locator(".sb-set .sb-stid").evaluate("e => e.labels[0].textContent") == "Student id"
    page.locator(".sb-set .sb-who").fill("Bo")
    page.locator(".sb-set .sb-exp").click()
    assert "Type your student id too" in page.locator(".sb-set .sb-msg").inner_text()
    data = export(page, tmp_path, name="Bo", sid="s7")
    assert data["assignment"] is None and data["student"]["id"] == "s7"
    ctx.close()


def test_the_export_file_keeps_the_students_name_as_typed(browser, pages, tmp_path):
    ctx = browser.new_context(accept_downloads=True)
    page = ctx.new_page()
    page.goto(pages["open"])
    dl = download(page, name="Sam O'Brien-Núñez")
    assert dl.value.suggested_filename.endswith("-answers-Sam_O_Brien-Núñez.json")
    ctx.close()
