"""An item's answer as plain words, for the instructor's answer key and worksheet key."""

from __future__ import annotations

from sourcebook.items.schema import (Cloze, DateItem, Evidence, Matching, MarkWords, MultipleSelect, Ordering,
                     ShortAnswer, SingleChoice, TrueFalse)


def _option(item, oid: str) -> str:
    text = next(o.text for o in item.options if o.id == oid)
    return f"{oid}: {text}"


def answer_text(item, ctx=None) -> str:
    match item:
        case SingleChoice():
            return _option(item, item.answer)
        case MultipleSelect():
            return "; ".join(_option(item, a) for a in item.answers)
        case TrueFalse():
            return "True" if item.answer else "False"
        case Ordering():
            entries = item.entries or []
            return " → ".join(e.text for e in entries) if entries else " → ".join(item.timeline)
        case Matching():
            return "; ".join(f"{p.left} — {p.right}" for p in item.pairs)
        case Cloze():
            return " / ".join(" or ".join(b) for b in item.blanks())
        case Evidence():
            source = ctx.sources.get(item.source or ctx.default_source) if ctx else None
            if source:
                return "; ".join(f"{sid} “{source.sentence(sid).text}”" for sid in item.answers)
            return ", ".join(item.answers)
        case MarkWords():
            return "; ".join(f"“{p}”" for p in item.phrases)
        case DateItem():
            return f"{item.answer.day} {item.answer:%B %Y} ({item.answer.isoformat()})"
        case ShortAnswer():
            rubric = " | ".join(item.rubric)
            return f"Rubric: {rubric}" + (f" — Exemplar: {item.exemplar}" if item.exemplar else "")
    return ""
