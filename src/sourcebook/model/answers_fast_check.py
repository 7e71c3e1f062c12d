"""The quick check of an answers file: true only when the document certainly satisfies
`schemas/answers.schema.json`, building the records on the way (jsonschema needs ~10 ms a file,
this ~0.1 ms). Anything else goes to jsonschema, which finds the reason."""

from __future__ import annotations

import re
from typing import Any

from sourcebook.model.answers_format import FORMAT, HISTORY, SEED, UNSET, VERSION, ResponseRecord


def fast_valid(data: Any) -> bool:
    """True when `data` certainly satisfies the schema (see fast_records)."""
    return fast_records(data) is not None


def fast_records(data: Any) -> dict[str, ResponseRecord] | None:
    """The responses as records when `data` certainly satisfies the schema, checked quickly
    (jsonschema needs ~10 ms a file, this ~0.1 ms, and it builds the records on the way).

    None means "ask jsonschema", which finds the reason. Keep in step with the schema: tests
    check that the two agree on the corpus and on generated documents."""
    if type(data) is not dict or data.keys() - _OPTIONAL_TOP != _TOP:
        return None
    if data["format"] != FORMAT or type(data["version"]) is not int or data["version"] != VERSION:
        return None
    book, student = data["book"], data["student"]
    if type(book) is not dict or book.keys() != {"id", "content_version"} or not all(
            type(v) is str and 0 < len(v) <= lim for v, lim in
            ((book["id"], 100), (book["content_version"], 40))):
        return None
    if type(student) is not dict or student.keys() != {"name", "id"} or not all(
            type(v) is str and len(v) <= 200 for v in student.values()) or not any(
            not v.isspace() and v for v in student.values()):
        return None
    if not _is_stamp(data["exported_at"]):
        return None
    responses = data["responses"]
    if type(responses) is not dict or len(responses) > 2000:
        return None
    notes = data.get("notes", {})
    if type(notes) is not dict or len(notes) > 100:
        return None
    seed, assignment = data.get("seed"), data.get("assignment")
    if seed is not None and (type(seed) is not str or not SEED.fullmatch(seed)):
        return None
    if assignment is not None and (type(assignment) is not str or not 0 < len(assignment) <= 100):
        return None
    cut = data.get("notes_truncated", [])
    if type(cut) is not list or len(cut) > 1000 or not all(
            type(c) is str and len(c) <= 300 for c in cut):
        return None
    for per_source in notes.values():
        if type(per_source) is not dict or len(per_source) > 500 or not all(
                type(t) is str and len(t) <= 20000 for t in per_source.values()):
            return None
    stamp, record_keys, required, make = _STAMP.fullmatch, _RECORD, _REQUIRED, ResponseRecord
    records = {}
    for key, record in responses.items():
        if type(record) is not dict or not 0 < len(key) <= 100:
            return None
        keys = record.keys()
        if not keys >= required or not keys <= record_keys:
            return None
        attempts = record["attempts"]
        if type(attempts) is not int or attempts < 0 or attempts > 100_000:
            return None
        first, last = record.get("first_at"), record.get("last_at")
        if first is not None and (type(first) is not str or not stamp(first)):
            return None
        if last is not None and (type(last) is not str or not stamp(last)):
            return None
        source = record.get("source")
        if source is None:
            if "source" in keys:
                return None
        elif type(source) is not str or len(source) > 200:
            return None
        history = record.get("history", [])
        if type(history) is not list or len(history) > HISTORY:
            return None
        draft_at = record.get("draft_at")
        if draft_at is not None and (type(draft_at) is not str or not stamp(draft_at)):
            return None
        records[key] = make(record["response"], attempts, first, last, source, history,
                            record.get("draft", UNSET), draft_at)
    return records


_TOP = {"format", "version", "book", "student", "exported_at", "responses"}
_OPTIONAL_TOP = {"notes", "seed", "assignment", "notes_truncated"}
_RECORD = {"response", "attempts", "first_at", "last_at", "source", "history", "draft",
           "draft_at"}
_REQUIRED = {"response", "attempts"}

# Shape and field ranges of a timestamp (as in the schema); only exported_at is also checked
# against the calendar (no 30 February), since it decides which of two exports is newer.
_STAMP = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
                    r"T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,6})?)?"
                    r"(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])")


def _is_stamp(value: Any) -> bool:
    return type(value) is str and _STAMP.fullmatch(value) is not None
