"""Per-student order (docs/contract.md §4): the same in Python and in the front end.

Options of choice items and the starting order of an ordering are sorted by
``fnv1a32(f"{seed}|{item id}|{entry id}")`` (ties by id). FNV-1a is not for secrecy: it only has
to be cheap and identical in both languages.
"""

from __future__ import annotations


def fnv1a32(text: str) -> int:
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def deal(seed: str, item_id: str, ids: list[str], *, avoid_identity: bool = False) -> list[str]:
    """`ids` in the student's order; with `avoid_identity`, never in the given order (an
    ordering must not start solved): a dealt order equal to `ids` is rotated left by one."""
    out = sorted(ids, key=lambda i: (fnv1a32(f"{seed}|{item_id}|{i}"), i))
    if avoid_identity and len(out) > 1 and out == list(ids):
        out = out[1:] + out[:1]
    return out
