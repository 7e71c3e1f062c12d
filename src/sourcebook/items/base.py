"""What every item type shares: the model's common fields, the checker's result, the answer key.

An item type is one module of this package (`single_choice.py`, …) holding everything about the
type — its pydantic model, its answer key (checker and scoring, docs/contract.md §3), its answer
in words, its printed form, its answer-free payload and its body on the web page (with the
helpers of `items/page_parts.py`) and the references the loader checks — and one `ItemType`
entry that the registry (`items/registry.py`) lists. The checker, the payload
(`items/payload.py`), the page (`render/static.py`) and the worksheet ask the entry rather than
switch on an item's type.
"""

from __future__ import annotations

import abc
import re
from dataclasses import dataclass, field
from pathlib import Path
from html import escape
from typing import Annotated, Any, Callable, Literal

from markdown_it import MarkdownIt
from pydantic import BaseModel, ConfigDict, Field

Skill = Literal["sourcing", "contextualization", "close-reading", "corroboration", "vocabulary",
                "chronology"]
SKILLS: tuple[str, ...] = Skill.__args__  # type: ignore[attr-defined]
ID = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*[a-z0-9]$", min_length=2, max_length=64)]
OPTION_ID = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")]
SENTENCE_ID = Annotated[str, Field(pattern=r"^p\d+\.s\d+$")]
STATUSES = ("correct", "partial", "incorrect", "invalid", "unanswered", "recorded")
MAX_LIST = 200          # no widget produces longer lists; longer ones are junk
MAX_TEXT = 200          # a cloze blank or a date
MAX_ESSAY = 20_000      # a short answer or a note

# What an evidence item asks the student to do (web page, notebook, worksheet): it fits one
# right sentence or several without giving the count away.
EVIDENCE_HOW = "Tick the sentence or sentences that answer the question."


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ItemBase(Strict):
    id: ID
    skill: Skill
    objective: str = Field(min_length=1)
    prompt: str = Field(min_length=1)
    points: float = Field(default=1, gt=0, le=100)
    hint: str | None = None
    explanation: str = Field(min_length=1)   # why the answer is right; shown once it is found
    source: str | None = None                 # seed slug, when not the set's source


# --------------------------------------------------------------------------- results


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


def kind(value: Any) -> str:
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


def empty(value: Any) -> bool:
    return value is None or (isinstance(value, (str, list, tuple, dict)) and len(value) == 0)


def strings(response: Any, what: str) -> list[str] | str:
    """The response as a list of distinct strings, or a reason why it is not one."""
    if not isinstance(response, (list, tuple)):
        return f"expected a list of {what}, got {kind(response)}"
    if len(response) > MAX_LIST:
        return f"the list has {len(response)} entries; at most {MAX_LIST} are allowed"
    out: list[str] = []
    for value in response:
        if not isinstance(value, str):
            return f"expected a list of {what}, but it contains {kind(value)}"
        if value not in out:
            out.append(value)
    return out


def span(ids: list[str]) -> str:
    return f"{ids[0]}-{ids[-1]}" if len(ids) > 2 else " and ".join(ids)


def picks_fraction(right: int, wrong: int, n_right: int, n_wrong: int) -> float:
    """Right picks over right answers minus wrong picks over wrong choices: picking every
    choice scores 0, as does picking at random on average (contract §3)."""
    return right / n_right - (wrong / n_wrong if n_wrong else 0.0)


class Key(abc.ABC):
    """An item's answer key, worked out once; `check` marks one response.

    `seed` is the student's dealing seed (contract §4): an ordering needs it to know the
    student's starting order; the other types ignore it."""

    def __init__(self, item):
        self.item = item
        self.points = float(item.points)

    def invalid(self, reason: str) -> Result:
        return Result(0.0, self.points, False, "invalid", [], reason)

    def unanswered(self) -> Result:
        return Result(0.0, self.points, False, "unanswered", [], None)

    def scored(self, fraction: float, feedback: list[str]) -> Result:
        """`fraction` of the points, clamped to [0, 1]; fully right only at 1."""
        if fraction >= 1 - 1e-9:
            return Result(round(self.points, 4), self.points, True, "correct",
                          feedback + [self.item.explanation], None)
        score = round(self.points * max(fraction, 0.0), 4)
        return Result(score, self.points, False, "partial" if score > 0 else "incorrect",
                      feedback, None)

    def check(self, response: Any, seed: str | None = None) -> Result:
        if empty(response):
            return self.unanswered()
        return self._check(response, seed)

    @abc.abstractmethod
    def _check(self, response: Any, seed: str | None) -> Result:
        """Score a non-empty response; each item type's key defines it."""

    @abc.abstractmethod
    def perfect(self) -> Any:
        """The canonical fully right response (None where there is none)."""

    def wrong_choices(self, response: Any) -> list[str]:
        """Labels of the wrong parts of a (valid) response, for "most chosen wrong answer"."""
        return []

    # What the grader's item analysis asks of a key (grading/analysis.py).
    written = False     # recorded for the teacher to mark (short answers), never auto-scored
    seeded = False      # the verdict depends on the student's dealing seed (orderings)

    def chosen(self, response: Any) -> list[str]:
        """The options a (valid) response picks, counted per option; [] without options."""
        return []

    def option_rows(self) -> list[tuple[str, str, bool]]:
        """(option id, text, right) for each option, in data order; [] without options."""
        return []

    def label(self, choice: str) -> str:
        """A wrong choice (from `wrong_choices`) as the teacher reads it."""
        return choice


class Broken(Key):
    """An item that cannot be marked in this context (e.g. its source is missing)."""

    def __init__(self, item, reason: str):
        super().__init__(item)
        self.reason = reason

    def check(self, response, seed=None):
        return self.invalid(self.reason)

    def _check(self, response, seed):
        return self.invalid(self.reason)

    def perfect(self):
        return None


# --------------------------------------------------------------------------- printing

_md = MarkdownIt("commonmark", {"html": False})


def print_inline(text: str) -> str:
    """Author text for the printed worksheet (Markdown inline, raw HTML refused)."""
    return _md.renderInline(text)


def write_lines(n: int) -> str:
    return '<span class="line"></span>' * n


def box(label: str) -> str:
    return f'<li><span class="box"></span>{label}</li>'


# --------------------------------------------------------------------------- the type entry


Problem = Callable[..., None]   # problem(message, field, *sub-path): report a loader problem


@dataclass(frozen=True)
class ItemType:
    """One item type: its YAML `type`, model and everything the kit does with it."""
    name: str
    model: type[ItemBase]
    key: Callable[..., Key]                        # (item, ctx) -> Key
    answer_text: Callable[..., str]                # (item, ctx) -> the answer in words
    print_body: Callable[..., str]                 # (item, ctx, version) -> worksheet HTML
    payload: Callable[..., dict]                   # (item, ctx, PayloadTools) -> the page's
    #                                                type-specific fields (hashes, ciphertexts)
    page_body: Callable[..., str]                  # (item, ctx) -> the item's HTML on the page
    cross_check: Callable[..., Any] | None = None  # (item, problem, source, slug, ctx) -> item
    needs_source: bool = False                     # cloze, evidence, mark-words
    print_key: Callable[..., str] | None = None    # (item, ctx, version) -> the printed key
    check_label: str = "Check"                     # the page's button that checks an answer
    minutes: float = 1.0                           # pacing: a typical student's time on one
    #                                                (book/data/pacing.yml's item_minutes wins)
    writing_words: Callable[..., int] | None = None  # (item) -> words a good written answer
    #                                                needs; its time adds them at writing speed
    front_end: Path | None = None                  # a lesson's type: its JS module (the kit's
    #                                                ten are listed in render/assets/items/)

    def key_text(self, item, ctx, version: str) -> str:
        """The answer as the printed worksheet of `version` asks for it (its letters)."""
        if self.print_key is not None:
            return self.print_key(item, ctx, version)
        return self.answer_text(item, ctx)


def item_source(item, ctx):
    """The primary source an item reads (its own, the set's, or the book's only one)."""
    slug = item.source or getattr(ctx, "default_source", None)
    sources = getattr(ctx, "sources", None) or {}
    if slug in sources:
        return sources[slug]
    if len(sources) == 1:
        return next(iter(sources.values()))
    return None


def esc(text: str) -> str:
    return escape(text, quote=False)


BLANK = re.compile(r"\[\[([^\[\]]+)\]\]")
