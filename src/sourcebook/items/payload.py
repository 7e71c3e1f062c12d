"""The answer-free payload of an exercise item: what the page (and the notebook widget) may
know, per docs/contract.md §1–2 (version 2).

No answer is in plain text and nothing depends on which option is right:

- every right value is a *stretched hash* (``crypto.stretch``): PBKDF2-SHA256 of
  f"{part}|{value}" salted with the book and item; the page holds its ``check`` half, and the
  ``secret`` half (never in the page) is the key of what that value unlocks;
- hash lists are padded to a length fixed by the item's shape (``crypto.padded``), sorted;
- every option has a feedback ciphertext (empty text when the author wrote none), all of one
  item padded to the same length, opened by that option's secret only;
- the explanation opens with ``joint_key`` of the right response's secrets.

Parts and values hashed (``fast`` = crypto.FAST iterations, ``slow`` = crypto.SLOW):

=================  ============================================  ======  =====================
type               part | value                                   it      explanation key from
=================  ============================================  ======  =====================
single-choice      option | option id                             fast    the right option
multiple-select    option | option id                             fast    right ids, sorted
true-false         option | "true" / "false"                      fast    the right one
ordering           pair | "a>b" (every a before b)                fast    neighbouring pairs
matching           match{i} | right key (left i, from 1)          fast    lefts in order
cloze              blank{j} | normalised form (blank j, from 1)   slow    canonical forms
evidence           sentence | sentence id                         fast    right ids, sorted
mark-words         token | token number                           fast    phrases in order
                   phrase | f"{k}|{normalised phrase}"
date               date | ISO date                                slow    the date
short-answer       (recorded: key SHA-256(f"{book}|{item}|rubric|recorded"), not secret)
=================  ============================================  ======  =====================

The page deals choice options and ordering entries per student (contract §4, ``shuffle``); the
payload lists them in data order. Matching right-hand keys are opaque and dealt by item id.

Each type's fields are built by its own module (`items/<type>.py`, the `payload` of its
registry entry, with the helpers of `items/page_parts.py`); this module adds the fields every
item has and keeps the built payloads.
"""

from __future__ import annotations

import copy
import hashlib
import json
from typing import Any

from sourcebook.items.base import item_source
from sourcebook.items.page_parts import PayloadTools, inline
from sourcebook.items.registry import item_type

PAYLOAD_VERSION = 2

_CACHE: dict[tuple, dict] = {}


def build_payload(item, ctx, *, book: str | None = None, set_id: str | None = None,
                  n: int | None = None) -> dict[str, Any]:
    """The item as the page needs it, with no answer in plain text (JSON-able). The same item
    of the same book is hashed once per process (the pages and the student bundle of one
    build render it twice; slow hashes cost about 20 ms each)."""
    book = book or ctx.book_id
    key = (book, set_id, n, item.model_dump_json(), json.dumps(getattr(ctx, "variants", None)),
           _source_digest(item, ctx))
    if key not in _CACHE:
        if len(_CACHE) > 4096:
            _CACHE.clear()
        _CACHE[key] = _build_payload(item, ctx, book=book, set_id=set_id, n=n)
    return copy.deepcopy(_CACHE[key])


def _source_digest(item, ctx) -> str | None:
    """What of the source an item's payload may depend on (its sentences), as a digest."""
    source = item_source(item, ctx) if item_type(item).needs_source else None
    if source is None:
        return None
    return hashlib.sha256("\n".join(f"{s.id}|{s.page}|{s.text}" for s in source.sentences)
                          .encode("utf-8")).hexdigest()


def _build_payload(item, ctx, *, book: str, set_id: str | None, n: int | None) -> dict[str, Any]:
    source = getattr(item, "source", None) or getattr(ctx, "default_source", None)
    p: dict[str, Any] = {"id": item.id, "type": item.type, "book": book, "set": set_id,
                         "points": item.points, "source": source, "n": n,
                         "prompt": inline(item.prompt),
                         "hint": inline(item.hint) if item.hint else None}
    p.update(item_type(item).payload(item, ctx, PayloadTools(book, item)))
    return p
