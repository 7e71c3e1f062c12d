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
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from sourcebook.errors import SourcebookError

__all__ = ["FORMAT", "VERSION", "Answers", "ResponseRecord", "new_answers", "validate_answers",
           "load_answers", "dump_answers_atomic", "answers_schema", "MAX_BYTES"]

FORMAT = "sourcebook-answers"
VERSION = 2
MAX_BYTES = 2_000_000
HISTORY = 20           # checked responses kept per item: the first and the last 19


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


_UNSET = object()       # no draft: the answer on the page is the one last checked


@dataclass(slots=True)
class ResponseRecord:
    response: Any                   # the last checked response
    attempts: int = 1
    first_at: str | None = None
    last_at: str | None = None
    source: str | None = None
    history: list = field(default_factory=list)
    draft: Any = _UNSET             # changed after the last check (never graded)
    draft_at: str | None = None

    @property
    def has_draft(self) -> bool:
        return self.draft is not _UNSET

    def to_json(self) -> dict[str, Any]:
        out = {"response": self.response, "attempts": self.attempts,
               "history": list(self.history), "first_at": self.first_at,
               "last_at": self.last_at}
        if self.has_draft:
            out["draft"], out["draft_at"] = self.draft, self.draft_at
        if self.source is not None:
            out["source"] = self.source
        return out


@dataclass
class Answers:
    book_id: str
    content_version: str
    student_name: str = ""
    student_id: str = ""
    exported_at: str = ""
    responses: dict[str, ResponseRecord] = field(default_factory=dict)
    notes: dict[str, dict[str, str]] = field(default_factory=dict)
    seed: str | None = None
    assignment: str | None = None
    notes_truncated: list[str] = field(default_factory=list)

    @property
    def exported(self) -> dt.datetime:
        """`exported_at` as an aware datetime (UTC when the text has no zone)."""
        return _timestamp(self.exported_at)

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION,
                "book": {"id": self.book_id, "content_version": self.content_version},
                "student": {"name": self.student_name, "id": self.student_id},
                "assignment": self.assignment, "seed": self.seed,
                "exported_at": self.exported_at,
                "responses": {k: r.to_json() for k, r in self.responses.items()},
                "notes": self.notes, "notes_truncated": list(self.notes_truncated)}


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds").replace(
        "+00:00", "Z")


def _timestamp(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def new_answers(book_id: str, content_version: str, *, student_name: str = "",
                student_id: str = "", responses: dict[str, Any] | None = None,
                notes: dict[str, dict[str, str]] | None = None, source: str | None = None,
                exported_at: str | None = None) -> Answers:
    """A fresh answers document; `responses` maps item ids to bare responses (1 attempt each)."""
    when = exported_at or _now()
    records = {k: ResponseRecord(v, 1, when, when, source, [v])
               for k, v in (responses or {}).items()}
    return Answers(book_id, content_version, student_name, student_id, when, records,
                   notes or {})


# --------------------------------------------------------------------------- validation

@lru_cache(maxsize=1)
def answers_schema() -> dict[str, Any]:
    text = resources.files("sourcebook").joinpath("schemas/answers.schema.json").read_text(
        encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def _validator():
    from jsonschema import Draft202012Validator
    return Draft202012Validator(answers_schema())


def _where(path) -> str:
    parts = [str(p) for p in path]
    return " → ".join(parts) if parts else "top level"


def _schema_reason(data: Any) -> str | None:
    """The most useful schema error, in words, or None when the document is valid."""
    from itertools import islice

    from jsonschema.exceptions import best_match
    # The first few errors are enough to say what is wrong; a malformed file can have
    # hundreds of thousands, and listing them all costs minutes and gigabytes.
    errors = list(islice(_validator().iter_errors(data), 20))
    if any(e.validator == "anyOf" and list(e.absolute_path) == ["student"] for e in errors):
        return "the student's name and id are both empty"
    error = best_match(errors)
    if error is None:
        return None
    where = _where(error.absolute_path)
    if error.validator == "required":
        return f"{where}: {error.message.split(' is a required')[0]} is missing"
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return f"{where}: unknown field{'s' * (len(extra) > 1)} " + ", ".join(
            repr(e)[:40] for e in extra[:5])
    if error.validator == "pattern" and error.absolute_path and \
            str(error.absolute_path[-1]).endswith("_at"):
        return f"{where}: {str(error.instance)[:40]!r} is not a timestamp like " \
               "2026-01-12T10:00:00Z"
    limits = {"maxLength": lambda: f"is {len(error.instance):,} characters long; at most "
                                   f"{error.validator_value:,} are allowed",
              "maxItems": lambda: f"has {len(error.instance):,} entries; at most "
                                  f"{error.validator_value:,} are allowed",
              "maxProperties": lambda: f"has {len(error.instance):,} entries; at most "
                                       f"{error.validator_value:,} are allowed"}
    if error.validator in limits and hasattr(error.instance, "__len__"):
        return f"{where}: {limits[error.validator]()}"    # never echo a huge value
    message = error.message if len(error.message) < 200 else error.message[:200] + "…"
    return f"{where}: {message}"


def _fast_valid(data: Any) -> bool:
    """True when `data` certainly satisfies the schema (see _fast_records)."""
    return _fast_records(data) is not None


def _fast_records(data: Any) -> dict[str, ResponseRecord] | None:
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
    if seed is not None and (type(seed) is not str or not _SEED.fullmatch(seed)):
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
                            record.get("draft", _UNSET), draft_at)
    return records


_TOP = {"format", "version", "book", "student", "exported_at", "responses"}
_OPTIONAL_TOP = {"notes", "seed", "assignment", "notes_truncated"}
_RECORD = {"response", "attempts", "first_at", "last_at", "source", "history", "draft",
           "draft_at"}
_SEED = re.compile(r"[0-9a-f]{8,32}")
_REQUIRED = {"response", "attempts"}

# Shape and field ranges of a timestamp (as in the schema); only exported_at is also checked
# against the calendar (no 30 February), since it decides which of two exports is newer.
_STAMP = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
                    r"T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,6})?)?"
                    r"(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])")


def _is_stamp(value: Any) -> bool:
    return type(value) is str and _STAMP.fullmatch(value) is not None


NOTE_MAX = 20_000


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
    if seed is not None and not (isinstance(seed, str) and _SEED.fullmatch(seed)):
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
    responses = _fast_records(data)
    if responses is None:
        reason = _schema_reason(data)
        if reason:
            raise SourcebookError(path, reason)
        responses = {k: ResponseRecord(r["response"], r["attempts"], r.get("first_at"),
                                       r.get("last_at"), r.get("source"), r.get("history", []),
                                       r.get("draft", _UNSET), r.get("draft_at"))
                     for k, r in data["responses"].items()}
    try:
        _timestamp(data["exported_at"])
    except ValueError:
        raise SourcebookError(path, f"exported_at: {data['exported_at']!r} is not a real date "
                              "and time") from None
    book, student = data["book"], data["student"]
    return Answers(book["id"], book["content_version"], student["name"], student["id"],
                   data["exported_at"], responses, data.get("notes") or {}, data.get("seed"),
                   data.get("assignment"), list(data.get("notes_truncated") or []))


# --------------------------------------------------------------------------- files

def read_limited(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file, at most `max_bytes`: opened without blocking (a FIFO named
    like an answers file cannot hang a reader), refused when it is not a regular file or is
    larger, with the reason in words."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as err:
        raise SourcebookError(path, f"cannot read the file: {err.strerror or err}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise SourcebookError(path, "not a regular file (a FIFO, device or socket)")
        if st.st_size > max_bytes:
            raise SourcebookError(path, f"the file is {_size(st.st_size)}; answers files are at "
                                  f"most {_size(max_bytes)} (is it really an answers file?)")
        chunks, total = [], 0
        while total <= max_bytes:            # the size may change after fstat
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as err:
        raise SourcebookError(path, f"cannot read the file: {err.strerror or err}") from None
    finally:
        os.close(fd)
    if total > max_bytes:
        raise SourcebookError(path, f"the file is larger than {_size(max_bytes)}")
    return b"".join(chunks)


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n / 1000:.0f} kB" \
        if n >= 1000 else f"{n} bytes"


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


def write_atomic(path: Path, data: bytes | Iterable[bytes], *, replace: bool) -> Path:
    """Write `data` (bytes, or chunks of bytes as they are made) to `path` all at once. With
    replace=False, fail (FileExistsError) rather than replace an existing file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            for chunk in [data] if isinstance(data, bytes) else data:
                f.write(chunk)
            f.flush()
            os.fsync(f.fileno())
        if replace:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)  # atomic, and refuses to replace an existing file
            except FileExistsError:
                raise
            except OSError:         # no hard links here (some network or FAT drives)
                if path.exists():
                    raise FileExistsError(path) from None
                os.replace(tmp, path)
            else:
                os.unlink(tmp)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path
