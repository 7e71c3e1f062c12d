"""sourcebook: turn a primary source into an interactive, self-checking lesson."""

from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"


def project_root(start: Path | None = None) -> Path:
    """The folder holding the book's `_config.yml`: $SOURCEBOOK_ROOT if set, else searched
    upwards from `start` or the cwd (notebooks run from book/ or from a copy elsewhere)."""
    import os
    if os.environ.get("SOURCEBOOK_ROOT"):
        start = Path(os.environ["SOURCEBOOK_ROOT"])
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "_config.yml").is_file() and (folder / "seeds").is_dir():
            return folder
    raise FileNotFoundError(f"no sourcebook project (a folder with _config.yml and seeds/) above {here}")


def __getattr__(name: str):
    """`sourcebook.show_exercises` / `sourcebook.show_reader` for notebooks, imported lazily so
    that the CLI and the grader never load anywidget or ipywidgets."""
    if name in ("show_exercises", "show_reader"):
        from sourcebook.notebook import widget
        return getattr(widget, name)
    raise AttributeError(f"module 'sourcebook' has no attribute {name!r}")
