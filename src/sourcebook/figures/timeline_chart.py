"""The timeline chart: the whole span (panel A) and a few weeks of it enlarged (panel B).

What it covers, what it highlights and how each phase looks come from the lesson's data
(`chart_settings.py`); this module only lays out and draws.

Print- and greyscale-friendly: each phase has its own marker shape and hatching and is named
in a phase track under each panel; colours (Okabe-Ito, colour-blind safe) only repeat that.
Labels are placed by a small search (`timeline_layout.py`) that guarantees they neither overlap
one another nor are crossed by another event's leader line; the figure grows in height when the
data needs more rows, so instructors can add events without breaking the chart.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import matplotlib

matplotlib.use("Agg", force=False)

import matplotlib.dates as mdates  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch, Rectangle  # noqa: E402

from sourcebook.figures.chart_settings import ChartSettings, PhaseStyle  # noqa: E402
from sourcebook.figures.png import save_png  # noqa: E402
from sourcebook.figures.timeline_layout import (  # noqa: E402
    BAR_HALF_IN, DATE_FONT, DPI, FIRST_GAP_IN, LABEL_FONT, ROW_GAP_IN, TEXT_OFFSET_IN, TRACK_H_IN,
    WIDTH_IN, WRAP, Label, lay_out_labels, measure_labels, row_offsets, rows_height)
from sourcebook.model.timeline import TimelineEvent  # noqa: E402

__all__ = ["draw_timeline", "timeline_alt_text", "build_timeline_figure", "PhaseStyle"]



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
# drawing

@dataclass
class _Panel:
    title: str
    start: dt.date
    end: dt.date
    labels: list[Label]
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


def _make_labels(events: Sequence[TimelineEvent], with_year: bool, highlight: str | None) -> list[Label]:
    out = []
    for e in events:
        out.append(Label(
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
        a_labels.append(Label(key="memo-pointer", x=float(mdates.date2num(memo.date)),
                               date_text=_short_date(memo.date, True),
                               body_text="\n".join(textwrap.wrap(memo.label, WRAP)), bold=True, prefer="up"))
    zoom_mid = zoom_start + (zoom_end - zoom_start) / 2
    a_labels.append(Label(key="zoom-pointer", x=float(mdates.date2num(zoom_mid)),
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
        measure_labels(p.labels)
        x0, x1 = float(mdates.date2num(p.start)), float(mdates.date2num(p.end))
        lay_out_labels(p.labels, x0, x1, (x1 - x0) / axes_w_in)
        p.up_rows = rows_height(p.labels, "up")
        p.down_rows = rows_height(p.labels, "down")

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
        offs = row_offsets(rows)
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
