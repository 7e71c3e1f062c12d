"""Multiple select: choose every right option.

Score: right picks / right options − wrong picks / wrong options, never below 0, so choosing
every option scores 0 (docs/contract.md §3)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from sourcebook.items.base import OPTION_ID, ItemType, picks_fraction, strings
from sourcebook.items.choices import (ChoiceItem, ChoiceKey, choice_list, choice_payload,
                                      option_text, print_options, printed_answer)


class MultipleSelect(ChoiceItem):
    type: Literal["multiple-select"]
    answers: list[OPTION_ID] = Field(min_length=1)

    @model_validator(mode="after")
    def _answers_are_options(self):
        self._known(self.answers, "answer")
        if len(set(self.answers)) != len(self.answers):
            raise ValueError("answers lists an option twice")
        return self


class MultipleSelectKey(ChoiceKey):
    def __init__(self, item):
        super().__init__(item)
        self.answers = set(item.answers)

    def _check(self, response, seed):
        chosen = strings(response, "option ids")
        if isinstance(chosen, str):
            return self.invalid(chosen)
        unknown = [c for c in chosen if c not in self.known]
        if unknown:
            return self.unknown(unknown[0])
        right = sum(1 for c in chosen if c in self.answers)
        fraction = picks_fraction(right, len(chosen) - right, len(self.answers),
                                  len(self.known) - len(self.answers))
        return self.scored(fraction, self.feedback(chosen))

    def perfect(self):
        return [o for o in self.option_ids if o in self.answers]

    def wrong_choices(self, response):
        return [c for c in dict.fromkeys(response) if c not in self.answers]


def _page_body(item, ctx) -> str:
    how = "" if "all that apply" in item.prompt.lower() else \
        '<p class="sb-how">Choose all that apply.</p>'
    return how + choice_list(item, "checkbox")


TYPE = ItemType(
    name="multiple-select", model=MultipleSelect,
    key=lambda item, ctx: MultipleSelectKey(item),
    answer_text=lambda item, ctx: "; ".join(option_text(item, a) for a in item.answers),
    print_body=lambda item, ctx, version: print_options(item, "Choose all that apply.", version),
    print_key=lambda item, ctx, version: printed_answer(item, item.answers, version),
    payload=lambda item, ctx, h: choice_payload(item, h, list(item.answers)),
    page_body=_page_body,
    minutes=1.5,
)
