"""One error type for everything a user is told: file, line, item, field, message, severity.

    SourcebookError(path, message, line=…, field=…, item=…, severity="error")
    Problems([...])          # several at once (a whole set, a whole book); also an exception

`str()` reads `file:line item id: field: message`, the form every command prints (a problem
with no file, such as a bad command-line option, starts at its field).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path

SEVERITIES = ("error", "warning")


class SourcebookError(Exception):
    """Bad input that a user can fix (or, as a warning, should look at)."""

    def __init__(self, path: str | Path | None, message: str, *, line: int | None = None,
                 field: str | None = None, item: str | None = None, severity: str = "error"):
        if severity not in SEVERITIES:
            raise ValueError(f"severity {severity!r}")
        self.path = str(path) if path is not None else None
        self.line = line
        self.field = field
        self.item = item
        self.message = message
        self.severity = severity
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = []
        if self.path is not None or self.line is not None:
            where = self.path or "<input>"
            parts.append(where if self.line is None else f"{where}:{self.line}")
        if self.item:
            parts.append(f"item {self.item}")
        tail = f"{self.field}: {self.message}" if self.field else self.message
        warn = "warning: " if self.severity == "warning" else ""
        head = f"{' '.join(parts)}: " if parts else ""
        return f"{head}{warn}{tail}"

    def as_dict(self) -> dict:
        return {"file": self.path, "line": self.line, "item": self.item, "field": self.field,
                "message": self.message, "severity": self.severity}


class SourceError(SourcebookError):
    """A primary source (text or metadata) that cannot be read."""


class Problems(SourcebookError):
    """Several problems at once; `.errors` lists them, `str()` gives one per line."""

    def __init__(self, errors: Iterable[SourcebookError]):
        self.errors = list(errors)
        first = self.errors[0] if self.errors else None
        Exception.__init__(self, str(self))
        self.path = first.path if first else None
        self.line = first.line if first else None
        self.field = first.field if first else None
        self.item = first.item if first else None
        self.message = first.message if first else "no problems"
        self.severity = "error"

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


def suggest(word: str, known) -> str:
    """' (did you mean "x"?)' for the closest known word, or ''."""
    close = difflib.get_close_matches(str(word), list(known), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""
