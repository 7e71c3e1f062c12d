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

import yaml

from sourcebook.authoring.book_edits import (MORE_SOURCES, objectives_with, toc_files,
                                             toc_with_chapter)
from sourcebook.authoring.chapter import chapter_md, file_number_rows, kind_words
from sourcebook.authoring.draft import Draft, ScaffoldError, draft, seed_yaml
from sourcebook.authoring.facts import Facts, parse_party
from sourcebook.authoring.starter_set import exercises_yaml, objectives_yaml, starter_items
from sourcebook.authoring.wording import human_date
from sourcebook.model.source import SourceMeta, read_text

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


def new_paths(slug: str) -> dict[str, Path]:
    return {"seed": Path("seeds") / f"{slug}.txt", "meta": Path("seeds") / f"{slug}.yml",
            "chapter": Path("book") / "sources" / f"{slug}.md",
            "exercises": Path("exercises") / f"{slug}.yml"}


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
         document: str | None = None) -> Plan:
    """Everything `sourcebook new` would write, checked, with nothing written yet."""
    text_path, root = Path(text_path), Path(root)
    text, facts, changes = read_document(text_path, document)
    d = draft(text_path, slug, text=text, facts=facts)
    d.changes = changes
    paths = new_paths(d.slug)
    there = [str(p) for p in paths.values() if (root / p).exists()]
    if there:
        raise ScaffoldError(root / there[0], f'the slug "{d.slug}" is taken: {", ".join(there)} '
                            "already exist(s); nothing was written (pick another --slug)")
    for other in sorted((root / "exercises").glob("*.yml")):
        data = yaml.safe_load(other.read_text(encoding="utf-8"))
        if isinstance(data, dict) and (data.get("set") or {}).get("id") == d.slug:
            raise ScaffoldError(other, f'the exercise set id "{d.slug}" is taken; nothing was '
                                "written (pick another --slug)", field="set id")
    meta = seed_yaml(d)
    SourceMeta.model_validate(yaml.safe_load(meta))     # a bug here is ours, not the author's
    docname = paths["chapter"].with_suffix("").as_posix()
    if docname in toc_files(yaml.safe_load((root / "_toc.yml").read_text("utf-8"))):
        raise ScaffoldError(root / "_toc.yml", f"{docname} is already in the table of contents; "
                            "nothing was written")
    files = {paths["meta"]: meta, paths["chapter"]: chapter_md(d),
             paths["exercises"]: exercises_yaml(d)}
    objectives = Path("book") / "data" / "objectives.yml"
    toc = Path("_toc.yml")
    edits = {objectives: objectives_with(root / objectives, d),
             toc: toc_with_chapter(root / toc, docname)}
    return Plan(root=root, draft=d, text=text.encode("utf-8"), files=files, edits=edits)


def write(p: Plan) -> list[Path]:
    """Write the plan; returns the paths written, new files first. Every file is first written
    beside its target under a temporary name and only then moved into place, so a failure
    (a full disk, a read-only folder) leaves no half-written lesson."""
    seed = new_paths(p.slug)["seed"]
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
