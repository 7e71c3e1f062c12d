"""One error type for bad input: it always names the file, and the line and field when known."""

from __future__ import annotations

from pathlib import Path


class SourcebookError(Exception):
    """Bad input that a user can fix. `str()` reads `file:line field: message`."""

    def __init__(self, path: str | Path | None, message: str, *, line: int | None = None,
                 field: str | None = None, item: str | None = None):
        self.path = str(path) if path is not None else None
        self.line = line
        self.field = field
        self.item = item
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        parts = [where]
        if self.item:
            parts.append(f"item {self.item}")
        head = " ".join(parts)
        if self.field:
            return f"{head}: {self.field}: {self.message}"
        return f"{head}: {self.message}"


class SourceError(SourcebookError):
    """A primary source (text or metadata) that cannot be read."""
