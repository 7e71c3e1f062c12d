"""The loader: a corpus of broken sets, each with the messages it must give, and the good path."""

from __future__ import annotations

import re
import shutil

import pytest

from engine_support import HERE, MEMO, ROOT, make_project
from sourcebook.model.config import book_identity
from sourcebook.errors import SourcebookError
from sourcebook.model.lesson import (BookContext, ExerciseErrors, check_exercises,
                                         exercise_files, load_all, load_set)
from sourcebook.items.schema import ITEM_TYPES

BROKEN = sorted((HERE / "broken_yaml").glob("*.yml"))


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("loader"))


@pytest.fixture(scope="module")
def ctx(project):
    return BookContext.load(project)


def expectations(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("# expect: ", 1)[1] for line in lines if line.startswith("# expect: ")]


def test_corpus_is_not_empty():
    assert len(BROKEN) >= 30
    for path in BROKEN:
        assert expectations(path), f"{path.name} has no '# expect:' line"


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_broken_set(path, project, ctx):
    """Every expected message, and nothing else, with the file, line, item and field."""
    target = project / "exercises" / path.name
    shutil.copy(path, target)
    try:
        sets, errors = load_all(ctx, [project / "exercises" / "sample.yml", target])
    finally:
        target.unlink()
    shown = [str(e) for e in errors]
    expected = [f"exercises/{path.name}{x}" for x in expectations(path)]
    assert shown == expected
    assert [s.info.id for s in sets] == ["sample"], "the good set still loads"
    for e in errors:
        assert e.path == f"exercises/{path.name}" and e.line is not None


def test_load_set_raises_every_problem_of_the_file(project, ctx):
    target = project / "exercises" / "many.yml"
    shutil.copy(HERE / "broken_yaml" / "many-problems.yml", target)
    try:
        with pytest.raises(ExerciseErrors) as err:
            load_set(target, ctx)
    finally:
        target.unlink()
    assert len(err.value.errors) == 3
    assert str(err.value).count("\n") == 2
    assert 'item ctx-07: answer: answer "E" is not one of the options A-D' in str(err.value)


def test_sample_set_loads_with_every_item_type(project, ctx):
    loaded = load_set(project / "exercises" / "sample.yml", ctx)
    assert {i.type for i in loaded.items} == set(ITEM_TYPES)
    assert loaded.shown == "exercises/sample.yml"
    assert loaded.lines["smp-01"] == 9
    by_id = {i.id: i for i in loaded.items}
    ordering = by_id["smp-04"]     # timeline ids resolved to entries in date order
    assert ordering.timeline is None
    assert [e.id for e in ordering.entries] == ["north-korea-invades", "pyongyang-taken",
                                                "seoul-falls-1951", "rusk-memo"]
    assert ordering.entries[0].text == "North Korea invades the South"
    assert by_id["smp-07"].source == MEMO     # the set's source, copied onto the item
    assert str(by_id["smp-09"].answer) == "1951-01-12"   # written "12 January 1951"


def test_yaml_1_1_surprises_are_read_as_text(project, ctx):
    target = project / "exercises" / "quirks.yml"
    target.write_text("""set: {id: quirks, title: Quirks, chapter: book/sample}
items:
  - id: q-01
    type: single-choice
    skill: sourcing
    objective: smp-1
    prompt: Yes or no?
    options: [{id: yes, text: 1950-06-25}, {id: no, text: 3}, {id: 1, text: on}]
    answer: no
    explanation: No.
  - id: q-02
    type: true-false
    skill: sourcing
    objective: smp-1
    points: 2
    prompt: Right?
    answer: yes
    explanation: Yes.
""", encoding="utf-8")
    try:
        loaded = load_set(target, ctx)
    finally:
        target.unlink()
    sc, tf = loaded.items
    assert sc.answer == "no" and [o.id for o in sc.options] == ["yes", "no", "1"]
    assert sc.options[0].text == "1950-06-25"
    assert tf.answer is True and tf.points == 2


def test_not_utf8(project, ctx):
    target = project / "exercises" / "latin1.yml"
    target.write_bytes("set:\n  id: x\n  title: Caf\xe9\n".encode("latin-1"))
    try:
        _, errors = load_all(ctx, [target])
    finally:
        target.unlink()
    assert [str(e) for e in errors] == [
        "exercises/latin1.yml:3: byte 0xe9 is not UTF-8 text; save the file as UTF-8"]


def test_ids_are_unique_across_all_sets_and_set_ids_too(project, ctx):
    copy = project / "exercises" / "x-copy.yml"     # after sample.yml: the copy is the duplicate
    shutil.copy(project / "exercises" / "sample.yml", copy)
    try:
        _, errors = load_all(ctx)
    finally:
        copy.unlink()
    messages = [str(e) for e in errors]
    assert len(messages) == 11
    assert messages[0] == ("exercises/x-copy.yml:3: set id: id \"sample\" is already used at "
                           "exercises/sample.yml:3; set ids must be unique across the book")
    assert ('exercises/x-copy.yml:9 item smp-01: id: id "smp-01" is already used at '
            'exercises/sample.yml:9; ids must be unique across the book') in messages


def test_context_reports_all_its_problems(project, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(project, broken)
    (broken / "book" / "data" / "objectives.yml").write_text("- id: x\n", encoding="utf-8")
    (broken / "exercises" / "variants.yml").write_text("- [Pusan]\n", encoding="utf-8")
    with pytest.raises(ExerciseErrors) as err:
        BookContext.load(broken)
    text = str(err.value)
    assert "objectives.yml:1: each objective needs id, chapter and text" in text
    assert "variants.yml:1: each group is a list of at least two spellings" in text
    messages = check_exercises(broken)
    assert len(messages) == 2


def test_exercise_files_skip_variants_and_drafts(project):
    (project / "exercises" / "_draft.yml").write_text("x", encoding="utf-8")
    try:
        assert [p.name for p in exercise_files(project)] == ["sample.yml"]
    finally:
        (project / "exercises" / "_draft.yml").unlink()


def test_check_exercises_of_the_fixture_is_clean(project):
    assert check_exercises(project) == []


def test_book_identity(project, tmp_path):
    assert book_identity(project) == ("fixture-book", "3")
    (tmp_path / "_config.yml").write_text("title: x\n", encoding="utf-8")
    with pytest.raises(SourcebookError, match='no "sourcebook:" section'):
        book_identity(tmp_path)
    (tmp_path / "_config.yml").write_text("sourcebook: {book_id: x, content_version: 2}\n",
                                          encoding="utf-8")
    assert book_identity(tmp_path) == ("x", "2")


def test_the_books_own_exercises():
    """`sourcebook check` on the real book: every set valid, all ten item types used."""
    assert exercise_files(ROOT), "the book has no exercise sets"
    assert check_exercises(ROOT) == []
    ctx = BookContext.load(ROOT)
    sets, _ = load_all(ctx)
    assert {i.type for s in sets for i in s.items} == set(ITEM_TYPES)


def test_messages_name_file_line_item_and_field():
    pattern = re.compile(r"^exercises/[\w.-]+\.yml:\d+( item [\w#-]+)?: ")
    for path in BROKEN:
        for x in expectations(path):
            assert pattern.match(f"exercises/{path.name}{x}"), x


@pytest.mark.parametrize("text, message", [
    ("[" * 1500 + "]" * 1500, "exercises/odd.yml: the file is too deeply nested to read"),
    ("set:\n  id: x\x1f\n", "exercises/odd.yml:2: character 0x001f is not allowed in a YAML "
                            "file; delete it"),
])
def test_files_yaml_cannot_read(project, ctx, text, message):
    target = project / "exercises" / "odd.yml"
    target.write_text(text, encoding="utf-8")
    try:
        _, errors = load_all(ctx, [target])
    finally:
        target.unlink()
    assert [str(e) for e in errors] == [message]


# --------------------------------------------------------------------------- never a crash

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

FIELDS = st.sampled_from(["id", "type", "skill", "objective", "prompt", "points", "options",
                          "answer", "answers", "entries", "timeline", "pairs", "distractors",
                          "passage", "scope", "sentences", "phrases", "rubric", "left", "right",
                          "text", "feedback", "source", "explanation", "x"])
SCALARS = st.none() | st.booleans() | st.integers(-3, 20) | st.text(max_size=8) | st.sampled_from(
    ["single-choice", "cloze", "evidence", "mark-words", "ordering", "matching", "date", "p2.s3",
     "A", "[[a]]", MEMO, "smp-1", "1951-01-12", "north-korea-invades"])
VALUES = st.recursive(SCALARS, lambda c: st.lists(c, max_size=4) | st.dictionaries(FIELDS, c,
                                                                                  max_size=6),
                      max_leaves=25)
DOCUMENTS = st.fixed_dictionaries({
    "set": st.dictionaries(st.sampled_from(["id", "title", "chapter", "source"]), SCALARS,
                           max_size=4) | VALUES,
    "items": st.lists(st.dictionaries(FIELDS, VALUES, max_size=10) | VALUES, max_size=4) | VALUES})


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=DOCUMENTS)
def test_any_yaml_gives_messages_never_an_exception(project, ctx, data):
    import yaml
    target = project / "exercises" / "fuzz.yml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        _, errors = load_all(ctx, [target])
    finally:
        target.unlink()
    for e in errors:
        assert str(e).startswith("exercises/fuzz.yml")
