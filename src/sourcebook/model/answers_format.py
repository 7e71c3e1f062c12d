"""The answers file's data: the format's name and version, its limits, and the records read
from or written to it (`Answers`, one `ResponseRecord` per item)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

FORMAT = "sourcebook-answers"
VERSION = 2
MAX_BYTES = 2_000_000
HISTORY = 20           # checked responses kept per item: the first and the last 19
NOTE_MAX = 20_000       # characters of one note; longer ones are cut on import
SEED = re.compile(r"[0-9a-f]{8,32}")     # a dealing seed as the page makes it

UNSET = object()       # no draft: the answer on the page is the one last checked


@dataclass(slots=True)
class ResponseRecord:
    response: Any                   # the last checked response
    attempts: int = 1
    first_at: str | None = None
    last_at: str | None = None
    source: str | None = None
    history: list = field(default_factory=list)
    draft: Any = UNSET             # changed after the last check (never graded)
    draft_at: str | None = None

    @property
    def has_draft(self) -> bool:
        return self.draft is not UNSET

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
        return timestamp(self.exported_at)

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION,
                "book": {"id": self.book_id, "content_version": self.content_version},
                "student": {"name": self.student_name, "id": self.student_id},
                "assignment": self.assignment, "seed": self.seed,
                "exported_at": self.exported_at,
                "responses": {k: r.to_json() for k, r in self.responses.items()},
                "notes": self.notes, "notes_truncated": list(self.notes_truncated)}


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds").replace(
        "+00:00", "Z")


def timestamp(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
