"""The checker: (item, response) -> Result. Pure, and it never raises, whatever the response.

    result = check(item, response, ctx=ctx, seed=seed)   # one response
    key = compile_item(item, ctx)                        # many responses to one item (grader):
    result = key.check(response, seed)                   #   the key is worked out once

Responses have the shapes of docs/contract.md; a response of the wrong shape is ``invalid``
(score 0, with a reason), an empty one ``unanswered``. Each type's scoring rule is in its own
module (`items/<type>.py`) and in docs/contract.md §3. `ctx` (the loaded lesson) gives the
sources and spelling variants; nothing here reads files or the current folder.
"""

from __future__ import annotations

from typing import Any

from sourcebook.items.base import (MAX_LIST, MAX_TEXT, STATUSES, Broken, Key,  # noqa: F401
                                   Result)
from sourcebook.items.registry import TYPES

__all__ = ["Result", "check", "compile_item", "perfect_response", "Key", "STATUSES", "MAX_LIST",
           "MAX_TEXT"]


def compile_item(item, ctx=None) -> Key:
    """The item's answer key. Never raises: an item that cannot be marked gives a key whose
    results are all `invalid` with the reason."""
    entry = TYPES.get(getattr(item, "type", None))
    if entry is None or not isinstance(item, entry.model):
        return Broken(item, f"{type(item).__name__} is not an item type this checker knows")
    try:
        return entry.key(item, ctx)
    except Exception as err:        # a malformed item must not stop a whole grading run
        return Broken(item, f"this item cannot be marked: {err}")


def check(item, response: Any, ctx=None, seed: str | None = None) -> Result:
    """Mark one response to one item. Never raises."""
    key = compile_item(item, ctx)
    try:
        return key.check(response, seed)
    except Exception as err:        # the net under the net: a bug must not lose a grade run
        return key.invalid(f"the checker could not read this response ({type(err).__name__})")


def perfect_response(item, ctx=None) -> Any:
    """The canonical fully right response to `item` (None for short-answer, which has none)."""
    return compile_item(item, ctx).perfect()
