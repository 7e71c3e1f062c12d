"""What single-choice and multiple-select items share: options, their feedback, their print form,
their payload and their body on the page."""

from __future__ import annotations

from pydantic import Field, field_validator

from sourcebook.items.base import OPTION_ID, ItemBase, Key, Strict, box, print_inline, span
from sourcebook.items.page_parts import PayloadTools, attr, choice_block, inline
from sourcebook.items.shuffle import deal


class Option(Strict):
    id: OPTION_ID
    text: str = Field(min_length=1)
    feedback: str | None = None     # shown only to a student who chose this option


class ChoiceItem(ItemBase):
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
                raise ValueError(f'{what} "{a}" is not one of the options {span(known)}')


class ChoiceKey(Key):
    def __init__(self, item):
        super().__init__(item)
        self.option_ids = [o.id for o in item.options]
        self.known = set(self.option_ids)
        self.option_feedback = {o.id: o.feedback for o in item.options if o.feedback}

    def feedback(self, chosen: list[str]) -> list[str]:
        return [self.option_feedback[c] for c in chosen if c in self.option_feedback]

    def unknown(self, value: str):
        return self.invalid(f'"{value[:40]}" is not one of the options {span(self.option_ids)}')

    def chosen(self, response):
        return [response] if isinstance(response, str) else list(dict.fromkeys(response))

    def option_rows(self):
        right = self.perfect()
        right = {right} if isinstance(right, str) else set(right)
        return [(o.id, o.text, o.id in right) for o in self.item.options]

    def label(self, choice):
        return option_text(self.item, choice)


def option_text(item, oid: str, letter: str | None = None) -> str:
    text = next(o.text for o in item.options if o.id == oid)
    return f"{letter or oid}: {text}"


def printed_answer(item, answers: list[str], version: str) -> str:
    letters = printed_letters(item, version)
    return "; ".join(option_text(item, a, letters[a]) for a in sorted(answers, key=letters.get))


def printed_letters(item, version: str) -> dict[str, str]:
    """Option id -> the letter it is printed under in the worksheet of `version` (the options
    are dealt for each version, as they are for each student on the page)."""
    dealt = deal(version, item.id, item.option_ids())
    return {oid: chr(65 + n) for n, oid in enumerate(dealt)}


def print_options(item, how: str, version: str) -> str:
    letters = printed_letters(item, version)
    texts = {o.id: o.text for o in item.options}
    opts = "".join(box(f"{letters[oid]}. {print_inline(texts[oid])}")
                   for oid in sorted(letters, key=letters.get))
    return f'<p class="meta">{how}</p><ul class="opts">{opts}</ul>'


def choice_payload(item, h: PayloadTools, right: list[str]) -> dict:
    """The options in data order (the page deals them per student) and the hashed answers."""
    return {"options": [{"id": o.id, "html": inline(o.text)} for o in item.options],
            **choice_block(h, item, item.option_ids(), right,
                           {o.id: o.feedback for o in item.options})}


def choice_list(item, kind: str) -> str:
    """The options on the page as `kind` ("radio" or "checkbox") inputs."""
    rows = "".join(
        f'<li><label><input type="{kind}" name="sb-{attr(item.id)}" value="{attr(o.id)}"> '
        f'<span>{inline(o.text)}</span></label></li>' for o in item.options)
    return f'<ul class="sb-opts">{rows}</ul>'
