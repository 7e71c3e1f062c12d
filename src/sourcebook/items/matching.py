"""Match each left entry to its right-hand choice (plus distractors).

Score: lefts matched right / lefts; a right-hand choice given to two or more lefts counts wrong
for each of them, so one choice everywhere scores 0 (docs/contract.md §3)."""

from __future__ import annotations

import hashlib
import random
from collections import Counter
from typing import Literal

from pydantic import Field, model_validator

from sourcebook.items.base import ItemBase, ItemType, Key, Strict, kind, print_inline
from sourcebook.items.crypto import FAST
from sourcebook.items.page_parts import attr, display_order, explanation, inline, plain
from sourcebook.items.shuffle import deal


class Pair(Strict):
    left: str = Field(min_length=1)
    right: str = Field(min_length=1)


class Matching(ItemBase):
    type: Literal["matching"]
    pairs: list[Pair] = Field(min_length=2, max_length=10)
    distractors: list[str] = Field(default_factory=list)   # extra right-hand choices

    def right_keys(self) -> list[str]:
        """Keys of the right-hand choices (the pairs' rights, then the distractors): "1".."n"
        dealt in an order seeded by the item id, so a key never tells which left entry it
        belongs to (in data order, key i would always match left entry i)."""
        n = len(self.pairs) + len(self.distractors)
        keys = [str(i) for i in range(1, n + 1)]
        random.Random(int(hashlib.sha256(self.id.encode()).hexdigest()[:12], 16)).shuffle(keys)
        if keys[:len(self.pairs)] == [str(i) for i in range(1, len(self.pairs) + 1)]:
            keys = keys[1:] + keys[:1]
        return keys

    @model_validator(mode="after")
    def _distinct(self):
        rights = [p.right for p in self.pairs] + self.distractors
        if len(set(rights)) != len(rights):
            raise ValueError("two right-hand entries are the same")
        lefts = [p.left for p in self.pairs]
        if len(set(lefts)) != len(lefts):
            raise ValueError("two left-hand entries are the same")
        return self


class MatchingKey(Key):
    def __init__(self, item):
        super().__init__(item)
        self.lefts = [str(n) for n in range(1, len(item.pairs) + 1)]
        rights = [p.right for p in item.pairs] + list(item.distractors)
        keys = item.right_keys()
        self.rights = dict(zip(keys, rights))
        self.correct = dict(zip(self.lefts, keys))       # left entry -> its right's key

    def _check(self, response, seed):
        if not isinstance(response, dict):
            return self.invalid(f'expected a mapping such as {{"1": "2"}}, got {kind(response)}')
        if len(response) > len(self.lefts):
            return self.invalid(f"there are only {len(self.lefts)} entries to match")
        for left, right in response.items():
            if left not in self.lefts:
                return self.invalid(f'"{str(left)[:40]}" is not a left-hand entry '
                                    f"(1-{len(self.lefts)})")
            if right is not None and (not isinstance(right, str) or right not in self.rights):
                shown = right[:40] if isinstance(right, str) else kind(right)
                return self.invalid(f'"{shown}" is not a right-hand choice (1-{len(self.rights)})')
        if all(v is None for v in response.values()):
            return self.unanswered()
        used = Counter(v for v in response.values() if v is not None)
        right = sum(1 for left in self.lefts
                    if response.get(left) == self.correct[left] and used[self.correct[left]] == 1)
        return self.scored(right / len(self.lefts), [])

    def perfect(self):
        return dict(self.correct)

    def wrong_choices(self, response):
        pairs = self.item.pairs
        return [f"{pairs[int(left) - 1].left} = {self.rights[r]}"
                for left, r in sorted(response.items())
                if r is not None and r != self.correct[left]]


def _printed_rights(item, version: str) -> list[str]:
    rights = [p.right for p in item.pairs] + item.distractors
    return [rights[int(i)] for i in deal(version, item.id, [str(i) for i in range(len(rights))])]


def _print_key(item, ctx, version: str) -> str:
    letters = {r: chr(65 + n) for n, r in enumerate(_printed_rights(item, version))}
    return "; ".join(f"{p.left} — {letters[p.right]}. {p.right}" for p in item.pairs)


def _print_body(item, ctx, version: str = "A") -> str:
    rights = [p.right for p in item.pairs] + item.distractors
    order = deal(version, item.id, [str(i) for i in range(len(rights))])
    left = "".join(f"<li>{print_inline(p.left)} <span class='blank' style='min-width:10mm'>"
                   "</span></li>" for p in item.pairs)
    right = "".join(f"<li>{chr(65 + n)}. {print_inline(rights[int(i)])}</li>"
                    for n, i in enumerate(order))
    return (f'<p class="meta">Write the letter of the match.</p><div class="cols">'
            f'<ol>{left}</ol><ul class="opts">{right}</ul></div>')


def _rights_by_key(item) -> dict[str, str]:
    """Right-hand key -> its text (the pairs' rights, then the distractors)."""
    return dict(zip(item.right_keys(), [p.right for p in item.pairs] + list(item.distractors)))


def _payload(item, ctx, h) -> dict:
    keys = item.right_keys()
    text = _rights_by_key(item)
    matched = [h(f"match{i}", keys[i - 1]) for i in range(1, len(item.pairs) + 1)]
    return {"lefts": [inline(pair.left) for pair in item.pairs],
            "rights": [{"key": k, "html": inline(text[k])} for k in display_order(item.id, keys)],
            "answers": {"it": FAST, "h": [m.check for m in matched]},
            "explanation": explanation(item, [m.secret for m in matched])}


def _page_body(item, ctx) -> str:
    iid = attr(item.id)
    text = _rights_by_key(item)
    opts = '<option value="">Choose…</option>' + "".join(
        f'<option value="{k}">{attr(plain(text[k]))}</option>'
        for k in display_order(item.id, item.right_keys()))
    rows = "".join(
        f'<li><label for="sb-{iid}-m{i}">{inline(p.left)}</label>'
        f'<select id="sb-{iid}-m{i}" data-l="{i}">{opts}</select></li>'
        for i, p in enumerate(item.pairs, start=1))
    return f'<ol class="sb-match">{rows}</ol>'


TYPE = ItemType(
    name="matching", model=Matching, key=lambda item, ctx: MatchingKey(item),
    answer_text=lambda item, ctx: "; ".join(f"{p.left} — {p.right}" for p in item.pairs),
    print_body=_print_body, print_key=_print_key, payload=_payload, page_body=_page_body,
    minutes=2.0,
)
