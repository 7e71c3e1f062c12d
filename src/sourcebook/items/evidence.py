"""Tick the sentences of the source that support the claim in the prompt.

Score: right picks / right sentences − wrong picks / other sentences offered, never below 0, so
ticking every sentence scores 0 (docs/contract.md §3)."""

from __future__ import annotations

from html import escape
from typing import Literal

from pydantic import Field

from sourcebook.items.base import (EVIDENCE_HOW, SENTENCE_ID, ItemBase, ItemType, Key, box,
                                   item_source, picks_fraction, strings)
from sourcebook.items.crypto import FAST, padded
from sourcebook.items.page_parts import attr, explanation, required_source, sid_label


class Evidence(ItemBase):
    type: Literal["evidence"]
    answers: list[SENTENCE_ID] = Field(min_length=1)
    scope: list[str] | None = None      # paragraph ids to offer (default: the whole source)


def offered(item: Evidence, source) -> list[str]:
    """The sentence ids offered to the student, in reading order."""
    if item.scope:
        return [s.id for pid in item.scope for s in source.paragraph(pid).sentences]
    return [s.id for s in source.sentences]


class EvidenceKey(Key):
    def __init__(self, item, source):
        super().__init__(item)
        self.answers = set(item.answers)
        self.allowed = set(offered(item, source)) if source is not None else None

    def _check(self, response, seed):
        picked = strings(response, "sentence ids")
        if isinstance(picked, str):
            return self.invalid(picked)
        if self.allowed is None:
            return self.invalid("the source of this item is not available")
        unknown = [p for p in picked if p not in self.allowed]
        if unknown:
            return self.invalid(f'"{unknown[0][:40]}" is not a sentence you can pick here')
        right = sum(1 for p in picked if p in self.answers)
        fraction = picks_fraction(right, len(picked) - right, len(self.answers),
                                  len(self.allowed - self.answers))
        return self.scored(fraction, [])

    def perfect(self):
        return list(self.item.answers)

    def wrong_choices(self, response):
        return [p for p in dict.fromkeys(response) if p not in self.answers]


def _cross_check(item, problem, source, slug, ctx):
    known = source.sentence_ids()
    for k, sid in enumerate(item.answers):
        if sid not in known:
            problem(f'sentence "{sid}" is not in {slug} (its sentences run '
                    f"{source.sentences[0].id} to {source.sentences[-1].id})", "answers", k)
    if item.scope is not None:
        paragraphs = {p.id for p in source.paragraphs}
        for k, pid in enumerate(item.scope):
            if pid not in paragraphs:
                problem(f'paragraph "{pid}" is not in {slug} (it has '
                        f"{', '.join(sorted(paragraphs))})", "scope", k)
        for k, sid in enumerate(item.answers):
            if sid in known and sid.split(".")[0] not in item.scope:
                problem(f'sentence "{sid}" is an answer but outside the scope '
                        f"{', '.join(item.scope)}", "answers", k)
    return item


def _answer_text(item, ctx) -> str:
    source = item_source(item, ctx) if ctx else None
    if source:
        return "; ".join(f"{sid} “{source.sentence(sid).text}”" for sid in item.answers)
    return ", ".join(item.answers)


def _print_body(item, ctx, version: str = "") -> str:
    source = item_source(item, ctx)
    pids = item.scope or [p.id for p in source.paragraphs]
    rows = "".join(box(f"<b>{s.id}</b> {escape(s.text)}")
                   for p in source.paragraphs if p.id in pids for s in p.sentences)
    return f'<p class="meta">{EVIDENCE_HOW}</p><ul class="opts">{rows}</ul>'


def _payload(item, ctx, h) -> dict:
    source = required_source(item, ctx)
    sentences = offered(item, source)
    right = {sid: h("sentence", sid) for sid in item.answers}
    return {
        "sentences": [{"id": sid, "html": escape(source.sentence(sid).text, quote=False),
                       "page": source.sentence(sid).page} for sid in sentences],
        "answers": {"it": FAST, "h": padded([x.check for x in right.values()], len(sentences),
                                            h.seed)},
        "explanation": explanation(item, [right[sid].secret for sid in sorted(right)]),
    }


def _page_body(item, ctx) -> str:
    source = required_source(item, ctx)
    rows = "".join(
        f'<li><label><input type="checkbox" value="{attr(sid)}"> <span class="sb-sid">'
        f'{sid_label(sid)}</span> <span>{escape(source.sentence(sid).text)}</span>'
        f'</label></li>'
        for sid in offered(item, source))
    return (f'<p class="sb-how">{EVIDENCE_HOW}</p>'
            f'<ul class="sb-ev">{rows}</ul>')


TYPE = ItemType(
    name="evidence", model=Evidence,
    key=lambda item, ctx: EvidenceKey(item, item_source(item, ctx)),
    answer_text=_answer_text, print_body=_print_body, cross_check=_cross_check,
    needs_source=True, payload=_payload, page_body=_page_body,
    minutes=2.0,
)
