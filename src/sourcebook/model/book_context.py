"""The book's context: everything an exercise item may refer to (its seeds, objectives, timeline
events, spelling variants, the book's identity), loaded once from the project with every
problem in those files named."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sourcebook.errors import Problems, SourcebookError
from sourcebook.items.normalize import load_variants, variant_index
from sourcebook.model.config import book_identity, sourcebook_settings
from sourcebook.model.lesson_types import load_lesson_types
from sourcebook.model.project import Project
from sourcebook.model.source import PrimarySource, all_seeds, load_source
from sourcebook.yamlio import read_yaml


@dataclass(frozen=True)
class Objective:
    id: str
    chapter: str
    text: str


@dataclass
class BookContext:
    """Everything an item may refer to. Tests may build one directly with a few fields; one
    without a `root` belongs to no book on disk (its chapters are not checked)."""
    root: Path | None = None
    book_id: str = "book"
    content_version: str = "1"
    sources: dict[str, PrimarySource] = field(default_factory=dict)
    objectives: dict[str, Objective] | None = None   # None: objectives are not checked
    timeline: dict[str, Any] = field(default_factory=dict)
    variants: list[list[str]] = field(default_factory=list)
    default_source: str | None = None
    require_student_id: bool = False     # the teacher's build: Export asks for an id
    _index: dict | None = field(default=None, repr=False)

    @property
    def variant_index(self) -> dict[str, frozenset[str]]:
        if self._index is None:
            self._index = variant_index(self.variants)
        return self._index

    def show(self, path: Path) -> str:
        """`path` as an instructor reads it: relative to the book's folder."""
        return Project(self.root).shown(path) if self.root is not None else str(path)

    @classmethod
    def load(cls, root: str | Path) -> BookContext:
        """Read the book's identity, seeds, objectives, timeline and variants.

        Raises Problems listing every problem found in those files."""
        root = Path(root)
        problems: list[SourcebookError] = []

        def attempt(fn, *args):
            try:
                return fn(*args)
            except Problems as err:
                problems.extend(err.errors)
            except SourcebookError as err:
                problems.append(err)
            return None

        identity = attempt(book_identity, root) or ("book", "1")
        attempt(load_lesson_types, root)      # before any exercise set names one of them
        sources = {}
        for txt in all_seeds(root):
            source = attempt(load_source, txt, root)
            if source is not None:
                sources[source.slug] = source
        project = Project(root)
        objectives = attempt(_load_objectives, project.objectives, root)
        timeline = attempt(_load_timeline, project.timeline)
        variants = attempt(load_variants, project.variants)
        if problems:
            raise Problems(problems)
        settings = sourcebook_settings(root) or {}
        return cls(root=root, book_id=identity[0], content_version=identity[1], sources=sources,
                   require_student_id=settings.get("require_student_id") is True,
                   objectives=objectives, timeline=timeline or {}, variants=variants or [],
                   default_source=next(iter(sources)) if len(sources) == 1 else None)


def _load_objectives(path: Path, root: Path) -> dict[str, Objective]:
    """book/data/objectives.yml: a list of {id, chapter, text}."""
    if not path.is_file():
        return {}
    shown = BookContext(root=root).show(path)
    doc = read_yaml(path, shown=shown)
    data, lines = doc.data, doc.lines
    if not isinstance(data, list):
        raise SourcebookError(shown, "expected a list of objectives (- id: ..., chapter:, text:)",
                              line=1)
    out: dict[str, Objective] = {}
    errors = []
    for n, entry in enumerate(data):
        line = lines.get((n,), 1)
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) and entry[k]
                                                  for k in ("id", "chapter", "text")):
            errors.append(SourcebookError(shown, "each objective needs id, chapter and text",
                                          line=line))
        elif entry["id"] in out:
            errors.append(SourcebookError(shown, f'objective id "{entry["id"]}" is used twice',
                                          line=line, field="id"))
        else:
            out[entry["id"]] = Objective(entry["id"], entry["chapter"], entry["text"])
    if errors:
        raise Problems(errors)
    return out


def _load_timeline(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    from sourcebook.model.timeline import load_timeline
    return {event.id: event for event in load_timeline(path)}

