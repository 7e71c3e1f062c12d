"""What the item types share to build their part of the web page: author text as HTML, the
hasher of right values, the choice block of choice-like items, filler, the build-time order.

Each type's `payload` (the answer-free data, docs/contract.md §1–2) and `page_body` (its HTML
on the page) live in its own module (`items/<type>.py`) and use these; `items/payload.py`
adds the fields every item has and `render/static.py` the markup around the body.
"""

from __future__ import annotations

import hashlib
import html
import re

from sourcebook.items.base import item_source
from sourcebook.items.crypto import (FAST, Stretched, encrypt, joint_key, padded, sha256_hex,
                                     stretch, width_of)

PIECE_WIDTH = 48     # plain-text width of a cloze or mark-words piece ("k:" + 32 hex digits)

# --------------------------------------------------------------------------- author text

_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EM = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_CODE = re.compile(r"`([^`]+)`")


def inline(text: str | None) -> str:
    """Author text as HTML: escaped, with **strong**, *emphasis* and `code` (nothing else)."""
    out = html.escape(text or "", quote=False)
    out = _CODE.sub(r"<code>\1</code>", out)
    out = _STRONG.sub(r"<strong>\1</strong>", out)
    return _EM.sub(r"<em>\1</em>", out)


def plain(text: str | None) -> str:
    """Author text without its inline markup (for labels and attributes)."""
    return re.sub(r"\*\*|(?<![\w*])\*|\*(?![\w*])|`", "", text or "")


def attr(value) -> str:
    """A value escaped for an HTML attribute (or text)."""
    return html.escape(str(value), quote=True)


def sid_label(sid: str) -> str:
    """A sentence id as readers say it: p3.s2 -> "¶3, sentence 2"."""
    p, s = sid[1:].split(".s")
    return f"¶{p}, sentence {s}"


# --------------------------------------------------------------------------- what items read


def required_source(item, ctx):
    """The primary source an item reads (`base.item_source`); KeyError when the book lacks it."""
    source = item_source(item, ctx)
    if source is None:
        slug = item.source or getattr(ctx, "default_source", None)
        raise KeyError(f"item {item.id}: no source {slug!r} in the book")
    return source


def display_order(item_id: str, keys: list[str], *, avoid_identity: bool = False) -> list[str]:
    """A build-time order seeded by the item id (matching right-hand choices)."""
    out = sorted(keys, key=lambda k: sha256_hex(f"{item_id}|{k}"))
    if avoid_identity and out == list(keys) and len(keys) > 1:
        out = out[1:] + out[:1]
    return out


# --------------------------------------------------------------------------- hashing


class PayloadTools:
    """What a type's payload is built with: `tools(part, value, iterations)` stretches a value
    for this book and item; `seed` derives filler; `book` is the book id."""

    def __init__(self, book: str, item):
        self.book, self.item = book, item
        # Filler is derived from the item's whole data (explanation and feedback included),
        # which the page never holds, so filler cannot be told from a real check.
        self.seed = hashlib.sha256(item.model_dump_json().encode("utf-8")).hexdigest()

    def __call__(self, part: str, value: str, iterations: int = FAST) -> Stretched:
        return stretch(self.book, self.item.id, part, value, iterations)


def choice_block(h: PayloadTools, item, values: list[str], right: list[str],
                 feedback: dict[str, str | None]) -> dict:
    """answers / feedback / explanation of single, multiple and true-false items."""
    stretched = {v: h("option", v) for v in values}
    texts = {v: inline(feedback.get(v)) if feedback.get(v) else "" for v in values}
    width = width_of(list(texts.values()))
    return {
        "answers": {"it": FAST, "h": padded([stretched[v].check for v in right], len(values),
                                            h.seed)},
        "feedback": {v: encrypt(texts[v], stretched[v].secret, width) for v in values},
        "explanation": encrypt(inline(item.explanation),
                               joint_key([stretched[v].secret for v in sorted(right)])),
    }


def with_filler(entries: dict[str, str], length: int, seed: str) -> dict[str, str]:
    """A check -> ciphertext map padded to `length` entries with filler of the same shape
    (filler checks from ``padded``, ciphertexts of the same width under keys nobody has),
    sorted by check, so neither its size, its order nor a length tells which entries are real."""
    checks = padded(list(entries), length, seed)
    return {c: entries.get(c) or encrypt("", sha256_hex(f"{seed}|filler|{c}"), PIECE_WIDTH)
            for c in checks}


def explanation(item, secrets: list[str]) -> str:
    """The item's explanation under the joint key of a right response's secrets."""
    return encrypt(inline(item.explanation), joint_key(secrets))
