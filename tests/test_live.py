"""The live widgets (ipywidgets), driven from Python: set a value, press Check, read feedback."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
import yaml
from pydantic import TypeAdapter

from sourcebook.model.answers import validate_answers
from sourcebook.errors import SourcebookError
from sourcebook.items.check import perfect_response
from sourcebook.model.lesson import BookContext
from sourcebook.items.schema import Item
from sourcebook.model.guide import guide_path, load_guide
from sourcebook.notebook import live
from sourcebook.render import static
from sourcebook.model.source import load_source

from conftest import MEMO, ROOT

VECTORS = yaml.safe_load((ROOT / "tests" / "vectors" / "check_vectors.yml").read_text("utf-8"))
CTX = BookContext(root=ROOT, book_id="live-test", content_version="1",
                  sources={MEMO: load_source(MEMO, ROOT)}, variants=VECTORS["variants"],
                  default_source=MEMO)
ITEMS = [TypeAdapter(Item).validate_python(raw) for raw in VECTORS["items"]]
SET = SimpleNamespace(items=ITEMS, info=SimpleNamespace(id="live", title="Live *test*"))
HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def put(w: live.ItemWidget, response) -> None:
    """Operate the item's widgets as a student would."""
    t = w.item.type
    if t in ("single-choice", "true-false", "date"):
        w.w.value = response
    elif t in ("multiple-select", "evidence"):
        for i, box in zip(w.ids, w.w):
            box.value = i in response
    elif t == "ordering":
        for i, k in enumerate(response):
            while w.order.index(k) != i:
                row = w.order_box.children[w.order.index(k)]
                row.children[1].click()                       # the "↑" button
    elif t == "matching":
        for n, d in enumerate(w.w, start=1):
            d.value = response.get(str(n))
    elif t == "cloze":
        for box, text in zip(w.w, response):
            box.value = text
    elif t == "mark-words":
        for i, b in enumerate(w.w):
            b.value = i in response
    elif t == "short-answer":
        w.w.value = response["text"]


def wrong(item):
    """A well-formed response that is not fully right."""
    t, right = item.type, perfect_response(item, CTX)
    if t == "single-choice":
        return "A"
    if t == "true-false":
        return not item.answer
    if t == "date":
        return "13 January 1951"
    if t == "multiple-select":
        return ["D"]
    if t == "evidence":
        return ["p2.s1"] if item.scope else ["p4.s5"]
    if t == "ordering":
        return list(reversed(right))
    if t == "matching":
        return {k: "4" for k in right}
    if t == "cloze":
        return ["x"] * len(item.blanks())
    if t == "mark-words":
        return [0]
    raise AssertionError(t)


@pytest.fixture
def exercises(tmp_path):
    return live.ExerciseSetWidget(SET, CTX, tmp_path / "answers.json")


@pytest.mark.parametrize("item", [i for i in ITEMS if i.type != "short-answer"],
                         ids=lambda i: i.id)
def test_wrong_then_right(exercises, item):
    w = exercises.item(item.id)
    put(w, wrong(item))
    w.check_button.click()
    assert w.status in ("incorrect", "partial")
    assert "Not right yet" in w.feedback.value or "Partly right" in w.feedback.value
    assert w.explanation.value == ""
    put(w, perfect_response(item, CTX))
    result = w.check()
    assert result.status == "correct"
    assert "✔ Correct." in w.feedback.value and "Why:" in w.explanation.value
    assert w.attempts == 2 and w.attempts_label.value == "Attempts: 2"


def test_option_feedback_and_progress(exercises):
    w = exercises.item("v-sc")
    put(w, "A")
    w.check_button.click()
    assert "Acheson received it." in w.feedback.value
    assert "Truman is talked about" not in w.feedback.value
    assert exercises.progress.value == f"1 of {len(ITEMS)} answered, 0 correct"
    put(w, "B")
    w.check_button.click()
    assert exercises.progress.value == f"1 of {len(ITEMS)} answered, 1 correct"


def test_unanswered_and_invalid_do_not_count(exercises):
    w = exercises.item("v-dt")
    w.check_button.click()
    assert "Answer the question first" in w.feedback.value and w.attempts == 0
    put(w, "12/01/1951")
    w.check_button.click()
    assert "Write a date" in w.feedback.value and w.attempts == 0


def test_short_answer_is_recorded_and_shows_the_rubric(exercises):
    w = exercises.item("v-sa")
    assert w.rubric_box.layout.display == "none"
    put(w, {"text": "Because of the evacuation debate."})
    assert w.check().status == "recorded"
    assert "Answer recorded" in w.feedback.value and w.rubric_box.layout.display == "flex"
    w.rubric[0].value = True
    assert w.response() == {"text": "Because of the evacuation debate.", "self": [True, False]}


def test_student_text_is_never_html(exercises):
    w = exercises.item("v-clz")
    put(w, [HOSTILE, HOSTILE, HOSTILE])
    w.check_button.click()
    assert "<img" not in w.feedback.value + w.explanation.value
    exercises.who.value = HOSTILE
    assert HOSTILE not in "".join(getattr(c, "value", "") for c in exercises.widget.children
                                  if c is not exercises.who)


def test_answers_file_is_written_atomically_and_valid(exercises, tmp_path):
    path = tmp_path / "answers.json"
    assert not path.exists()                       # nothing is written before an answer
    for item in ITEMS:
        if item.type != "short-answer":
            put(exercises.item(item.id), perfect_response(item, CTX))
            exercises.item(item.id).check()
    assert [p.name for p in tmp_path.iterdir()] == ["answers.json"]     # no temporary files
    exercises.who.value = "Ada Lovelace"
    answers = validate_answers(json.loads(path.read_text("utf-8")))
    assert answers.book_id == "live-test" and answers.student_name == "Ada Lovelace"
    for item in ITEMS:
        if item.type != "short-answer":
            rec = answers.responses[item.id]
            assert rec.response == exercises.item(item.id).response() and rec.attempts == 1
            assert rec.source == MEMO and rec.first_at and rec.last_at

    again = live.ExerciseSetWidget(SET, CTX, path)           # the kernel restarts
    for item in ITEMS:
        if item.type != "short-answer":
            w = again.item(item.id)
            assert w.response() == exercises.item(item.id).response(), item.id
            assert w.status == "correct" and "✔ Correct." in w.feedback.value
    assert again.who.value == "Ada Lovelace"
    assert again.progress.value == f"{len(ITEMS) - 1} of {len(ITEMS)} answered, " \
                                   f"{len(ITEMS) - 1} correct"


def test_a_file_of_another_book_is_left_alone(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text('{"format": "sourcebook-answers", "book": {"id": "other"}}', "utf-8")
    before = path.read_bytes()
    with pytest.raises(SourcebookError, match="not the answers of this book"):
        live.ExerciseSetWidget(SET, CTX, path)
    path.write_text("{ broken", "utf-8")
    with pytest.raises(SourcebookError):
        live.ExerciseSetWidget(SET, CTX, path)
    assert path.read_text("utf-8") == "{ broken" and before


# --------------------------------------------------------------------------- the reader


@pytest.fixture
def reader(tmp_path):
    source = CTX.sources[MEMO]
    guide = load_guide(guide_path(MEMO, ROOT), source)
    return live.ReaderWidget(source, guide, CTX, tmp_path / "answers.json"), guide


def test_reader_lens_highlights_and_reveal(reader):
    r, guide = reader
    assert "<mark" not in r.memo.value and r.notices.layout.display == "none"
    r.lens.value = "close-reading"
    lens = next(x for x in guide.lenses if x.id == "close-reading")
    assert r.memo.value.count("<mark") >= len(lens.passages)
    assert "vast laboratory" in r.memo.value
    assert lens.question.split()[0] in r.panel.value
    assert r.notices.layout.display == "flex" and "laboratory" in r.notices.children[0].value
    r.spotlight.value = "p2.s3"
    assert 'data-sid="p1.s1" style="color:#666"' in r.memo.value
    assert 'data-sid="p2.s3">' in r.memo.value


def test_reader_notes_are_saved_and_stay_text(reader, tmp_path):
    r, guide = reader
    r.notes["p2"].value = HOSTILE
    data = json.loads((tmp_path / "answers.json").read_text("utf-8"))
    assert data["notes"][MEMO]["p2"] == HOSTILE
    assert HOSTILE not in r.memo.value and "<img" not in r.memo.value
    again = live.ReaderWidget(r.source, guide, CTX, tmp_path / "answers.json")
    assert again.notes["p2"].value == HOSTILE


def test_reader_and_exercises_sharing_one_file_keep_each_others_work(reader, tmp_path):
    """The notebook shows the reader and an exercise set side by side, both saving into the
    same answers file (found in JupyterLab: each once wrote its own stale copy over the other)."""
    r, _ = reader
    exercises = live.ExerciseSetWidget(SET, CTX, tmp_path / "answers.json")
    first = ITEMS[0]
    put(exercises.item(first.id), perfect_response(first, CTX))
    exercises.item(first.id).check()
    r.notes["p1"].value = "my note"                       # the reader's copy predates the answer
    exercises.who.value = "Ada"                           # the set's copy predates the note
    again = live.ExerciseSetWidget(SET, CTX, tmp_path / "answers.json")    # a re-run cell
    again.item(first.id).check()
    data = json.loads((tmp_path / "answers.json").read_text("utf-8"))
    assert data["notes"][MEMO]["p1"] == "my note" and data["student"]["name"] == "Ada"
    assert data["responses"][first.id]["attempts"] == 2


def test_sentence_starter_goes_into_the_note(reader):
    r, _ = reader
    box = r.widget.children[-2]                      # the note box of ¶3
    area, (pick, add) = box.children[1], box.children[2].children
    assert area is r.notes["p3"]
    pick.value = pick.options[0][1]
    add.click()
    assert area.value == pick.options[0][1].rstrip("…") + " "


# --------------------------------------------------------------------------- display


def test_show_exercises_offers_the_widget_and_the_static_html(tmp_path):
    shown = live.show_exercises(ROOT / "exercises" / "document.yml", answers=tmp_path / "a.json")
    bundle = shown._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/html"].startswith('<section class="sb sb-set" id="sb-set-document"')
    assert bundle["text/html"] == static.render_exercise_set(
        __import__("sourcebook.model.lesson", fromlist=["x"]).load_set(
            ROOT / "exercises" / "document.yml", BookContext.load(ROOT)), BookContext.load(ROOT))


def test_show_reader_offers_both(tmp_path):
    from sourcebook import notebook as render
    shown = render.show_reader(MEMO, root=ROOT, answers=tmp_path / "a.json")
    bundle = shown._repr_mimebundle_()
    assert {"application/vnd.jupyter.widget-view+json", "text/html"} <= set(bundle)
    assert 'class="sb sb-reader"' in bundle["text/html"]
