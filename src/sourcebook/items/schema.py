"""Exercise sets as data: the pydantic models behind `exercises/*.yml`.

One file is one set::

    set:
      id: document                      # unique across the book
      title: Reading the apparatus
      chapter: book/document            # where the set is shown
      source: rusk-1951-01-12-continued-resistance   # the seed that evidence/cloze/mark items use
    items:
      - id: doc-01                      # unique across the book, never reused for another question
        type: single-choice
        skill: sourcing
        objective: doc-1                # declared in book/data/objectives.yml
        points: 1
        prompt: Who wrote the memorandum?
        options:
          - {id: A, text: Dean Acheson, feedback: Acheson received it; look at the word "to".}
          - {id: B, text: Dean Rusk}
        answer: B
        hint: The heading reads "Memorandum by ... to ...".
        explanation: The heading names the author in parentheses, (Rusk).

Every item type is a model below; `Item` is their union, told apart by `type`. Cross-references
(sentence ids, objectives, timeline ids, cloze passages) are checked by the loader, which knows
the source and the book; these models check only what one item can check on its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Skill = Literal["sourcing", "contextualization", "close-reading", "corroboration", "vocabulary",
                "chronology"]
SKILLS: tuple[str, ...] = Skill.__args__  # type: ignore[attr-defined]
ID = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*[a-z0-9]$", min_length=2, max_length=64)]
OPTION_ID = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")]
SENTENCE_ID = Annotated[str, Field(pattern=r"^p\d+\.s\d+$")]
BLANK = re.compile(r"\[\[([^\[\]]+)\]\]")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Option(Strict):
    id: OPTION_ID
    text: str = Field(min_length=1)
    feedback: str | None = None     # shown only to a student who chose this option


class ItemBase(Strict):
    id: ID
    skill: Skill
    objective: str = Field(min_length=1)
    prompt: str = Field(min_length=1)
    points: float = Field(default=1, gt=0, le=100)
    hint: str | None = None
    explanation: str = Field(min_length=1)   # why the answer is right; shown once it is found
    source: str | None = None                 # seed slug, when not the set's source


class _Choices(ItemBase):
    options: list[Option] = Field(min_length=2, max_length=12)

    @field_validator("options")
    @classmethod
    def _unique_options(cls, options: list[Option]) -> list[Option]:
        seen = set()
        for o in options:
            if o.id in seen:
                raise ValueError(f'option id "{o.id}" is used twice')
            seen.add(o.id)
        return options

    def option_ids(self) -> list[str]:
        return [o.id for o in self.options]

    def _known(self, ids: list[str], what: str) -> None:
        known = self.option_ids()
        for a in ids:
            if a not in known:
                raise ValueError(f'{what} "{a}" is not one of the options {_span(known)}')


def _span(ids: list[str]) -> str:
    return f"{ids[0]}-{ids[-1]}" if len(ids) > 2 else " and ".join(ids)


class SingleChoice(_Choices):
    type: Literal["single-choice"]
    answer: OPTION_ID

    @model_validator(mode="after")
    def _answer_is_an_option(self):
        self._known([self.answer], "answer")
        return self


class MultipleSelect(_Choices):
    """Partial credit: (right choices - wrong choices) / number of right answers, never below 0."""
    type: Literal["multiple-select"]
    answers: list[OPTION_ID] = Field(min_length=1)

    @model_validator(mode="after")
    def _answers_are_options(self):
        self._known(self.answers, "answer")
        if len(set(self.answers)) != len(self.answers):
            raise ValueError("answers lists an option twice")
        return self


class TrueFalse(ItemBase):
    type: Literal["true-false"]
    answer: bool
    feedback_true: str | None = None    # shown to a student who answered "true"
    feedback_false: str | None = None


class OrderEntry(Strict):
    id: OPTION_ID
    text: str = Field(min_length=1)


class Ordering(ItemBase):
    """Put entries in order. Give `entries` in the right order, or `timeline` event ids
    (book/data/timeline.yml), which the loader turns into entries ordered by date.
    Score: share of neighbouring pairs in the right order."""
    type: Literal["ordering"]
    entries: list[OrderEntry] | None = None
    timeline: list[str] | None = None

    @model_validator(mode="after")
    def _one_kind(self):
        if (self.entries is None) == (self.timeline is None):
            raise ValueError("give either entries (in the right order) or timeline event ids")
        n = len(self.entries or self.timeline or [])
        if n < 3 or n > 10:
            raise ValueError(f"an ordering item needs 3 to 10 entries, not {n}")
        return self


class Pair(Strict):
    left: str = Field(min_length=1)
    right: str = Field(min_length=1)


class Matching(ItemBase):
    """Match each left entry to its right entry. Score: share of left entries matched right."""
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


class Cloze(ItemBase):
    """A passage of the source with blanks: ``use maximum [[ingenuity]] and [[imagination]]``.
    Alternatives inside a blank are accepted variants: ``[[Cheju-do|Cheju|Jeju-do]]``; the
    first one is the source's own word. Score: share of blanks filled right."""
    type: Literal["cloze"]
    passage: str = Field(min_length=1)

    @field_validator("passage")
    @classmethod
    def _has_blanks(cls, passage: str) -> str:
        if not BLANK.search(passage):
            raise ValueError("the passage has no blank; mark each with [[answer]]")
        return passage

    def blanks(self) -> list[list[str]]:
        return [[v.strip() for v in m.group(1).split("|") if v.strip()]
                for m in BLANK.finditer(self.passage)]

    def filled(self) -> str:
        """The passage with each blank filled by its first answer (must be the source's text)."""
        return BLANK.sub(lambda m: m.group(1).split("|")[0].strip(), self.passage)


class Evidence(ItemBase):
    """Pick the sentences (by id) that support the claim in the prompt.
    Score: (right picks - wrong picks) / number of right sentences, never below 0."""
    type: Literal["evidence"]
    answers: list[SENTENCE_ID] = Field(min_length=1)
    scope: list[str] | None = None      # paragraph ids to offer (default: the whole source)


class MarkWords(ItemBase):
    """Mark the words of a passage that fit a criterion. `sentences` are the passage; each of
    `phrases` must occur in it. A phrase counts as found when any of its words is marked; each
    run of marked words outside every phrase counts as one wrong mark.
    Score: (found - wrong) / number of phrases, never below 0."""
    type: Literal["mark-words"]
    sentences: list[SENTENCE_ID] = Field(min_length=1)
    phrases: list[str] = Field(min_length=1)


class DateItem(ItemBase):
    """A date, e.g. the one a file number encodes. Accepts 1951-01-12, 12 January 1951,
    January 12, 1951 (and the month abbreviated)."""
    type: Literal["date"]
    answer: dt.date


class ShortAnswer(ItemBase):
    """A written answer, self-assessed against the rubric after answering. Recorded, never
    scored right or wrong; `points` are for the instructor's own marking."""
    type: Literal["short-answer"]
    rubric: list[str] = Field(min_length=1)
    exemplar: str | None = None     # instructor edition only
    explanation: str = "Compare your answer with each point of the rubric."


Item = Annotated[
    Union[SingleChoice, MultipleSelect, TrueFalse, Ordering, Matching, Cloze, Evidence, MarkWords,
          DateItem, ShortAnswer],
    Field(discriminator="type"),
]
ITEM_TYPES: tuple[str, ...] = ("single-choice", "multiple-select", "true-false", "ordering",
                               "matching", "cloze", "evidence", "mark-words", "date",
                               "short-answer")


class SetInfo(Strict):
    id: ID
    title: str = Field(min_length=1)
    chapter: str | None = None
    source: str | None = None
    intro: str | None = None


class ExerciseSet(Strict):
    set: SetInfo
    items: list[Item] = Field(min_length=1)
