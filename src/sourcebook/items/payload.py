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
"""

from __future__ import annotations

import copy
import hashlib
import html
import json
import re
from typing import Any

from sourcebook.items.crypto import (FAST, SLOW, encrypt, joint_key, padded, sha256_hex,
                                     stretch, width_of)
from sourcebook.items.normalize import expand_variants, normalise
from sourcebook.items.passage import passage_tokens, phrase_tokens
from sourcebook.items.schema import (BLANK, Cloze, DateItem, Evidence, Matching, MarkWords,
                                     MultipleSelect, Ordering, ShortAnswer, SingleChoice,
                                     TrueFalse)

from sourcebook.items.cloze import MAX_FORMS  # noqa: E402

PAYLOAD_VERSION = 2
CLOZE_FORMS = MAX_FORMS   # hash entries per cloze blank (the loader refuses more accepted forms)
PIECE_WIDTH = 48     # plain-text width of a cloze or mark-words piece ("k:" + 32 hex digits)

# What an evidence item asks the student to do (web page, notebook, worksheet): it fits one
# right sentence or several without giving the count away.
EVIDENCE_HOW = "Tick the sentence or sentences that answer the question."


def display_order(item_id: str, keys: list[str], *, avoid_identity: bool = False) -> list[str]:
    """A build-time order seeded by the item id (matching right-hand choices)."""
    out = sorted(keys, key=lambda k: sha256_hex(f"{item_id}|{k}"))
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


def _filler_seed(item) -> str:
    """What padding is derived from: the item's whole data (explanation and feedback
    included), which the page never holds, so filler cannot be told from a real check."""
    return hashlib.sha256(item.model_dump_json().encode("utf-8")).hexdigest()


class _Hasher:
    def __init__(self, book: str, item):
        self.book, self.item = book, item

    def __call__(self, part: str, value: str, iterations: int = FAST):
        return stretch(self.book, self.item.id, part, value, iterations)


def _choice_block(p: dict, h: _Hasher, item, values: list[str], right: list[str],
                  feedback: dict[str, str | None]) -> None:
    """answers / feedback / explanation of single, multiple and true-false items."""
    stretched = {v: h("option", v) for v in values}
    p["answers"] = {"it": FAST, "h": padded([stretched[v].check for v in right], len(values),
                                            _filler_seed(item))}
    texts = {v: inline(feedback.get(v)) if feedback.get(v) else "" for v in values}
    width = width_of(list(texts.values()))
    p["feedback"] = {v: encrypt(texts[v], stretched[v].secret, width) for v in values}
    p["explanation"] = encrypt(inline(item.explanation),
                               joint_key([stretched[v].secret for v in sorted(right)]))


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
    """What of the source an item's payload depends on (its sentences), as a digest."""
    if not isinstance(item, (Evidence, MarkWords)):
        return None
    source = item_source(item, ctx)
    return hashlib.sha256("\n".join(f"{s.id}|{s.page}|{s.text}" for s in source.sentences)
                          .encode("utf-8")).hexdigest()


def _build_payload(item, ctx, *, book: str, set_id: str | None, n: int | None) -> dict[str, Any]:
    h = _Hasher(book, item)
    seed = _filler_seed(item)
    source = getattr(item, "source", None) or getattr(ctx, "default_source", None)
    p: dict[str, Any] = {"id": item.id, "type": item.type, "book": book, "set": set_id,
                         "points": item.points, "source": source, "n": n,
                         "prompt": inline(item.prompt),
                         "hint": inline(item.hint) if item.hint else None}
    match item:
        case SingleChoice() | MultipleSelect():
            p["options"] = [{"id": o.id, "html": inline(o.text)} for o in item.options]
            right = [item.answer] if isinstance(item, SingleChoice) else list(item.answers)
            _choice_block(p, h, item, item.option_ids(), right,
                          {o.id: o.feedback for o in item.options})
        case TrueFalse():
            _choice_block(p, h, item, ["true", "false"], ["true" if item.answer else "false"],
                          {"true": item.feedback_true, "false": item.feedback_false})
        case Ordering():
            ids = ordering_ids(item)
            texts = {e.id: e.text for e in item.entries or []}
            # Not in data order: an ordering's data order is its answer. The page deals them
            # per student (contract §4), which does not depend on the order given here.
            p["entries"] = [{"id": k, "html": inline(texts.get(k, k))}
                            for k in display_order(item.id, ids, avoid_identity=True)]
            p["pairs"] = {"it": FAST, "h": sorted(h("pair", f"{a}>{b}").check
                                                   for i, a in enumerate(ids) for b in ids[i + 1:])}
            p["explanation"] = encrypt(inline(item.explanation), joint_key(
                [h("pair", f"{a}>{b}").secret for a, b in zip(ids, ids[1:])]))
        case Matching():
            keys = matching_keys(item)
            rights = [pair.right for pair in item.pairs] + list(item.distractors)
            text = dict(zip(keys, rights))
            p["lefts"] = [inline(pair.left) for pair in item.pairs]
            p["rights"] = [{"key": k, "html": inline(text[k])} for k in display_order(item.id, keys)]
            matched = [h(f"match{i}", keys[i - 1]) for i in range(1, len(item.pairs) + 1)]
            p["answers"] = {"it": FAST, "h": [m.check for m in matched]}
            p["explanation"] = encrypt(inline(item.explanation), joint_key([m.secret for m in matched]))
        case Cloze():
            p["segments"] = _segments(item.passage)
            p["blanks"], canon = [], []
            for j, (accepted, forms) in enumerate(zip(cloze_accepted(item, ctx), item.blanks()),
                                                  start=1):
                # The loader refuses more than CLOZE_FORMS; until it does, a longer list is
                # padded to the next multiple, so its length still tells little.
                slots = -(-len(accepted) // CLOZE_FORMS) * CLOZE_FORMS
                canonical = h(f"blank{j}", normalise(forms[0]), SLOW)
                canon.append(canonical.secret)
                entries = {}
                for form in accepted:
                    st = canonical if form == normalise(forms[0]) else h(f"blank{j}", form, SLOW)
                    entries[st.check] = encrypt(canonical.secret, st.secret, PIECE_WIDTH)
                entries = _with_filler(entries, slots, f"{seed}|{j}")
                p["blanks"].append({"it": SLOW, "h": sorted(entries), "k": entries})
            p["explanation"] = encrypt(inline(item.explanation), joint_key(canon))
        case Evidence():
            src = item_source(item, ctx)
            offered = evidence_scope(item, src)
            p["sentences"] = [{"id": sid, "html": html.escape(src.sentence(sid).text, quote=False),
                               "page": src.sentence(sid).page} for sid in offered]
            right = {sid: h("sentence", sid) for sid in item.answers}
            p["answers"] = {"it": FAST, "h": padded([x.check for x in right.values()],
                                                    len(offered), seed)}
            p["explanation"] = encrypt(inline(item.explanation),
                                       joint_key([right[sid].secret for sid in sorted(right)]))
        case MarkWords():
            tokens, spans = mark_tokens(item, ctx)
            p["tokens"] = list(tokens)
            phrase_secrets = [h("phrase", f"{k}|{normalise(item.phrases[k])}").secret
                              for k in range(len(spans))]
            pieces: dict[str, str] = {}
            token_secrets: dict[int, str] = {}
            for k, span in enumerate(spans):
                for t in span:
                    st = h("token", str(t))
                    token_secrets[t] = st.secret
                    pieces[st.check] = encrypt(f"{k}:{phrase_secrets[k]}", st.secret, PIECE_WIDTH)
            pieces = _with_filler(pieces, len(tokens), seed)
            p["targets"] = {"it": FAST, "h": sorted(pieces)}
            p["pieces"] = pieces
            # Fully right means every word of every phrase marked: the key needs them all.
            p["explanation"] = encrypt(inline(item.explanation),
                                       joint_key([token_secrets[t] for t in sorted(token_secrets)]))
        case DateItem():
            st = h("date", item.answer.isoformat(), SLOW)
            p["answers"] = {"it": SLOW, "h": [st.check]}
            p["explanation"] = encrypt(inline(item.explanation), joint_key([st.secret]))
        case ShortAnswer():
            key = recorded_key(book, item.id)
            p["rubric"] = [encrypt(inline(r), key) for r in item.rubric]
            p["explanation"] = encrypt(inline(item.explanation), key)
            p["maxlength"] = 20_000
        case _:
            raise TypeError(f"no payload for item type {type(item).__name__}")
    return p


def _with_filler(entries: dict[str, str], length: int, seed: str) -> dict[str, str]:
    """A check -> ciphertext map padded to `length` entries with filler of the same shape
    (filler checks from ``padded``, ciphertexts of the same width under keys nobody has),
    sorted by check, so neither its size, its order nor a length tells which entries are real."""
    checks = padded(list(entries), length, seed)
    return {c: entries.get(c) or encrypt("", sha256_hex(f"{seed}|filler|{c}"), PIECE_WIDTH)
            for c in checks}


def recorded_key(book: str, item_id: str) -> str:
    """The (public) key of a short answer's rubric and explanation: only out of plain text."""
    return sha256_hex(f"{book}|{item_id}|rubric|recorded")


def _segments(passage: str) -> list:
    out, pos = [], 0
    for j, m in enumerate(BLANK.finditer(passage), start=1):
        out += [passage[pos:m.start()], {"blank": j}]
        pos = m.end()
    return out + [passage[pos:]]
