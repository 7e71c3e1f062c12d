"""sourcebook: turn a primary source into an interactive, self-checking lesson."""

from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"


def project_root(start: Path | None = None) -> Path:
    """The folder holding the book's `_config.yml`, found upwards from `start` (default: the
    current folder; see `model.project.Project.find`). For adapters: the CLI, the notebook."""
    from sourcebook.model.project import Project
    return Project.find(start if start is not None else Path.cwd()).root
