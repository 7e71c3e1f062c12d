"""What the timeline chart shows, read from the lesson's `data/timeline-chart.yml`.

The chart is generic: the lesson says which span of time it covers, which weeks panel B
enlarges, which event it highlights, and how each phase of its timeline is named and drawn.

    subject: the Civil War             # "Timeline of the Civil War in two panels ..."
    whole: {title: The whole war, start: 1950-06-01, end: 1953-08-31}
    enlarged: {start: 1950-11-20, end: 1951-02-15}
    highlight: {event: some-event-id, name: The memo}     # optional
    phases:                            # in order; every event's phase must be listed
      - {id: invasion, name: Invasion of the South, short: Invasion,
         colour: "#D55E00", marker: v, hatch: "/", density: 4}    # density: hatch repeats
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sourcebook.errors import SourcebookError
from sourcebook.yamlio import load_data

CHART_FILE = "timeline-chart.yml"


@dataclass(frozen=True)
class PhaseStyle:
    id: str
    name: str       # shown in the legend and the phase track
    short: str      # phase track, when the full name does not fit
    colour: str
    marker: str     # a matplotlib marker
    hatch: str


@dataclass(frozen=True)
class ChartSettings:
    subject: str
    whole_title: str
    start: dt.date
    end: dt.date
    zoom_start: dt.date
    zoom_end: dt.date
    phases: dict[str, PhaseStyle]
    highlight_id: str | None = None
    highlight_name: str = ""


def _date(path: Path, value, field: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise SourcebookError(path, f'"{value}" is not a date (YYYY-MM-DD)', field=field) from None


def load_chart_settings(path: Path) -> ChartSettings:
    path = Path(path)
    data = load_data(path) or {}      # the kit's one reader: dates as dates, file:line errors
    try:
        whole, zoom = data["whole"], data["enlarged"]
        phases = {}
        for i, p in enumerate(data["phases"]):
            missing = [k for k in ("id", "name", "short", "colour", "marker", "hatch") if k not in p]
            if missing:
                raise SourcebookError(path, f"missing {', '.join(missing)}", field=f"phases[{i}]")
            style = {k: str(p[k]) for k in ("id", "name", "short", "colour", "marker", "hatch")}
            style["hatch"] *= int(p.get("density", 1))     # matplotlib: "xxx" is denser than "x"
            phases[p["id"]] = PhaseStyle(**style)
        highlight = data.get("highlight") or {}
        return ChartSettings(
            subject=str(data["subject"]), whole_title=str(whole.get("title", "The whole span")),
            start=_date(path, whole["start"], "whole.start"), end=_date(path, whole["end"], "whole.end"),
            zoom_start=_date(path, zoom["start"], "enlarged.start"),
            zoom_end=_date(path, zoom["end"], "enlarged.end"), phases=phases,
            highlight_id=highlight.get("event"), highlight_name=str(highlight.get("name", "")))
    except (KeyError, TypeError) as err:
        raise SourcebookError(path, f"missing or malformed: {err}", field="timeline chart") from None
