"""The lesson's order: the chapters of `_toc.yml` in reading order (what "lesson order" means
for the gradebook, the answer keys and pacing)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sourcebook.model.project import Project, project_of
from sourcebook.yamlio import load_data


def toc_pages(node, at: tuple = ()) -> Iterator[tuple[str, tuple]]:
    """(page name, its path in the parsed document) for the `root:` and every `file:` of a
    parsed `_toc.yml`, at any depth, in reading order (a page before its sections); the path
    gives a YAML reader's line (`YamlDoc.line`)."""
    if isinstance(node, dict):
        for key in ("root", "file"):
            if isinstance(node.get(key), str):
                yield node[key], (*at, key)
        for key, value in node.items():
            if key not in ("root", "file"):
                yield from toc_pages(value, (*at, key))
    elif isinstance(node, list):
        for n, child in enumerate(node):
            yield from toc_pages(child, (*at, n))


def toc_files(node) -> set[str]:
    """Every `file:` in a parsed table of contents (the root page is not one)."""
    return {name for name, at in toc_pages(node) if at[-1] == "file"}


def _files(node) -> list[str]:
    return [name for name, _ in toc_pages(node)]


def chapter_order(project: Project | str | Path, *, instructor: bool = False) -> list[str]:
    """Docnames (e.g. "book/war") in the order the book reads them; the instructor pages last."""
    project = project_of(project)
    order = _files(load_data(project.toc) or {}) if project.toc.is_file() else []
    if instructor and project.instructor_toc.is_file():
        order += _files(load_data(project.instructor_toc) or [])
    return list(dict.fromkeys(f.removesuffix(".md").removesuffix(".ipynb") for f in order))


def in_lesson_order(sets, project: Project | str | Path) -> list:
    """Exercise sets sorted by their chapter's place in the book (sets of no chapter last,
    then by set id)."""
    order = {doc: n for n, doc in enumerate(chapter_order(project, instructor=True))}
    return sorted(sets, key=lambda s: (order.get(set_chapter(s), len(order)), set_id(s)))


def set_chapter(loaded) -> str:
    """The chapter a loaded set is shown in ("" when it names none)."""
    info = getattr(loaded, "info", None)
    return (getattr(info, "chapter", None) or "") if info else ""


def set_id(loaded) -> str:
    info = getattr(loaded, "info", None)
    return getattr(info, "id", "") if info else ""
