"""Where the timeline chart's labels go: a side of the bar, a row and an alignment for each,
so that no two labels overlap and no leader line crosses a label (`lay_out_labels`). Sizes in
inches; x positions in days (matplotlib date numbers).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Iterable

import matplotlib

matplotlib.use("Agg", force=False)

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

_log = logging.getLogger(__name__)

WIDTH_IN = 10.0
DPI = 150
LABEL_FONT = 8.0
DATE_FONT = 7.3
WRAP = 19                 # characters per label line
ROW_GAP_IN = 0.07         # vertical gap between label rows
X_PAD_IN = 0.08           # horizontal gap kept between labels (and between a label and a leader)
BAR_HALF_IN = 0.07        # half height of the timeline bar
TRACK_H_IN = 0.26         # phase track height
FIRST_GAP_IN = 0.10       # bar to first label row
TEXT_OFFSET_IN = 0.035    # gap between a leader line and its label text


@dataclass
class Label:
    key: str
    x: float                  # event position, days (matplotlib date number)
    date_text: str
    body_text: str
    bold: bool = False
    prefer: str | None = None  # "up" / "down" / None
    # measured, inches
    w_in: float = 0.0
    h_in: float = 0.0
    date_h_in: float = 0.0
    # assigned
    side: str = ""
    level: int = 0
    align: str = "left"        # text to the right of the leader ("left") or to its left ("right")
    span: tuple[float, float] = (0.0, 0.0)   # occupied x range, days, incl. padding


def measure_labels(labels: list[Label]) -> None:
    fig = Figure(figsize=(WIDTH_IN, 4), dpi=DPI)
    canvas = FigureCanvasAgg(fig)
    renderer = canvas.get_renderer()
    for lab in labels:
        weight = "bold" if lab.bold else "normal"
        t_date = fig.text(0, 0, lab.date_text, fontsize=DATE_FONT, fontweight="bold")
        t_body = fig.text(0, 0, lab.body_text, fontsize=LABEL_FONT, fontweight=weight, linespacing=1.05)
        b1 = t_date.get_window_extent(renderer)
        b2 = t_body.get_window_extent(renderer)
        lab.w_in = float(max(b1.width, b2.width)) / DPI
        lab.date_h_in = float(b1.height) / DPI
        lab.h_in = float(b1.height + b2.height) / DPI


def lay_out_labels(labels: list[Label], x0: float, x1: float, days_per_in: float, *, time_limit: float = 3.0) -> None:
    """Give each label a side (above/below the bar), a row and an alignment so that no two labels
    overlap and no leader line crosses a label.

    Left-aligned labels (text to the right of the leader) can only stack as a descending
    staircase and right-aligned ones as an ascending one, so a plain greedy pass gets stuck;
    this is a small depth-first search with conflict-directed backjumping: first any layout
    (trying the rows nearest the bar first), then fewer rows while a layout can be found quickly.
    """
    pad = X_PAD_IN * days_per_in
    order = sorted(labels, key=lambda l: l.x)

    def span_for(lab: Label, align: str) -> tuple[float, float]:
        w = lab.w_in * days_per_in
        return (lab.x - pad * 0.5, lab.x + w + pad) if align == "left" else (lab.x - w - pad, lab.x + pad * 0.5)

    options: dict[str, list[tuple[str, str, tuple[float, float]]]] = {}
    for lab in order:
        sides = [lab.prefer] if lab.prefer in ("up", "down") else ["up", "down"]
        opts = []
        for side in sides:
            for align in ("left", "right"):
                span = span_for(lab, align)
                if span[0] >= x0 and span[1] <= x1:
                    opts.append((side, align, span))
        if not opts:  # wider than the panel on both sides: keep it inside as best we can
            opts = [(side, "left", span_for(lab, "left")) for side in sides]
        options[lab.key] = opts

    off = TEXT_OFFSET_IN * days_per_in
    tiny = 0.02 * days_per_in

    def text_extent(span: tuple[float, float], align: str) -> tuple[float, float]:
        # the text itself (no padding, a hair of tolerance): a leader may run right beside it,
        # just not through it
        if align == "left":
            return (span[0] + pad * 0.5 + off - tiny, span[1] - pad + tiny)
        return (span[0] + pad - tiny, span[1] - pad * 0.5 - off + tiny)

    extents = {(lab.key, align): text_extent(span, align) for lab in order
               for _, align, span in options[lab.key]}

    def clash(a_side, a_level, a_span, a_align, a_x, o: Label) -> bool:
        if o.side != a_side:
            return False
        if o.level == a_level:
            return not (a_span[1] <= o.span[0] or a_span[0] >= o.span[1])
        if o.level > a_level:  # the other leader would cross this label
            t0, t1 = a_ext[a_align]
            return t0 < o.x < t1
        t0, t1 = extents[(o.key, o.align)]  # this leader would cross the other label
        return t0 < a_x < t1

    a_ext: dict[str, tuple[float, float]] = {}
    n = len(order)
    # only labels close in time can interact: precompute each label's earlier neighbours
    reach = 2 * max((l.w_in for l in order), default=0.0) * days_per_in + 3 * pad
    neighbours = [[j for j in range(i) if order[i].x - order[j].x <= reach] for i in range(n)]
    later = [sum(1 for j in range(i + 1, n) if order[j].x - order[i].x <= reach) for i in range(n)]
    nodes = 0
    budget = 0

    def search(i: int, limits: dict[str, int]) -> set[int] | None:
        """Conflict-directed backjumping: None on success, else the indices of the earlier
        labels whose placement caused the failure (so unrelated labels are not retried)."""
        nonlocal nodes
        if i == n:
            return None
        nodes += 1
        if nodes > budget:
            return set(range(i))
        lab = order[i]
        conflicts: set[int] = set()
        # Rows far above every neighbour's are all alike: allow enough of them for the later
        # neighbours to fit underneath (a descending staircase), and no more.
        top = {"up": 0, "down": 0}
        for j in neighbours[i]:
            o = order[j]
            if o.side:
                top[o.side] = max(top[o.side], o.level)
        reach_level = {side: min(limits[side], top[side] + 1 + later[i]) for side in ("up", "down")}
        for side in ("up", "down"):
            if reach_level[side] < limits[side]:  # the cut depends on the neighbours' rows
                conflicts |= {j for j in neighbours[i] if order[j].side == side}
        for level in range(1, max(reach_level.values()) + 1):
            for side, align, span in options[lab.key]:
                if level > reach_level[side]:
                    continue
                a_ext[align] = extents[(lab.key, align)]
                clashing = {j for j in neighbours[i] if clash(side, level, span, align, lab.x, order[j])}
                if clashing:
                    conflicts |= clashing
                    continue
                lab.side, lab.level, lab.align, lab.span = side, level, align, span
                below = search(i + 1, limits)
                if below is None:
                    return None
                if i not in below:
                    return below  # this label is not to blame: jump back past it
                conflicts |= below - {i}
        lab.side = ""  # unplaced
        return conflicts

    def attempt(up: int, down: int, node_budget: int) -> bool:
        nonlocal nodes, budget
        nodes, budget = 0, node_budget
        for lab in order:
            lab.side = ""
        ok = search(0, {"up": up, "down": down}) is None
        _log.debug("label layout %d+%d rows: %s after %d nodes", up, down, "ok" if ok else "no", nodes)
        return ok

    def snapshot() -> list[tuple]:
        return [(l.side, l.level, l.align, l.span) for l in order]

    def used(side: str) -> int:
        return max((l.level for l in order if l.side == side), default=0)

    allowed = {side: any(side in [o[0] for o in options[l.key]] for l in order) for side in ("up", "down")}
    cap = {side: (n if allowed[side] else 0) for side in ("up", "down")}
    deadline = time.monotonic() + time_limit

    # 1. any layout at all (lowest rows first, so it is already compact)
    if not attempt(cap["up"], cap["down"], 10_000):
        _log.warning("timeline labels: no layout without crossings found; using the fallback layout")
        _layout_fallback(order, options)
        return
    best, up, down = snapshot(), used("up"), used("down")

    # 2. then fewer rows while that can be shown quickly: trim the taller side first
    improved = True
    while improved and time.monotonic() < deadline:
        improved = False
        tries = sorted([(up - 1, down), (up, down - 1)], key=lambda ud: -abs(ud[0] - ud[1]))[::-1]
        for u, d in tries:
            if u < 0 or d < 0 or time.monotonic() > deadline:
                continue
            if attempt(u, d, 2_000):
                best, up, down = snapshot(), used("up"), used("down")
                improved = True
                break
    for lab, (side, level, align, span) in zip(order, best):
        lab.side, lab.level, lab.align, lab.span = side, level, align, span


def _layout_fallback(order: list[Label], options) -> None:  # pragma: no cover - extreme data only
    """Greedy: never lets labels overlap, but may let a leader line cross a label."""
    placed: list[Label] = []
    for lab in order:
        for level in range(1, 200):
            choice = next(((side, align, span) for side, align, span in options[lab.key]
                           if not any(o.side == side and o.level == level
                                      and not (span[1] <= o.span[0] or span[0] >= o.span[1]) for o in placed)),
                          None)
            if choice:
                lab.side, lab.align, lab.span = choice
                lab.level = level
                placed.append(lab)
                break


def rows_height(labels: Iterable[Label], side: str) -> list[float]:
    """Height of each row (index level-1) on one side, inches."""
    heights: dict[int, float] = {}
    for lab in labels:
        if lab.side == side:
            heights[lab.level] = max(heights.get(lab.level, 0.0), lab.h_in)
    return [heights.get(i, 0.0) for i in range(1, max(heights, default=0) + 1)]


def row_offsets(heights: list[float]) -> list[float]:
    """Distance from the bar edge to the near edge of each row, inches."""
    out, y = [], FIRST_GAP_IN
    for h in heights:
        out.append(y)
        y += h + ROW_GAP_IN
    return out
