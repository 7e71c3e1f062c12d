"""The live notebook: the page's own front end as an anywidget, and the answers file beside
the notebook kept in sync with it.

    show_exercises("exercises/document.yml")      # in a notebook cell
    show_reader("rusk-1951-01-12-continued-resistance")

The widget's model carries exactly what the static page carries: ``html``, the fragment
``render/static.py`` writes (the questions, the memo and the answer-free payload: hashes and
ciphertext, never a key), and ``answers``, the answers file of docs/contract.md §5. Its front end
is ``render/assets/widget.js`` bundled with the same modules as the page (``render/bundle.py``),
so wording, checking, dealing and verdicts are the page's; a lesson's own item types come with
their JS modules (registered in this kernel, or in the student bundle's ``widget_module``). Python never checks an answer here
and never reads a key: it writes what the widget sends to the answers file, atomically, merging
item by item so that several widgets sharing one file (the reader and each exercise set) never
undo each other's work.

``show_*`` return a ``Display`` whose MIME bundle offers the widget view *and* the static HTML,
so a live kernel shows the widget and a static myst-nb build shows the page's HTML.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import anywidget
import traitlets

from sourcebook.errors import SourcebookError
from sourcebook.items.shuffle import new_seed
from sourcebook.model.answers import MAX_BYTES, read_limited, write_atomic

FORMAT, VERSION = "sourcebook-answers", 2
MAX_DOC = 5 * 1024 * 1024


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@lru_cache(maxsize=4)
def _front_end(item_types: tuple[Path, ...] = ()) -> tuple[str, str]:
    """(ES module, CSS) of the widget, made from the page's sources at first use; with the JS
    modules of a lesson's own item types (`item_types`), as the page has them."""
    import rcssmin
    from sourcebook.render.bundle import ASSETS
    from sourcebook.render.minify import widget_module
    css = rcssmin.cssmin((ASSETS / "sourcebook.css").read_text(encoding="utf-8"))
    return widget_module(item_types), css


# --------------------------------------------------------------------------- the answers file


def default_answers_path(book_id: str) -> Path:
    return Path(os.environ.get("SOURCEBOOK_ANSWERS") or Path.cwd() / f"{book_id}-answers.json")


class AnswersFile:
    """One student's answers file (contract §5, version 2), shared by every widget that names it.

    A widget sends the whole file as its front end sees it; only what changed since that
    widget's previous message is applied, to the file as it is on disk, so no widget's stale
    copy overwrites another's work. Every write is atomic (a temporary file, then os.replace)."""

    _open: dict[Path, "AnswersFile"] = {}

    def __init__(self, path: Path, book_id: str, content_version: str):
        self.path, self.book_id, self.content_version = path, book_id, content_version
        self.doc = self._read() or self._empty()

    @classmethod
    def for_path(cls, path: str | Path, book_id: str, content_version: str) -> "AnswersFile":
        path = Path(path).resolve()
        if path not in cls._open or cls._open[path].book_id != book_id:
            cls._open[path] = cls(path, book_id, content_version)
        return cls._open[path]

    def _empty(self) -> dict:
        return {"format": FORMAT, "version": VERSION,
                "book": {"id": self.book_id, "content_version": self.content_version},
                "student": {"name": "", "id": ""}, "assignment": None, "seed": new_seed(),
                "exported_at": _now(), "responses": {}, "notes": {}, "notes_truncated": []}

    def _read(self) -> dict | None:
        """The file as a version-2 document; None when there is none yet. A file that is not
        this book's answers is never overwritten: SourcebookError says so."""
        if not self.path.exists():
            return None
        try:
            doc = json.loads(read_limited(self.path, MAX_BYTES))
        except (ValueError, SourcebookError):
            doc = None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT or \
                not isinstance(doc.get("book"), dict) or doc["book"].get("id") != self.book_id \
                or not isinstance(doc.get("responses"), dict):
            raise SourcebookError(self.path, "this file is not the answers of this book; "
                                  "choose another file (it was left as it is)")
        if doc.get("version") == 1:            # migrated on reading (contract §5)
            for rec in doc["responses"].values():
                if isinstance(rec, dict):
                    rec.setdefault("history", [rec["response"]] if rec.get("response") is not None else [])
            doc["version"] = VERSION
        doc.setdefault("notes", {})
        doc.setdefault("notes_truncated", [])
        if not isinstance(doc.get("seed"), str) or len(doc["seed"]) != 16:
            doc["seed"] = new_seed()     # one seed per student and book: every widget deals by it
        return doc

    def snapshot(self) -> dict:
        """The file as a new widget starts from it (with the seed every widget deals by)."""
        self.doc = self._read() or self.doc
        return copy.deepcopy(self.doc)

    def merge(self, before: dict, after: dict) -> None:
        """Apply to the file what changed between two documents a widget sent."""
        if not _plausible(after):
            return
        doc = self._read() or copy.deepcopy(self.doc)
        old_r, new_r = before.get("responses") or {}, after["responses"]
        for item_id, rec in new_r.items():
            if rec != old_r.get(item_id):
                doc["responses"][item_id] = rec
        old_n, new_n = before.get("notes") or {}, after.get("notes") or {}
        for slug, notes in new_n.items():
            for pid, text in (notes or {}).items():
                if text != (old_n.get(slug) or {}).get(pid):
                    doc["notes"].setdefault(slug, {})[pid] = text
        for field in ("student", "assignment"):
            if after.get(field) != before.get(field) or doc.get(field) in (None, ""):
                if after.get(field) not in (None, ""):
                    doc[field] = after[field]
        doc["notes_truncated"] = sorted(set(doc.get("notes_truncated") or [])
                                        | set(after.get("notes_truncated") or []))
        doc["exported_at"] = after.get("exported_at") or _now()
        doc["version"] = VERSION
        self.doc = doc
        text = json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False) + "\n"
        write_atomic(self.path, text.encode("utf-8"), replace=True)


def _plausible(doc: Any) -> bool:
    """What the widget sent has the file's shape and size (the grader validates the rest)."""
    return (isinstance(doc, dict) and doc.get("format") == FORMAT and doc.get("version") == VERSION
            and isinstance(doc.get("responses"), dict) and isinstance(doc.get("notes", {}), dict)
            and len(json.dumps(doc, ensure_ascii=False)) <= MAX_DOC)


# --------------------------------------------------------------------------- the widget


class SourcebookWidget(anywidget.AnyWidget):
    """An exercise set or the close reader, shown by the page's front end."""

    _esm, _css = _front_end()        # anywidget ships class attributes to the front end
    html = traitlets.Unicode("").tag(sync=True)
    answers = traitlets.Dict().tag(sync=True)

    def __init__(self, html: str, answers_file: AnswersFile, **kwargs):
        from sourcebook.items.registry import front_ends
        lesson_types = front_ends()          # a lesson's own types, registered in this kernel
        if lesson_types:
            kwargs.setdefault("_esm", _front_end(lesson_types)[0])
        super().__init__(html=html, answers=answers_file.snapshot(), **kwargs)
        self.answers_file = answers_file
        self.observe(self._sync, names="answers")

    def _sync(self, change) -> None:
        self.answers_file.merge(change["old"] or {}, change["new"] or {})


class Display:
    """A MIME bundle with both views: the live widget and the static HTML fragment."""

    def __init__(self, widget: SourcebookWidget, html: str):
        self.widget, self.html = widget, html

    def _repr_mimebundle_(self, include=None, exclude=None, **kwargs):
        shown = self.widget._repr_mimebundle_(**kwargs) or {}
        data, meta = shown if isinstance(shown, tuple) else (shown, {})
        return {**data, "text/html": self.html}, meta


def _context(root: Path | None, start: Path | None = None):
    from sourcebook import project_root
    from sourcebook.model.lesson import BookContext
    return BookContext.load(root or project_root(start))


def _answers(ctx, answers: str | Path | None) -> AnswersFile:
    return AnswersFile.for_path(answers or default_answers_path(ctx.book_id), ctx.book_id,
                                ctx.content_version)


def _bundled(kind: str, name: str, answers: str | Path | None) -> Display | None:
    """The fragment from the student bundle, when there is one (no YAML, no key, read)."""
    from sourcebook.render.student_bundle import find_bundle
    bundle = find_bundle(Path.cwd())      # the notebook's folder
    if not bundle or name not in bundle.get(kind, {}):
        return None
    html = bundle[kind][name]
    book, version = bundle["book"], bundle["content_version"]
    sync = AnswersFile.for_path(answers or default_answers_path(book), book, version)
    # a lesson with its own item types ships the widget's front end with them in the bundle
    own = bundle.get("widget_module")
    return Display(SourcebookWidget(html, sync, **({"_esm": own} if isinstance(own, str) else {})),
                   html)


def show_exercises(path: str | Path, *, root: str | Path | None = None,
                   answers: str | Path | None = None) -> Display:
    """An exercise set (exercises/<name>.yml) as a live widget plus its static HTML: from the
    student bundle when there is one, else made from the YAML (an author's checkout)."""
    from sourcebook.model.lesson import load_set
    from sourcebook.render import static
    path = Path(path)
    shown = _bundled("sets", path.stem, answers)
    if shown:
        return shown
    ctx = _context(Path(root) if root else None, path.resolve().parent)
    if not path.is_absolute() and not path.exists():
        path = Path(ctx.root) / path
    html = static.render_exercise_set(load_set(path, ctx), ctx)
    return Display(SourcebookWidget(html, _answers(ctx, answers)), html)


def show_reader(slug: str, *, root: str | Path | None = None,
                answers: str | Path | None = None) -> Display:
    """The close reader of a seed (with book/data/guides/<slug>.yml) as a widget plus HTML."""
    from sourcebook.model.guide import guide_path, load_guide
    from sourcebook.render import static
    shown = _bundled("readers", slug, answers)
    if shown:
        return shown
    ctx = _context(Path(root) if root else None)
    source = ctx.sources[slug]
    html = static.render_reader(source, load_guide(guide_path(slug, Path(ctx.root)), source), ctx)
    return Display(SourcebookWidget(html, _answers(ctx, answers)), html)
