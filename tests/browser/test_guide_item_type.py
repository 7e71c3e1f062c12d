"""The author guide's worked item type works on a built page: a tiny book whose `book/_ext/`
holds the guide's Python and JavaScript modules (taken from the guide's code blocks), registered
through the guide's `_config.yml` lines, with one exercise of that type. In Chromium a wrong
number is not right, a right one (within the tolerance) is correct and opens the explanation,
and the exported answers file holds the response; the same in the notebook widget, from the
build's student bundle. A missing JS module fails the build; a broken one fails the checks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from guide_item_type import config_lines, exercise_item, forgotten_afterwards, write_modules

from .pages import press_check
from .test_anywidget import HOST

from conftest import MEMO, ROOT

TINY = ROOT / "tests" / "fixtures" / "tiny-book"
pytestmark = pytest.mark.build            # a tiny book, built with Sphinx (a few seconds)


def guide_book(folder: Path) -> tuple[Path, dict]:
    """The tiny book with the guide's type in its book/_ext/ and one item of it (tolerance 1)."""
    book = folder / "tiny-book"
    shutil.copytree(TINY, book)
    (book / "seeds").mkdir()
    for suffix in (".txt", ".yml"):
        shutil.copy(ROOT / "seeds" / f"{MEMO}{suffix}", book / "seeds")
    write_modules(book / "book" / "_ext")
    config_file = book / "_config.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["sphinx"]["local_extensions"] = config_lines()["sphinx"]["local_extensions"]
    # as the lesson's own _config.yml: no theme-mode console error, no favicon 404
    config["sphinx"]["config"]["html_context"] = {"default_mode": "light"}
    (book / "book" / "images").mkdir()
    shutil.copy(ROOT / "book" / "images" / "favicon.png", book / "book" / "images")
    config["html"] = {"favicon": "book/images/favicon.png"}
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    item = {**exercise_item(), "objective": "memo-1", "tolerance": 1}
    exercises = book / "exercises" / "memo.yml"
    data = yaml.safe_load(exercises.read_text(encoding="utf-8"))
    data["items"].append(item)
    exercises.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                         encoding="utf-8")
    return book, item


@pytest.fixture(scope="module")
def site(tmp_path_factory, serve, browser):
    from sourcebook.sphinx.book_build import build_book
    book, item = guide_book(tmp_path_factory.mktemp("guide-type"))
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
