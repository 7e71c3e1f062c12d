"""sourcebook: turn a primary source into an interactive, self-checking lesson."""

from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"


def project_root(start: Path | None = None) -> Path:
    """The folder holding the book's `_config.yml` (see `model.project.Project.find`)."""
    from sourcebook.model.project import Project
    return Project.find(start).root


def __getattr__(name: str):
    """`sourcebook.show_exercises` / `sourcebook.show_reader` for notebooks, imported lazily so
    that the CLI and the grader never load the notebook widgets."""
    if name in ("show_exercises", "show_reader"):
        from sourcebook.notebook import live
        return getattr(live, name)
    raise AttributeError(f"module 'sourcebook' has no attribute {name!r}")
