"""A hostile import corpus: prototype keys, script in every string, unknown ids, wrong shapes,
huge files. For each: no dialog, no script run, Object.prototype untouched, no answer lost, and
Export still works afterwards (issue 12, point 4)."""

from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace

import pytest

from .pages import MEMO, SEED, answer, press_check, seed_script, widget_page

SOON = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
SCRIPT = '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2</script>'


@pytest.fixture(scope="module")
def site(tmp_path_factory, serve):
    folder, items, ctx = widget_page(tmp_path_factory.mktemp("hostile"))
    return SimpleNamespace(url=serve(folder) + "index.html", by_id={i.id: i for i in items})


def base(**over):
    d = {"format": "sourcebook-answers", "version": 2,
         "book": {"id": "widget-test", "content_version": "1"},
         "student": {"name": "Mallory", "id": ""}, "assignment": None, "seed": SEED,
         "exported_at": "2026-01-12T10:00:00.000Z", "responses": {}, "notes": {}}
    d.update(over)
    return d


def entry(response, when="2099-01-01T00:00:00Z", **over):
    e = {"response": response, "attempts": 1, "history": [response], "first_at": when,
         "last_at": when, "source": MEMO}
    e.update(over)
    return e


PROTO_TEXT = ('{"format":"sourcebook-answers","version":2,"book":{"id":"widget-test",'
              '"content_version":"1"},"student":{"name":"M","id":""},"seed":"%s",'
              '"exported_at":"2026-01-12T10:00:00Z",'
              '"responses":{"__proto__":{"response":"B","attempts":1,"polluted":"yes"},'
              '"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"response":"A"}},'
              '"notes":{"__proto__":{"B":"%s"},"constructor":{"prototype":{"polluted":"yes"}},'
              '"%s":{"__proto__":{"polluted":"yes"},"p1":{"x":1}}},"__proto__":{"polluted":"yes"}}'
              % (SEED, "<script>alert(1)</script>", MEMO))

CORPUS = {
    "__proto__ everywhere": PROTO_TEXT,
    "constructor.prototype": json.dumps(base(responses={"constructor": {"prototype": {"polluted": 1}}},
                                             notes={"constructor": {"prototype": "x"}})),
    "script in every string": json.dumps(base(
        student={"name": SCRIPT, "id": SCRIPT},
        responses={"v-sc": entry(SCRIPT), "v-dt": entry(SCRIPT, draft=SCRIPT, draft_at=SCRIPT),
                   "v-clz": entry([SCRIPT, SCRIPT, SCRIPT]), "v-mat": entry({SCRIPT: SCRIPT}),
                   "v-sa": entry({"text": SCRIPT, "self": [True, False]}), SCRIPT: entry("B")},
        notes={MEMO: {"p2": SCRIPT, SCRIPT: SCRIPT}, SCRIPT: {"p1": SCRIPT}})),
    "unknown ids and sources": json.dumps(base(
        responses={"no-such-item": entry("B"), "v-sc": entry("B", source="../../etc"),
                   "": entry("A"), "a:b": entry("A")},
        notes={"another-source": {"p1": "x"}, MEMO: {"p999999": "x", "not-a-paragraph": "x"}})),
    "wrong shapes": json.dumps(base(responses={"v-sc": "B", "v-tf": [1, 2], "v-ms": None,
                                               "v-dt": {"attempts": "many", "response": 1},
                                               "v-ord": entry(None, attempts=-5)},
                                    notes=[1, 2, 3], student="Mallory")),
    "newer junk does not replace a checked answer": json.dumps(base(   # an hour ahead
        responses={"v-sc": entry({"x": 1}, when=SOON), "v-ms": entry("not a list", when=SOON),
                   "v-clz": entry([1, 2, 3], when=SOON)})),
    "old timestamps lose to newer local answers": json.dumps(base(
        responses={"v-sc": entry("A", when="2000-01-01T00:00:00Z")})),
    "a huge file": "{" + '"x":"' + "y" * (6 * 1024 * 1024) + '"}',
    "deeply nested": "[" * 5000 + "]" * 5000,
    "numbers as text": json.dumps(base(version="2")),
}


@pytest.mark.parametrize("case", list(CORPUS))
def test_a_hostile_import_changes_nothing_it_should_not(browser, site, tmp_path, case):
    ctx = browser.new_context(accept_downloads=True)
    page = ctx.new_page()
    dialogs, errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(seed_script())
    page.goto(site.url)
    page.wait_for_function("document.querySelector('.sb-set.sb-js')")
    li = page.locator("#sb-v-sc")                          # work the student must not lose
    answer(li, site.by_id["v-sc"], "B")
    press_check(li)
    page.locator(".sb-note summary").first.click()
    page.locator("textarea[data-note=p1]").fill("my own note")

    path = tmp_path / "hostile.json"
    path.write_text(CORPUS[case], encoding="utf-8")
    page.locator(".sb-set .sb-impf").set_input_files(str(path))
    msg = page.locator(".sb-set .sb-msg")
    page.wait_for_function("([m, r]) => m.textContent.length > 0 || !r.hidden",
                           arg=[msg.element_handle(), page.locator(".sb-set .sb-review").element_handle()])
    apply = page.locator(".sb-set .sb-apply")
    if apply.count():
        apply.click()
    # every re-check of an imported answer has finished (the kit counts them on li[data-verifying])
    page.wait_for_function("!document.querySelector('.sb-item[data-verifying]')")

    assert dialogs == [] and errors == []
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("() => { const o = {}; return [o.polluted, o.B, o.response, "
                         "Object.prototype.polluted, typeof Object.prototype.B]; }") == \
        [None, None, None, None, "undefined"]
    assert page.locator("main img, main script:not([type])").count() == 0
    assert page.evaluate("sourcebook.get(document.getElementById('sb-v-sc'), 'single-choice')") == "B"
    assert li.locator(".sb-v").text_content().startswith("✔ Correct.")
    assert page.locator("textarea[data-note=p1]").input_value().startswith("my own note")
    keys = page.evaluate("Object.keys(localStorage)")
    assert all(k.startswith("sourcebook:widget-test:") for k in keys), keys
    assert not any("<" in k or ".." in k or "no-such" in k for k in keys), keys

    page.locator(".sb-set .sb-who").fill("Ada")           # Export still works
    with page.expect_download() as dl:
        page.locator(".sb-set .sb-exp").click()
    out = tmp_path / "out.json"
    dl.value.save_as(out)
    data = json.loads(out.read_text("utf-8"))
    assert data["responses"]["v-sc"]["response"] == "B"
    assert data["notes"][MEMO]["p1"].startswith("my own note")
    assert set(data["responses"]) <= set(site.by_id)
    assert "Exported" in msg.text_content()
    if case == "script in every string":      # a valid answer holding script: shown as text only
        assert page.locator("#sb-v-sa .sb-t").input_value() == SCRIPT
        assert page.locator("#sb-v-dt .sb-d").input_value() == ""     # not a date: left out
    if case == "newer junk does not replace a checked answer":
        assert "3 entries in the file this book does not know are left out" in \
            page.locator(".sb-set .sb-review").text_content()
    ctx.close()
