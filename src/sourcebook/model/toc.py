"""The lesson's order: the chapters of `_toc.yml` in reading order (what "lesson order" means
for the gradebook, the answer keys and pacing)."""

from __future__ import annotations

from pathlib import Path

from sourcebook.model.project import Project, project_of
from sourcebook.yamlio import load_data


def _files(node) -> list[str]:
    out: list[str] = []
    if isinstance(node, dict):
        if isinstance(node.get("file"), str):
            out.append(node["file"])
        for key in ("root", "parts", "chapters", "sections"):
            value = node.get(key)
            if key == "root" and isinstance(value, str):
                out.append(value)
            elif isinstance(value, list):
                for child in value:
                    out.extend(_files(child))
    elif isinstance(node, list):
        for child in node:
            out.extend(_files(child))
    return out


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
