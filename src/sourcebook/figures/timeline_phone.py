"""The timeline for a phone: one narrow, tall column, every event on its own row.

The wide chart (`timeline_chart.py`, 10 in) shrinks to a third of its size on a 390 px screen,
where its labels are too small to read. This rendering is 4 in wide, so at the width of a phone's
text column (about 360 CSS px) a 9-point label shows at about 11 px. Events run down the page in
date order, evenly spaced (not to scale in time); each phase opens with a heading in its colour,
marker and hatching, as in the wide chart's legend; the highlighted event is starred and boxed.
The page chooses this file on narrow screens (`<picture>`, `sourcebook.sphinx.phone_figures`).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import matplotlib

matplotlib.use("Agg", force=False)

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from sourcebook.figures.chart_settings import ChartSettings  # noqa: E402
from sourcebook.figures.png import save_png  # noqa: E402
from sourcebook.model.timeline import TimelineEvent  # noqa: E402

DPI = 150
WIDTH_IN = 4.0
MIN_FONT_PT = 9.0          # the smallest text: about 11 CSS px at 360 px wide
LABEL_FONT = 9.5
DATE_FONT = 9.0
HEADING_FONT = 10.0
TITLE_FONT = 11.0
LINE_IN = 0.19             # one line of 9.5 pt text, with leading
ROW_GAP_IN = 0.09
HEADING_IN = 0.34
TOP_IN = 0.62
BOTTOM_IN = 0.30
DATE_X_IN = 0.12
SPINE_X_IN = 1.08
LABEL_X_IN = 1.30
LABEL_WRAP = 34            # characters per line in the label column (2.6 in at 9.5 pt)


@dataclass(frozen=True)
class Row:
    kind: str              # "heading" | "event"
    top: float             # inches from the top of the figure
    height: float
    event: TimelineEvent | None = None
    phase: str = ""
    lines: tuple[str, ...] = ()


def _date_lines(e: TimelineEvent) -> tuple[str, str]:
    return f"{e.date.day} {e.date:%b}", f"{e.date.year}"


def lay_out_rows(events: Sequence[TimelineEvent]) -> list[Row]:
    """Rows top to bottom: a heading where the phase changes, then one row per event."""
    rows: list[Row] = []
    y = TOP_IN
    phase = None
    for e in sorted(events, key=lambda e: e.date):
        if e.phase != phase:
            phase = e.phase
            rows.append(Row("heading", y, HEADING_IN, phase=phase))
            y += HEADING_IN
        lines = tuple(textwrap.wrap(e.label, LABEL_WRAP)) or ("",)
        height = max(len(lines), 2) * LINE_IN + ROW_GAP_IN
        rows.append(Row("event", y, height, event=e, phase=phase, lines=lines))
        y += height
    return rows


def figure_height(rows: list[Row]) -> float:
    return (rows[-1].top + rows[-1].height if rows else TOP_IN) + BOTTOM_IN


def spine_segments(rows: list[Row]) -> list[tuple[float, float]]:
    """(top, bottom) of each piece of the vertical line, one per phase: the line stops at each
    phase heading, whose text runs across the line's column, and starts again under it; it runs
    from the first event's marker to the last one's."""
    runs: list[list[Row]] = [[]]
    for row in rows:
        if row.kind == "heading":
            runs.append([])
        else:
            runs[-1].append(row)
    runs = [run for run in runs if run]
    return [(run[0].top + (LINE_IN / 2 if n == 0 else 0),
             run[-1].top + (LINE_IN / 2 if n == len(runs) - 1 else run[-1].height))
            for n, run in enumerate(runs)]


def build_phone_timeline(events: Sequence[TimelineEvent], chart: ChartSettings) -> Figure:
    rows = lay_out_rows(events)
    height = figure_height(rows)
    fig = Figure(figsize=(WIDTH_IN, height), dpi=DPI)
    FigureCanvasAgg(fig)
    fig.patch.set_facecolor("white")
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_xlim(0, WIDTH_IN)
    ax.set_ylim(height, 0)                         # inches from the top, downwards
    ax.axis("off")
    ax.text(DATE_X_IN, 0.12, f"Timeline of {chart.subject}", fontsize=TITLE_FONT,
            fontweight="bold", va="top")
    ax.text(DATE_X_IN, 0.36, "Events in order, evenly spaced (not to scale)",
            fontsize=MIN_FONT_PT, style="italic", color="#333333", va="top")
    for top, bottom in spine_segments(rows):
        ax.plot([SPINE_X_IN, SPINE_X_IN], [top, bottom], color="#555555", lw=1.0, zorder=1)
    for row in rows:
        style = chart.phases[row.phase]
        if row.kind == "heading":
            ax.add_patch(Rectangle((DATE_X_IN, row.top + 0.05), 0.42, row.height - 0.12,
                                   facecolor=style.colour, edgecolor="black", hatch=style.hatch,
                                   lw=0.6, zorder=2))
            ax.text(DATE_X_IN + 0.55, row.top + row.height / 2, style.name, fontsize=HEADING_FONT,
                    fontweight="bold", va="center", zorder=3)
            continue
        e = row.event
        mid = row.top + LINE_IN / 2
        highlight = e.id == chart.highlight_id
        day, year = _date_lines(e)
        ax.text(DATE_X_IN, row.top, day, fontsize=DATE_FONT, fontweight="bold", va="top")
        ax.text(DATE_X_IN, row.top + LINE_IN, year, fontsize=DATE_FONT, color="#333333", va="top")
        ax.plot([SPINE_X_IN], [mid], marker="*" if highlight else style.marker,
                ms=13 if highlight else 7.5, mfc="#F0E442" if highlight else style.colour,
                mec="black", mew=0.8, ls="none", zorder=3)
        label = ax.text(LABEL_X_IN, row.top, "\n".join(row.lines), fontsize=LABEL_FONT,
                        fontweight="bold" if highlight else "normal", va="top",
                        linespacing=1.25, zorder=3)
        if highlight:
            label.set_bbox(dict(boxstyle="round,pad=0.25", fc="#FFF6C2", ec="black", lw=0.8))
    return fig


def phone_timeline_alt_text(events: Sequence[TimelineEvent], chart: ChartSettings) -> str:
    events = sorted(events, key=lambda e: e.date)
    if not events:
        return "An empty timeline."
    first, last = events[0], events[-1]
    return (f"Timeline of {chart.subject} in one column, {len(events)} events in date order from "
            f"{first.date.day} {first.date:%B %Y} ({first.label}) to {last.date.day} "
            f"{last.date:%B %Y} ({last.label}), grouped under phase headings: "
            + ", ".join(p.name for p in chart.phases.values()) + ".")


def draw_phone_timeline(events: Sequence[TimelineEvent], chart: ChartSettings,
                        out_path: str | Path) -> str:
    """Draw the phone timeline to ``out_path`` (PNG, 4 in wide, 150 dpi); return its alt text."""
    save_png(build_phone_timeline(events, chart), Path(out_path), dpi=DPI)
    return phone_timeline_alt_text(events, chart)
