"""A date, e.g. the one a file number encodes. Accepts 1950-03-05, 5 March 1950, March 5,
1950, the month abbreviated, and a weekday or "5th of" before it. Score 1 or 0."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import field_validator

from sourcebook.items.base import MAX_TEXT, ItemBase, ItemType, Key, kind
from sourcebook.items.crypto import SLOW
from sourcebook.items.normalize import parse_date
from sourcebook.items.page_parts import attr, explanation


class DateItem(ItemBase):
    type: Literal["date"]
    answer: dt.date

    @field_validator("answer", mode="before")
    @classmethod
    def _any_spelling(cls, value):
        """Authors may write the key in any spelling a student may use (5 March 1950)."""
        return (parse_date(value) or value) if isinstance(value, str) else value


class DateKey(Key):
    def _check(self, response, seed):
        if not isinstance(response, str):
            return self.invalid(f"expected a date written as text, got {kind(response)}")
        if not response.strip():
            return self.unanswered()
        if len(response) > MAX_TEXT:
            return self.invalid(f"{len(response)} characters is too long for a date")
        date = parse_date(response)
        if date is None:
            return self.invalid(f'"{response[:40]}" is not a date this page can read; write it '
                                "like 1950-03-05 or 5 March 1950")
        return self.scored(1.0 if date == self.item.answer else 0.0, [])

    def perfect(self):
        return self.item.answer.isoformat()

    def wrong_choices(self, response):
        date = parse_date(response)
        return [date.isoformat()] if date and date != self.item.answer else []


def _cross_check(item, problem, source, slug, ctx):
    if not 1000 <= item.answer.year <= 9999:
        problem(f"{item.answer} cannot be typed as an answer: use a year from 1000 to 9999",
                "answer")
    return item


def _payload(item, ctx, h) -> dict:
    st = h("date", item.answer.isoformat(), SLOW)
    return {"answers": {"it": SLOW, "h": [st.check]}, "explanation": explanation(item, [st.secret])}


def _page_body(item, ctx) -> str:
    iid = attr(item.id)
    return (f'<p class="sb-date"><label for="sb-{iid}-d">Your answer (a date)</label> '
            f'<input type="text" id="sb-{iid}-d" class="sb-d" autocomplete="off" '
            f'aria-describedby="sb-{iid}-df" size="22"> <span class="sb-how" '
            f'id="sb-{iid}-df">Write the day, the month in words and the year, or '
            f'YYYY-MM-DD.</span></p>')


TYPE = ItemType(
    name="date", model=DateItem, key=lambda item, ctx: DateKey(item),
    answer_text=lambda item, ctx: (f"{item.answer.day} {item.answer:%B %Y} "
                                   f"({item.answer.isoformat()})"),
    print_body=lambda item, ctx, version: '<p>Date: <span class="blank" style="min-width:50mm"></span></p>',
    cross_check=_cross_check, payload=_payload, page_body=_page_body,
    minutes=1.0,
)
