"""The book's configuration as the live preview reads it before starting a Sphinx application.

`_config.yml` and `_toc.yml` are read with the kit's YAML reader first, so a file that is not
valid YAML is reported as `file:line: message` (Jupyter Book and sphinx-external-toc would
raise their own errors, naming no line or no file we show). Pages `_toc.yml` names that are not
in the book are problems of `_toc.yml` with their line: Sphinx reports them at the root page.
"""

from __future__ import annotations

from pathlib import Path

from sourcebook.errors import SourcebookError
from sourcebook.model.project import Project
from sourcebook.model.toc import toc_pages
from sourcebook.yamlio import load_data, read_yaml

PAGE_SUFFIXES = (".md", ".ipynb", ".rst", ".myst")


def configuration_problems(root: Path) -> list[str]:
    """The pages `_toc.yml` names that are missing, one `file:line` problem each; raises
    SourcebookError when `_config.yml` or `_toc.yml` cannot be read."""
    project = Project(root)
    if project.config.is_file():
        load_data(project.config, shown=project.shown(project.config))
    if not project.toc.is_file():
        return []
    shown = project.shown(project.toc)
    toc = read_yaml(project.toc, shown=shown)
    return [str(SourcebookError(shown, f'"{name}": no such page in the book', line=toc.line(at)))
            for name, at in toc_pages(toc.data) if not _is_page(project.root, name)]


def _is_page(root: Path, name: str) -> bool:
    page = root / name
    try:
        return page.is_file() or any(page.with_name(page.name + s).is_file()
                                     for s in PAGE_SUFFIXES)
    except (OSError, ValueError):   # "/" or a name too long: no page of the book
        return False
