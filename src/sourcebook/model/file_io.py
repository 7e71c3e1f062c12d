"""Reading a file within a size limit, without blocking and only if it is a regular file;
writing a file all at once, so that no reader ever sees half of it."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Iterable

from sourcebook.errors import SourcebookError


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
