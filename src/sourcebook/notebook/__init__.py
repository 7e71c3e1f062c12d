"""The live-notebook adapter: the lesson's widgets in a Jupyter kernel.

    from sourcebook.notebook import show_exercises, show_reader
"""

from __future__ import annotations

__all__ = ["show_exercises", "show_reader"]


def __getattr__(name: str):
    # Lazy, so that importing the package does not load the widget libraries.
    if name in __all__:
        from sourcebook.notebook import widget
        return getattr(widget, name)
    raise AttributeError(name)
