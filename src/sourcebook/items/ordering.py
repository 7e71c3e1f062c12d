"""Put entries in order: written entries, or events of the book's timeline in date order.

Score: (neighbouring pairs in the right order − those in the wrong order) / (entries − 1),
never below 0. The student's starting order (dealt from their seed) is *not answered* and
scores 0, so checking an untouched ordering earns nothing (docs/contract.md §3)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationError, model_validator

from sourcebook.items.base import OPTION_ID, ItemBase, ItemType, Key, Strict, print_inline, strings
from sourcebook.errors import suggest
from sourcebook.items.crypto import FAST
from sourcebook.items.page_parts import attr, display_order, explanation, inline, plain
from sourcebook.items.shuffle import deal


class OrderEntry(Strict):
    id: OPTION_ID
    text: str = Field(min_length=1)


class Ordering(ItemBase):
    """Give `entries` in the right order, or `timeline` event ids (book/data/timeline.yml),
    which the loader turns into entries ordered by date."""
    type: Literal["ordering"]
    entries: list[OrderEntry] | None = None
    timeline: list[str] | None = None

    @model_validator(mode="after")
    def _one_kind(self):
        if (self.entries is None) == (self.timeline is None):
            raise ValueError("give either entries (in the right order) or timeline event ids")
        n = len(self.entries or self.timeline or [])
        if n < 3 or n > 10:
            raise ValueError(f"an ordering item needs 3 to 10 entries, not {n}")
        return self

    def order(self) -> list[str]:
        """Entry ids in the right order (timeline items are resolved by the loader)."""
        return [e.id for e in self.entries] if self.entries else list(self.timeline or [])


class OrderingKey(Key):
    seeded = True       # the student's starting order (dealt by the seed) is no answer

    def __init__(self, item, ctx=None):
        super().__init__(item)
        if item.entries is None:   # not resolved by the loader: use the context's timeline
            timeline = getattr(ctx, "timeline", None) or {}
            self.order = [e.id for e in sorted((timeline[t] for t in item.timeline),
                                               key=lambda e: e.date)]
        else:
            self.order = [e.id for e in item.entries]
        self.position = {e: n for n, e in enumerate(self.order)}

    def start(self, seed: str) -> list[str]:
        return deal(seed, self.item.id, self.order, avoid_identity=True)

    def _check(self, response, seed):
        order = strings(response, "entry ids")
        if isinstance(order, str):
            return self.invalid(order)
        if len(order) != len(response) or set(order) != set(self.order):
            return self.invalid(f"the order must list each of the {len(self.order)} entries "
                                "exactly once")
        if seed is not None and order == self.start(seed):
            return self.unanswered()
        pos = self.position
        right = sum(1 for a, b in zip(order, order[1:]) if pos[a] < pos[b])
        wrong = len(order) - 1 - right
        return self.scored((right - wrong) / (len(order) - 1), [])

    def perfect(self):
        return list(self.order)

    def wrong_choices(self, response):
        return [" < ".join(response)] if list(response) != self.order else []


def resolve_timeline(item: Ordering, problem, ctx) -> Ordering:
    """Turn timeline event ids into entries in date order (ids stay the event ids)."""
    events = []
    for k, event_id in enumerate(item.timeline):
        event = ctx.timeline.get(event_id)
        if event is None:
            problem(f'"{event_id}" is not an event in book/data/timeline.yml'
                    + suggest(event_id, ctx.timeline), "timeline", k)
        else:
            events.append(event)
    if len(events) != len(item.timeline):
        return item
    if len({e.id for e in events}) != len(events):
        problem("lists an event twice", "timeline")
        return item
    events.sort(key=lambda e: e.date)
    for a, b in zip(events, events[1:]):
        if a.date == b.date:
            problem(f'"{a.id}" and "{b.id}" have the same date ({a.date}), so their order '
                    "cannot be marked; drop one", "timeline")
            return item
    try:
        entries = [OrderEntry(id=e.id, text=e.label) for e in events]
    except ValidationError:
        problem("a timeline id is longer than 32 characters, too long for an ordering entry",
                "timeline")
        return item
    return item.model_copy(update={"entries": entries, "timeline": None})


def _cross_check(item, problem, source, slug, ctx):
    return resolve_timeline(item, problem, ctx) if item.timeline is not None else item


def _answer_text(item, ctx) -> str:
    entries = item.entries or []
    return " → ".join(e.text for e in entries) if entries else " → ".join(item.timeline)


def _print_body(item, ctx, version: str = "A") -> str:
    texts = {e.id: e.text for e in item.entries or []}
    dealt = deal(version, item.id, list(texts), avoid_identity=True)
    rows = "".join(f'<li><span class="blank" style="min-width:10mm"></span> '
                   f"{print_inline(texts[i])}</li>" for i in dealt)
    return f'<p class="meta">Number them 1, 2, 3 … in order.</p><ul class="opts">{rows}</ul>'


def _page_order(item) -> list[str]:
    """The entries in a build-time order, never the data order: an ordering's data order is
    its answer. The page deals them per student (contract §4) whatever the order given here."""
    return display_order(item.id, item.order(), avoid_identity=True)


def _payload(item, ctx, h) -> dict:
    ids = item.order()
    texts = {e.id: e.text for e in item.entries or []}
    return {
        "entries": [{"id": k, "html": inline(texts.get(k, k))} for k in _page_order(item)],
        "pairs": {"it": FAST, "h": sorted(h("pair", f"{a}>{b}").check
                                          for i, a in enumerate(ids) for b in ids[i + 1:])},
        "explanation": explanation(item, [h("pair", f"{a}>{b}").secret
                                          for a, b in zip(ids, ids[1:])]),
    }


def _page_body(item, ctx) -> str:
    texts = {e.id: e.text for e in item.entries or []}
    rows = []
    for k in _page_order(item):
        t = plain(texts.get(k, k))
        rows.append(
            f'<li data-k="{attr(k)}"><span class="sb-ot">{inline(texts.get(k, k))}</span>'
            f'<span class="sb-mv sb-j"><button type="button" data-d="-1">'
            f'<span aria-hidden="true">↑</span><span class="sb-vh">Move up: {attr(t)}'
            f'</span></button><button type="button" data-d="1"><span aria-hidden="true">'
            f'↓</span><span class="sb-vh">Move down: {attr(t)}</span></button></span></li>')
    return ('<p class="sb-how">Use the arrow buttons to put the entries in order, '
            f'first at the top.</p><ol class="sb-ord">{"".join(rows)}</ol>')


TYPE = ItemType(
    name="ordering", model=Ordering, key=lambda item, ctx: OrderingKey(item, ctx),
    answer_text=_answer_text, print_body=_print_body, cross_check=_cross_check,
    payload=_payload, page_body=_page_body,
    minutes=2.0,
)
