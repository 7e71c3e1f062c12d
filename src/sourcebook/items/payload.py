"""The answer-free payload of an exercise item: what the static page's JS checker reads.

The student's page must hold no answer, accepted variant or answer-revealing feedback in plain
text. So the payload holds, instead of answers, salted hashes of the normalised correct responses
(contract.md)::

    digest(book, item, part, value) = sha256(f"{book}|{item}|{part}|{value}") as hex, first 20

and texts that only a right response may show are encrypted (``encrypt``): a key
``derive_key(book, item, purpose, material)`` (the full sha256 hex of the same kind of string)
drives a SHA-256 counter keystream, ``block n = sha256(f"{key}:{n}")``, XOR-ed with the UTF-8
text, base64. A plain text starts with ``MAGIC`` so the JS can tell a good key from a bad one.

What is hashed (``part``: value) and what unlocks what, per item type:

=================  ==========================================  ===============================
type               hashes                                      explanation key material
=================  ==========================================  ===============================
single-choice      answer: option id                           the option id
multiple-select    answer: each right option id                right ids sorted, joined by ","
true-false         answer: "true" / "false"                    "true" / "false"
ordering           pair: "a>b" for every a before b           ids in order, joined by ","
matching           match<i>: right key, for left i (1-based)   right keys by left, joined ","
cloze              blank<j>: each normalised accepted form     blank pieces joined by "|"
evidence           answer: each right sentence id              right ids sorted, joined by ","
mark-words         token: index of each token of a phrase      phrase pieces joined by ","
date               answer: ISO date (1951-01-12)               the ISO date
short-answer       (nothing: recorded, self-assessed)          "rubric" / "recorded"
=================  ==========================================  ===============================

A short answer has no right response, so its rubric and explanation (shown once an answer is
recorded) are encrypted with a key anyone can derive: not secret, only out of plain text, like
option feedback. The exemplar never leaves the instructor edition.

Option feedback is encrypted with ``derive_key(..., "option", option id)`` (true-false:
"true"/"false"), so it opens only for the option chosen. Where a right response can be spelt
in several ways (cloze variants, the words of a mark-words phrase), each accepted form carries
its blank's or phrase's *piece* encrypted with ``derive_key(..., part + "-key", form)``; a fully
right response recovers every piece, and the pieces make the explanation key.

Display order: ordering entries and matching right-hand choices are shuffled by
``display_order`` (sorted by sha256 of "item id|key"; an ordering never starts solved).
Hash lists are sorted, so their order tells nothing either.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from typing import Any

from sourcebook.items.normalize import expand_variants, normalise
from sourcebook.items.passage import passage_tokens, phrase_tokens
from sourcebook.items.schema import (Cloze, DateItem, Evidence, Matching, MarkWords, MultipleSelect,
                                Ordering, ShortAnswer, SingleChoice, TrueFalse)

MAGIC = "sb:"


# What an evidence item asks the student to do (web page, notebook, worksheet): it fits one
# right sentence or several without giving the count away.
EVIDENCE_HOW = "Tick the sentence or sentences that answer the question."

def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def digest(book: str, item: str, part: str, value: str) -> str:
    return _sha(f"{book}|{item}|{part}|{value}")[:20]


def derive_key(book: str, item: str, purpose: str, material: str) -> str:
    return _sha(f"{book}|{item}|{purpose}|{material}")


def _keystream(key: str, n: int) -> bytes:
    return b"".join(bytes.fromhex(_sha(f"{key}:{i}")) for i in range((n + 31) // 32))[:n]


def encrypt(text: str, key: str) -> str:
    data = (MAGIC + text).encode("utf-8")
    return base64.b64encode(bytes(a ^ b for a, b in zip(data, _keystream(key, len(data))))).decode()


def decrypt(token: str, key: str) -> str | None:
    """The plain text, or None when the key is wrong (used by tests; the JS does the same)."""
    data = base64.b64decode(token)
    try:
        text = bytes(a ^ b for a, b in zip(data, _keystream(key, len(data)))).decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text[len(MAGIC):] if text.startswith(MAGIC) else None


def display_order(item_id: str, keys: list[str], *, avoid_identity: bool = False) -> list[str]:
    """A deterministic shuffle of `keys` seeded by the item id."""
    out = sorted(keys, key=lambda k: _sha(f"{item_id}|{k}"))
    if avoid_identity and out == list(keys) and len(keys) > 1:
        out = out[1:] + out[:1]
    return out


# --------------------------------------------------------------------------- inline text

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


# --------------------------------------------------------------------------- parts


def item_source(item, ctx):
    slug = item.source or getattr(ctx, "default_source", None)
    sources = getattr(ctx, "sources", {}) or {}
    if slug in sources:
        return sources[slug]
    if len(sources) == 1:
        return next(iter(sources.values()))
    raise KeyError(f"item {item.id}: no source {slug!r} in the book")


def ordering_ids(item: Ordering) -> list[str]:
    """Entry ids in the right order (timeline items are resolved by the loader)."""
    if item.entries:
        return [e.id for e in item.entries]
    return list(item.timeline or [])


def matching_keys(item: Matching) -> list[str]:
    """Right-choice keys, aligned with the pairs' rights then the distractors (opaque order)."""
    return item.right_keys()


def evidence_scope(item: Evidence, source) -> list[str]:
    """The sentence ids offered to the student, in reading order."""
    if item.scope:
        return [s.id for pid in item.scope for s in source.paragraph(pid).sentences]
    return [s.id for s in source.sentences]


def cloze_accepted(item: Cloze, ctx) -> list[list[str]]:
    """Each blank's accepted normalised forms, expanded through the spelling-variant groups."""
    groups = getattr(ctx, "variants", None) or []
    return [sorted(expand_variants(blank, groups)) for blank in item.blanks()]


def mark_tokens(item: MarkWords, ctx) -> tuple[list[str], list[list[int]]]:
    tokens = passage_tokens(item_source(item, ctx), item.sentences)
    return tokens, phrase_tokens(tokens, item.phrases)


def canonical(item, ctx, book: str) -> str:
    """The key material of the explanation (see the module docstring)."""
    match item:
        case SingleChoice():
            return item.answer
        case MultipleSelect():
            return ",".join(sorted(item.answers))
        case TrueFalse():
            return "true" if item.answer else "false"
        case Ordering():
            return ",".join(ordering_ids(item))
        case Matching():
            return ",".join(matching_keys(item)[:len(item.pairs)])
        case Cloze():
            return "|".join(normalise(b[0]) for b in item.blanks())
        case Evidence():
            return ",".join(sorted(item.answers))
        case MarkWords():
            return ",".join(_phrase_piece(book, item, k) for k in range(len(item.phrases)))
        case DateItem():
            return item.answer.isoformat()
    return ""


def _phrase_piece(book: str, item: MarkWords, k: int) -> str:
    return _sha(f"{book}|{item.id}|phrase{k}|{normalise(item.phrases[k])}")[:16]


def _feedback(book: str, item_id: str, pairs) -> dict[str, str]:
    return {key: encrypt(inline(text), derive_key(book, item_id, "option", key))
            for key, text in pairs if text}


# --------------------------------------------------------------------------- payload


def build_payload(item, ctx, *, book: str | None = None) -> dict[str, Any]:
    """The item as the static checker needs it, with no answer in plain text (JSON-able)."""
    book = book or ctx.book_id
    h = lambda part, value: digest(book, item.id, part, value)  # noqa: E731
    p: dict[str, Any] = {"id": item.id, "type": item.type, "book": book, "points": item.points}
    match item:
        case SingleChoice() | MultipleSelect():
            p["options"] = item.option_ids()
            answers = [item.answer] if isinstance(item, SingleChoice) else item.answers
            p["answers"] = sorted(h("answer", a) for a in answers)
            p["feedback"] = _feedback(book, item.id, ((o.id, o.feedback) for o in item.options))
        case TrueFalse():
            p["answers"] = [h("answer", "true" if item.answer else "false")]
            p["feedback"] = _feedback(book, item.id, (("true", item.feedback_true),
                                                      ("false", item.feedback_false)))
        case Ordering():
            ids = ordering_ids(item)
            p["entries"] = display_order(item.id, ids, avoid_identity=True)
            p["answers"] = sorted(h("pair", f"{a}>{b}") for n, a in enumerate(ids)
                                  for b in ids[n + 1:])
        case Matching():
            keys = matching_keys(item)
            p["lefts"] = len(item.pairs)
            p["keys"] = display_order(item.id, keys)
            p["answers"] = [h(f"match{i}", keys[i - 1]) for i in range(1, len(item.pairs) + 1)]
        case Cloze():
            p["blanks"] = []
            for j, (accepted, first) in enumerate(zip(cloze_accepted(item, ctx), item.blanks()),
                                                  start=1):
                piece = normalise(first[0])
                p["blanks"].append(sorted(
                    ({"h": h(f"blank{j}", v),
                      "k": encrypt(piece, derive_key(book, item.id, f"blank{j}-key", v))}
                     for v in accepted), key=lambda x: x["h"]))
        case Evidence():
            p["sentences"] = evidence_scope(item, item_source(item, ctx))
            p["answers"] = sorted(h("answer", a) for a in item.answers)
        case MarkWords():
            tokens, spans = mark_tokens(item, ctx)
            p["tokens"] = len(tokens)
            targets = []
            for k, span in enumerate(spans):
                piece = _phrase_piece(book, item, k)
                targets += [{"h": h("token", str(t)), "p": k,
                             "k": encrypt(piece, derive_key(book, item.id, "token-key", str(t)))}
                            for t in span]
            p["phrases"] = len(spans)
            p["targets"] = sorted(targets, key=lambda x: x["h"])
        case DateItem():
            p["answers"] = [h("answer", item.answer.isoformat())]
        case ShortAnswer():
            key = derive_key(book, item.id, "rubric", "recorded")
            p["rubric"] = [encrypt(inline(r), key) for r in item.rubric]
            p["explanation"] = encrypt(inline(item.explanation), key)
    if not isinstance(item, ShortAnswer):
        p["explanation"] = encrypt(inline(item.explanation),
                                   derive_key(book, item.id, "explain", canonical(item, ctx, book)))
    return p
