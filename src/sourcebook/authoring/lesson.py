"""`sourcebook new TEXT --lesson DIR`: start a new lesson (a book of its own) from one document.

Where plain `sourcebook new` adds a source to an existing book, this writes a complete book in
an empty folder: `_config.yml` (its own book id, title from the document), `_toc.yml`, a start
page, the document's chapter and starter exercises (the very files `scaffold.plan` drafts for a
new source), a close-reading chapter with a starter guide, the objectives, and an instructor
edition (its start page: objectives and answer key). Nothing of any other lesson comes along:
the words are the files in `templates/lesson/`.

The source's files come from `scaffold.plan`, run against an empty book: the one place that
reads a document, drafts its metadata and checks the slug. The lesson's own files are added to
that plan, and `scaffold.write` writes them all or nothing.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from sourcebook.authoring.chapter import kind_words
from sourcebook.authoring.draft import Draft, ScaffoldError
from sourcebook.authoring.scaffold import Plan, new_paths, plan
from sourcebook.authoring.starter_set import objectives_yaml
from sourcebook.authoring.wording import render
from sourcebook.model.decimal_file import names_for
from sourcebook.model.project import Project

# What `scaffold.plan` needs of a book to add a source to it: a table of contents with parts.
# Its edit of this file is not kept: the lesson's own _toc.yml replaces it.
_EMPTY_TOC = "format: jb-book\nroot: book/intro\nparts:\n  - caption: none\n    chapters:\n" \
             "      - file: book/intro\n"
# A new lesson's start page and close-reading chapter (their docnames are in templates/lesson).
START, CLOSE_READING = "intro.md", "close-reading.md"


def own_files(project: Project, slug: str) -> dict[str, Path]:
    """Template of templates/lesson/ -> the file of `project` it becomes."""
    return {"book_config.yml": project.config, "book_toc.yml": project.toc,
            START: project.chapters / START, CLOSE_READING: project.chapters / CLOSE_READING,
            "instructor_toc.yml": project.instructor_toc,
            "instructor_start.md": project.instructor_toc.with_name("start.md"),
            "guide.yml": project.guide(slug), "book_objectives.yml": project.objectives}


def _guide_passages(d: Draft) -> dict[str, str]:
    """Sentence ids for the starter guide's lenses: the opening, the longest and the closing
    sentence of the body (the author replaces them)."""
    sentences = d.source.sentences
    if not sentences:
        raise ScaffoldError(d.source.path or Path(d.slug), "the document has no paragraph of "
                            "text to read closely")
    longest = max(sentences, key=lambda s: len(s.text))
    return {"opening": sentences[0].id, "longest": longest.id, "closing": sentences[-1].id}


def lesson_files(d: Draft, project: Project) -> dict[Path, str]:
    """The lesson's own files (relative to its folder), around the source `d`."""
    chapter = new_paths(project, d.slug)["chapter"].with_suffix("").as_posix()
    values = dict(title=d.title, slug=d.slug, kind=kind_words(d), book_id=d.slug,
                  chapter=chapter, author=d.author.phrase, author_then=d.author.set_off,
                  recipient=d.recipient.phrase if d.recipient else None, date=d.date,
                  classification=d.ap.classification or d.facts.classification,
                  year=dt.date.today().year, **_guide_passages(d))
    files = {target.relative_to(project.root): render(f"lesson/{name}", **values)
             for name, target in own_files(project, d.slug).items()}
    files[project.objectives.relative_to(project.root)] += objectives_yaml(d, chapter)
    return files


def plan_lesson(text_path: Path, folder: Path, slug: str | None = None,
                document: str | None = None) -> Plan:
    """Everything `sourcebook new --lesson` would write into `folder`, nothing written yet.
    The folder may already hold the lesson's names for decimal-file numbers
    (`book/data/decimal-file.yml`), which then decode the document's file number."""
    folder, lesson = Path(folder), Project(folder)
    kept = {lesson.chapters, lesson.data, lesson.decimal_file}
    if folder.exists() and (not folder.is_dir() or any(
            lesson.root / p.relative_to(folder) not in kept or p.is_symlink()
            for p in folder.rglob("*"))):
        raise ScaffoldError(folder, "a new lesson goes into a new or empty folder (or one with "
                            f"only {lesson.relative(lesson.decimal_file).as_posix()}); this one "
                            "is not empty (to add the document to the book there, leave out "
                            "--lesson); nothing was written")
    names = names_for(lesson)
    with tempfile.TemporaryDirectory(prefix="sourcebook-lesson-") as empty:
        Project(Path(empty)).toc.write_text(_EMPTY_TOC, encoding="utf-8")
        source = plan(text_path, Path(empty), slug, document, names=names)
    files = {**source.files, **lesson_files(source.draft, Project(folder))}
    return Plan(root=folder, draft=source.draft, text=source.text, files=files, edits={})
