"""Exercise sets as data: one YAML file is one set::

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

Each item type's model lives in its own module (`items/<type>.py`); this module gathers them
for the loader and for code that names a type's model.
"""

from __future__ import annotations

from pydantic import Field

from sourcebook.items.base import BLANK, ID, SKILLS, ItemBase, Strict  # noqa: F401
from sourcebook.items.choices import Option  # noqa: F401
from sourcebook.items.cloze import Cloze
from sourcebook.items.date import DateItem
from sourcebook.items.evidence import Evidence
from sourcebook.items.mark_words import MarkWords
from sourcebook.items.matching import Matching, Pair  # noqa: F401
from sourcebook.items.multiple_select import MultipleSelect
from sourcebook.items.ordering import OrderEntry, Ordering  # noqa: F401
from sourcebook.items.registry import ITEM_TYPES, Item  # noqa: F401
from sourcebook.items.short_answer import ShortAnswer
from sourcebook.items.single_choice import SingleChoice
from sourcebook.items.true_false import TrueFalse

__all__ = ["Cloze", "DateItem", "Evidence", "MarkWords", "Matching", "MultipleSelect", "Ordering",
           "ShortAnswer", "SingleChoice", "TrueFalse", "Item", "ITEM_TYPES", "SKILLS", "BLANK",
           "SetInfo", "ExerciseSet", "Option", "Pair", "OrderEntry"]


class SetInfo(Strict):
    id: ID
    title: str = Field(min_length=1)
    chapter: str | None = None
    source: str | None = None
    intro: str | None = None


class ExerciseSet(Strict):
    set: SetInfo
    items: list[Item] = Field(min_length=1)
