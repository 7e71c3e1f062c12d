"""Per-student order of options and ordering entries (docs/contract.md §4).

Entries are sorted by mix32(fnv1a32(UTF-8 f"{seed}|{item id}|{entry id}")), ties by id (mix32
is MurmurHash3's 32-bit finaliser: plain FNV-1a barely mixes its last bytes, so one-letter option
ids would reach only a third of the possible orders); an ordering
whose dealt order is already the right one is rotated left by one (``avoid_identity``). The
page (render/assets/core/deal.js) deals the same way, from the seed it keeps with the
answers; the grader and the printed worksheets use this module.
"""

from __future__ import annotations

import secrets


def fnv1a32(text: str) -> int:
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h ^= byte
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def mix32(h: int) -> int:
    """MurmurHash3's fmix32: every input bit reaches every output bit."""
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & 0xFFFFFFFF
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & 0xFFFFFFFF
    return h ^ (h >> 16)


def rank(seed: str, item_id: str, entry_id: str) -> int:
    return mix32(fnv1a32(f"{seed}|{item_id}|{entry_id}"))


def deal(seed: str, item_id: str, ids: list[str], *, avoid_identity: bool = False) -> list[str]:
    """`ids` in the order student `seed` sees them; with `avoid_identity`, never in the order
    given (when there are two or more)."""
    out = sorted(ids, key=lambda i: (rank(seed, item_id, i), i))
    if avoid_identity and len(ids) > 1 and out == list(ids):
        out = out[1:] + out[:1]
    return out


def new_seed() -> str:
    """A fresh seed: 16 random hex digits (the page makes its own with crypto.getRandomValues)."""
    return secrets.token_hex(8)
