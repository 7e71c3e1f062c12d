"""Validation errors of an exercise set in words an instructor can act on.

pydantic says `loc=('items', 3, 'answer')`, `type='literal_error'`; this says
`exercises/context.yml:42 item ctx-07: answer: answer "E" is not one of the options A-D`, with the
line of the field, a "did you mean" for a misspelt field, and one message per problem.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from sourcebook.errors import SourcebookError, suggest
from sourcebook.items.registry import TYPES
from sourcebook.items.schema import SKILLS
from sourcebook.yamlio import Lines


def _field_line(lines: Lines, path: tuple) -> int | None:
    """The line of the node at `path`, or of its nearest ancestor."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return lines.get(())


def _label(loc: tuple) -> str | None:
    """("options", 2, "id") -> "options #3 id" (lists counted from 1, as people count)."""
    parts = [f"#{p + 1}" if isinstance(p, int) else str(p) for p in loc]
    return " ".join(parts) or None


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f'"{value}"'


def _known_fields(item_type: str | None, loc: tuple, top=None) -> list[str]:
    """The fields allowed where an unknown one was written (for "did you mean")."""
    from sourcebook.items.schema import OrderEntry, Option, Pair
    if len(loc) > 1:
        nested = {"options": Option, "entries": OrderEntry, "pairs": Pair}.get(loc[0])
        return list(nested.model_fields) if nested else []
    if top is not None:
        return list(top.model_fields)
    entry = TYPES.get(item_type)
    return list(entry.model.model_fields) if entry else []


def _model_error_field(message: str, raw: dict) -> str | None:
    """Which field an item-level check (a model validator in schema.py) is about."""
    if message.startswith("answer "):
        return "answers" if "answers" in raw else "answer"
    if message.startswith("answers"):
        return "answers"
    if "-hand entries" in message:
        return "pairs"
    if "entries" in message or "timeline" in message:
        return "timeline" if "timeline" in raw and "entries" not in raw else "entries"
    first = message.split(" ", 1)[0]
    return first if first in raw else None


def _describe(err: dict, loc: tuple, item_type: str | None, top=None) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    what = f"a {item_type} item" if item_type else "this"
    name = str(loc[-1]) if loc else ""
    if kind == "missing":
        return f"is missing; {what} needs one"
    if kind == "extra_forbidden":
        known = _known_fields(item_type, loc, top)
        hint = suggest(name, known) or (f" ({what} has: {', '.join(known)})" if known else "")
        return f'field "{name}" is not a known field{hint}'
    if kind == "union_tag_invalid":
        return f'type "{ctx.get("tag")}" is not an item type (one of: {", ".join(TYPES)})'
    if kind == "union_tag_not_found":
        return f"is missing; say which kind of item this is (one of: {', '.join(TYPES)})"
    if kind == "literal_error":
        if name == "skill":
            return f'"{value}" is not a skill (one of: {", ".join(SKILLS)})'
        return f'{_kind(value)} is not one of: {ctx.get("expected")}'
    if kind == "string_pattern_mismatch":
        if loc == ("id",):
            return (f'"{value}" is not a valid id: use lower-case letters, digits and hyphens, '
                    "e.g. ctx-07")
        if "p\\d" in str(ctx.get("pattern")):
            return f'"{value}" is not a sentence id such as p2.s3'
        return f'"{value}" is not a valid id: use letters, digits, "-" or "_", e.g. A'
    if kind == "string_too_short":
        return "is empty" if ctx.get("min_length") == 1 else \
            f'"{value}" is too short (at least {ctx.get("min_length")} characters)'
    if kind == "string_too_long":
        return f'is too long (at most {ctx.get("max_length")} characters)'
    if kind == "too_short":
        return (f"needs at least {ctx.get('min_length')} entries, "
                f"found {ctx.get('actual_length')}")
    if kind == "too_long":
        return (f"has {ctx.get('actual_length')} entries; at most {ctx.get('max_length')} "
                "are allowed")
    if kind == "string_type":
        return f"must be text, not {_kind(value) if not isinstance(value, str) else 'that'}"
    if kind == "list_type":
        return f'must be a list (one entry per line, each starting with "- "), not {_kind(value)}'
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"must be a mapping of fields (e.g. id: A and text: ...), not {_kind(value)}"
    if kind in ("float_parsing", "float_type", "int_parsing", "int_type"):
        return f"{_kind(value)} is not a number"
    if kind == "greater_than":
        return f"must be more than {ctx.get('gt'):g}"
    if kind == "less_than_equal":
        return f"must be at most {ctx.get('le'):g}"
    if kind in ("bool_parsing", "bool_type"):
        return f"{_kind(value)} is not true or false"
    if kind.startswith("date"):
        return f"{_kind(value)} is not a date; write it like 1950-03-05 or 5 March 1950"
    if kind == "value_error":
        message = str(ctx.get("error") or err.get("msg"))
        if message.startswith("two right-hand") and isinstance(value, dict):
            rights = [p.get("right") for p in value.get("pairs") or [] if isinstance(p, dict)]
            rights += list(value.get("distractors") or [])
            twice = sorted({str(r) for r in rights if rights.count(r) > 1})
            return f'"{twice[0]}" is a right-hand entry twice' if twice else message
        return message
    return str(err.get("msg"))


def _translate(exc: ValidationError, raw: dict, base: tuple, lines: Lines, shown: str,
               item: str | None, top=None) -> list[SourcebookError]:
    """Pydantic's errors in an instructor's words, each with its line and field.

    `top` is the model validated when it is not an item (the set's header)."""
    item_type = raw.get("type") if top is None and isinstance(raw.get("type"), str) else None
    prefix = base[:1] if top is not None else ()
    out = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        if loc and loc[0] == item_type:
            loc = loc[1:]                     # the discriminated union's tag
        if err["type"] == "value_error" and not loc:
            msg = str((err.get("ctx") or {}).get("error") or err["msg"])
            fname = _model_error_field(msg, raw)
            loc = (fname,) if fname else ()
        elif err["type"].startswith("union_tag"):
            loc = ("type",)
        line = (lines.get(base + loc + ("@key",)) if err["type"] == "extra_forbidden" else None) \
            or _field_line(lines, base + loc)
        out.append(SourcebookError(shown, _describe(err, loc, item_type, top), line=line,
                                   field=_label(prefix + loc), item=item))
    return _drop_echoes(out)


def _drop_echoes(errors: list[SourcebookError]) -> list[SourcebookError]:
    """A misspelt field also shows up as a missing one; report only the misspelling."""
    meant = {re.search(r'did you mean "([^"]+)"', e.message).group(1) for e in errors
             if "did you mean" in e.message}
    return [e for e in errors if not (e.message.startswith("is missing") and e.field
                                      and e.field.split(" ")[-1] in meant)]
