"""An item's answer as plain words, for the instructor's answer key and the worksheet key."""

from __future__ import annotations

from sourcebook.items.registry import item_type


def answer_text(item, ctx=None) -> str:
    return item_type(item).answer_text(item, ctx)
