"""Scoring one student's file as soon as it is read, into a compact record.

The grader never holds the class's files: each file is read, checked, scored and dropped
(grading/grade.py), and what is kept of it is a `Scored` — one verdict per item (Result
objects shared by the whole class), the attempts, which items hold unchecked drafts, what the
item analysis counts of each response (also shared), the written answers and the notes. At
10,000 students that is a few kilobytes each, whatever the files held.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import Any

from sourcebook.grading.policy import Policy, counted, responses_to_score, settle
from sourcebook.items.base import Key, Result


class Oversized:
    """Stands for a response too big for any widget (kept out of memory; marked invalid)."""

    __slots__ = ("entries",)

    def __init__(self, entries: int):
        self.entries = entries


@dataclass(slots=True)
class Picks:
    """What the item analysis counts of one response: its wrong choices (labels) and, for an
    item with options, the options it picks."""
    wrong: tuple[str, ...] = ()
    chosen: tuple[str, ...] = ()


@dataclass(slots=True)
class Scored:
    results: tuple[Result, ...]             # one per item, in the keys' order
    attempts: tuple[int, ...]               # 0 where the file has no record of the item
    picks: tuple[Picks | None, ...]         # None where the verdict is not a mark
    drafts: frozenset[str] = frozenset()    # items changed after their last check
    written: dict[str, Any] = field(default_factory=dict)   # written items' answers


class ByItem(MutableMapping):
    """Values in the book's item order, read like a dict by item id. The index is one dict
    shared by the class, so a student's row is a list, not a dict of its own (at 10,000
    students x 100 items, dicts would cost a hundred megabytes)."""

    __slots__ = ("_index", "_values")

    def __init__(self, index: dict[str, int], values):
        self._index, self._values = index, list(values)

    def __getitem__(self, item_id: str):
        return self._values[self._index[item_id]]

    def __setitem__(self, item_id: str, value) -> None:
        self._values[self._index[item_id]] = value

    def __delitem__(self, item_id: str) -> None:
        raise TypeError("a student's row has a value for every item")

    def __iter__(self):
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


def memo_key(response: Any, seed: str | None = None):
    """A hashable stand-in for a response, exact in type (so 1, 1.0 and true never share one),
    or None when the response is not worth caching. An ordering's verdict depends on the
    student's seed too (their starting order is not an answer)."""
    kind = type(response)
    if kind is str or kind is bool or kind is int:
        return kind, response
    if kind is list and len(response) <= 12:
        if all(type(x) is str for x in response):
            return "str-list", seed, *response
        if all(type(x) is int for x in response):
            return "int-list", *response
    return None


class Scorer:
    """Scores files against the keys under one policy, remembering verdicts: students often
    give the same response, and the same verdict is one object for the whole class."""

    def __init__(self, keys: dict[str, Key], policy: Policy):
        self.keys, self.policy = keys, policy
        self.ids = list(keys)
        self.index = {item_id: n for n, item_id in enumerate(self.ids)}
        self._pairs = list(keys.items())
        self._blank = tuple(k.unanswered() for k in keys.values())
        self._verdicts: dict[str, dict] = {i: {} for i in keys}
        self._picks: dict[str, dict] = {i: {} for i in keys}
        self._canon: dict = {}

    def score(self, responses: dict, seed: str | None) -> Scored:
        """`responses`: item id -> ResponseRecord (the file's, slimmed by grading/collect)."""
        results, attempts, picks, drafts, written = [], [], [], [], {}
        for n, (item_id, key) in enumerate(self._pairs):
            record = responses.get(item_id)
            if record is None:
                results.append(self._blank[n])
                attempts.append(0)
                picks.append(None)
                continue
            attempts.append(record.attempts)
            if record.has_draft:
                drafts.append(item_id)
            if key.written:
                written[item_id] = record.response
            if record.response is None and not record.history:
                results.append(self._blank[n])
                picks.append(None)
                continue
            candidates = responses_to_score(self.policy, record)
            found = [self._verdict(item_id, key, r, seed) for r in candidates]
            result = self._shared(item_id, settle(self.policy, found, record.attempts))
            results.append(result)
            picks.append(self._pick(item_id, key, candidates[counted(self.policy, found)],
                                    result.status))
        return Scored(tuple(results), tuple(attempts), tuple(picks), frozenset(drafts), written)

    def _verdict(self, item_id: str, key: Key, response, seed) -> Result:
        mk = memo_key(response, seed if key.seeded else None)
        seen = self._verdicts[item_id]
        result = seen.get(mk) if mk is not None else None
        if result is None:
            result = mark(key, response, seed)
            if mk is not None:
                seen[mk] = result
        return result

    def _pick(self, item_id: str, key: Key, response, status: str) -> Picks | None:
        if status not in ("correct", "partial", "incorrect"):
            return None
        mk = memo_key(response)
        seen = self._picks[item_id]
        found = seen.get((status, mk)) if mk is not None else None
        if found is None:
            wrong = () if status == "correct" else tuple(key.wrong_choices(response))
            found = Picks(wrong, tuple(key.chosen(response)))
            if mk is not None:
                seen[(status, mk)] = found
        return found

    def _shared(self, item_id: str, result: Result) -> Result:
        """The grader keeps a verdict, not its feedback: one Result per (item, status, score)
        for the whole class. An invalid response keeps its own, with the reason."""
        if result.status == "invalid":
            return result
        k = (item_id, result.status, result.score)
        found = self._canon.get(k)
        if found is None:
            found = self._canon[k] = Result(result.score, result.max, result.correct,
                                            result.status)
        return found


def mark(key: Key, response, seed) -> Result:
    if isinstance(response, Oversized):
        return key.invalid(f"the response has {response.entries:,} entries or characters, more "
                           "than the page ever makes")
    try:
        return key.check(response, seed)
    except Exception as err:    # a checker bug must not stop the other grades
        return key.invalid(f"the checker could not read this response ({type(err).__name__})")
