"""True or false. Score 1 or 0."""

from __future__ import annotations

from typing import Literal

from sourcebook.items.base import ItemBase, ItemType, Key, box, kind
from sourcebook.items.page_parts import attr, choice_block


class TrueFalse(ItemBase):
    type: Literal["true-false"]
    answer: bool
    feedback_true: str | None = None    # shown to a student who answered "true"
    feedback_false: str | None = None


class TrueFalseKey(Key):
    def _check(self, response, seed):
        if not isinstance(response, bool):
            return self.invalid(f"expected true or false, got {kind(response)}")
        note = self.item.feedback_true if response else self.item.feedback_false
        return self.scored(1.0 if response == self.item.answer else 0.0, [note] if note else [])

    def perfect(self):
        return self.item.answer

    def wrong_choices(self, response):
        return [str(response).lower()] if response != self.item.answer else []


def _payload(item, ctx, h) -> dict:
    return choice_block(h, item, ["true", "false"], ["true" if item.answer else "false"],
                        {"true": item.feedback_true, "false": item.feedback_false})


def _page_body(item, ctx) -> str:
    iid = attr(item.id)
    return (f'<ul class="sb-opts"><li><label><input type="radio" name="sb-{iid}" '
            f'value="true"> <span>True</span></label></li><li><label><input '
            f'type="radio" name="sb-{iid}" value="false"> <span>False</span></label>'
            f'</li></ul>')


TYPE = ItemType(
    name="true-false", model=TrueFalse,
    key=lambda item, ctx: TrueFalseKey(item),
    answer_text=lambda item, ctx: "True" if item.answer else "False",
    print_body=lambda item, ctx, version: f'<ul class="opts">{box("True")}{box("False")}</ul>',
    payload=_payload, page_body=_page_body,
    minutes=0.5,
)
