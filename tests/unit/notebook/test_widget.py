"""The live notebook's Python side (notebook/widget.py): the widget carries the page's own
fragment and front end and no answer key; the answers file beside the notebook follows the
widget's `answers` state, item by item, atomically. (The front end itself runs in Chromium in
tests/browser/test_anywidget.py and in JupyterLab in tests/browser/test_jupyterlab.py.)"""

from __future__ import annotations

import json

import pytest
import yaml
from pydantic import TypeAdapter

from sourcebook.errors import SourcebookError
from sourcebook.items.check import perfect_response
from sourcebook.items.payload import inline
from sourcebook.items.schema import Item
from sourcebook.model.lesson import BookContext
from sourcebook.model.source import load_source
from sourcebook.notebook import widget as live
from sourcebook.render import static

from conftest import MEMO, ROOT

VECTORS = yaml.safe_load((ROOT / "tests" / "contract" / "check_vectors.yml").read_text("utf-8"))
CTX = BookContext(root=ROOT, book_id="live-test", content_version="1",
                  sources={MEMO: load_source(MEMO, ROOT)}, variants=VECTORS["variants"],
                  default_source=MEMO)
ITEMS = [TypeAdapter(Item).validate_python(raw) for raw in VECTORS["items"]]


def fragment() -> str:
    return static.render_items(ITEMS, CTX, set_id="live", title="Live", source=MEMO)


def doc(responses=None, notes=None, **over) -> dict:
    d = {"format": "sourcebook-answers", "version": 2,
         "book": {"id": "live-test", "content_version": "1"}, "student": {"name": "", "id": ""},
         "assignment": None, "seed": "9f86d081884c7d65", "exported_at": "2026-01-12T10:00:00.000Z",
         "responses": responses or {}, "notes": notes or {}, "notes_truncated": []}
    d.update(over)
    return d


def rec(response, n=1, when="2026-01-12T10:00:00.000Z"):
    return {"response": response, "attempts": n, "history": [response] * n, "first_at": when,
            "last_at": when, "source": MEMO}


@pytest.fixture
def answers(tmp_path):
    live.AnswersFile._open.clear()
    return live.AnswersFile.for_path(tmp_path / "answers.json", "live-test", "1")


def test_the_widget_carries_the_pages_fragment_and_front_end_and_no_key(answers):
    html = fragment()
    w = live.SourcebookWidget(html, answers)
    assert w.html == html and w.answers["version"] == 2
    esm, css = live._front_end()
    assert ".sb-v{" in css and w._css == css and w._esm == esm
    assert w.has_trait("_css") and w.has_trait("_esm")
    assert "export default" in esm and "render" in esm
    assert "import " not in esm.split("export default")[0].replace("importKey", "")
    state = json.dumps({"html": w.html, "answers": w.answers, "esm": esm}, ensure_ascii=False)
    for item in ITEMS:
        assert inline(item.explanation) not in state, item.id
        for o in getattr(item, "options", None) or []:
            if o.feedback:
                assert inline(o.feedback) not in state
    assert "1951-01-12" not in state.replace("1951-01-12-continued", "")


def test_show_exercises_offers_the_widget_and_the_static_html(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCEBOOK_ROOT", str(ROOT))
    live.AnswersFile._open.clear()
    shown = live.show_exercises("exercises/document.yml", answers=tmp_path / "a.json")
    data, _ = shown._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data
    assert data["text/html"] == shown.widget.html and 'class="sb sb-set"' in data["text/html"]
    reader = live.show_reader(MEMO, answers=tmp_path / "a.json")
    assert 'class="sb sb-reader"' in reader._repr_mimebundle_()[0]["text/html"]
    assert reader.widget.answers_file is shown.widget.answers_file     # one file, shared


def test_the_file_follows_the_widget_item_by_item_and_atomically(answers, tmp_path):
    w = live.SourcebookWidget(fragment(), answers)
    w.answers = doc({"v-sc": rec("B")}, student={"name": "Ada", "id": "s1"})
    on_disk = json.loads((tmp_path / "answers.json").read_text("utf-8"))
    assert on_disk["responses"]["v-sc"]["response"] == "B"
    assert on_disk["student"] == {"name": "Ada", "id": "s1"} and on_disk["version"] == 2
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_widgets_sharing_one_file_keep_each_others_work(answers, tmp_path):
    reader = live.SourcebookWidget("<section></section>", answers)
    sets = live.SourcebookWidget(fragment(), answers)
    sets.answers = doc({"v-sc": rec("B")})
    reader.answers = doc(notes={MEMO: {"p1": "my note"}})      # its copy never saw v-sc
    sets.answers = doc({"v-sc": rec("B"), "v-tf": rec(False)})  # nor this one the note
    on_disk = json.loads((tmp_path / "answers.json").read_text("utf-8"))
    assert set(on_disk["responses"]) == {"v-sc", "v-tf"}
    assert on_disk["notes"] == {MEMO: {"p1": "my note"}}


def test_a_new_widget_starts_from_the_file(answers, tmp_path):
    (tmp_path / "answers.json").write_text(json.dumps(doc({"v-dt": rec("12 January 1951")})))
    live.AnswersFile._open.clear()
    again = live.AnswersFile.for_path(tmp_path / "answers.json", "live-test", "1")
    w = live.SourcebookWidget(fragment(), again)
    assert w.answers["responses"]["v-dt"]["response"] == "12 January 1951"


def test_a_version_1_file_is_migrated_on_reading(tmp_path):
    v1 = {"format": "sourcebook-answers", "version": 1,
          "book": {"id": "live-test", "content_version": "1"}, "student": {"name": "A", "id": ""},
          "exported_at": "2026-01-12T10:00:00Z", "responses": {"v-sc": {
              "response": "B", "attempts": 2, "first_at": None, "last_at": None}}, "notes": {}}
    (tmp_path / "old.json").write_text(json.dumps(v1))
    live.AnswersFile._open.clear()
    f = live.AnswersFile.for_path(tmp_path / "old.json", "live-test", "1")
    assert f.doc["version"] == 2 and f.doc["responses"]["v-sc"]["history"] == ["B"]


def test_a_file_of_another_book_is_left_alone(tmp_path):
    other = tmp_path / "other.json"
    other.write_text(json.dumps(doc(book={"id": "another", "content_version": "1"})))
    live.AnswersFile._open.clear()
    with pytest.raises(SourcebookError, match="not the answers of this book"):
        live.AnswersFile.for_path(other, "live-test", "1")
    assert json.loads(other.read_text())["book"]["id"] == "another"


@pytest.mark.parametrize("junk", [None, [], "x", {"format": "other"},
                                  {**doc(), "version": 1}, {**doc(), "responses": []}])
def test_junk_from_the_front_end_is_not_written(answers, tmp_path, junk):
    w = live.SourcebookWidget(fragment(), answers)
    w.answers = junk if isinstance(junk, dict) else {"junk": junk}
    assert not (tmp_path / "answers.json").exists()


def test_the_right_answers_are_not_what_python_sends(answers):
    """Python never checks or reads a key here: what it sends is the page's fragment."""
    w = live.SourcebookWidget(fragment(), answers)
    for item in ITEMS:
        if item.type == "single-choice":
            right = perfect_response(item, CTX)
            assert f'"answer": "{right}"' not in w.html and f'"answer":"{right}"' not in w.html


def test_with_a_student_bundle_the_notebook_reads_no_exercise_file(tmp_path, monkeypatch):
    """The bundle the build ships (_static/sourcebook-student.json) is what a student's
    notebook shows: exercises/*.yml, which holds the keys, is never opened."""
    from sourcebook.model import lesson
    from sourcebook.render.student_bundle import NAME, make_bundle
    book = BookContext.load(ROOT)
    bundle = make_bundle(book)
    (tmp_path / NAME).write_text(json.dumps(bundle), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCEBOOK_STUDENT", raising=False)
    monkeypatch.setenv("SOURCEBOOK_ROOT", str(tmp_path / "nowhere"))
    opened = []
    real_open = open

    def spy(path, *a, **k):
        opened.append(str(path))
        return real_open(path, *a, **k)
    monkeypatch.setattr("builtins.open", spy)
    monkeypatch.setattr(lesson, "load_set", lambda *a, **k: pytest.fail("read the YAML"))
    live.AnswersFile._open.clear()
    shown = live.show_exercises("exercises/document.yml", answers=tmp_path / "a.json")
    assert shown.html == bundle["sets"]["document"]
    reader = live.show_reader(MEMO, answers=tmp_path / "a.json")
    assert reader.html == bundle["readers"][MEMO]
    assert not [p for p in opened if p.endswith(".yml")]
    for item_set in bundle["sets"].values():
        assert '"answer"' not in item_set


def test_a_student_bundle_with_the_lessons_own_item_types_brings_their_front_end(tmp_path,
                                                                                 monkeypatch):
    own = "export default { render() {} };  /* with a lesson's own item types */"
    bundle = {"format": "sourcebook-student", "version": 1, "book": "own-types",
              "content_version": "1", "sets": {"memo": fragment()}, "readers": {},
              "widget_module": own}
    path = tmp_path / "sourcebook-student.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    monkeypatch.setenv("SOURCEBOOK_STUDENT", str(path))
    assert live.show_exercises("exercises/memo.yml", answers=tmp_path / "a.json").widget._esm == own
    bundle.pop("widget_module")
    path.write_text(json.dumps(bundle), encoding="utf-8")
    plain = live.show_exercises("exercises/memo.yml", answers=tmp_path / "b.json").widget
    assert plain._esm == live._front_end()[0]
