"""A passage of the source with blanks: ``use maximum [[ingenuity]] and [[imagination]]``.

Alternatives inside a blank are accepted variants (``[[Cheju-do|Cheju|Jeju-do]]``); the first is
the source's own word, and `exercises/variants.yml` adds spelling groups. Score: blanks right /
blanks (normalised text, docs/contract.md §3)."""

from __future__ import annotations

from html import escape
from typing import Literal

from pydantic import Field, field_validator

from sourcebook.items.base import BLANK, MAX_TEXT, ItemBase, ItemType, Key, kind
from sourcebook.items.crypto import SLOW, encrypt
from sourcebook.items.normalize import expand_variants, normalise
from sourcebook.items.page_parts import PIECE_WIDTH, explanation, inline, with_filler

MAX_FORMS = 12    # accepted forms per blank: the page pads every blank's hash list to this


class Cloze(ItemBase):
    type: Literal["cloze"]
    passage: str = Field(min_length=1)

    @field_validator("passage")
    @classmethod
    def _has_blanks(cls, passage: str) -> str:
        if not BLANK.search(passage):
            raise ValueError("the passage has no blank; mark each with [[answer]]")
        return passage

    def blanks(self) -> list[list[str]]:
        return [[v.strip() for v in m.group(1).split("|") if v.strip()]
                for m in BLANK.finditer(self.passage)]

    def filled(self) -> str:
        """The passage with each blank filled by its first answer (must be the source's text)."""
        return BLANK.sub(lambda m: m.group(1).split("|")[0].strip(), self.passage)


def accepted_forms(item: Cloze, ctx) -> list[list[str]]:
    """Each blank's accepted normalised forms, expanded through the spelling-variant groups."""
    index = getattr(ctx, "variant_index", None) or {}
    return [sorted(expand_variants(blank, index)) for blank in item.blanks()]


class ClozeKey(Key):
    def __init__(self, item, ctx=None):
        super().__init__(item)
        self.accepted = [set(forms) for forms in accepted_forms(item, ctx)]

    def _check(self, response, seed):
        n = len(self.accepted)
        if not isinstance(response, (list, tuple)):
            return self.invalid(f"expected a list of {n} words, got {kind(response)}")
        if len(response) != n:
            return self.invalid(f"expected {n} blank{'s' * (n != 1)}, got {len(response)}")
        right = 0
        for text, accepted in zip(response, self.accepted):
            if text is None:
                continue
            if not isinstance(text, str):
                return self.invalid(f"a blank holds {kind(text)}, not text")
            if len(text) > MAX_TEXT:
                return self.invalid(f"a blank holds {len(text)} characters; at most {MAX_TEXT}")
            right += normalise(text) in accepted
        if all(t is None or not t.strip() for t in response):
            return self.unanswered()
        return self.scored(right / n, [])

    def perfect(self):
        return [alternatives[0] for alternatives in self.item.blanks()]

    def wrong_choices(self, response):
        return [f"blank {k}: {normalise(t)}" for k, (t, ok) in
                enumerate(zip(response, self.accepted), start=1)
                if isinstance(t, str) and t.strip() and normalise(t) not in ok]


def _cross_check(item, problem, source, slug, ctx):
    ok = True
    for k, alternatives in enumerate(item.blanks(), start=1):
        if not alternatives or not all(normalise(a) for a in alternatives):
            problem(f"blank {k} has an empty answer; write [[word]] or [[word|variant]]",
                    "passage")
            ok = False
    if not ok:
        return item
    for k, forms in enumerate(accepted_forms(item, ctx), start=1):
        if len(forms) > MAX_FORMS:
            problem(f"blank {k} accepts {len(forms)} spellings (with exercises/variants.yml); "
                    f"at most {MAX_FORMS}", "passage")
    filled = normalise(item.filled())
    if f" {filled} " not in f" {normalise(source.text)} ":
        problem("the passage with its blanks filled is not in the text of "
                f'{slug}: "{item.filled()[:80]}"', "passage")
    return item


def _print_body(item, ctx, version: str = "") -> str:
    counter = iter(range(1, 100))
    passage = BLANK.sub(lambda m: f"({next(counter)}) <span class='blank'></span>",
                        escape(item.passage))
    return f'<p class="quote">{passage}</p>'


def cloze_accepted(item: Cloze, ctx) -> list[list[str]]:
    """Each blank's accepted normalised forms for the page, expanded through the context's
    spelling-variant groups (`ctx.variants`)."""
    groups = getattr(ctx, "variants", None) or []
    return [sorted(expand_variants(blank, groups)) for blank in item.blanks()]


def _segments(passage: str) -> list:
    """The passage as text pieces with {"blank": j} between them."""
    out, pos = [], 0
    for j, m in enumerate(BLANK.finditer(passage), start=1):
        out += [passage[pos:m.start()], {"blank": j}]
        pos = m.end()
    return out + [passage[pos:]]


def _payload(item, ctx, h) -> dict:
    blanks, canon = [], []
    for j, (accepted, forms) in enumerate(zip(cloze_accepted(item, ctx), item.blanks()),
                                          start=1):
        # The loader refuses more than MAX_FORMS; until it does, a longer list is padded to
        # the next multiple, so its length still tells little.
        slots = -(-len(accepted) // MAX_FORMS) * MAX_FORMS
        canonical = h(f"blank{j}", normalise(forms[0]), SLOW)
        canon.append(canonical.secret)
        entries = {}
        for form in accepted:
            st = canonical if form == normalise(forms[0]) else h(f"blank{j}", form, SLOW)
            entries[st.check] = encrypt(canonical.secret, st.secret, PIECE_WIDTH)
        entries = with_filler(entries, slots, f"{h.seed}|{j}")
        blanks.append({"it": SLOW, "h": sorted(entries), "k": entries})
    return {"segments": _segments(item.passage), "blanks": blanks,
            "explanation": explanation(item, canon)}


def _page_body(item, ctx) -> str:
    out, pos, n = [], 0, 0
    for m in BLANK.finditer(item.passage):
        n += 1
        out.append(inline(item.passage[pos:m.start()]))
        out.append(f'<input type="text" class="sb-blank" data-b="{n}" aria-label='
                   f'"Blank {n}" autocomplete="off" spellcheck="false" size="14">')
        pos = m.end()
    out.append(inline(item.passage[pos:]))
    return f'<p class="sb-cloze">{"".join(out)}</p>'


TYPE = ItemType(
    name="cloze", model=Cloze, key=lambda item, ctx: ClozeKey(item, ctx),
    answer_text=lambda item, ctx: " / ".join(" or ".join(b) for b in item.blanks()),
    print_body=_print_body, cross_check=_cross_check, needs_source=True,
    payload=_payload, page_body=_page_body,
    minutes=2.0,
)
