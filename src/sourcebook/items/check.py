"""The checker: (item, response) -> Result. Pure, and it never raises, whatever the response.

    result = check(item, response, ctx=ctx)     # one response
    key = compile_item(item, ctx)               # many responses to one item (the grader):
    result = key.check(response)                #   the answer key is worked out once

Responses have the shapes of contract.md (``"B"``, ``["A", "C"]``, ``true``, ``{"1": "2"}`` ...).
A response of the wrong shape is ``invalid`` (score 0, with a reason); ``None`` or an empty one
is ``unanswered``. Scores are ``round(points * fraction, 4)``; the fraction per type is:

    single-choice, true-false, date    1 if right, else 0
    multiple-select, evidence          max(0, right picks - wrong picks) / number of right answers
    ordering                           neighbouring pairs of the response in the right relative
                                       order / (entries - 1)
    matching                           left entries matched right / left entries
    cloze                              blanks right / blanks (normalised, spelling variants)
    mark-words                         max(0, phrases found - wrong runs) / phrases; a phrase is
                                       found when any of its tokens is marked; each run of
                                       consecutive marked tokens outside every phrase is one
                                       wrong mark
    short-answer                       recorded, never scored: score 0, correct None

Feedback: the feedback of each chosen option (or true/false answer), then the explanation, which
is given only when the response is fully right (the static page can reveal it only then too).
Duplicates in a list response count once.
"""

from __future__ import annotations

import abc
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sourcebook.items.normalize import expand_variants, normalise, parse_date
from sourcebook.items.passage import passage_tokens, phrase_tokens
from sourcebook.items.schema import (Cloze, DateItem, Evidence, Matching, MarkWords, MultipleSelect, Ordering,
                     ShortAnswer, SingleChoice, TrueFalse)

__all__ = ["Result", "check", "compile_item", "perfect_response", "Key", "STATUSES", "MAX_LIST",
           "MAX_TEXT"]

STATUSES = ("correct", "partial", "incorrect", "invalid", "unanswered", "recorded")
MAX_LIST = 200          # no widget produces longer lists; longer ones are junk
MAX_TEXT = 200          # a cloze blank or a date
MAX_ESSAY = 20_000      # a short answer


@dataclass(slots=True)
class Result:
    score: float
    max: float
    correct: bool | None
    status: str
    feedback: list[str] = field(default_factory=list)
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"score": self.score, "max": self.max, "correct": self.correct,
                "status": self.status, "feedback": list(self.feedback), "reason": self.reason}


def _kind(value: Any) -> str:
    """A response's shape, in words."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "a value of an unknown kind"


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, (str, list, tuple, dict)) and len(value) == 0)


class Key(abc.ABC):
    """An item's answer key, worked out once; `check` marks one response."""

    def __init__(self, item):
        self.item = item
        self.points = float(item.points)

    # Results -------------------------------------------------------------------------------
    def invalid(self, reason: str) -> Result:
        return Result(0.0, self.points, False, "invalid", [], reason)

    def unanswered(self) -> Result:
        return Result(0.0, self.points, False, "unanswered", [], None)

    def scored(self, right: float, out_of: float, feedback: list[str]) -> Result:
        """Score right/out_of of the points; fully right only when right == out_of."""
        if right >= out_of:
            return Result(round(self.points, 4), self.points, True, "correct",
                          feedback + [self.item.explanation], None)
        fraction = max(right, 0) / out_of
        score = round(self.points * fraction, 4)
        return Result(score, self.points, False, "partial" if score > 0 else "incorrect",
                      feedback, None)

    def check(self, response: Any) -> Result:
        if _empty(response):
            return self.unanswered()
        return self._check(response)

    @abc.abstractmethod
    def _check(self, response: Any) -> Result:
        """Score a non-empty response; each item type's key defines it."""

    # For item analysis ---------------------------------------------------------------------
    def wrong_choices(self, response: Any) -> list[str]:
        """Labels of the wrong parts of a (valid) response, for "most chosen wrong answer"."""
        return []


def _strings(response: Any, what: str) -> list[str] | str:
    """The response as a list of distinct strings, or a reason why it is not one."""
    if not isinstance(response, (list, tuple)):
        return f"expected a list of {what}, got {_kind(response)}"
    if len(response) > MAX_LIST:
        return f"the list has {len(response)} entries; at most {MAX_LIST} are allowed"
    out: list[str] = []
    for value in response:
        if not isinstance(value, str):
            return f"expected a list of {what}, but it contains {_kind(value)}"
        if value not in out:
            out.append(value)
    return out


def _span(ids: list[str]) -> str:
    return f"{ids[0]}-{ids[-1]}" if len(ids) > 2 else " and ".join(ids)


class _ChoiceKey(Key):
    def __init__(self, item):
        super().__init__(item)
        self.option_ids = [o.id for o in item.options]
        self.known = set(self.option_ids)
        self.option_feedback = {o.id: o.feedback for o in item.options if o.feedback}

    def _feedback(self, chosen: list[str]) -> list[str]:
        return [self.option_feedback[c] for c in chosen if c in self.option_feedback]


class SingleChoiceKey(_ChoiceKey):
    def _check(self, response):
        if not isinstance(response, str):
            return self.invalid(f'expected one option id such as "{self.option_ids[0]}", '
                                f"got {_kind(response)}")
        if response not in self.known:
            return self.invalid(f'"{response[:40]}" is not one of the options '
                                f"{_span(self.option_ids)}")
        return self.scored(1 if response == self.item.answer else 0, 1, self._feedback([response]))

    def wrong_choices(self, response):
        return [response] if response != self.item.answer else []


class MultipleSelectKey(_ChoiceKey):
    def __init__(self, item):
        super().__init__(item)
        self.answers = set(item.answers)

    def _check(self, response):
        chosen = _strings(response, "option ids")
        if isinstance(chosen, str):
            return self.invalid(chosen)
        unknown = [c for c in chosen if c not in self.known]
        if unknown:
            return self.invalid(f'"{unknown[0][:40]}" is not one of the options '
                                f"{_span(self.option_ids)}")
        right = sum(1 for c in chosen if c in self.answers)
        return self.scored(right - (len(chosen) - right), len(self.answers),
                           self._feedback(chosen))

    def wrong_choices(self, response):
        return [c for c in dict.fromkeys(response) if c not in self.answers]


class TrueFalseKey(Key):
    def _check(self, response):
        if not isinstance(response, bool):
            return self.invalid(f"expected true or false, got {_kind(response)}")
        note = self.item.feedback_true if response else self.item.feedback_false
        return self.scored(1 if response == self.item.answer else 0, 1, [note] if note else [])

    def wrong_choices(self, response):
        return [str(response).lower()] if response != self.item.answer else []


class OrderingKey(Key):
    def __init__(self, item, ctx=None):
        super().__init__(item)
        entries = item.entries
        if entries is None:   # not resolved by the loader: use the context's timeline
            timeline = getattr(ctx, "timeline", None) or {}
            events = sorted((timeline[t] for t in item.timeline), key=lambda e: e.date)
            self.order = [e.id for e in events]
        else:
            self.order = [e.id for e in entries]
        self.position = {e: n for n, e in enumerate(self.order)}

    def _check(self, response):
        order = _strings(response, "entry ids")
        if isinstance(order, str):
            return self.invalid(order)
        if len(order) != len(response) or set(order) != set(self.order):
            return self.invalid(f"the order must list each of the {len(self.order)} entries "
                                "exactly once")
        pos = self.position
        right = sum(1 for a, b in zip(order, order[1:]) if pos[a] < pos[b])
        return self.scored(right, len(order) - 1, [])

    def wrong_choices(self, response):
        return [" < ".join(response)] if list(response) != self.order else []


class MatchingKey(Key):
    def __init__(self, item):
        super().__init__(item)
        self.lefts = [str(n) for n in range(1, len(item.pairs) + 1)]
        rights = [p.right for p in item.pairs] + list(item.distractors)
        keys = item.right_keys()
        self.rights = dict(zip(keys, rights))
        self.correct = dict(zip(self.lefts, keys))       # left entry -> its right's key

    def _check(self, response):
        if not isinstance(response, dict):
            return self.invalid(f'expected a mapping such as {{"1": "2"}}, got {_kind(response)}')
        if len(response) > len(self.lefts):
            return self.invalid(f"there are only {len(self.lefts)} entries to match")
        for left, right in response.items():
            if left not in self.lefts:
                return self.invalid(f'"{str(left)[:40]}" is not a left-hand entry '
                                    f"(1-{len(self.lefts)})")
            if right is not None and (not isinstance(right, str) or right not in self.rights):
                shown = right[:40] if isinstance(right, str) else _kind(right)
                return self.invalid(f'"{shown}" is not a right-hand choice (1-{len(self.rights)})')
        if all(v is None for v in response.values()):
            return self.unanswered()
        right = sum(1 for left in self.lefts if response.get(left) == self.correct[left])
        return self.scored(right, len(self.lefts), [])

    def wrong_choices(self, response):
        pairs = self.item.pairs
        return [f"{pairs[int(left) - 1].left} = {self.rights[r]}"
                for left, r in sorted(response.items())
                if r is not None and r != self.correct[left]]


class ClozeKey(Key):
    def __init__(self, item, ctx=None):
        super().__init__(item)
        index = ctx.variant_index if ctx is not None else _project_variants()
        self.accepted = [expand_variants(alts, index) for alts in item.blanks()]

    def _check(self, response):
        n = len(self.accepted)
        if not isinstance(response, (list, tuple)):
            return self.invalid(f"expected a list of {n} words, got {_kind(response)}")
        if len(response) != n:
            return self.invalid(f"expected {n} blank{'s' * (n != 1)}, got {len(response)}")
        right = 0
        for text, accepted in zip(response, self.accepted):
            if text is None:
                continue
            if not isinstance(text, str):
                return self.invalid(f"a blank holds {_kind(text)}, not text")
            if len(text) > MAX_TEXT:
                return self.invalid(f"a blank holds {len(text)} characters; at most {MAX_TEXT}")
            right += normalise(text) in accepted
        if all(t is None or not t.strip() for t in response):
            return self.unanswered()
        return self.scored(right, n, [])

    def wrong_choices(self, response):
        return [f"blank {k}: {normalise(t)}" for k, (t, ok) in
                enumerate(zip(response, self.accepted), start=1)
                if isinstance(t, str) and t.strip() and normalise(t) not in ok]


class EvidenceKey(Key):
    def __init__(self, item, source):
        super().__init__(item)
        self.answers = set(item.answers)
        if source is None:
            self.allowed = None          # cannot tell an unknown id from a wrong one
        elif item.scope is not None:
            self.allowed = {s.id for s in source.sentences if f"p{s.paragraph}" in item.scope}
        else:
            self.allowed = source.sentence_ids()

    def _check(self, response):
        picked = _strings(response, "sentence ids")
        if isinstance(picked, str):
            return self.invalid(picked)
        if self.allowed is not None:
            unknown = [p for p in picked if p not in self.allowed]
            if unknown:
                return self.invalid(f'"{unknown[0][:40]}" is not a sentence you can pick here')
        right = sum(1 for p in picked if p in self.answers)
        return self.scored(right - (len(picked) - right), len(self.answers), [])

    def wrong_choices(self, response):
        return [p for p in dict.fromkeys(response) if p not in self.answers]


class MarkWordsKey(Key):
    def __init__(self, item, source):
        super().__init__(item)
        self.tokens = passage_tokens(source, item.sentences)
        self.phrases = [set(t) for t in phrase_tokens(self.tokens, item.phrases)]
        self.inside = set().union(*self.phrases)

    def _marks(self, response) -> list[int] | str:
        if not isinstance(response, (list, tuple)):
            return f"expected a list of word numbers, got {_kind(response)}"
        if len(response) > len(self.tokens):
            return f"the passage has only {len(self.tokens)} words"
        marks = set()
        for i in response:
            if type(i) is not int:
                return f"expected word numbers, but the list contains {_kind(i)}"
            if not 0 <= i < len(self.tokens):
                return f"word number {i} is outside the passage (0-{len(self.tokens) - 1})"
            marks.add(i)
        return sorted(marks)

    def _wrong_runs(self, marks: list[int]) -> list[list[int]]:
        runs: list[list[int]] = []
        for i in marks:
            if i in self.inside:
                continue
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        return runs

    def _check(self, response):
        marks = self._marks(response)
        if isinstance(marks, str):
            return self.invalid(marks)
        marked = set(marks)
        found = sum(1 for phrase in self.phrases if phrase & marked)
        return self.scored(found - len(self._wrong_runs(marks)), len(self.phrases), [])

    def wrong_choices(self, response):
        return [" ".join(self.tokens[i] for i in run)
                for run in self._wrong_runs(sorted(set(response)))]


class DateKey(Key):
    def _check(self, response):
        if not isinstance(response, str):
            return self.invalid(f"expected a date written as text, got {_kind(response)}")
        if not response.strip():
            return self.unanswered()
        if len(response) > MAX_TEXT:
            return self.invalid(f"{len(response)} characters is too long for a date")
        date = parse_date(response)
        if date is None:
            return self.invalid(f'"{response[:40]}" is not a date this page can read; write it '
                                "like 1951-01-12 or 12 January 1951")
        return self.scored(1 if date == self.item.answer else 0, 1, [])

    def wrong_choices(self, response):
        date = parse_date(response)
        return [date.isoformat()] if date and date != self.item.answer else []


class ShortAnswerKey(Key):
    def _check(self, response):
        if not isinstance(response, dict):
            return self.invalid(f'expected {{"text": ..., "self": [...]}}, got {_kind(response)}')
        text, marks = response.get("text"), response.get("self")
        if set(response) - {"text", "self"}:
            return self.invalid("the answer has fields other than text and self")
        if not isinstance(text, str):
            return self.invalid(f"the answer's text is {_kind(text)}, not text")
        if len(text) > MAX_ESSAY:
            return self.invalid(f"the answer has {len(text)} characters; at most {MAX_ESSAY}")
        n = len(self.item.rubric)
        if marks is not None and not (isinstance(marks, list) and len(marks) == n
                                      and all(isinstance(m, bool) for m in marks)):
            return self.invalid(f"the self-assessment must be {n} true/false ticks, one per "
                                "rubric point")
        if not text.strip():
            return self.unanswered()
        return Result(0.0, self.points, None, "recorded",
                      [self.item.explanation, *self.item.rubric], None)


def _source_for(item, ctx):
    slug = item.source or getattr(ctx, "default_source", None)
    sources = getattr(ctx, "sources", None) or {}
    if slug in sources:
        return sources[slug]
    return _project_source(slug) if slug else None


@lru_cache(maxsize=1)
def _project_variants() -> dict:
    """The variants of the project around the current folder (used when no ctx is given)."""
    try:
        from sourcebook import project_root
        from sourcebook.items.normalize import load_variants, variant_index
        return variant_index(load_variants(project_root() / "exercises" / "variants.yml"))
    except Exception:    # no project here: no variants
        return {}


@lru_cache(maxsize=8)
def _project_source(slug: str):
    """The seed from the project around the current folder (used when no ctx is given)."""
    try:
        from sourcebook.model.source import load_source
        return load_source(slug)
    except Exception:    # no project here, or a broken seed: the caller reports it
        return None


class _Broken(Key):
    """An item that cannot be marked in this context (e.g. its source is missing)."""

    def __init__(self, item, reason: str):
        super().__init__(item)
        self.reason = reason

    def check(self, response):
        return self.invalid(self.reason)

    _check = check


def compile_item(item, ctx=None) -> Key:
    """The item's answer key. Never raises: an item that cannot be marked gives a key whose
    results are all `invalid` with the reason."""
    try:
        if isinstance(item, SingleChoice):
            return SingleChoiceKey(item)
        if isinstance(item, MultipleSelect):
            return MultipleSelectKey(item)
        if isinstance(item, TrueFalse):
            return TrueFalseKey(item)
        if isinstance(item, Ordering):
            return OrderingKey(item, ctx)
        if isinstance(item, Matching):
            return MatchingKey(item)
        if isinstance(item, Cloze):
            return ClozeKey(item, ctx)
        if isinstance(item, DateItem):
            return DateKey(item)
        if isinstance(item, ShortAnswer):
            return ShortAnswerKey(item)
        if isinstance(item, (Evidence, MarkWords)):
            source = _source_for(item, ctx)
            if isinstance(item, Evidence):
                return EvidenceKey(item, source)
            if source is None:
                return _Broken(item, f'the source "{item.source}" of this item is not available')
            return MarkWordsKey(item, source)
        return _Broken(item, f"{type(item).__name__} is not an item type this checker knows")
    except Exception as err:        # a malformed item must not stop a whole grading run
        return _Broken(item, f"this item cannot be marked: {err}")


def check(item, response: Any, ctx=None) -> Result:
    """Mark one response to one item. Never raises."""
    key = compile_item(item, ctx)
    try:
        return key.check(response)
    except Exception as err:        # the net under the net: a bug must not lose a grade run
        return key.invalid(f"the checker could not read this response ({type(err).__name__})")



def perfect_response(item, ctx=None) -> Any:
    """The canonical fully right response to `item` (None for short-answer, which has none).

    Canonical: lists in the item's own order, a cloze's first answers, mark-words' every phrase
    token in passage order, a date in ISO form."""
    key = compile_item(item, ctx)
    if isinstance(key, SingleChoiceKey):
        return item.answer
    if isinstance(key, MultipleSelectKey):
        return [o for o in key.option_ids if o in key.answers]
    if isinstance(key, TrueFalseKey):
        return item.answer
    if isinstance(key, OrderingKey):
        return list(key.order)
    if isinstance(key, MatchingKey):
        return dict(key.correct)
    if isinstance(key, ClozeKey):
        return [alternatives[0] for alternatives in item.blanks()]
    if isinstance(key, EvidenceKey):
        return list(item.answers)
    if isinstance(key, MarkWordsKey):
        return sorted(key.inside)
    if isinstance(key, DateKey):
        return item.answer.isoformat()
    return None
