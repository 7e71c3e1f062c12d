"""Single choice: one right option. Score 1 or 0."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from sourcebook.items.base import OPTION_ID, ItemType, kind
from sourcebook.items.choices import (ChoiceItem, ChoiceKey, choice_list, choice_payload,
                                      option_text, print_options, printed_answer)


class SingleChoice(ChoiceItem):
    type: Literal["single-choice"]
    answer: OPTION_ID

    @model_validator(mode="after")
    def _answer_is_an_option(self):
        self._known([self.answer], "answer")
        return self


class SingleChoiceKey(ChoiceKey):
    def _check(self, response, seed):
        if not isinstance(response, str):
            return self.invalid(f'expected one option id such as "{self.option_ids[0]}", '
                                f"got {kind(response)}")
        if response not in self.known:
            return self.unknown(response)
        return self.scored(1.0 if response == self.item.answer else 0.0,
                           self.feedback([response]))

    def perfect(self):
        return self.item.answer

    def wrong_choices(self, response):
        return [response] if response != self.item.answer else []


TYPE = ItemType(
    name="single-choice", model=SingleChoice,
    key=lambda item, ctx: SingleChoiceKey(item),
    answer_text=lambda item, ctx: option_text(item, item.answer),
    print_body=lambda item, ctx, version: print_options(item, "Choose one.", version),
    print_key=lambda item, ctx, version: printed_answer(item, [item.answer], version),
    payload=lambda item, ctx, h: choice_payload(item, h, [item.answer]),
    page_body=lambda item, ctx: choice_list(item, "radio"),
    minutes=1.0,
)
