"""The item types the kit knows, by their YAML `type`. Everything else dispatches through here.

To add a type: write `items/<type>.py` (model, key, answer text, print form; see any of the ten
below), its front-end part `render/assets/items/<type>.js`, and add its module to `_MODULES`.
"""

from __future__ import annotations

from typing import Annotated, Union

from pydantic import Field

from sourcebook.items import (cloze, date, evidence, mark_words, matching, multiple_select,
                              ordering, short_answer, single_choice, true_false)
from sourcebook.items.base import ItemType

_MODULES = (single_choice, multiple_select, true_false, ordering, matching, cloze, evidence,
            mark_words, date, short_answer)

TYPES: dict[str, ItemType] = {m.TYPE.name: m.TYPE for m in _MODULES}
ITEM_TYPES: tuple[str, ...] = tuple(TYPES)
_BY_MODEL = {t.model: t for t in TYPES.values()}

# The union pydantic validates an item with, told apart by `type`.
Item = Annotated[Union[tuple(t.model for t in TYPES.values())], Field(discriminator="type")]


def item_type(item) -> ItemType:
    """The type entry of an item (a model instance)."""
    return _BY_MODEL[type(item)]
