"""Stretched hashes, secrets and encryption of the payload (docs/contract.md §1).

    stretch(book, item, part, value, iterations) -> Stretched(check, secret)
        PBKDF2-HMAC-SHA256(password = f"{part}|{value}", salt = f"sourcebook|{book}|{item}",
        iterations, 32 bytes); `check` (bytes 0..15, hex) goes into the page, `secret`
        (bytes 16..31, hex) never does: it is the key of what a right value unlocks.
    encrypt(text, key) / decrypt(token, key)
        keystream block n = SHA-256(f"{key}:{n}"), XOR-ed with the UTF-8 of "sb:" + text,
        base64. `width` pads the plain text with NULs (stripped on decryption) so that texts
        of one item all have the same length and their lengths tell nothing.
    padded(checks, length, seed)
        a hash list padded with filler to a fixed length, sorted. The filler is derived from
        `seed`, which the caller makes from what the page does not hold (the item's full
        data, explanation included), so builds are repeatable but the filler cannot be told
        from a real check without the key.

The browser computes the same with WebCrypto (render/assets/core/crypto.js), only when the
student presses Check. `SLOW` is the iteration count of date answers and cloze blanks, chosen
with benchmarks/bench_recovery.py so that a Check stays under 300 ms while recovering a date
from the page costs at least 10 CPU-minutes (a cloze blank at least 5) in Chromium.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import NamedTuple

MAGIC = "sb:"
FAST = 1_000
SLOW = 72_000     # bench_recovery.py: ~12 ms a hash in Chromium here, a date >= 10 CPU-minutes


class Stretched(NamedTuple):
    check: str
    secret: str


def stretch(book: str, item: str, part: str, value: str, iterations: int) -> Stretched:
    raw = hashlib.pbkdf2_hmac("sha256", f"{part}|{value}".encode("utf-8"),
                              f"sourcebook|{book}|{item}".encode("utf-8"), iterations, 32)
    return Stretched(raw[:16].hex(), raw[16:].hex())


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def joint_key(secrets: list[str]) -> str:
    """The key of an explanation: SHA-256 hex of the right response's secrets joined by ","."""
    return sha256_hex(",".join(secrets))


def _keystream(key: str, n: int) -> bytes:
    return b"".join(hashlib.sha256(f"{key}:{i}".encode("utf-8")).digest()
                    for i in range((n + 31) // 32))[:n]


def encrypt(text: str, key: str, width: int = 0) -> str:
    """`text` under `key`; padded with NULs to `width` bytes of UTF-8 (after the magic)."""
    data = (MAGIC + text).encode("utf-8")
    data += b"\0" * max(0, len(MAGIC) + width - len(data))
    return base64.b64encode(bytes(a ^ b for a, b in zip(data, _keystream(key, len(data))))).decode()


def decrypt(token: str, key: str) -> str | None:
    """The plain text, or None when the key is wrong."""
    data = base64.b64decode(token)
    try:
        text = bytes(a ^ b for a, b in zip(data, _keystream(key, len(data)))).decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text[len(MAGIC):].rstrip("\0") if text.startswith(MAGIC) else None


def width_of(texts: list[str]) -> int:
    """The common plain-text width of a group of texts: the longest, rounded up to 32 bytes."""
    longest = max((len(t.encode("utf-8")) for t in texts), default=0)
    return -(-longest // 32) * 32


def padded(checks: list[str], length: int, seed: str) -> list[str]:
    """`checks` padded with filler to `length` entries (never cut), sorted."""
    out = list(checks)
    n = 0
    while len(out) < length:
        out.append(hmac.new(seed.encode("utf-8"), f"pad|{n}".encode(), "sha256").hexdigest()[:32])
        n += 1
    return sorted(out)
