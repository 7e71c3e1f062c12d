"""Generated figures: the generic timeline chart, the lesson's map (book/_ext/) and the build
step that draws them once and reuses them by a hash of their data and code."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import shutil
import struct
import sys
from pathlib import Path

import pytest

from sourcebook.figures.build import FigureJob, generate_figures, stale_figures, timeline_job
from sourcebook.figures.chart_settings import load_chart_settings
from sourcebook.model.timeline import TimelineError, load_timeline

from conftest import ROOT  # noqa: E402

# Drawing with matplotlib takes seconds a figure: these run in `make test`, not the fast lane.
pytestmark = pytest.mark.build
TIMELINE = ROOT / "book" / "data" / "timeline.yml"
CHART = ROOT / "book" / "data" / "timeline-chart.yml"
LESSON_EXT = ROOT / "book" / "_ext"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAP_JOB = FigureJob("korea-map.png", "korea_map:draw_korea_map", (), str(LESSON_EXT))


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == PNG_SIGNATURE, f"{path} is not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def make_book(tmp_path: Path) -> Path:
    book = tmp_path / "book"
    (book / "data").mkdir(parents=True)
    shutil.copy2(TIMELINE, book / "data" / "timeline.yml")
    shutil.copy2(CHART, book / "data" / "timeline-chart.yml")
    return book


def jobs(book: Path) -> list[FigureJob]:
    return [timeline_job(book), MAP_JOB]


def chart():
    return load_chart_settings(CHART)


def korea_map():
    if str(LESSON_EXT) not in sys.path:
        sys.path.insert(0, str(LESSON_EXT))
    import korea_map
    return korea_map


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """Generate both figures once for the module: (book folder, {filename: alt text})."""
    book = make_book(tmp_path_factory.mktemp("figures"))
    return book, generate_figures(book, jobs(book), book.parent / "cache")


def drawn_copy(generated, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the module's drawn figures, book and cache (drawing them again takes seconds)."""
    book, _ = generated
    copy = tmp_path / "book"
    shutil.copytree(book, copy)
    shutil.copytree(book.parent / "cache", tmp_path / "cache")
    return copy, tmp_path / "cache"


# --- the PNGs -------------------------------------------------------------------------------------

def test_generate_writes_both_pngs_and_returns_alt_text(generated):
    book, alts = generated
    assert set(alts) == {"timeline.png", "korea-map.png"}
    for name, alt in alts.items():
        path = book / "_generated" / name
        assert path.is_file()
        assert 40_000 < path.stat().st_size < 3_000_000, f"{name}: implausible size"
        assert len(alt) > 200 and "\n" not in alt


def test_timeline_png_dimensions(generated):
    book, _ = generated
    width, height = png_size(book / "_generated" / "timeline.png")
    assert width == 1500            # 10 in at 150 dpi
    assert 900 <= height <= 2400    # grows with the number of label rows, stays page-sized


def test_map_png_dimensions(generated):
    book, _ = generated
    width, height = png_size(book / "_generated" / "korea-map.png")
    assert width == 1500
    assert 1000 <= height <= 1500


def test_map_alt_text(generated):
    _, alts = generated
    alt = alts["korea-map.png"]
    for needle in ("Cheju-do", "38th parallel", "Seoul", "Pusan", "Approximate UN line".lower(),
                   "only place Rusk's memo names", "examples of the kind of places the memo has in mind",
                   "Haenam", "Geoje-do", "Paengnyong-do", "Mossman"):
        assert needle.lower() in alt.lower(), needle


def test_timeline_alt_text_comes_from_the_data(generated):
    _, alts = generated
    alt = alts["timeline.png"]
    events = load_timeline(TIMELINE)
    assert f"{len(events)} events" in alt
    assert "12 January 1951" in alt and "highlighted" in alt
    for e in events:
        assert e.label in alt, e.id


# --- layout of the timeline -----------------------------------------------------------------------

def _label_boxes_and_leaders(fig):
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    per_axes = []
    for ax in fig.axes:
        boxes = {}
        for t in ax.texts:
            gid = t.get_gid() or ""
            if gid.startswith(("label:", "date:")):
                boxes[gid] = t.get_window_extent(renderer)
        leaders = {}
        for line in ax.lines:
            gid = line.get_gid() or ""
            if gid.startswith("leader:"):
                pts = ax.transData.transform(list(zip(line.get_xdata(), line.get_ydata())))
                leaders[gid.split(":", 1)[1]] = pts
        per_axes.append((boxes, leaders))
    return per_axes


def _check_layout(fig):
    n_labels = 0
    for boxes, leaders in _label_boxes_and_leaders(fig):
        n_labels += len(boxes)
        for (g1, b1), (g2, b2) in itertools.combinations(boxes.items(), 2):
            if g1.split(":", 1)[1] == g2.split(":", 1)[1]:
                continue  # an event's date line sits right on top of its label, by design
            assert not b1.overlaps(b2), f"labels overlap: {g1} / {g2}"
        for key, pts in leaders.items():
            x = pts[0][0]
            y0, y1 = sorted((pts[0][1], pts[1][1]))
            for gid, box in boxes.items():
                if gid.split(":", 1)[1] == key:
                    continue
                crosses = box.x0 + 1 < x < box.x1 - 1 and y0 < box.y1 - 1 and y1 > box.y0 + 1
                assert not crosses, f"leader of {key} crosses {gid}"
    return n_labels


def test_timeline_labels_never_overlap_or_get_crossed():
    from sourcebook.figures.timeline_chart import build_timeline_figure

    events = load_timeline(TIMELINE)
    fig = build_timeline_figure(events, chart())
    assert len(fig.axes) == 2           # whole war + enlarged window
    assert fig.get_size_inches()[0] == pytest.approx(10.0)
    n = _check_layout(fig)
    # every event in the enlarged window is labelled in panel B; the rest in panel A (+ memo, + pointer)
    assert n == 2 * (len(events) + 2)


def test_layout_copes_with_more_events(caplog):
    """An instructor adds events (some on the same day): still no overlaps, and the figure grows."""
    from sourcebook.figures.timeline_chart import build_timeline_figure
    from sourcebook.model.timeline import TimelineEvent

    events = load_timeline(TIMELINE)
    extra = [TimelineEvent(id=f"extra-{i}", date=dt.date(1951, 1, 5) + dt.timedelta(days=(i * 3) % 20),
                           label=f"Added event number {i} for testing", detail="A test event.",
                           source="https://history.state.gov/historicaldocuments/frus1951v07p1/d52",
                           phase="crisis")
             for i in range(8)]
    base = build_timeline_figure(events, chart()).get_size_inches()[1]
    with caplog.at_level("WARNING", logger="sourcebook.figures.timeline_layout"):
        fig = build_timeline_figure(events + extra, chart())
    assert "fallback" not in caplog.text
    assert fig.get_size_inches()[1] > base
    _check_layout(fig)


def test_phases_are_distinguishable_without_colour():
    styles = list(chart().phases.values())
    assert {e.phase for e in load_timeline(TIMELINE)} <= set(chart().phases)
    assert len({s.marker for s in styles}) == len(styles)
    assert len({s.hatch for s in styles}) == len(styles)
    assert len({s.name for s in styles}) == len(styles)
    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}
    assert {s.colour for s in styles} <= okabe_ito


def test_draw_timeline_returns_alt_text(tmp_path):
    from sourcebook.figures.timeline_chart import draw_timeline, timeline_alt_text

    events = load_timeline(TIMELINE)
    out = tmp_path / "nested" / "t.png"
    alt = draw_timeline(events, chart(), out)
    assert alt == timeline_alt_text(events, chart())
    assert png_size(out)[0] == 1500
    assert not list(out.parent.glob("*.tmp")), "no temporary files left behind"


# --- the map data ---------------------------------------------------------------------------------

def test_map_places_are_inside_the_extent_and_on_the_right_side():
    EXTENT, PLACES, UN_LINE = korea_map().EXTENT, korea_map().PLACES, korea_map().UN_LINE

    lon0, lon1, lat0, lat1 = EXTENT
    assert (lon0, lat0) == (124.0, 33.0) and (lon1, lat1) == (130.5, 39.0)
    names = {p.name for p in PLACES}
    for needed in ("Cheju-do (Jeju)", "Seoul", "Pusan (Busan)", "Haenam", "Goheung", "Yeosu", "Tongyeong",
                   "Geoje-do", "Namhae", "Jindo", "Wando", "Paengnyong-do", "Yonpyong-do", "Tokchok-do"):
        assert needed in names
    for p in PLACES:
        assert lon0 < p.lon < lon1 and lat0 < p.lat < lat1, p.name
    assert [p.name for p in PLACES if p.category == "named"] == ["Cheju-do (Jeju)"]
    # the mid-January line runs west to east, south of Seoul and north of Pusan
    seoul = next(p for p in PLACES if p.name == "Seoul")
    assert UN_LINE[0][0] < 127.0 and UN_LINE[-1][0] > 129.0
    assert all(lat < seoul.lat for _, lat in UN_LINE) and all(lat > 36.5 for _, lat in UN_LINE)


# --- build: drawn once, then reused by the hash of data and code ---------------------------------

def test_unchanged_figures_are_copied_from_the_cache_not_redrawn(generated, tmp_path, monkeypatch):
    from sourcebook.figures import build
    book, cache = drawn_copy(generated, tmp_path)
    first = generated[1]
    t_png, m_png = book / "_generated" / "timeline.png", book / "_generated" / "korea-map.png"
    drawn = (t_png.read_bytes(), m_png.read_bytes())
    shutil.rmtree(book / "_generated")                  # a clean build: no output at all
    assert stale_figures(book, jobs(book), cache) == jobs(book)

    def boom(*args, **kwargs):
        raise AssertionError("figure was redrawn although its data and code are unchanged")
    monkeypatch.setattr(build, "draw_book_timeline", boom)
    monkeypatch.setattr(korea_map(), "draw_korea_map", boom)
    assert generate_figures(book, jobs(book), cache) == first        # alt text kept too
    assert (t_png.read_bytes(), m_png.read_bytes()) == drawn
    assert stale_figures(book, jobs(book), cache) == []

    # editing the timeline redraws the chart only
    monkeypatch.undo()
    monkeypatch.setattr(korea_map(), "draw_korea_map", boom)
    path = book / "data" / "timeline.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "label: North Korea invades the South", "label: The North invades the South"), "utf-8")
    assert [j.output for j in stale_figures(book, jobs(book), cache)] == ["timeline.png"]
    alts = generate_figures(book, jobs(book), cache)
    assert "The North invades the South" in alts["timeline.png"]
    assert m_png.read_bytes() == drawn[1]


def test_force_redraws_although_cached(generated, tmp_path, monkeypatch):
    book, cache = drawn_copy(generated, tmp_path)
    job = timeline_job(book)
    assert stale_figures(book, [job], cache) == []          # drawn and cached
    calls = []
    from sourcebook.figures import build

    def draw(book_dir, out):
        calls.append(out)
        out.write_bytes(b"png")
        return "alt"
    monkeypatch.setattr(build, "draw_book_timeline", draw)
    assert generate_figures(book, [job], cache, force=True) == {"timeline.png": "alt"}
    assert len(calls) == 1 and (book / "_generated" / "timeline.png").read_bytes() == b"png"


def test_a_lesson_without_chart_data_or_map_draws_nothing(tmp_path):
    book = tmp_path / "book"
    (book / "data").mkdir(parents=True)
    shutil.copy2(TIMELINE, book / "data" / "timeline.yml")      # no timeline-chart.yml
    assert timeline_job(book) is None
    assert timeline_job(tmp_path) is None                           # the project root, too
    assert generate_figures(book, [], tmp_path / "cache") == {}
    assert not (book / "_generated").exists()


def test_the_kit_draws_no_lesson_content():
    """No file of the kit but its Python (tests/contract/test_kit_layout.py reads that, comments
    and docstrings excepted) names the example lesson: not the templates a new lesson is written
    from, the front end's scripts and styles, the Sphinx templates and static files, nor data."""
    kit = ROOT / "src" / "sourcebook"
    files = [p for p in kit.rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc")]
    assert {"authoring/templates/lesson/book_config.yml", "render/assets/sourcebook.js",
            "sphinx/static/sourcebook-theme.css"} <= {p.relative_to(kit).as_posix() for p in files}
    naming = sorted(p.relative_to(kit).as_posix() for p in files
                    if re.search(rb"korea|rusk", p.read_bytes(), re.IGNORECASE))
    assert naming == []     # the example lesson names its country in its own book/data


def test_invalid_timeline_stops_the_build(tmp_path):
    book = make_book(tmp_path)
    path = book / "data" / "timeline.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("date: 1951-01-04", "date: 1951-13-04"),
                    encoding="utf-8")
    with pytest.raises(TimelineError) as info:
        generate_figures(book, [timeline_job(book)], tmp_path / "cache")
    assert 'event seoul-falls-1951: date "1951-13-04" is not a real date' in str(info.value)
