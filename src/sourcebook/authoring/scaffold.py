"""`sourcebook new`: turn another FRUS-style document into a lesson an author then completes.

From a plain text (as printed, or as copied from history.state.gov: `copied.py`) or one document
of a TEI volume (`tei.py`), and the metadata drafted from it (`draft.py`), it writes five
things: the seed (`seeds/<slug>.txt` and `<slug>.yml`), a chapter
(`book/sources/<slug>.md`), a starter exercise set (`exercises/<slug>.yml`), two objectives
appended to `book/data/objectives.yml`, and an entry in `_toc.yml` under "More sources".

The words are files in `templates/`, filled by `chapter.py` (the chapter) and `starter_set.py`
(the exercises and objectives); `book_edits.py` edits `_toc.yml` and the objectives as text,
never re-dumped, so their comments and layout survive. Everything is planned first and written
only when no file of that slug exists, so a refused run leaves the book untouched.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sourcebook.authoring.book_edits import MORE_SOURCES, objectives_with, toc_with_chapter
from sourcebook.authoring.chapter import chapter_md, file_number_rows, kind_words
from sourcebook.authoring.draft import Draft, ScaffoldError, draft, seed_yaml
from sourcebook.authoring.facts import Facts, parse_party
from sourcebook.authoring.starter_set import exercises_yaml, objectives_yaml, starter_items
from sourcebook.authoring.wording import human_date
from sourcebook.model.decimal_file import DecimalNames, names_for
from sourcebook.model.project import Project
from sourcebook.model.source import SourceMeta, read_text
from sourcebook.model.toc import toc_files
from sourcebook.yamlio import parse_yaml, read_yaml

# The pieces of `sourcebook new` stay importable from here (tests and tools use this module).
__all__ = ["MORE_SOURCES", "Draft", "Facts", "Plan", "ScaffoldError", "chapter_md", "draft",
           "exercises_yaml", "file_number_rows", "human_date", "kind_words", "new_paths",
           "objectives_with", "objectives_yaml", "parse_party", "plan", "read_document",
           "seed_yaml", "starter_items", "toc_with_chapter", "write"]


@dataclass
class Plan:
    root: Path
    draft: Draft
    text: bytes                    # the document, byte for byte
    files: dict[Path, str]         # new files (relative to root) -> content
    edits: dict[Path, str]         # existing files -> new content

    @property
    def slug(self) -> str:
        return self.draft.slug


def new_paths(project: Project, slug: str) -> dict[str, Path]:
    """What `sourcebook new` writes for `slug`, relative to the project's root."""
    paths = {"seed": project.seed_text(slug), "meta": project.seed_meta(slug),
             "chapter": project.source_chapter(slug), "exercise_set": project.exercise_set(slug)}
    return {name: project.relative(path) for name, path in paths.items()}


def read_document(path: Path, document: str | None = None) -> tuple[str, Facts, list[str]]:
    """The seed text for `path` (a TEI volume or file, or a plain text as printed or as copied
    from history.state.gov), the facts its markup states, and what was changed in a copied text."""
    from sourcebook.authoring import copied, tei
    if path.suffix.lower() == ".xml":
        doc = tei.import_document(path, document)
        return doc.text, doc.facts, [f"imported {doc.doc_id} of {doc.volume_id} from the TEI"]
    if document:
        raise ScaffoldError(path, "--document picks a document out of a TEI volume (.xml); "
                            "this is a plain text", field="--document")
    text, changes = copied.normalize(read_text(path), path)
    return text, Facts(), changes


def plan(text_path: Path, root: Path, slug: str | None = None,
         document: str | None = None, names: DecimalNames | None = None) -> Plan:
    """Everything `sourcebook new` would write, checked, with nothing written yet. The file
    number is decoded with `names`, or else the book's own (`book/data/decimal-file.yml`)."""
    text_path, project = Path(text_path), Project(root)
    root = project.root
    names = names or names_for(project)
    text, facts, changes = read_document(text_path, document)
    d = draft(text_path, slug, text=text, facts=facts, names=names)
    d.changes = changes
    paths = new_paths(project, d.slug)
    there = [str(p) for p in paths.values() if (root / p).exists()]
    if there:
        raise ScaffoldError(root / there[0], f'the slug "{d.slug}" is taken: {", ".join(there)} '
                            "already exist(s); nothing was written (pick another --slug)")
    for other in project.exercise_files():
        data = read_yaml(other, shown=project.shown(other)).data
        if isinstance(data, dict) and (data.get("set") or {}).get("id") == d.slug:
            raise ScaffoldError(other, f'the exercise set id "{d.slug}" is taken; nothing was '
                                "written (pick another --slug)", field="set id")
    meta = seed_yaml(d)
    # a bug here is ours, not the author's
    SourceMeta.model_validate(parse_yaml(meta, shown=str(paths["meta"]), typed=True).data)
    docname = project.docname(project.source_chapter(d.slug))
    if docname in toc_files(read_yaml(project.toc, shown=project.shown(project.toc)).data):
        raise ScaffoldError(project.toc, f"{docname} is already in the table of contents; "
                            "nothing was written")
    files = {paths["meta"]: meta, paths["chapter"]: chapter_md(d),
             paths["exercise_set"]: exercises_yaml(d, docname)}
    edits = {project.relative(project.objectives): objectives_with(project.objectives, d,
                                                                   docname),
             project.relative(project.toc): toc_with_chapter(project.toc, docname)}
    return Plan(root=root, draft=d, text=text.encode("utf-8"), files=files, edits=edits)


def write(p: Plan) -> list[Path]:
    """Write the plan; returns the paths written, new files first. Every file is first written
    beside its target under a temporary name and only then moved into place, so a failure
    (a full disk, a read-only folder) leaves no half-written lesson."""
    seed = new_paths(Project(p.root), p.slug)["seed"]
    contents = [(seed, p.text), *((rel, c.encode("utf-8"))
                                  for rel, c in [*p.files.items(), *p.edits.items()])]
    temps: list[tuple[Path, Path]] = []
    try:
        for rel, data in contents:
            target = p.root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            temp = target.with_name(f".{target.name}.sourcebook-new.tmp")
            temp.write_bytes(data)
            temps.append((temp, target))
    except OSError as err:
        for temp, _ in temps:
            temp.unlink(missing_ok=True)
        raise ScaffoldError(p.root / contents[len(temps)][0], f"cannot write ({err.strerror}); "
                            "nothing was written") from None
    for temp, target in temps:
        os.replace(temp, target)
    return [rel for rel, _ in contents]
