"""The figures' phone renderings: 4 in wide, no text under 9 pt (about 11 px on a 390 px
phone), no label on top of another (the page's <picture> that chooses them:
tests/unit/sphinx/test_phone_pictures.py)."""

from __future__ import annotations

import importlib
import sys

import pytest

from sourcebook.figures.chart_settings import load_chart_settings
from sourcebook.figures.timeline_phone import (MIN_FONT_PT, WIDTH_IN, build_phone_timeline,
                                               phone_timeline_alt_text)
from sourcebook.model.timeline import load_timeline

# Drawing with matplotlib takes seconds a figure: these run in `make test`, not the fast lane.
pytestmark = pytest.mark.build

PHONE_TEXT_COLUMN_PX = 358          # a 390 px screen less the theme's margins


def _texts(fig):
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    out = []
    for artist in fig.findobj(lambda a: hasattr(a, "get_text") and hasattr(a, "get_fontsize")):
        if artist.get_text().strip() and artist.get_visible():
            out.append((artist.get_text(), artist.get_fontsize(),
                        artist.get_window_extent(renderer)))
    return out


def _overlaps(texts):
    found = []
    for i, (a, _, box_a) in enumerate(texts):
        for b, _, box_b in texts[i + 1:]:
            if box_a.overlaps(box_b) and box_a.width and box_b.width:
                inter_w = min(box_a.x1, box_b.x1) - max(box_a.x0, box_b.x0)
                inter_h = min(box_a.y1, box_b.y1) - max(box_a.y0, box_b.y0)
                if inter_w > 1 and inter_h > 1:
                    found.append((a, b))
    return found


def _legible_on_a_phone(fig, min_pt: float) -> None:
    width_in = fig.get_size_inches()[0]
    assert width_in <= 4.0
    for text, size, _ in _texts(fig):
        assert size >= min_pt, text
        shown_px = size / 72 * PHONE_TEXT_COLUMN_PX / width_in
        assert shown_px >= 11, (text, shown_px)


@pytest.fixture(scope="module")
def timeline(root):
    data = root / "book" / "data"
    return load_timeline(data / "timeline.yml"), load_chart_settings(data / "timeline-chart.yml")


def test_the_phone_timeline_is_narrow_tall_and_legible(timeline):
    events, chart = timeline
    fig = build_phone_timeline(events, chart)
    width, height = fig.get_size_inches()
    assert width == WIDTH_IN and height > 2 * width
    _legible_on_a_phone(fig, MIN_FONT_PT)
    assert _overlaps(_texts(fig)) == []
    shown = " ".join(t for t, _, _ in _texts(fig))
    for e in events:                             # every event, with its date
        assert e.label.split()[0] in shown and f"{e.date.day} {e.date:%b}" in shown


def test_the_phone_timelines_line_crosses_no_text(timeline):
    """The vertical line runs through the marker column, where the phase headings' text also
    runs: it must stop short of every text, and still join every event's marker."""
    events, chart = timeline
    fig = build_phone_timeline(events, chart)
    texts = _texts(fig)                          # drawn: their boxes are where they show
    ax = fig.axes[0]
    spine = [line for line in ax.get_lines() if len(line.get_xdata()) == 2]
    assert spine
    for line in spine:
        (x0, y0), (x1, y1) = ax.transData.transform(list(zip(line.get_xdata(), line.get_ydata())))
        for text, _, box in texts:
            crosses = box.x0 < x0 < box.x1 and min(y0, y1) < box.y1 and max(y0, y1) > box.y0
            assert not crosses, f"the line crosses {text!r}"
    markers = [line for line in ax.get_lines() if len(line.get_xdata()) == 1]
    assert len(markers) == len(events)
    for marker in markers:
        y = marker.get_ydata()[0]
        assert any(min(line.get_ydata()) <= y <= max(line.get_ydata()) for line in spine)


def test_the_phone_timeline_alt_text_names_the_span(timeline):
    events, chart = timeline
    text = phone_timeline_alt_text(events, chart)
    assert f"{len(events)} events" in text and "25 June 1950" in text


def test_the_phone_map_is_legible_and_names_every_place(root):
    sys.path.insert(0, str(root / "book" / "_ext"))
    try:
        korea_map = importlib.import_module("korea_map")
    finally:
        sys.path.remove(str(root / "book" / "_ext"))
    fig = korea_map.build_korea_map_phone_figure()
    _legible_on_a_phone(fig, korea_map.PHONE_MIN_FONT)
    assert _overlaps(_texts(fig)) == []
    shown = " ".join(t for t, _, _ in _texts(fig))
    for n, place in korea_map.phone_examples():
        assert f"{n}  {place.name.split(' (')[0]}" in shown
    assert "Cheju-do" in shown and "Seoul" in shown
    assert "numbered" in korea_map.korea_map_phone_alt_text()
