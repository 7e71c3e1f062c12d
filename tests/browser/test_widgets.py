"""The static widgets in Chromium, as a student uses them: every item type right and wrong, hints,
progress, reload, export/import, keyboard only, hostile text, no foreign requests, axe."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import pytest

from sourcebook.model.answers import load_answers
from sourcebook.items.check import perfect_response
from sourcebook.grading.grade import grade
from sourcebook.items.page_parts import inline

from .pages import (MEMO, SEED, answer, book_page, press_check, seed_script, settle, widget_page,
                    wrong_response)

HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'


@pytest.fixture(scope="module")
def site(tmp_path_factory, serve):
    folder, items, ctx = widget_page(tmp_path_factory.mktemp("widgets"))
    return SimpleNamespace(url=serve(folder) + "index.html", items=items, ctx=ctx,
                           by_id={i.id: i for i in items})


@pytest.fixture
def student(page, site, foreign):
    """The widget page, opened with a known seed; afterwards no request may have left the local
    server."""
    page.add_init_script(seed_script())
    page.goto(site.url)
    page.wait_for_function("document.querySelector('.sb-set.sb-js')")
    yield page
    assert not foreign(page.requests, site.url), "requests to other hosts"


@pytest.fixture(scope="module")
def book_site(tmp_path_factory, serve):
    """The book's own sets and reader on one page, rendered once for the module (the tests only
    read it; each has its own browser context)."""
    folder, sets, ctx = book_page(tmp_path_factory.mktemp("book"))
    return SimpleNamespace(base=serve(folder), sets=sets, ctx=ctx)


def item(page, item_id):
    return page.locator(f"#sb-{item_id}")


def storage(page) -> dict:
    return page.evaluate("Object.fromEntries(Object.entries(localStorage))")


def export(page, tmp_path, name="Ada Lovelace"):
    page.locator(".sb-set .sb-who").fill(name)
    with page.expect_download() as dl:
        page.locator(".sb-set .sb-exp").click()
    path = tmp_path / "answers.json"
    dl.value.save_as(path)
    return path


# --------------------------------------------------------------------------- every item type

ITEM_IDS = ["v-sc", "v-ms", "v-ms3", "v-tf", "v-ord", "v-mat", "v-clz", "v-clz1", "v-ev",
            "v-ev1", "v-mw", "v-dt"]


@pytest.mark.parametrize("item_id", ITEM_IDS)
def test_wrong_then_right(student, site, item_id):
    it, li = site.by_id[item_id], item(student, item_id)
    answer(li, it, wrong_response(it, site.ctx))
    press_check(li)
    verdict = li.locator(".sb-fb .sb-v")
    assert re.match(r"^[✘◐] (Not right yet|Partly right|Not fully right yet)\.", verdict.text_content())
    assert verdict.locator("[aria-hidden=true]").count() == 1      # the icon; the words say it
    assert li.locator(".sb-ex").is_hidden()
    assert li.locator(".sb-att").text_content() == "Attempts: 1"

    answer(li, it, perfect_response(it, site.ctx))
    press_check(li)
    assert verdict.text_content().startswith(f"✔ Correct. {it.points:g} of {it.points:g} point")
    assert li.locator(".sb-ex").is_visible()
    assert inline(it.explanation) in li.locator(".sb-ex").inner_html()
    assert li.locator(".sb-att").text_content() == "Attempts: 2"
    assert li.locator(".sb-fb").get_attribute("role") == "status"


def test_option_feedback_opens_only_for_the_option_chosen(student):
    li = item(student, "v-sc")
    li.locator("input[value=D]").check()
    press_check(li)
    assert li.locator(".sb-of").count() == 0
    li.locator("input[value=A]").check()
    press_check(li)
    assert li.locator(".sb-of").text_content() == "Acheson received it."
    assert "Truman is talked about" not in student.content()


def test_unanswered_and_unreadable_answers_do_not_count(student):
    li = item(student, "v-dt")
    press_check(li)
    assert "Answer first, then press Check." in li.locator(".sb-fb").text_content()
    li.locator(".sb-d").fill("12/01/1951")
    li.locator(".sb-d").press("Enter")
    settle(li)
    assert "Write a date" in li.locator(".sb-fb").text_content()
    assert li.locator(".sb-att").text_content() == ""


def test_short_answer_is_recorded_then_self_assessed(student, site):
    li = item(student, "v-sa")
    assert li.locator(".sb-rub").is_hidden()
    li.locator(".sb-t").fill("Because Washington was debating an evacuation.")
    press_check(li)
    assert li.locator(".sb-fb").text_content().startswith("✎ Answer recorded: your teacher marks it.")
    assert li.locator(".sb-v").get_attribute("class") == "sb-v sb-recorded"
    recorded = li.locator(".sb-v").evaluate("e => getComputedStyle(e).backgroundColor")
    sc = item(student, "v-sc")
    answer(sc, site.by_id["v-sc"], "B")
    press_check(sc)
    assert sc.locator(".sb-v").evaluate("e => getComputedStyle(e).backgroundColor") != recorded
    rubric = li.locator(".sb-rub input[type=checkbox]")
    assert rubric.count() == 2 and li.locator(".sb-rub").is_visible()
    assert li.locator(".sb-rub").text_content().count("Names the evacuation debate.") == 1
    rubric.first.check()
    saved = json.loads(storage(student)[f"sourcebook:widget-test:{MEMO}:v-sa"])
    assert saved["response"] == {"text": "Because Washington was debating an evacuation.",
                                 "self": [True, False]}


def test_progress_line(student, site):
    prog = student.locator(".sb-set .sb-prog")
    assert prog.text_content() == f"0 of {len(site.items)} answered, 0 correct"
    li = item(student, "v-dt")
    answer(li, site.by_id["v-dt"], "1951-01-12")
    press_check(li)
    li = item(student, "v-ms")
    answer(li, site.by_id["v-ms"], ["A"])
    press_check(li)
    assert prog.text_content() == f"2 of {len(site.items)} answered, 1 correct"


def test_a_hint_reads_without_javascript_and_opens_by_keyboard(page, book_site):
    ctx = book_site.ctx
    page.goto(book_site.base + "index.html")
    hint = page.locator("#sb-doc-01 .sb-hint")
    assert hint.locator("p").is_hidden()
    hint.locator("summary").focus()
    page.keyboard.press("Enter")
    assert hint.locator("p").is_visible()
    assert "Who is the memorandum" in hint.text_content()
    key = f"sourcebook:{ctx.book_id}:{MEMO}:doc-01"    # the toggle event comes a moment later
    page.wait_for_function("k => (JSON.parse(localStorage.getItem(k)) || {}).hint === true", arg=key)


# --------------------------------------------------------------------------- persistence


def test_everything_survives_a_reload(student, site):
    done = {}
    for item_id in ("v-sc", "v-ord", "v-mat", "v-clz", "v-mw", "v-ev"):
        it, li = site.by_id[item_id], item(student, item_id)
        done[item_id] = perfect_response(it, site.ctx)
        answer(li, it, done[item_id])
        press_check(li)
    draft = item(student, "v-dt")
    draft.locator(".sb-d").fill("12 Jan")                 # typed, never checked
    note = student.locator("textarea[data-note=p2]")
    student.locator(".sb-note summary").nth(1).click()
    note.fill("Rusk wants to stay.")
    progress = student.locator(".sb-set .sb-prog").text_content()

    student.reload()
    student.wait_for_function("document.querySelector('.sb-set.sb-js')")
    assert student.locator(".sb-set .sb-prog").text_content() == progress == \
        f"6 of {len(site.items)} answered, 6 correct"
    for item_id, response in done.items():
        li = item(student, item_id)
        got = student.evaluate("([id, t]) => sourcebook.get(document.getElementById('sb-' + id), t)",
                               [item_id, site.by_id[item_id].type])
        assert got == response, item_id
        assert li.locator(".sb-v").text_content().startswith("✔ Correct.")
        assert li.locator(".sb-ex").is_visible()
        assert li.locator(".sb-att").text_content() == "Attempts: 1"
    assert draft.locator(".sb-d").input_value() == "12 Jan"
    assert draft.locator(".sb-fb").text_content() == ""
    assert note.input_value() == "Rusk wants to stay." and note.is_visible()


def test_a_verdict_stays_while_the_answer_is_the_one_checked(student, site):
    """Retyping the checked answer (input, then change on leaving the field) keeps its verdict
    after a reload; a different answer hides it until it is checked again."""
    same, other = item(student, "v-dt"), item(student, "v-clz")
    right = perfect_response(site.by_id["v-dt"], site.ctx)
    same.locator(".sb-d").fill(right)
    same.locator(".sb-d").press("Enter")
    settle(same)
    same.locator(".sb-d").fill("")
    same.locator(".sb-d").fill(right)
    same.locator(".sb-d").blur()
    answer(other, site.by_id["v-clz"], perfect_response(site.by_id["v-clz"], site.ctx))
    press_check(other)
    other.locator(".sb-blank").first.fill("something else")
    other.locator(".sb-blank").first.blur()

    student.reload()
    student.wait_for_function("document.querySelector('.sb-set.sb-js')")
    assert same.locator(".sb-v").text_content().startswith("✔ Correct.")
    assert other.locator(".sb-fb").text_content() == "○ Not checked yet. Press Check when you are ready."
    assert other.locator(".sb-ex").is_hidden()
    assert other.locator(".sb-blank").first.input_value() == "something else"


def test_a_partly_right_answer_points_at_what_to_fix(student, site):
    """Which blank or which menu to look at again: a red edge, aria-invalid and its name in the
    feedback. The marks come back after a reload, and a blank's mark goes as soon as the
    student changes it."""
    clz, it = item(student, "v-clz"), site.by_id["v-clz"]
    right = perfect_response(it, site.ctx)
    answer(clz, it, [right[0], "xyz", right[2]])
    press_check(clz)
    blanks = clz.locator(".sb-blank")
    assert blanks.nth(0).get_attribute("aria-invalid") is None
    assert blanks.nth(1).get_attribute("aria-invalid") == "true"
    assert blanks.nth(2).get_attribute("aria-invalid") is None
    assert clz.locator(".sb-parts").text_content() == "Look again at blank 2."

    mat, mit = item(student, "v-mat"), site.by_id["v-mat"]
    response = dict(perfect_response(mit, site.ctx))
    response["2"] = mit.right_keys()[-1]                # the distractor
    answer(mat, mit, response)
    press_check(mat)
    menus = mat.locator("select")
    assert [menus.nth(i).get_attribute("aria-invalid") for i in range(3)] == [None, "true", None]
    assert mat.locator(".sb-parts").text_content() == "Look again at “Asiatic”."

    everything_wrong = {k: next(x for x in mit.right_keys() if x != v) for k, v in
                        perfect_response(mit, site.ctx).items()}
    answer(mat, mit, everything_wrong)
    press_check(mat)
    assert [menus.nth(i).get_attribute("aria-invalid") for i in range(3)] == ["true"] * 3
    assert mat.locator(".sb-parts").count() == 0          # "Not right yet" already says it all
    answer(mat, mit, response)
    press_check(mat)

    student.reload()
    student.wait_for_function("document.querySelector('.sb-set.sb-js')")
    assert blanks.nth(1).get_attribute("aria-invalid") == "true"
    assert menus.nth(1).get_attribute("aria-invalid") == "true"
    blanks.nth(1).fill(right[1])
    assert blanks.nth(1).get_attribute("aria-invalid") is None
    press_check(clz)
    assert clz.locator(".sb-v").text_content().startswith("✔ Correct.")
    assert clz.locator(".sb-parts").count() == 0 and clz.locator("[aria-invalid]").count() == 0


def _round_trip_answers(student, site):
    responses = {}
    for item_id in ("v-sc", "v-ms", "v-ord", "v-mat", "v-clz", "v-ev", "v-mw", "v-dt"):
        it, li = site.by_id[item_id], item(student, item_id)
        responses[item_id] = perfect_response(it, site.ctx) if item_id != "v-ms" else ["A"]
        answer(li, it, responses[item_id])
        press_check(li)
    li = item(student, "v-sa")
    li.locator(".sb-t").fill("An answer")
    press_check(li)
    responses["v-sa"] = {"text": "An answer", "self": [False, False]}
    return responses


def test_export_then_import_round_trip(student, site, tmp_path, browser, context):
    responses = _round_trip_answers(student, site)
    tf = item(student, "v-tf")                            # checked, then changed: a draft
    answer(tf, site.by_id["v-tf"], True)
    press_check(tf)
    answer(tf, site.by_id["v-tf"], False)
    student.locator(".sb-note summary").first.click()
    student.locator("textarea[data-note=p1]").fill("Note on ¶1 — with “quotes”")
    student.locator(".sb-set .sb-stid").fill("s1234")

    path = export(student, tmp_path)
    assert "Exported 10 answers and 1 note" in student.locator(".sb-set .sb-msg").text_content()
    data = json.loads(path.read_text("utf-8"))
    assert (data["format"], data["version"], data["seed"]) == ("sourcebook-answers", 2, SEED)
    assert data["student"] == {"name": "Ada Lovelace", "id": "s1234"}
    assert data["book"] == {"id": "widget-test", "content_version": "1"}
    assert {k: r["response"] for k, r in data["responses"].items() if k != "v-tf"} == responses
    for r in data["responses"].values():
        assert r["attempts"] == 1 and r["source"] == MEMO and r["first_at"] and r["last_at"]
        assert r["history"] == [r["response"]]
    assert data["responses"]["v-tf"]["response"] is True
    assert data["responses"]["v-tf"]["draft"] is False and data["responses"]["v-tf"]["draft_at"]
    assert all("draft" not in r for k, r in data["responses"].items() if k != "v-tf")
    assert data["notes"] == {MEMO: {"p1": "Note on ¶1 — with “quotes”"}}
    assert data["notes_truncated"] == []

    fresh = browser.new_context(accept_downloads=True)    # another computer: empty storage
    other = fresh.new_page()
    other.goto(site.url)
    other.locator(".sb-set .sb-impf").set_input_files(str(path))
    review = other.locator(".sb-set .sb-review")
    review.locator(".sb-apply").wait_for()
    assert "11 changes to make" in review.text_content()
    assert other.evaluate("localStorage.getItem('sourcebook:widget-test:widget-test:v-sc')") is None
    review.locator(".sb-apply").click()
    msg = other.locator(".sb-set .sb-msg")
    assert "Imported 11 changes" in msg.text_content()
    for item_id, response in responses.items():
        got = other.evaluate("([id, t]) => sourcebook.get(document.getElementById('sb-' + id), t)",
                             [item_id, site.by_id[item_id].type])
        assert got == response, item_id
    other.wait_for_function("document.querySelector('.sb-set .sb-prog').textContent.endsWith('7 correct')")
    assert other.locator(".sb-set .sb-prog").text_content() == \
        f"10 of {len(site.items)} answered, 7 correct"
    assert item(other, "v-tf").locator(".sb-fb").text_content().startswith("○ Not checked yet.")
    assert other.evaluate("sourcebook.get(document.getElementById('sb-v-tf'), 'true-false')") is False
    assert other.locator("textarea[data-note=p1]").input_value() == "Note on ¶1 — with “quotes”"
    assert other.evaluate("JSON.parse(localStorage.getItem('sourcebook:widget-test:seed'))") == SEED
    fresh.close()


def test_the_export_is_read_and_graded_by_the_engine(student, site, tmp_path):
    responses = _round_trip_answers(student, site)
    path = export(student, tmp_path)
    answers = load_answers(path)
    assert answers.book_id == "widget-test" and answers.student_name == "Ada Lovelace"
    assert {k: r.response for k, r in answers.responses.items()} == responses
    report = grade([path], site.ctx, tmp_path / "out", sets=[SimpleNamespace(items=site.items)],
                   write=False)
    assert report.students[0].total == pytest.approx(
        sum(i.points for i in site.items if i.id in responses and i.type != "short-answer")
        - 1)                                               # v-ms: one of two right


BAD_FILES = {
    "not json": b"{ this is not json",
    "empty": b"",
    "another book": None,             # filled in below from a good export
    "a damaged record": None,
    "a picture": b"\x89PNG\r\n\x1a\n\x00\x00",
    "a list": b"[1, 2, 3]",
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_corrupt_or_foreign_import_changes_nothing(student, site, tmp_path, case):
    li = item(student, "v-sc")
    answer(li, site.by_id["v-sc"], "A")
    press_check(li)
    student.locator(".sb-note summary").first.click()
    student.locator("textarea[data-note=p1]").fill("mine")
    good = json.loads(export(student, tmp_path).read_text("utf-8"))
    data = BAD_FILES[case]
    if case == "another book":
        good["book"]["id"] = "some-other-book"
        good["responses"]["v-sc"]["response"] = "B"
        data = json.dumps(good).encode()
    elif case == "a damaged record":
        good["responses"]["v-sc"] = {"response": "B", "attempts": -1}
        data = json.dumps(good).encode()
    bad = tmp_path / "bad.json"
    bad.write_bytes(data)
    before = storage(student)
    shown = [student.locator(s).inner_html() for s in (".sb-items", ".sb-prog", ".sb-memo")]
    student.locator(".sb-set .sb-impf").set_input_files(str(bad))
    msg = student.locator(".sb-set .sb-msg")
    if case == "a damaged record":       # item by item: the damaged entry is left out, and said
        msg.filter(has_text="Nothing to import").wait_for()
        assert "1 entry in the file this book does not know" in \
            student.locator(".sb-set .sb-review").text_content()
    else:
        msg.filter(has_text="Not imported").wait_for()
        assert msg.text_content().endswith("Nothing was changed.")
    assert storage(student) == before
    assert [student.locator(s).inner_html() for s in (".sb-items", ".sb-prog", ".sb-memo")] == shown
    assert student.evaluate("sourcebook.get(document.getElementById('sb-v-sc'), 'single-choice')") \
        == "A"
    assert student.locator("textarea[data-note=p1]").input_value() == "mine"


# --------------------------------------------------------------------------- keyboard


def test_an_exercise_with_the_keyboard_alone(student, site):
    kb = student.keyboard
    focused = "document.activeElement"
    for _ in range(5):                         # from the top of the page into question 1
        kb.press("Tab")
        if student.evaluate(f"{focused}.closest('#sb-v-sc') !== null"):
            break
    assert student.evaluate(f"{focused}.name") == "sb-v-sc"
    outline = student.evaluate(f"getComputedStyle({focused}).outlineStyle")
    assert outline != "none", "focus must be visible"
    kb.press("Space")                          # choose the first option shown ...
    while student.evaluate(f"{focused}.value") != "B":
        kb.press("ArrowDown")                  # ... then move to B, wherever it was dealt
    while not student.evaluate(f"{focused}.classList.contains('sb-check')"):
        kb.press("Tab")
    kb.press("Enter")
    settle(item(student, "v-sc"))
    assert item(student, "v-sc").locator(".sb-v").text_content().startswith("✔ Correct.")

    # the ordering item, with its move buttons
    li, it = item(student, "v-ord"), site.by_id["v-ord"]
    li.locator(".sb-ord button").first.focus()
    target = perfect_response(it, site.ctx)
    for i, k in enumerate(target):
        while True:
            keys = li.locator(".sb-ord > li").evaluate_all("els => els.map(e => e.dataset.k)")
            if keys.index(k) == i:
                break
            li.locator(f'.sb-ord > li[data-k="{k}"] button[data-d="-1"]').focus()
            kb.press("Enter")
            assert student.evaluate(f"{focused}.dataset.d") == "-1"   # focus stays on the button
    li.locator(".sb-check").focus()
    kb.press("Space")
    settle(li)
    assert li.locator(".sb-v").text_content().startswith("✔ Correct.")
    assert "is now number" not in li.locator(".sb-fb").text_content()


def test_mark_words_are_toggle_buttons(student):
    li = item(student, "v-mw")
    word = li.locator(".sb-w").nth(3)
    word.focus()
    student.keyboard.press("Enter")
    assert word.get_attribute("aria-pressed") == "true"
    student.keyboard.press("Space")
    assert word.get_attribute("aria-pressed") == "false"


# --------------------------------------------------------------------------- the reader


def test_reader_lenses_glossary_spotlight(student):
    reader = student.locator(".sb-reader")
    button = reader.locator(".sb-lenses button[data-lens=close-reading]")
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert reader.get_attribute("data-lens") == "close-reading"
    label = reader.locator(".sb-lp[data-lens=close-reading] .sb-lt").text_content()
    assert reader.locator(".sb-rmsg").text_content() == f"{label} lens: passages highlighted."
    lit = reader.locator("[data-l~=close-reading]")
    assert lit.count() >= 3
    bg = lit.first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    panel = reader.locator(".sb-lp[data-lens=close-reading]")
    assert panel.is_visible() and reader.locator(".sb-lp:visible").count() == 1
    panel.locator("summary").click()
    assert "laboratory" in panel.locator("details p").text_content()
    button.click()
    assert reader.locator(".sb-lp:visible").count() == 0

    term = reader.locator(".sb-term").first
    tip = student.locator("#" + term.get_attribute("aria-describedby"))
    assert tip.is_hidden()
    term.focus()
    assert tip.is_visible()
    student.keyboard.press("Escape")
    assert tip.is_hidden()
    student.keyboard.press("Enter")             # brought back without leaving the word
    assert tip.is_visible()

    reader.locator(".sb-spot").select_option("p2.s3")
    assert reader.locator(".sb-lit").count() == 1
    dim = reader.locator("[data-sid='p1.s1']").evaluate("e => getComputedStyle(e).color")
    assert dim == "rgb(102, 102, 102)"                    # #666: dimmed, still AA on the page
    assert "Spotlight on" in reader.locator(".sb-rmsg").text_content()


def test_blackout_then_reveal(student):
    student.locator(".sb-bol summary").first.click()
    box = student.locator(".sb-bos").first
    bo = box.get_attribute("data-bo")
    words = student.locator(f'.sb-memo .sb-bo[data-bo="{bo}"] .sb-bw')
    assert words.first.is_visible()
    box.locator(".sb-bot").click()
    assert box.locator(".sb-bot").get_attribute("aria-pressed") == "true"
    assert words.first.evaluate("e => getComputedStyle(e).visibility") == "hidden"
    guess = student.locator(f'.sb-memo .sb-bo[data-bo="{bo}"] + label input')   # beside the word
    assert guess.evaluate("e => e === document.activeElement")
    guess.fill(HOSTILE)
    box.locator(".sb-bor").click()
    assert words.first.evaluate("e => getComputedStyle(e).visibility") == "visible"
    out = box.locator(".sb-boo")
    assert HOSTILE in out.text_content() and out.locator("img, script").count() == 0
    assert student.evaluate("window.__pwned") is None


def test_a_revealed_word_is_the_word_not_its_glossary_entry(student):
    """A black-out over a glossary term reveals the word alone ("laboratory", not "laboratory
    laboratory: Used as a figure of speech ...")."""
    for summary in student.locator(".sb-bol summary").all():
        summary.click()
    boxes = student.locator(".sb-bos")
    for n in range(boxes.count()):
        box = boxes.nth(n)
        bo = box.get_attribute("data-bo")
        hidden = student.locator(f'.sb-memo .sb-bo[data-bo="{bo}"] .sb-bw')
        box.locator(".sb-bot").click()
        box.locator(".sb-bor").click()
        said = box.locator(".sb-boo").text_content()
        for k in range(hidden.count()):
            word = hidden.nth(k).evaluate(
                "e => { const c = e.cloneNode(true); c.querySelectorAll('.sb-tip').forEach(t => t.remove());"
                " return c.textContent.replace(/\\s+/g, ' ').trim(); }")
            assert f"the text has “{word}”." in said
        assert ":" not in said.split("the text has")[-1], said


def test_compare_panel_and_note_starters(student):
    cmp = student.locator(".sb-cmp").first
    cmp.locator("summary").click()
    assert cmp.locator("blockquote").is_visible()
    assert cmp.locator("a").get_attribute("href").startswith("https://history.state.gov/")
    note = student.locator(".sb-note").nth(2)
    note.locator("summary").click()
    starter = note.locator("option").nth(4).text_content()
    note.locator("select").select_option(index=4)
    note.locator(".sb-add").click()
    note.locator("textarea").press("End")
    note.locator("textarea").press_sequentially("he wanted action.")
    assert note.locator("textarea").input_value() == starter.rstrip("…") + " he wanted action."
    assert note.locator("textarea").evaluate("e => e === document.activeElement")


def test_a_hostile_note_is_shown_as_text(student, tmp_path):
    note = student.locator("textarea[data-note=p3]")
    student.locator(".sb-note summary").nth(2).click()
    note.fill(HOSTILE)
    student.locator(".sb-set .sb-who").fill(HOSTILE)
    student.reload()
    student.wait_for_function("document.querySelector('.sb-reader.sb-js')")
    assert note.input_value() == HOSTILE
    assert student.locator(".sb-set .sb-who").input_value() == HOSTILE
    assert student.evaluate("window.__pwned") is None
    assert student.locator("main img").count() == 0
    data = json.loads(export(student, tmp_path, name=HOSTILE).read_text("utf-8"))
    assert data["notes"][MEMO]["p3"] == HOSTILE and data["student"]["name"] == HOSTILE
    assert student.evaluate("window.__pwned") is None


# --------------------------------------------------------------------------- no JS, axe


def test_without_javascript_the_questions_still_read(browser, site):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(site.url)
    assert page.locator(".sb-nojs").first.is_visible()
    sc = page.locator("#sb-v-sc")
    assert "Who wrote the memorandum?" in sc.locator("legend").text_content()
    assert sc.locator("label").all_text_contents()[:2] == [" Dean Acheson", " Dean Rusk"]
    assert sc.locator(".sb-check").is_hidden()
    assert page.locator(".sb-toolbar").first.is_hidden()
    assert page.locator(".sb-memo .sb-rt").count() == 4
    assert page.locator(".sb-lp").first.is_visible()          # the lens questions, as text
    ctx.close()


def _axe(page):
    from axe_playwright_python.sync_playwright import Axe
    result = Axe().run(page, options={"resultTypes": ["violations"],
                                      "runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                                  "best-practice"]})
    assert result.violations_count == 0, result.generate_report()


# The book's own sets and reader, as first shown, are checked by axe on every page of both
# editions (test_site.py's crawl, all rules); this page adds the states a student brings about.
def test_axe_on_the_widget_page_in_every_state(student, site):
    _axe(student)
    for item_id in ("v-sc", "v-mw", "v-clz"):
        it, li = site.by_id[item_id], item(student, item_id)
        answer(li, it, wrong_response(it, site.ctx))
        press_check(li)
    for item_id in ("v-ms", "v-ord", "v-dt"):
        it, li = site.by_id[item_id], item(student, item_id)
        answer(li, it, perfect_response(it, site.ctx))
        press_check(li)
    li = item(student, "v-sa")
    li.locator(".sb-t").fill("x")
    press_check(li)
    reader = student.locator(".sb-reader")
    reader.locator(".sb-lenses button").first.click()
    reader.locator(".sb-spot").select_option("p2")
    for d in reader.locator("details").all():
        d.evaluate("e => e.open = true")
    reader.locator(".sb-bos .sb-bot").first.click()
    reader.locator(".sb-term").first.focus()
    _axe(student)


def test_the_books_export_is_graded_by_the_cli(page, book_site, tmp_path):
    from click.testing import CliRunner
    from sourcebook.cli import main
    from .pages import ROOT
    page.goto(book_site.base + "index.html")
    li = page.locator("#sb-doc-01")
    li.locator("input[value=B]").check()
    press_check(li)
    li = page.locator("#sb-doc-03")
    li.locator(".sb-d").fill("12 January 1951")
    press_check(li)
    page.locator("#sb-set-document .sb-who").fill("Grace")
    with page.expect_download() as dl:
        page.locator("#sb-set-document .sb-exp").click()
    path = tmp_path / "grace.json"
    dl.value.save_as(path)
    out = tmp_path / "grades"
    result = CliRunner().invoke(main, ["grade", str(path), "--out", str(out), "--root", str(ROOT)])
    assert result.exit_code == 0, result.output
    gradebook = next(out.glob("gradebook*.csv")).read_text("utf-8")
    assert "Grace" in gradebook


def test_checking_still_works_when_storage_is_blocked(browser, site):
    ctx = browser.new_context()
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script("Object.defineProperty(window, 'localStorage', {get() {"
                         "throw new DOMException('blocked', 'SecurityError')}})")
    page.goto(site.url)
    li = item(page, "v-sc")
    li.locator("input[value=B]").check()
    press_check(li)
    assert li.locator(".sb-v").text_content().startswith("✔ Correct.")
    page.locator("textarea[data-note=p1]").evaluate("e => e.closest('details').open = true")
    page.locator("textarea[data-note=p1]").fill("a note")
    assert errors == []
    ctx.close()


def test_damaged_storage_does_not_break_the_page(page, site):
    page.add_init_script(f"""
        localStorage.setItem('sourcebook:widget-test:{MEMO}:v-sc', '{{not json');
        localStorage.setItem('sourcebook:widget-test:{MEMO}:v-tf', '"a string"');
        localStorage.setItem('sourcebook:widget-test:{MEMO}:v-dt', '{{"response": 5}}');
        localStorage.setItem('sourcebook:widget-test:{MEMO}:note:p1', '[1, 2]');""")
    page.goto(site.url)
    for item_id, value in (("v-sc", "B"), ("v-tf", "false")):
        li = item(page, item_id)
        li.locator(f"input[value={value}]").check()
        press_check(li)
        assert li.locator(".sb-v").text_content().startswith("✔ Correct.")
        assert li.locator(".sb-att").text_content() == "Attempts: 1"
    li = item(page, "v-dt")
    assert li.locator(".sb-d").input_value() == ""
    li.locator(".sb-d").fill("12 January 1951")
    press_check(li)
    assert li.locator(".sb-att").text_content() == "Attempts: 1"
    assert page.locator("textarea[data-note=p1]").input_value() == ""
