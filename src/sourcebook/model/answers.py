"""The exported-answers format: what a student hands in and `sourcebook grade` reads.

One JSON file per student, described by `schemas/answers.schema.json` (JSON Schema 2020-12)::

    {
      "format": "sourcebook-answers",
      "version": 2,
      "book": {"id": "rusk-continued-resistance", "content_version": "2"},
      "student": {"name": "Ada Lovelace", "id": "s1234"},          # as typed; one may be ""
      "assignment": "week-3",                                        # or null
      "seed": "9f86d081884c7d65",                                    # the student's dealing seed
      "exported_at": "2026-01-12T10:00:00.000Z",                     # UTC, Date.toISOString()
      "responses": {
        "doc-01": {"response": "B",            # the last CHECKED response
                   "attempts": 2, "history": ["A", "B"], "first_at": "...", "last_at": "...",
                   "draft": "C", "draft_at": "...",   # changed after the last check: not graded
                   "source": "rusk-1951-01-12-continued-resistance"}
      },
      "notes": {"rusk-1951-01-12-continued-resistance": {"p2": "my note"}}
    }

docs/contract.md §5 is the full description. `version` changes only when a reader of version N
could misread the file; a new version comes with a migration in `_MIGRATIONS` (version 1 files
are read as version 2: their response counts as checked). The front end writes exactly this.

Beside it: ``answers_format`` (the records), ``answers_fast_check`` and ``answers_json_schema``
(is a document valid, and if not, why) and ``file_io`` (bounded reads, atomic writes).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sourcebook.errors import SourcebookError
from sourcebook.model.answers_fast_check import fast_records
from sourcebook.model.answers_format import (FORMAT, HISTORY, MAX_BYTES, NOTE_MAX, SEED, UNSET,
                                             VERSION, Answers, ResponseRecord, now, timestamp)
from sourcebook.model.answers_json_schema import answers_schema, schema_reason
from sourcebook.model.file_io import read_limited, write_atomic

__all__ = ["FORMAT", "VERSION", "HISTORY", "NOTE_MAX", "Answers", "ResponseRecord", "new_answers",
           "validate_answers", "load_answers", "dump_answers_atomic", "answers_schema",
           "MAX_BYTES", "parse_answers_bytes", "read_limited", "write_atomic"]


def _from_version_1(data: dict) -> dict:
    """Version 1 kept one response per item, the last one the student checked or typed; it is
    read as checked (version 1 pages counted a typed answer as the answer)."""
    out = {**data, "version": 2}
    responses = data.get("responses")
    if isinstance(responses, dict):
        out["responses"] = {
            k: ({**r, "history": [r["response"]][:1] if r.get("response") is not None else []}
                if isinstance(r, dict) and "response" in r else r)
            for k, r in responses.items()}
    return out


_MIGRATIONS: dict[int, Any] = {1: _from_version_1}  # version -> function(data) -> next version


def new_answers(book_id: str, content_version: str, *, student_name: str = "",
                student_id: str = "", responses: dict[str, Any] | None = None,
                notes: dict[str, dict[str, str]] | None = None, source: str | None = None,
                exported_at: str | None = None) -> Answers:
    """A fresh answers document; `responses` maps item ids to bare responses (1 attempt each)."""
    when = exported_at or now()
    records = {k: ResponseRecord(v, 1, when, when, source, [v])
               for k, v in (responses or {}).items()}
    return Answers(book_id, content_version, student_name, student_id, when, records,
                   notes or {})


def _mend(data: dict) -> None:
    """Repairs that keep a student's work rather than refuse the file (the page does the same
    on import): a note over the limit is cut there and listed in `notes_truncated`; a seed that
    is not one the page makes is dropped (the file's orderings are then marked as given)."""
    notes = data.get("notes")
    cut = []
    if isinstance(notes, dict):
        for slug, per in notes.items():
            if isinstance(per, dict):
                for pid, text in per.items():
                    if isinstance(text, str) and len(text) > NOTE_MAX:
                        per[pid] = text[:NOTE_MAX]
                        cut.append(f"{slug}/{pid}")
    if cut:
        before = data.get("notes_truncated")
        data["notes_truncated"] = sorted(set((before if isinstance(before, list) else []) + cut))
    seed = data.get("seed")
    if seed is not None and not (isinstance(seed, str) and SEED.fullmatch(seed)):
        data["seed"] = None


def validate_answers(data: Any, path: str | Path | None = None) -> Answers:
    """Check a parsed answers document; return it as Answers or raise SourcebookError."""
    if not isinstance(data, dict):
        raise SourcebookError(path, "not an answers file: expected a JSON object { ... }")
    if data.get("format") != FORMAT:
        found = data.get("format")
        raise SourcebookError(path, "not a sourcebook answers file (no \"format\": "
                              f'"{FORMAT}")' if found is None else
                              f'not a sourcebook answers file (format is "{str(found)[:40]}")')
    version = data.get("version")
    if type(version) is int and version in _MIGRATIONS:
        while type(version) is int and version in _MIGRATIONS:
            data = _MIGRATIONS[version](data)
            version = data.get("version")
    if isinstance(version, str):
        raise SourcebookError(path, f'the answers format version is the text "{version[:20]}"; '
                              f"it must be the number {VERSION}")
    if type(version) is not int:
        raise SourcebookError(path, "the answers format version is missing or not a whole "
                              f"number ({str(version)[:20]})")
    if version > VERSION:
        raise SourcebookError(path, f"written by a newer version of the book (answers format "
                              f"{version}); this sourcebook reads format {VERSION}: update it")
    if version != VERSION:
        raise SourcebookError(path, f"answers format version {version} is not supported "
                              f"(this sourcebook reads format {VERSION})")
    if version == 2:
        _mend(data)
    responses = fast_records(data)
    if responses is None:
        reason = schema_reason(data)
        if reason:
            raise SourcebookError(path, reason)
        responses = {k: ResponseRecord(r["response"], r["attempts"], r.get("first_at"),
                                       r.get("last_at"), r.get("source"), r.get("history", []),
                                       r.get("draft", UNSET), r.get("draft_at"))
                     for k, r in data["responses"].items()}
    try:
        timestamp(data["exported_at"])
    except ValueError:
        raise SourcebookError(path, f"exported_at: {data['exported_at']!r} is not a real date "
                              "and time") from None
    book, student = data["book"], data["student"]
    return Answers(book["id"], book["content_version"], student["name"], student["id"],
                   data["exported_at"], responses, data.get("notes") or {}, data.get("seed"),
                   data.get("assignment"), list(data.get("notes_truncated") or []))


def _reject_constant(name: str):
    raise ValueError(f"{name} is not allowed in JSON")


def parse_answers_bytes(data: bytes, path: str | Path | None = None) -> Any:
    """Decode and parse; raise SourcebookError with the reason in words."""
    if not data.strip():
        raise SourcebookError(path, "the file is empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise SourcebookError(path, f"not a text file (byte {data[err.start]:#04x} at offset "
                              f"{err.start} is not UTF-8); export the answers again from the "
                              "book") from None
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as err:
        if err.msg.startswith("Unterminated string") or not text[err.pos:].strip():
            raise SourcebookError(path, "the JSON ends too early: the file looks cut off "
                                  "(truncated)", line=err.lineno) from None
        if not text[:err.pos].strip():
            raise SourcebookError(path, 'not JSON (it does not start with "{"); is it the '
                                  "answers file exported from the book?", line=1) from None
        raise SourcebookError(path, f"not valid JSON: {err.msg} (column {err.colno})",
                              line=err.lineno) from None
    except RecursionError:
        raise SourcebookError(path, "the JSON is nested too deeply") from None
    except ValueError as err:       # NaN/Infinity, or an integer with thousands of digits
        raise SourcebookError(path, f"not valid JSON: {err}") from None


def load_answers(path: str | Path, max_bytes: int = MAX_BYTES) -> Answers:
    """Read, parse and validate an answers file; SourcebookError says why one cannot be used."""
    path = Path(path)
    return validate_answers(parse_answers_bytes(read_limited(path, max_bytes), path), path)


def dump_answers_atomic(answers: Answers | dict, path: str | Path) -> Path:
    """Write the answers as JSON: to a temporary file beside `path`, then os.replace, so a
    reader never sees half a file."""
    data = answers.to_json() if isinstance(answers, Answers) else answers
    validate_answers(data, path)
    text = json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False) + "\n"
    return write_atomic(Path(path), text.encode("utf-8"), replace=True)
