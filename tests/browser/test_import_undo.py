"""Undo after an import: the student's answers, notes and seed are back exactly as they were
(toolbar.js: "Undo the import")."""

from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace

import pytest

from .pages import MEMO, SEED, answer, press_check, seed_script, widget_page

# Newer than the answers the test gives on the page, so the import replaces them (a time far in
# the future is not believed).
LATER = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture(scope="module")
def site(tmp_path_factory, serve):
    folder, items, ctx = widget_page(tmp_path_factory.mktemp("undo"))
    return SimpleNamespace(url=serve(folder) + "index.html", by_id={i.id: i for i in items})


def answers_file(responses: dict, notes: dict) -> str:
    def entry(response):
        return {"response": response, "attempts": 1, "history": [response], "first_at": LATER,
                "last_at": LATER, "source": MEMO}
    return json.dumps({
        "format": "sourcebook-answers", "version": 2,
        "book": {"id": "widget-test", "content_version": "1"},
        "student": {"name": "Ada", "id": ""}, "assignment": None, "seed": SEED,
        "exported_at": LATER, "responses": {k: entry(v) for k, v in responses.items()},
        "notes": notes})


def stored_state(page) -> dict:
    return page.evaluate("() => Object.fromEntries(Object.keys(localStorage)"
                         ".filter(k => k.startsWith('sourcebook:')).map(k => [k, localStorage.getItem(k)]))")


def test_undo_after_an_import_puts_back_every_answer_and_note(page, site, tmp_path):
    page.add_init_script(seed_script())
    page.goto(site.url)
    page.wait_for_function("document.querySelector('.sb-set.sb-js')")
    sc = page.locator("#sb-v-sc")
    answer(sc, site.by_id["v-sc"], "B")
    press_check(sc)
    page.locator(".sb-note summary").first.click()
    page.locator("textarea[data-note=p1]").fill("my own note")
    page.wait_for_timeout(300)                             # notes are saved as they are typed
    before = stored_state(page)
    assert any(k.endswith(":v-sc") for k in before)

    get = "([id, t]) => sourcebook.get(document.getElementById('sb-' + id), t)"
    path = tmp_path / "answers-from-another-computer.json"
    path.write_text(answers_file({"v-sc": "A", "v-tf": True},
                                 {MEMO: {"p1": "the file's note"}}), encoding="utf-8")
    page.locator(".sb-set .sb-impf").set_input_files(str(path))
    page.locator(".sb-set .sb-apply").wait_for()
    assert "3 changes to make" in page.locator(".sb-set .sb-review").text_content()
    page.locator(".sb-set .sb-apply").click()

    page.wait_for_function(f"() => ({get})(['v-sc', 'single-choice']) === 'A'")
    assert page.evaluate(get, ["v-tf", "true-false"]) is True
    assert page.locator("textarea[data-note=p1]").input_value() == "my own note\n\nthe file's note"
    assert stored_state(page) != before

    page.locator(".sb-set .sb-undo").click()
    assert "Import undone" in page.locator(".sb-set .sb-msg").text_content()
    assert page.evaluate(get, ["v-sc", "single-choice"]) == "B"
    assert page.evaluate(get, ["v-tf", "true-false"]) in (None, "")
    assert page.locator("textarea[data-note=p1]").input_value() == "my own note"
    assert stored_state(page) == before                    # nothing added, nothing left changed
    page.reload()
    page.wait_for_function("document.querySelector('.sb-set.sb-js')")
    assert page.evaluate(get, ["v-sc", "single-choice"]) == "B"
    assert page.locator("textarea[data-note=p1]").input_value() == "my own note"
