"""Figures generated at build time (timeline chart, map of Korea).

Each ``draw_*`` function writes a PNG and returns alt text generated from the same data.
``build.generate_figures(book_dir)`` writes both into ``book/_generated/`` when they are out of date.
"""

from __future__ import annotations

__all__ = ["draw_timeline", "draw_korea_map", "generate_figures"]


def __getattr__(name: str):  # lazy: importing the package must not import matplotlib
    if name == "draw_timeline":
        from sourcebook.figures.timeline_chart import draw_timeline

        return draw_timeline
    if name == "draw_korea_map":
        from sourcebook.figures.korea_map import draw_korea_map

        return draw_korea_map
    if name == "generate_figures":
        from sourcebook.figures.build import generate_figures

        return generate_figures
    raise AttributeError(name)
