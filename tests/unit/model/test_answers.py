"""The answers format: schema, validation reasons, loading limits and atomic writing."""

from __future__ import annotations

import copy
import json
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from engine_support import HERE, PERFECT, submission, write_json
from sourcebook.model.answers import (Answers, answers_schema, dump_answers_atomic, load_answers,
                                      new_answers, validate_answers)
from sourcebook.model.answers_fast_check import fast_valid
from sourcebook.errors import SourcebookError

CORPUS = HERE / "broken_submissions"


def test_schema_is_a_valid_2020_12_schema():
    schema = answers_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_new_answers_round_trip(tmp_path):
    answers = new_answers("fixture-book", "3", student_name="Ada", student_id="s1",
                          responses=PERFECT, notes={"memo": {"p2": "a note"}}, source="memo")
    assert Draft202012Validator(answers_schema()).is_valid(answers.to_json())
    path = dump_answers_atomic(answers, tmp_path / "ada.json")
    back = load_answers(path)
    assert back == answers
    assert back.responses["smp-02"].response == ["C", "A"]
    assert back.exported.tzinfo is not None
    assert not [p for p in tmp_path.iterdir() if p.name != "ada.json"], "no temporary files left"


def test_dump_replaces_atomically_and_refuses_invalid_data(tmp_path):
    path = tmp_path / "a.json"
    dump_answers_atomic(new_answers("b", "1", student_name="A"), path)
    dump_answers_atomic(new_answers("b", "1", student_name="B"), path)
    assert load_answers(path).student_name == "B"
    with pytest.raises(SourcebookError, match="both empty"):
        dump_answers_atomic(new_answers("b", "1"), path)
    assert load_answers(path).student_name == "B", "a failed write leaves the old file"


def test_dump_failure_leaves_no_temporary_file(tmp_path, monkeypatch):
    def boom(*args):
        raise OSError("disk full")
    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        dump_answers_atomic(new_answers("b", "1", student_name="A"), tmp_path / "a.json")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("change, reason", [
    (lambda d: d.update(version=3), "newer version of the book"),
    (lambda d: d.update(version=0), "answers format version 0 is not supported"),
    (lambda d: d.update(version="1"), 'version is the text "1"'),
    (lambda d: d.pop("version"), "version is missing"),
    (lambda d: d.update(format="other"), 'format is "other"'),
    (lambda d: d.pop("format"), "not a sourcebook answers file"),
    (lambda d: d.pop("book"), "top level: 'book' is missing"),
    (lambda d: d["book"].pop("content_version"), "book: 'content_version' is missing"),
    (lambda d: d.update(student={"name": "", "id": "  "}), "name and id are both empty"),
    (lambda d: d["student"].update(name="x" * 201), "student → name"),
    (lambda d: d.update(exported_at="2026-01-12"), "is not a timestamp"),
    (lambda d: d.update(exported_at="2026-02-30T10:00:00Z"), "not a real date and time"),
    (lambda d: d["responses"]["smp-01"].update(last_at="2026-13-01T10:00:00Z"), "last_at"),
    (lambda d: d["responses"]["smp-01"].pop("response"), "'response' is missing"),
    (lambda d: d["responses"]["smp-01"].update(attempts=1.5), "attempts"),
    (lambda d: d["responses"]["smp-01"].update(attempts=True), "attempts"),
    (lambda d: d["responses"]["smp-01"].update(extra=1), "unknown field 'extra'"),
    (lambda d: d["responses"].update({"x" * 101: {"response": 1, "attempts": 1}}), "responses"),
    (lambda d: d.update(responses=[]), "responses"),
    (lambda d: d.update(notes={"memo": {"p1": 5}}), "notes → memo → p1"),
    (lambda d: d.update(extra=1), "unknown field 'extra'"),
])
def test_invalid_documents_give_a_reason(change, reason):
    data = submission(PERFECT)
    change(data)
    with pytest.raises(SourcebookError, match=None) as err:
        validate_answers(data, "x.json")
    assert reason in str(err.value)
    assert str(err.value).startswith("x.json: ")


def test_not_an_object():
    for value in ([], "text", 3, None):
        with pytest.raises(SourcebookError, match="expected a JSON object"):
            validate_answers(value)


def test_load_limits_and_encodings(tmp_path):
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 3_000_001)
    with pytest.raises(SourcebookError, match="the file is 3.0 MB; answers files are at most "
                                              "2.0 MB"):
        load_answers(big)
    good = write_json(tmp_path / "good.json", submission(PERFECT))
    with pytest.raises(SourcebookError, match="at most"):
        load_answers(good, max_bytes=100)
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + good.read_bytes())
    assert load_answers(bom).student_name == "Ada"
    with pytest.raises(SourcebookError, match="cannot read the file"):
        load_answers(tmp_path / "missing.json")


@pytest.mark.parametrize("name", ["truncated.json", "truncated-at-end.json", "binary.json",
                                  "utf16.json", "nan.json", "deep-nesting.json", "empty.json",
                                  "not-json.json"])
def test_unreadable_files(name):
    with pytest.raises(SourcebookError) as err:
        load_answers(CORPUS / name)
    assert str(err.value).startswith(str(CORPUS / name))


def test_fast_check_agrees_with_the_schema_on_the_corpus():
    """The quick structural check may only say "valid" when jsonschema agrees."""
    validator = Draft202012Validator(answers_schema())
    for path in sorted(CORPUS.glob("*.json")):
        try:
            data = json.loads(path.read_bytes().decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            continue
        if fast_valid(data):
            assert validator.is_valid(data), path.name


documents = st.builds(
    lambda name, sid, ids, attempts, stamp: submission(
        {i: "A" for i in ids}, name=name, sid=sid, exported_at=stamp) | {},
    st.text(max_size=210), st.text(max_size=5),
    st.lists(st.text(min_size=0, max_size=102), max_size=4),
    st.integers(-1, 3), st.sampled_from(["2026-01-12T10:00:00Z", "2026-01-12T10:00Z",
                                         "2026-01-12 10:00:00Z", "2026-01-12T10:00:00.1234567Z",
                                         "2026-01-12T10:00:00+05:30"]))


@settings(deadline=None, max_examples=300)
@given(documents, st.data())
def test_fast_check_never_accepts_what_the_schema_rejects(doc, data):
    doc = copy.deepcopy(doc)
    if doc["responses"] and data.draw(st.booleans()):
        key = next(iter(doc["responses"]))
        doc["responses"][key]["attempts"] = data.draw(st.sampled_from([-1, 0, 1.0, "1", None,
                                                                       100_001]))
    if fast_valid(doc):
        assert Draft202012Validator(answers_schema()).is_valid(doc)


def test_answers_dataclass_is_what_validate_returns():
    answers = validate_answers(submission({"smp-01": "B"}, name="Ada", sid="s1"))
    assert isinstance(answers, Answers)
    assert (answers.book_id, answers.content_version) == ("fixture-book", "3")
    assert answers.responses["smp-01"].source == "rusk-1951-01-12-continued-resistance"


def test_version_1_files_are_read_as_checked_responses():
    data = submission({"smp-01": "B", "smp-02": None})
    assert data["version"] == 1
    answers = validate_answers(data)
    assert answers.responses["smp-01"].history == ["B"]
    assert answers.responses["smp-02"].history == []
    assert not answers.responses["smp-01"].has_draft and answers.seed is None


def test_version_2_keeps_history_draft_seed_and_assignment(tmp_path):
    data = submission({"smp-01": "B"})
    data.update(version=2, seed="9f86d081884c7d65", assignment="week-3",
                notes_truncated=["memo/p2"])
    data["responses"]["smp-01"].update(history=["A", "B"], attempts=2, draft="C",
                                       draft_at="2026-01-12T10:05:00Z")
    answers = validate_answers(data)
    record = answers.responses["smp-01"]
    assert (record.response, record.history, record.draft) == ("B", ["A", "B"], "C")
    assert (answers.seed, answers.assignment, answers.notes_truncated) == (
        "9f86d081884c7d65", "week-3", ["memo/p2"])
    again = validate_answers(answers.to_json())        # a round trip keeps every field
    assert again.responses["smp-01"].to_json() == record.to_json()


@pytest.mark.parametrize("change, reason", [
    (lambda d: d.update(assignment=""), "assignment"),
    (lambda d: d["responses"]["smp-01"].update(history=list(range(21))), "history"),
    (lambda d: d["responses"]["smp-01"].update(draft_at="yesterday"), "draft_at"),
])
def test_bad_version_2_fields_give_a_reason(change, reason):
    data = submission({"smp-01": "B"})
    data.update(version=2)
    change(data)
    with pytest.raises(SourcebookError) as err:
        validate_answers(data)
    assert reason in str(err.value)


def test_a_bad_seed_is_dropped_and_a_long_note_cut_not_the_file():
    data = submission({"smp-01": "B"}, notes={"memo": {"p2": "x" * 25_000}})
    data.update(version=2, seed="not hex!")
    answers = validate_answers(data)
    assert answers.seed is None
    assert len(answers.notes["memo"]["p2"]) == 20_000 and answers.notes_truncated == ["memo/p2"]
