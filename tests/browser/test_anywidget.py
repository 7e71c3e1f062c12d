"""The notebook widget's front end (render/assets/widget.js, bundled as one ES module) in
Chromium with a stand-in for anywidget's model: the same controls and verdicts as the page, the
answers kept in the model (never in localStorage), and the answers file it starts from shown."""

from __future__ import annotations

import json

import pytest

from sourcebook.notebook import widget as live
from sourcebook.render import static

from .pages import MEMO, SEED, answer, press_check, reader_html, vector_ctx, vector_items

HOST = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>widget</title><link rel="icon" href="data:,">
<style>%s</style></head><body><main><div id="out"></div></main>
<script type="module">
import widget from './widget.mjs';
const values = new Map(Object.entries(window.MODEL));
window.saved = [];
const model = {get: k => values.get(k), set: (k, v) => values.set(k, v),
               save_changes: () => window.saved.push(JSON.parse(JSON.stringify(values.get('answers')))),
               on() {}, off() {}};
widget.render({model, el: document.getElementById('out')});
window.widgetReady = true;
</script></body></html>"""


@pytest.fixture(scope="module")
def host(tmp_path_factory, serve):
    folder = tmp_path_factory.mktemp("anywidget")
    esm, css = live._front_end()
    (folder / "widget.mjs").write_text(esm, encoding="utf-8")
    (folder / "index.html").write_text(HOST % css, encoding="utf-8")
    ctx = vector_ctx()
    html = static.render_items(vector_items(), ctx, set_id="nb", title="Notebook", source=MEMO)
    return serve(folder) + "index.html", html, {i.id: i for i in vector_items()}, ctx


def opened(page, url, html, answers):
    page.add_init_script("window.MODEL = " + json.dumps({"html": html, "answers": answers}) + ";")
    page.goto(url)
    page.wait_for_function("window.widgetReady === true")


def test_the_widget_checks_like_the_page_and_keeps_answers_in_its_model(page, host):
    url, html, items, ctx = host
    start = {"format": "sourcebook-answers", "version": 2,
             "book": {"id": "widget-test", "content_version": "1"},
             "student": {"name": "Ada", "id": ""}, "seed": SEED, "responses": {
                 "v-dt": {"response": "12 January 1951", "attempts": 1,
                          "history": ["12 January 1951"], "first_at": "2026-01-12T10:00:00Z",
                          "last_at": "2026-01-12T10:00:00Z", "source": MEMO}}, "notes": {}}
    opened(page, url, html, start)
    dt = page.locator("#sb-v-dt")
    assert dt.locator(".sb-d").input_value() == "12 January 1951"
    dt.locator(".sb-v.sb-correct").wait_for()             # verified again, no attempt added
    assert dt.locator(".sb-att").text_content() == "Attempts: 1"
    sc = page.locator("#sb-v-sc")
    assert sc.locator(".sb-opts input").evaluate_all("e => e.map(x => x.value)") == \
        __import__("sourcebook.items.shuffle", fromlist=["deal"]).deal(SEED, "v-sc", list("ABCD"))
    answer(sc, items["v-sc"], "A")
    press_check(sc)
    assert sc.locator(".sb-v").text_content().startswith("✘ Not right yet.")
    assert sc.locator(".sb-of").text_content() == "Acheson received it."
    answer(sc, items["v-sc"], "B")
    press_check(sc)
    assert sc.locator(".sb-v").text_content().startswith("✔ Correct.")
    page.wait_for_function("window.saved.length > 0 && "
                           "window.saved.at(-1).responses['v-sc']?.attempts === 2")
    last = page.evaluate("window.saved.at(-1)")
    assert last["responses"]["v-sc"]["history"] == ["A", "B"]
    assert last["responses"]["v-dt"]["response"] == "12 January 1951"
    assert last["seed"] == SEED and last["student"]["name"] == "Ada"
    assert page.evaluate("localStorage.length") == 0


def test_the_reader_in_a_widget(page, host):
    url, _, _, ctx = host
    opened(page, url, reader_html(ctx), {})
    page.locator(".sb-note summary").first.click()
    page.locator("textarea[data-note=p1]").fill("<i class=mine>mine</i>")
    page.wait_for_function("window.saved.length && window.saved.at(-1).notes")
    assert page.evaluate("window.saved.at(-1).notes")[MEMO]["p1"] == "<i class=mine>mine</i>"
    page.locator(".sb-lenses button").first.click()
    assert page.locator(".sb-lp:visible").count() == 1
    assert page.locator("main .mine").count() == 0
