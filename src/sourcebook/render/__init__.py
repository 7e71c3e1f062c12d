"""Renderers of the kit's data: static HTML for the book, ipywidgets for a live kernel.

    static.render_exercise_set(loaded_set, ctx)   static.render_reader(source, guide, ctx)
    live.show_exercises(path)                     live.show_reader(slug)

`show_exercises` and `show_reader` are importable from here; ipywidgets is imported only when
they are first used, so a book build that needs only the static renderer does not load it.
"""

from __future__ import annotations

__all__ = ["show_exercises", "show_reader"]


def __getattr__(name: str):
    if name in __all__:
        from . import live
        return getattr(live, name)
    raise AttributeError(name)
