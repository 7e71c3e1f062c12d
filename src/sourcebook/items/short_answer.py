"""A written answer, self-assessed against the rubric after answering. Recorded, never scored
right or wrong by the kit; its `points` are for the teacher's own marking."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from sourcebook.items.base import (MAX_ESSAY, ItemBase, ItemType, Key, Result, kind, print_inline,
                                   write_lines)
from sourcebook.items.crypto import encrypt, sha256_hex
from sourcebook.items.page_parts import attr, inline

WORDS_PER_LINE = 12     # handwriting on a worksheet line


class ShortAnswer(ItemBase):
    type: Literal["short-answer"]
    rubric: list[str] = Field(min_length=1)
    exemplar: str | None = None     # instructor edition only
    explanation: str = "Compare your answer with each point of the rubric."
    length: int = Field(default=60, ge=5, le=2000)   # words a good answer needs (writing space)


class ShortAnswerKey(Key):
    written = True      # the teacher marks it with the rubric (grading/written.py)

    def _check(self, response, seed):
        if not isinstance(response, dict):
            return self.invalid(f'expected {{"text": ..., "self": [...]}}, got {kind(response)}')
        text, marks = response.get("text"), response.get("self")
        if set(response) - {"text", "self"}:
            return self.invalid("the answer has fields other than text and self")
        if not isinstance(text, str):
            return self.invalid(f"the answer's text is {kind(text)}, not text")
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

    def perfect(self):
        return None


def _answer_text(item, ctx) -> str:
    rubric = " | ".join(item.rubric)
    return f"Rubric: {rubric}" + (f" — Exemplar: {item.exemplar}" if item.exemplar else "")


def _print_body(item, ctx, version: str = "") -> str:
    rubric = "".join(f"<li>{print_inline(r)}</li>" for r in item.rubric)
    lines = max(4, -(-item.length // WORDS_PER_LINE))
    return (f'{write_lines(lines)}<p class="meta">A strong answer:</p>'
            f'<ul class="meta">{rubric}</ul>')


def recorded_key(book: str, item_id: str) -> str:
    """The (public) key of a short answer's rubric and explanation: only out of plain text."""
    return sha256_hex(f"{book}|{item_id}|rubric|recorded")


def _payload(item, ctx, h) -> dict:
    key = recorded_key(h.book, item.id)
    return {"rubric": [encrypt(inline(r), key) for r in item.rubric],
            "explanation": encrypt(inline(item.explanation), key), "maxlength": MAX_ESSAY}


def _page_body(item, ctx) -> str:
    iid = attr(item.id)
    return (f'<p><label for="sb-{iid}-t">Your answer</label></p>'
            f'<textarea id="sb-{iid}-t" class="sb-t" rows="6"></textarea>'
            f'<div class="sb-rub" hidden><p>Compare your answer with the rubric and tick '
            f'each point it covers.</p><ul class="sb-opts"></ul></div>')


TYPE = ItemType(
    name="short-answer", model=ShortAnswer, key=lambda item, ctx: ShortAnswerKey(item),
    answer_text=_answer_text, print_body=_print_body,
    payload=_payload, page_body=_page_body, check_label="Record answer",
    minutes=1.0, writing_words=lambda item: item.length,   # thinking, then writing
)
