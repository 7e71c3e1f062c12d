"""The timeline chart: the whole span (panel A) and a few weeks of it enlarged (panel B).

What it covers, what it highlights and how each phase looks come from the lesson's data
(`chart_settings.py`); this module only lays out and draws.

Print- and greyscale-friendly: each phase has its own marker shape and hatching and is named
in a phase track under each panel; colours (Okabe-Ito, colour-blind safe) only repeat that.
Labels are placed by a small search that guarantees they neither overlap one another
nor are crossed by another event's leader line; the figure grows in height when the data
needs more rows, so instructors can add events without breaking the chart.
"""

from __future__ import annotations

import datetime as dt
import logging
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import matplotlib

matplotlib.use("Agg", force=False)

import matplotlib.dates as mdates  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch, Rectangle  # noqa: E402

from sourcebook.figures.chart_settings import ChartSettings, PhaseStyle  # noqa: E402
from sourcebook.figures.png import save_png  # noqa: E402
from sourcebook.model.timeline import TimelineEvent  # noqa: E402

__all__ = ["draw_timeline", "timeline_alt_text", "build_timeline_figure", "PhaseStyle"]

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


# ---------------------------------------------------------------------------------------------
# text helpers

def _short_date(d: dt.date, with_year: bool) -> str:
    s = f"{d.day} {d.strftime('%b')}"
    return f"{s} {d.year}" if with_year else s


def _long_date(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def timeline_alt_text(events: Sequence[TimelineEvent], chart: ChartSettings) -> str:
    """Alt text for the chart, generated from the events (also usable without drawing)."""
    events = sorted(events, key=lambda e: e.date)
    if not events:
        return "An empty timeline."
    in_zoom = [e for e in events if chart.zoom_start <= e.date <= chart.zoom_end]
    memo = next((e for e in events if e.id == chart.highlight_id), None)
    parts = [
        f"Timeline of {chart.subject} in two panels, {len(events)} events from "
        f"{_long_date(events[0].date)} to {_long_date(events[-1].date)}.",
        f"Panel A shows {chart.whole_title[:1].lower() + chart.whole_title[1:]}; panel B enlarges "
        f"{_long_date(chart.zoom_start)} to {_long_date(chart.zoom_end)}, "
        f"where {len(in_zoom)} of the events fall.",
    ]
    if memo is not None:
        parts.append(f"{chart.highlight_name or memo.label} of {_long_date(memo.date)} is highlighted "
                     "with a star and a shaded band.")
    phases_seen = [p for p in chart.phases if any(e.phase == p for e in events)]
    parts.append("Phases, each with its own marker shape and hatching: "
                 + "; ".join(chart.phases[p].name for p in phases_seen) + ".")
    listing = "; ".join(f"{_short_date(e.date, True)}: {e.label} ({chart.phases[e.phase].name})"
                        for e in events)
    parts.append(f"Events in order: {listing}.")
    return " ".join(parts)


# ---------------------------------------------------------------------------------------------
# label layout

@dataclass
class _Label:
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


def _measure(labels: list[_Label]) -> None:
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


def _layout(labels: list[_Label], x0: float, x1: float, days_per_in: float, *, time_limit: float = 3.0) -> None:
    """Give each label a side (above/below the bar), a row and an alignment so that no two labels
    overlap and no leader line crosses a label.

    Left-aligned labels (text to the right of the leader) can only stack as a descending
    staircase and right-aligned ones as an ascending one, so a plain greedy pass gets stuck;
    this is a small depth-first search with conflict-directed backjumping: first any layout
    (trying the rows nearest the bar first), then fewer rows while a layout can be found quickly.
    """
    pad = X_PAD_IN * days_per_in
    order = sorted(labels, key=lambda l: l.x)

    def span_for(lab: _Label, align: str) -> tuple[float, float]:
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

    def clash(a_side, a_level, a_span, a_align, a_x, o: _Label) -> bool:
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


def _layout_fallback(order: list[_Label], options) -> None:  # pragma: no cover - extreme data only
    """Greedy: never lets labels overlap, but may let a leader line cross a label."""
    placed: list[_Label] = []
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


def _rows_height(labels: Iterable[_Label], side: str) -> list[float]:
    """Height of each row (index level-1) on one side, inches."""
    heights: dict[int, float] = {}
    for lab in labels:
        if lab.side == side:
            heights[lab.level] = max(heights.get(lab.level, 0.0), lab.h_in)
    return [heights.get(i, 0.0) for i in range(1, max(heights, default=0) + 1)]


def _row_offsets(heights: list[float]) -> list[float]:
    """Distance from the bar edge to the near edge of each row, inches."""
    out, y = [], FIRST_GAP_IN
    for h in heights:
        out.append(y)
        y += h + ROW_GAP_IN
    return out


# ---------------------------------------------------------------------------------------------
# drawing

@dataclass
class _Panel:
    title: str
    start: dt.date
    end: dt.date
    labels: list[_Label]
    up_rows: list[float] = field(default_factory=list)
    down_rows: list[float] = field(default_factory=list)

    @property
    def up_h(self) -> float:
        return FIRST_GAP_IN + sum(self.up_rows) + ROW_GAP_IN * len(self.up_rows)

    @property
    def down_h(self) -> float:
        return FIRST_GAP_IN + sum(self.down_rows) + ROW_GAP_IN * len(self.down_rows)

    @property
    def height(self) -> float:
        # labels above + bar + labels below + phase track + small margins
        return self.up_h + 2 * BAR_HALF_IN + self.down_h + TRACK_H_IN + 0.12


def _phase_spans(events: Sequence[TimelineEvent]) -> list[tuple[str, dt.date, dt.date]]:
    spans: list[tuple[str, dt.date, dt.date]] = []
    for e in events:
        if spans and spans[-1][0] == e.phase:
            continue
        if spans:
            spans[-1] = (spans[-1][0], spans[-1][1], e.date)
        spans.append((e.phase, e.date, e.date))
    if spans:
        spans[-1] = (spans[-1][0], spans[-1][1], events[-1].date)
    return spans


def _make_labels(events: Sequence[TimelineEvent], with_year: bool, highlight: str | None) -> list[_Label]:
    out = []
    for e in events:
        out.append(_Label(
            key=e.id, x=float(mdates.date2num(e.date)),
            date_text=_short_date(e.date, with_year),
            body_text="\n".join(textwrap.wrap(e.label, WRAP)) or e.label,
            bold=e.id == highlight,
        ))
    return out


def build_timeline_figure(events: Sequence[TimelineEvent], chart: ChartSettings) -> Figure:
    """Lay out and draw the chart; returns the matplotlib Figure (not saved)."""
    events = sorted(events, key=lambda e: e.date)
    if not events:
        raise ValueError("no events to draw")
    unknown = sorted({e.phase for e in events} - set(chart.phases))
    if unknown:
        raise ValueError(f"the chart settings name no phase {', '.join(unknown)}")
    zoom_start, zoom_end = chart.zoom_start, chart.zoom_end
    start = min(chart.start, events[0].date.replace(day=1))
    end = max(chart.end, events[-1].date + dt.timedelta(days=30))
    memo = next((e for e in events if e.id == chart.highlight_id), None)

    left_in, right_in = 0.35, 0.25
    axes_w_in = WIDTH_IN - left_in - right_in

    # panel A: events outside the enlarged window, plus the memo and a pointer to panel B
    a_events = [e for e in events if not (zoom_start <= e.date <= zoom_end)]
    a_labels = _make_labels(a_events, with_year=True, highlight=chart.highlight_id)
    if memo is not None:
        a_labels.append(_Label(key="memo-pointer", x=float(mdates.date2num(memo.date)),
                               date_text=_short_date(memo.date, True),
                               body_text="\n".join(textwrap.wrap(memo.label, WRAP)), bold=True, prefer="up"))
    zoom_mid = zoom_start + (zoom_end - zoom_start) / 2
    a_labels.append(_Label(key="zoom-pointer", x=float(mdates.date2num(zoom_mid)),
                           date_text=f"{_short_date(zoom_start, True)} – {_short_date(zoom_end, True)}",
                           body_text="enlarged in panel B", prefer="down"))
    b_events = [e for e in events if zoom_start <= e.date <= zoom_end]
    b_labels = _make_labels(b_events, with_year=False, highlight=chart.highlight_id)

    panels = [
        _Panel(f"A   {chart.whole_title}, {events[0].date.strftime('%B %Y')} – "
               f"{events[-1].date.strftime('%B %Y')}", start, end, a_labels),
        _Panel(f"B   Enlarged: {_long_date(zoom_start)} – {_long_date(zoom_end)}", zoom_start, zoom_end,
               b_labels),
    ]
    for p in panels:
        _measure(p.labels)
        x0, x1 = float(mdates.date2num(p.start)), float(mdates.date2num(p.end))
        _layout(p.labels, x0, x1, (x1 - x0) / axes_w_in)
        p.up_rows = _rows_height(p.labels, "up")
        p.down_rows = _rows_height(p.labels, "down")

    title_h, tick_h, gap_h, legend_h, top_h = 0.28, 0.32, 0.25, 0.55, 0.12
    height = top_h + sum(title_h + p.height + tick_h for p in panels) + gap_h + legend_h
    fig = Figure(figsize=(WIDTH_IN, height), dpi=DPI)
    FigureCanvasAgg(fig)
    fig.patch.set_facecolor("white")

    y_top = height - top_h
    spans = _phase_spans(events)
    axes = []
    for i, p in enumerate(panels):
        y_top -= title_h
        bottom = y_top - p.height
        ax = fig.add_axes([left_in / WIDTH_IN, bottom / height, axes_w_in / WIDTH_IN, p.height / height])
        axes.append(ax)
        fig.text(left_in / WIDTH_IN, (y_top + 0.06) / height, p.title, fontsize=9.5, fontweight="bold",
                 ha="left", va="bottom")
        _draw_panel(ax, p, events, spans, memo, chart, zoomed=(i == 1))
        y_top = bottom - tick_h - (gap_h if i == 0 else 0)

    _draw_legend(fig, events, memo, chart, height, legend_h)
    return fig


def _draw_panel(ax, p: _Panel, events, spans, memo, chart: ChartSettings, zoomed: bool) -> None:
    x0, x1 = mdates.date2num(p.start), mdates.date2num(p.end)
    track_bottom = -(BAR_HALF_IN + p.down_h + TRACK_H_IN + 0.06)
    ax.set_xlim(x0, x1)
    ax.set_ylim(track_bottom - 0.06, BAR_HALF_IN + p.up_h)
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color("#444444")
    ax.set_yticks([])
    ax.xaxis_date()
    if zoomed:
        ax.xaxis.set_major_locator(mdates.MonthLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("1 %b %Y"))
        ax.xaxis.set_minor_locator(mdates.DayLocator(bymonthday=[8, 15, 22]))
    else:
        ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=[1, 7]))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
        ax.xaxis.set_minor_locator(mdates.MonthLocator())
    ax.tick_params(axis="x", labelsize=7.5, colors="#222222")
    ax.tick_params(axis="x", which="minor", length=2.5)

    # memo highlight band (light grey reads the same in colour and greyscale)
    if memo is not None and p.start <= memo.date <= p.end:
        mx = mdates.date2num(memo.date)
        half = 0.9 if zoomed else 4.0
        ax.axvspan(mx - half, mx + half, color="#FFE9A8", zorder=0, lw=0)

    # phase track
    track_h = TRACK_H_IN
    for phase, s, e in spans:
        sx, ex = max(mdates.date2num(s), x0), min(mdates.date2num(e), x1)
        if ex <= sx:
            continue
        st = chart.phases[phase]
        ax.add_patch(Rectangle((sx, track_bottom), ex - sx, track_h, facecolor=_tint(st.colour, 0.35),
                               edgecolor="#333333", hatch=st.hatch, lw=0.6, zorder=1))
        days_per_in = (x1 - x0) / ax.get_position().width / ax.figure.get_figwidth()
        width_in = (ex - sx) / days_per_in
        name = next((n for n in (st.name, st.short) if width_in >= len(n) * 0.062 + 0.12), None)
        if name:
            ax.text((sx + ex) / 2, track_bottom + track_h / 2, name, ha="center", va="center",
                    fontsize=7.5, zorder=3,
                    bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.95))
    # the bar
    ax.add_patch(Rectangle((x0, -BAR_HALF_IN), x1 - x0, 2 * BAR_HALF_IN, facecolor="#E6E6E6",
                           edgecolor="#555555", lw=0.6, zorder=2))

    # enlarged window marked on panel A
    if not zoomed:
        zx0, zx1 = mdates.date2num(chart.zoom_start), mdates.date2num(chart.zoom_end)
        ax.add_patch(Rectangle((zx0, -BAR_HALF_IN * 2.2), zx1 - zx0, BAR_HALF_IN * 4.4, facecolor="none",
                               edgecolor="black", lw=1.0, ls="--", zorder=4))

    # markers
    for e in events:
        if not (p.start <= e.date <= p.end):
            continue
        st = chart.phases[e.phase]
        ex = mdates.date2num(e.date)
        if e.id == chart.highlight_id:
            ax.plot([ex], [0], marker="*", ms=15, mfc="#F0E442", mec="black", mew=1.0, zorder=7, ls="none")
        else:
            ax.plot([ex], [0], marker=st.marker, ms=6.5 if zoomed else 5.5, mfc=st.colour, mec="black",
                    mew=0.7, zorder=6, ls="none")

    # labels and leaders
    for lab in p.labels:
        rows = p.up_rows if lab.side == "up" else p.down_rows
        offs = _row_offsets(rows)
        near = BAR_HALF_IN + offs[lab.level - 1]
        sign = 1 if lab.side == "up" else -1
        y_near = sign * near
        y_far = sign * (near + lab.h_in)
        leader_style = dict(color="#555555", lw=0.6, zorder=3)
        if lab.key == "zoom-pointer":
            leader_style.update(ls="--")
        ax.plot([lab.x, lab.x], [sign * BAR_HALF_IN, y_far], gid=f"leader:{lab.key}", **leader_style)
        tx = lab.x + (TEXT_OFFSET_IN if lab.align == "left" else -TEXT_OFFSET_IN) * (x1 - x0) / ax.get_position().width / ax.figure.get_figwidth()
        ha = "left" if lab.align == "left" else "right"
        if lab.side == "up":
            # body at the bottom of the block, date above it
            ax.text(tx, y_near, lab.body_text, ha=ha, va="bottom", fontsize=LABEL_FONT, linespacing=1.05,
                    fontweight="bold" if lab.bold else "normal", zorder=5, gid=f"label:{lab.key}")
            ax.text(tx, y_far, lab.date_text, ha=ha, va="top", fontsize=DATE_FONT, fontweight="bold",
                    color="#333333", zorder=5, gid=f"date:{lab.key}")
        else:
            ax.text(tx, y_near, lab.date_text, ha=ha, va="top", fontsize=DATE_FONT, fontweight="bold",
                    color="#333333", zorder=5, gid=f"date:{lab.key}")
            ax.text(tx, y_far, lab.body_text, ha=ha, va="bottom", fontsize=LABEL_FONT, linespacing=1.05,
                    fontweight="bold" if lab.bold else "normal", zorder=5, gid=f"label:{lab.key}")


def _tint(hex_colour: str, amount: float) -> tuple[float, float, float]:
    """Mix a colour with white (amount = share of the colour)."""
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(hex_colour)
    return (1 - amount + amount * r, 1 - amount + amount * g, 1 - amount + amount * b)


def _draw_legend(fig: Figure, events, memo, chart: ChartSettings, height: float,
                 legend_h: float) -> None:
    handles, names = [], []
    for phase, st in chart.phases.items():
        if not any(e.phase == phase for e in events):
            continue
        patch = Patch(facecolor=_tint(st.colour, 0.35), edgecolor="#333333", hatch=st.hatch, lw=0.6)
        mark = Line2D([], [], marker=st.marker, ls="none", mfc=st.colour, mec="black", mew=0.7, ms=6.5)
        handles.append((patch, mark))
        names.append(st.name)
    if memo is not None:
        handles.append(Line2D([], [], marker="*", ls="none", mfc="#F0E442", mec="black", mew=1.0, ms=12))
        names.append(f"{chart.highlight_name or memo.label} (highlighted)")
    fig.legend(handles, names, loc="lower center", bbox_to_anchor=(0.5, 0.06 / height), ncol=4,
               fontsize=7.5, frameon=False, handlelength=2.6, handleheight=1.3, columnspacing=1.6)


def draw_timeline(events: Sequence[TimelineEvent], chart: ChartSettings, out_path: str | Path) -> str:
    """Draw the two-panel timeline to ``out_path`` (PNG, 10 in wide, 150 dpi); return its alt text."""
    fig = build_timeline_figure(events, chart)
    save_png(fig, Path(out_path), dpi=DPI)
    return timeline_alt_text(events, chart)
