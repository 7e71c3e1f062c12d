"""A text file read as UTF-8 with "\\n" line ends, or a SourceError saying why it is no text."""

from __future__ import annotations

from pathlib import Path

from sourcebook.errors import SourceError


def read_text(path: Path) -> str:
    """A text file as UTF-8 with "\\n" line ends: a byte-order mark is dropped and Windows (CRLF)
    or old Mac (CR) line ends are read as they were meant; NUL bytes mean it is no text file."""
    return decode_text(path.read_bytes(), path)


def decode_text(data: bytes, path=None) -> str:
    if b"\0" in data:
        at = data.index(b"\0")
        raise SourceError(path, f"a NUL byte at offset {at}: this is not a text file (save the "
                          "document as plain UTF-8 text)", line=_line_of_bytes(data, at),
                          field="encoding")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise SourceError(path, f"byte 0x{data[err.start]:02x} at offset {err.start} is not UTF-8 "
                          "text; save the file as UTF-8", line=_line_of_bytes(data, err.start),
                          field="encoding") from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _line_of_bytes(data: bytes, at: int) -> int:
    head = data[:at].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return head.count(b"\n") + 1
