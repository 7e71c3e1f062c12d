"""The item types the kit knows, by their YAML `type`. Everything else dispatches through here.

To add a type: write `items/<type>.py` (model, key, answer text, print form, payload, page body;
see any of the ten below), its front-end part `render/assets/items/<type>.js`, and add its
module to `_MODULES` and to `render/assets/items/index.js`. A lesson's own type instead names its
JS module in `ItemType(front_end=...)`, lives in `book/_ext/` and is declared in `_config.yml`
(`sourcebook: item_types:`), which every command that loads the book reads and registers
(`model/lesson_types.py`); the build bundles its JS module with the kit's (`front_ends`). The
author guide walks through one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Union

from pydantic import Field, TypeAdapter

from sourcebook.items import (cloze, date, evidence, mark_words, matching, multiple_select,
                              ordering, short_answer, single_choice, true_false)
from sourcebook.items.base import ItemType

_MODULES = (single_choice, multiple_select, true_false, ordering, matching, cloze, evidence,
            mark_words, date, short_answer)

TYPES: dict[str, ItemType] = {m.TYPE.name: m.TYPE for m in _MODULES}
ITEM_TYPES: tuple[str, ...] = tuple(TYPES)
KIT_TYPES: tuple[str, ...] = ITEM_TYPES          # the kit's own, whose JS the kit ships
_BY_MODEL = {t.model: t for t in TYPES.values()}


def _union():
    """The union pydantic validates an item with, told apart by `type`."""
    return Annotated[Union[tuple(t.model for t in TYPES.values())], Field(discriminator="type")]


Item = _union()
_adapter: TypeAdapter | None = None


def item_adapter() -> TypeAdapter:
    """Validates one item of any registered type (rebuilt when a type is registered)."""
    global _adapter
    if _adapter is None:
        _adapter = TypeAdapter(_union())
    return _adapter


def register(entry: ItemType) -> None:
    """Add an item type (a lesson's own, or a new one of the kit's)."""
    global _adapter, ITEM_TYPES
    if entry.name in TYPES and TYPES[entry.name] is not entry:
        raise ValueError(f'an item type "{entry.name}" is registered already')
    TYPES[entry.name] = entry
    _BY_MODEL[entry.model] = entry
    ITEM_TYPES = tuple(TYPES)
    _adapter = None


def unregister(name: str) -> None:
    """Remove a type added with `register` (a test's, or a notebook's re-run); the kit's stay."""
    global _adapter, ITEM_TYPES
    if name in KIT_TYPES:
        raise ValueError(f'"{name}" is one of the kit\'s item types')
    entry = TYPES.pop(name, None)
    if entry is not None:
        _BY_MODEL.pop(entry.model, None)
        ITEM_TYPES = tuple(TYPES)
        _adapter = None


def item_type(item) -> ItemType:
    """The type entry of an item (a model instance)."""
    return _BY_MODEL[type(item)]


def lesson_types() -> tuple[ItemType, ...]:
    """The registered types that are not the kit's own (a lesson's, from `book/_ext/`)."""
    return tuple(t for name, t in TYPES.items() if name not in KIT_TYPES)


def front_ends() -> tuple[Path, ...]:
    """The JS modules of the registered types that bring their own (a lesson's), to bundle."""
    return tuple(t.front_end for t in TYPES.values() if t.front_end is not None)


def without_front_end() -> tuple[str, ...]:
    """Registered types outside the kit that name no JS module: the page cannot check them."""
    return tuple(t.name for t in lesson_types() if t.front_end is None)
