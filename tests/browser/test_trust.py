"""Issue 12 on the page: honest verdicts, per-student order, storage failures shown at once.

(The hostile import corpus is tests/browser/test_hostile_import.py.)"""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from sourcebook.items.check import perfect_response
from sourcebook.items.shuffle import deal

from .pages import MEMO, SEED, answer, press_check, seed_script, widget_page


@pytest.fixture(scope="module")
def site(tmp_path_factory, serve):
    folder, items, ctx = widget_page(tmp_path_factory.mktemp("trust"))
    return SimpleNamespace(url=serve(folder) + "index.html", items=items, ctx=ctx,
                           by_id={i.id: i for i in items})


def opened(page, url, seed=SEED):
    if seed:
        page.add_init_script(seed_script(seed=seed))
    page.goto(url)
    page.wait_for_function("document.querySelector('.sb-set.sb-js')")
    return page


def item(page, item_id):
    return page.locator(f"#sb-{item_id}")


def shown_options(li):
    return li.locator(".sb-opts input").evaluate_all("els => els.map(e => e.value)")


def stored(page, item_id):
    return page.evaluate(f"JSON.parse(localStorage.getItem('sourcebook:widget-test:{MEMO}:{item_id}'))")


def test_changing_a_checked_answer_clears_its_verdict_and_keeps_a_draft(page, site):
    opened(page, site.url)
    li = item(page, "v-sc")
    answer(li, site.by_id["v-sc"], "B")
    press_check(li)
    assert li.locator(".sb-v").text_content().startswith("✔ Correct.")
    assert li.locator(".sb-ex").is_visible()
    answer(li, site.by_id["v-sc"], "A")                   # changed, not checked
    assert li.locator(".sb-v").text_content() == "○ Not checked yet. Press Check when you are ready."
    assert li.locator(".sb-ex").is_hidden() and "Correct" not in li.locator(".sb-fb").text_content()
    s = stored(page, "v-sc")
    assert (s["response"], s["draft"], s["attempts"], s["history"]) == ("B", "A", 1, ["B"])
    assert page.locator(".sb-set .sb-prog").text_content().endswith("0 correct")
    answer(li, site.by_id["v-sc"], "B")                   # back to the checked answer
    assert li.locator(".sb-v").text_content().startswith("✔ Correct.")
    assert "draft" not in stored(page, "v-sc")
    dt = item(page, "v-dt")                               # typed, never checked: nothing counts
    dt.locator(".sb-d").fill("12 January 1951")
    s = stored(page, "v-dt")
    assert s["response"] is None and s["draft"] == "12 January 1951" and s["attempts"] == 0
    assert dt.locator(".sb-fb").text_content() == ""


def test_an_untouched_ordering_is_not_answered(page, site):
    opened(page, site.url)
    li, it = item(page, "v-ord"), site.by_id["v-ord"]
    ids = [e.id for e in it.entries]
    start = deal(SEED, it.id, ids, avoid_identity=True)
    page.wait_for_function("ids => [...document.querySelectorAll('#sb-v-ord .sb-ord > li')]"
                           ".map(e => e.dataset.k).join() === ids.join()", arg=start)
    press_check(li)
    assert li.locator(".sb-v").text_content().startswith(
        "? Move the entries into order first")
    assert li.locator(".sb-att").text_content() == ""
    answer(li, it, perfect_response(it, site.ctx))
    press_check(li)
    assert li.locator(".sb-v").text_content().startswith("✔ Correct.")


def test_options_are_dealt_per_student_and_stay_put_across_reloads(browser, site):
    orders = {}
    for seed in ("0000000000000001", "00000000000000aa", "123456789abcdef0"):
        ctx = browser.new_context()
        page = opened(ctx.new_page(), site.url, seed=seed)
        shown = shown_options(item(page, "v-sc"))
        assert shown == deal(seed, "v-sc", ["A", "B", "C", "D"])
        page.reload()
        page.wait_for_function("document.querySelector('.sb-set.sb-js')")
        assert shown_options(item(page, "v-sc")) == shown
        orders[seed] = tuple(shown)
        ctx.close()
    assert len(set(orders.values())) > 1


def test_a_fresh_browser_makes_and_keeps_its_own_seed(page, site):
    opened(page, site.url, seed=None)
    seed = page.evaluate("JSON.parse(localStorage.getItem('sourcebook:widget-test:seed'))")
    assert len(seed) == 16 and int(seed, 16) >= 0 and seed != SEED
    ms = shown_options(item(page, "v-ms"))
    assert ms == deal(seed, "v-ms", ["A", "B", "C", "D"])
    page.reload()
    page.wait_for_function("document.querySelector('.sb-set.sb-js')")
    assert page.evaluate("JSON.parse(localStorage.getItem('sourcebook:widget-test:seed'))") == seed
    assert shown_options(item(page, "v-ms")) == ms


def test_select_all_and_mark_everything_earn_nothing_on_the_page(page, site):
    opened(page, site.url)
    ms = item(page, "v-ms3")
    answer(ms, site.by_id["v-ms3"], ["A", "B", "C", "D", "E"])
    press_check(ms)
    v = ms.locator(".sb-v").text_content()
    assert v.startswith("◐ Not fully right yet.") and "point" not in v
    assert "3 of your picks are right; 2 are not." in v
    mw = item(page, "v-mw")
    answer(mw, site.by_id["v-mw"], list(range(35)))
    press_check(mw)
    assert "point" not in mw.locator(".sb-v").text_content()
    assert mw.locator(".sb-ex").is_hidden()


def _export_text(page, tmp_path):
    page.locator(".sb-set .sb-who").fill("Ada")
    with page.expect_download() as dl:
        page.locator(".sb-set .sb-exp").click()
    path = tmp_path / "a.json"
    dl.value.save_as(path)
    return json.loads(path.read_text("utf-8"))


def test_storage_full_is_said_at_once_and_answers_still_export(page, site, tmp_path):
    opened(page, site.url)
    page.evaluate("() => { Storage.prototype.setItem = function () {"
                  " throw new DOMException('full', 'QuotaExceededError'); }; }")
    li = item(page, "v-sc")
    answer(li, site.by_id["v-sc"], "B")
    press_check(li)
    alert = page.locator(".sb-set .sb-alert")
    assert alert.is_visible() and "storage is full" in alert.text_content()
    assert alert.get_attribute("role") == "alert"
    assert li.locator(".sb-v").text_content().startswith("✔ Correct.")
    data = _export_text(page, tmp_path)
    assert data["responses"]["v-sc"]["response"] == "B"
    assert "memory" in page.locator(".sb-set .sb-msg").text_content()


def test_storage_blocked_is_said_at_once_and_export_is_never_empty(browser, site, tmp_path):
    ctx = browser.new_context(accept_downloads=True)
    page = ctx.new_page()
    page.add_init_script("Object.defineProperty(window, 'localStorage', {get() {"
                         "throw new DOMException('blocked', 'SecurityError')}})")
    page.goto(site.url)
    page.wait_for_function("document.querySelector('.sb-set.sb-js')")
    alert = page.locator(".sb-set .sb-alert")
    assert alert.is_visible() and "storage is blocked" in alert.text_content()
    page.locator(".sb-set .sb-who").fill("Ada")
    page.locator(".sb-set .sb-exp").click()               # nothing yet: no empty file
    assert "nothing to export yet" in page.locator(".sb-set .sb-msg").text_content()
    li = item(page, "v-tf")
    answer(li, site.by_id["v-tf"], False)
    press_check(li)
    data = _export_text(page, tmp_path)
    assert data["responses"]["v-tf"]["response"] is False and data["seed"]
    ctx.close()


def test_notes_have_a_visible_limit(page, site, tmp_path):
    opened(page, site.url)
    note = page.locator("textarea[data-note=p1]")
    page.locator(".sb-note summary").first.click()
    assert note.get_attribute("maxlength") == "20000"
    note.fill("x" * 25_000)
    assert len(note.input_value()) == 20_000
    count = page.locator("#" + note.get_attribute("aria-describedby"))
    assert count.is_visible() and count.text_content() == "20,000 of 20,000 characters."
    data = _export_text(page, tmp_path)
    assert len(data["notes"][MEMO]["p1"]) == 20_000 and data["notes_truncated"] == []


def test_on_a_page_without_webcrypto_check_says_why(browser, site):
    """Plain http on another host has no crypto.subtle: Check says what to do, nothing breaks."""
    ctx = browser.new_context()
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.add_init_script("Object.defineProperty(window.crypto, 'subtle', {get: () => undefined});")
    page.goto(site.url)
    page.wait_for_function("document.querySelector('.sb-set.sb-js')")
    li = item(page, "v-sc")
    answer(li, site.by_id["v-sc"], "B")
    li.locator(".sb-check").click()
    assert "Checking needs a secure page" in li.locator(".sb-fb").text_content()
    page.wait_for_timeout(200)
    assert errors == []
    ctx.close()
