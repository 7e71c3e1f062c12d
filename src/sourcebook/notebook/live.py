"""Live widgets (ipywidgets) for a running kernel: the same exercises and reader as the static
book, checked by the Python checker, saving the same answers JSON (schemas/answers.schema.json)
to a file, atomically.

    show_exercises("exercises/document.yml")        # in a notebook cell
    show_reader("rusk-1951-01-12-continued-resistance")

Both return a ``Display`` whose ``_repr_mimebundle_`` offers the widget view *and* the static
HTML fragment, so a live kernel shows the widgets and a static myst-nb build shows the HTML
(``nb_mime_priority_overrides`` in _config.yml picks text/html for HTML builds).

Nothing a student types is put into HTML: feedback is built from author text only (escaped
by ``payload.inline``), and the student's own words stay in text widgets.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as W

from sourcebook.model.answers import MAX_BYTES, parse_answers_bytes, read_limited, write_atomic
from sourcebook.errors import SourcebookError

from sourcebook.items.check import check
from sourcebook.items.schema import (BLANK, Cloze, DateItem, Evidence, Matching, MarkWords,
                                MultipleSelect, Ordering, ShortAnswer, SingleChoice, TrueFalse)
from sourcebook.model.guide import LENSES, Guide, passage_span
from sourcebook.items.payload import (EVIDENCE_HOW, display_order, evidence_scope, inline, item_source, mark_tokens,
                      matching_keys, ordering_ids, plain)

VERDICT = {"correct": ("✔", "Correct."), "partial": ("◐", "Partly right."),
           "incorrect": ("✘", "Not right yet."), "recorded": ("✔", "Answer recorded."),
           "invalid": ("⚠", "This answer cannot be checked."),
           "unanswered": ("?", "Answer the question first, then press Check.")}
COLOURS = {"correct": "#0f5323", "recorded": "#0f5323", "partial": "#5c3d00",
           "incorrect": "#8a1c1c"}
LENS_COLOURS = {"sourcing": "#fff0a8", "contextualization": "#d7e9ff", "close-reading": "#ece1ff",
                "corroboration": "#d5f2df"}


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _num(x: float) -> str:
    return f"{round(x, 2):g}"


# --------------------------------------------------------------------------- the answers file


class AnswersFile:
    """The answers JSON of one student in one file. Every change rewrites the file atomically
    (a temporary file in the same folder, then os.replace), so a crash never leaves half a file.

    Several widgets share one file (the reader writes notes, each exercise set its responses,
    and a student may re-run a cell): each change is applied to the file as it is on disk, so
    no widget's stale copy ever overwrites another's work."""

    def __init__(self, path: str | Path, book_id: str, content_version: str):
        self.path = Path(path)
        self.book_id, self.content_version = book_id, content_version
        self.doc = self._read() or self._empty()

    def _empty(self) -> dict:
        return {"format": "sourcebook-answers", "version": 1,
                "book": {"id": self.book_id, "content_version": self.content_version},
                "student": {"name": "", "id": ""}, "exported_at": _now(), "responses": {},
                "notes": {}}

    def _read(self) -> dict | None:
        """The file's document; None when there is no file yet. A file that is not this
        book's answers is never overwritten: SourcebookError says so."""
        if not self.path.exists():
            return None
        try:
            doc = parse_answers_bytes(read_limited(self.path, MAX_BYTES), self.path)
        except SourcebookError:
            doc = None
        if not isinstance(doc, dict) or doc.get("format") != "sourcebook-answers" or \
                not isinstance(doc.get("book"), dict) or doc["book"].get("id") != self.book_id \
                or not isinstance(doc.get("responses"), dict):
            raise SourcebookError(self.path, "this file is not the answers of this book; "
                                  "choose another file (it was left as it is)")
        if not isinstance(doc.get("notes"), dict):
            doc["notes"] = {}
        return doc

    def _change(self, apply) -> Any:
        """Re-read the file, apply one change to it, write it back; returns what `apply` did."""
        self.doc = self._read() or self._empty()
        result = apply(self.doc)
        self.save()
        return result

    def record(self, item_id: str) -> dict | None:
        return self.doc["responses"].get(item_id)

    def put(self, item_id: str, response: Any, source: str | None, *, attempt: bool) -> dict:
        def apply(doc: dict) -> dict:
            now = _now()
            rec = doc["responses"].setdefault(item_id, {"response": None, "attempts": 0,
                                                        "first_at": None, "last_at": None})
            rec["response"] = response
            if source:
                rec["source"] = source
            if attempt:
                rec["attempts"] += 1
                rec["first_at"] = rec["first_at"] or now
                rec["last_at"] = now
            return rec
        return self._change(apply)

    def note(self, source: str, pid: str) -> str:
        return self.doc["notes"].get(source, {}).get(pid, "")

    def set_note(self, source: str, pid: str, text: str) -> None:
        self._change(lambda doc: doc["notes"].setdefault(source, {}).__setitem__(pid, text))

    def set_student(self, name: str) -> None:
        self._change(lambda doc: doc.__setitem__("student", {"name": name, "id": ""}))

    def save(self) -> None:
        """Write the whole document atomically (answers.write_atomic). It is not validated
        here: until the student types a name, the file is a draft that `sourcebook grade`
        refuses with that reason."""
        self.doc["exported_at"] = _now()
        text = json.dumps(self.doc, ensure_ascii=False, indent=1, allow_nan=False) + "\n"
        write_atomic(self.path, text.encode("utf-8"), replace=True)


def default_answers_path(book_id: str) -> Path:
    return Path(os.environ.get("SOURCEBOOK_ANSWERS") or Path.cwd() / f"{book_id}-answers.json")


# --------------------------------------------------------------------------- exercise items


class ItemWidget:
    """One item: its controls, Check, hint, attempts, feedback and explanation."""

    def __init__(self, item, n: int, ctx, answers: AnswersFile | None, on_change=None):
        self.item, self.ctx, self.answers, self.on_change = item, ctx, answers, on_change
        self.source = getattr(item, "source", None) or getattr(ctx, "default_source", None)
        self.status: str | None = None
        self.attempts = 0
        self.prompt = W.HTML(f"<b>Question {n}</b> ({_num(item.points)} point"
                             f"{'' if item.points == 1 else 's'}) {inline(item.prompt)}")
        self.controls = self._build()
        self.check_button = W.Button(description="Record answer" if isinstance(item, ShortAnswer)
                                     else "Check", button_style="primary")
        self.check_button.on_click(lambda _: self.check())
        self.attempts_label = W.Label("")
        self.feedback = W.HTML("")
        self.explanation = W.HTML("")
        parts = [self.prompt, self.controls]
        if item.hint:
            self.hint = W.Accordion(children=[W.HTML(inline(item.hint))], titles=("Hint",))
            self.hint.selected_index = None
            parts.append(self.hint)
        parts += [W.HBox([self.check_button, self.attempts_label]), self.feedback,
                  self.explanation]
        self.box = W.VBox(parts, layout=W.Layout(border_bottom="1px solid #ccc", padding="6px 0"))
        rec = answers.record(item.id) if answers else None
        if rec:
            self.set_response(rec.get("response"))
            self.attempts = int(rec.get("attempts") or 0)
            if self.attempts:
                self._show(check(item, rec.get("response"), ctx))

    # controls -------------------------------------------------------------------------------
    def _build(self):
        it = self.item
        wide = W.Layout(width="auto")
        match it:
            case SingleChoice():
                self.w = W.RadioButtons(options=[(plain(o.text), o.id) for o in it.options],
                                        value=None, layout=wide)
                return self.w
            case TrueFalse():
                self.w = W.RadioButtons(options=[("True", True), ("False", False)], value=None)
                return self.w
            case MultipleSelect():
                self.w = [W.Checkbox(value=False, description=plain(o.text), indent=False,
                                     layout=wide) for o in it.options]
                self.ids = it.option_ids()
                return W.VBox(self.w)
            case Evidence():
                source = item_source(it, self.ctx)
                self.ids = evidence_scope(it, source)
                self.w = [W.Checkbox(value=False, indent=False, layout=W.Layout(width="auto"),
                                     description=f"¶{sid[1:].replace('.s', '.')} "
                                                 f"{source.sentence(sid).text}")
                          for sid in self.ids]
                return W.VBox([W.HTML(EVIDENCE_HOW),
                               *self.w])
            case Ordering():
                texts = {e.id: plain(e.text) for e in it.entries or []}
                self.texts = texts
                self.order = display_order(it.id, ordering_ids(it), avoid_identity=True)
                self.order_box = W.VBox()
                self._draw_order()
                return self.order_box
            case Matching():
                keys = matching_keys(it)
                text = dict(zip(keys, [p.right for p in it.pairs] + list(it.distractors)))
                options = [("Choose…", None)] + [(plain(text[k]), k)
                                                  for k in display_order(it.id, keys)]
                self.w = [W.Dropdown(options=options, value=None, description=plain(p.left),
                                     style={"description_width": "initial"}, layout=wide)
                          for p in it.pairs]
                return W.VBox(self.w)
            case Cloze():
                n = len(it.blanks())
                shown, k = [], 0
                pos = 0
                for m in BLANK.finditer(it.passage):
                    k += 1
                    shown.append(escape(it.passage[pos:m.start()]) + f"<b>[{k}]</b>")
                    pos = m.end()
                shown.append(escape(it.passage[pos:]))
                self.w = [W.Text(value="", description=f"Blank {k}") for k in range(1, n + 1)]
                return W.VBox([W.HTML("".join(shown)), *self.w])
            case MarkWords():
                tokens, _ = mark_tokens(it, self.ctx)
                self.w = [W.ToggleButton(value=False, description=t, tooltip=f"word {i + 1}",
                                         layout=W.Layout(width="auto"))
                          for i, t in enumerate(tokens)]
                return W.Box(self.w, layout=W.Layout(flex_flow="row wrap"))
            case DateItem():
                self.w = W.Text(value="", description="Date",
                                placeholder="day month year, or YYYY-MM-DD")
                return self.w
            case ShortAnswer():
                self.w = W.Textarea(value="", layout=W.Layout(width="100%", height="8em"))
                self.rubric = [W.Checkbox(value=False, description=plain(r), indent=False,
                                          layout=wide) for r in it.rubric]
                self.rubric_box = W.VBox([W.HTML("Tick each rubric point your answer covers:"),
                                          *self.rubric], layout=W.Layout(display="none"))
                return W.VBox([self.w, self.rubric_box])
        raise TypeError(type(it).__name__)

    def _draw_order(self) -> None:
        rows = []
        for n, k in enumerate(self.order):
            up = W.Button(description="↑", tooltip=f"Move up: {self.texts.get(k, k)}",
                          layout=W.Layout(width="3em"))
            down = W.Button(description="↓", tooltip=f"Move down: {self.texts.get(k, k)}",
                            layout=W.Layout(width="3em"))
            up.on_click(lambda _, n=n: self.move(n, -1))
            down.on_click(lambda _, n=n: self.move(n, 1))
            rows.append(W.HBox([W.Label(f"{n + 1}. {self.texts.get(k, k)}"), up, down]))
        self.order_box.children = rows

    def move(self, index: int, step: int) -> None:
        j = index + step
        if 0 <= j < len(self.order):
            self.order[index], self.order[j] = self.order[j], self.order[index]
            self._draw_order()

    # responses ------------------------------------------------------------------------------
    def response(self) -> Any:
        it = self.item
        match it:
            case SingleChoice() | TrueFalse() | DateItem():
                return self.w.value
            case MultipleSelect() | Evidence():
                return [i for i, c in zip(self.ids, self.w) if c.value]
            case Ordering():
                return list(self.order)
            case Matching():
                return {str(n): d.value for n, d in enumerate(self.w, start=1) if d.value}
            case Cloze():
                return [t.value for t in self.w]
            case MarkWords():
                return [i for i, b in enumerate(self.w) if b.value]
            case ShortAnswer():
                return {"text": self.w.value, "self": [c.value for c in self.rubric]}

    def set_response(self, r: Any) -> None:
        it = self.item
        match it:
            case SingleChoice() | TrueFalse():
                values = [v for _, v in self.w.options]
                self.w.value = r if r in values and r is not None and (
                    isinstance(it, SingleChoice) or isinstance(r, bool)) else None
            case DateItem():
                self.w.value = r if isinstance(r, str) else ""
            case MultipleSelect() | Evidence():
                for i, c in zip(self.ids, self.w):
                    c.value = isinstance(r, list) and i in r
            case Ordering():
                if isinstance(r, list) and sorted(r) == sorted(self.order):
                    self.order = list(r)
                    self._draw_order()
            case Matching():
                for n, d in enumerate(self.w, start=1):
                    v = r.get(str(n)) if isinstance(r, dict) else None
                    d.value = v if v in [k for _, k in d.options] else None
            case Cloze():
                for k, t in enumerate(self.w):
                    t.value = r[k] if isinstance(r, list) and k < len(r) and \
                        isinstance(r[k], str) else ""
            case MarkWords():
                for i, b in enumerate(self.w):
                    b.value = isinstance(r, list) and i in r
            case ShortAnswer():
                self.w.value = r.get("text", "") if isinstance(r, dict) else ""
                marks = r.get("self") if isinstance(r, dict) else None
                for k, c in enumerate(self.rubric):
                    c.value = bool(isinstance(marks, list) and k < len(marks) and marks[k])

    # checking -------------------------------------------------------------------------------
    def check(self):
        r = self.response()
        result = check(self.item, r, ctx=self.ctx)
        counted = result.status not in ("invalid", "unanswered")
        if counted:
            self.attempts += 1
        if self.answers is not None:
            self.answers.put(self.item.id, r, self.source, attempt=counted)
        self._show(result)
        if self.on_change:
            self.on_change()
        return result

    def _show(self, result) -> None:
        st = result.status
        if st not in ("invalid", "unanswered"):
            self.status = st
        icon, word = VERDICT[st]
        text = f"{icon} {word}"
        if st in ("correct", "partial", "incorrect"):
            text += f" {_num(result.score)} of {_num(result.max)} point" \
                    f"{'' if result.max == 1 else 's'}."
        if st in ("partial", "incorrect"):
            text += " Try again."
        if st == "invalid" and isinstance(self.item, DateItem):
            text = f"{icon} Write a date, for example 5 March 1950 or 1950-03-05."
        colour = COLOURS.get(st, "#333")
        notes = [f for f in result.feedback if f != self.item.explanation
                 and not (isinstance(self.item, ShortAnswer) and f in self.item.rubric)]
        body = "".join(f"<p>{inline(f)}</p>" for f in notes)
        self.feedback.value = (f'<div role="status"><p style="color:{colour};font-weight:600">'
                               f'{escape(text)}</p>{body}</div>')
        show_why = st == "correct" or st == "recorded"
        self.explanation.value = (f"<p><b>Why:</b> {inline(self.item.explanation)}</p>"
                                  if show_why else "")
        if isinstance(self.item, ShortAnswer) and st == "recorded":
            self.rubric_box.layout.display = "flex"
        self.attempts_label.value = f"Attempts: {self.attempts}" if self.attempts else ""


class ExerciseSetWidget:
    """A whole exercise set, live: items, a progress line, the student's name."""

    def __init__(self, loaded_set, ctx, answers_path: str | Path | None = None):
        self.ctx = ctx
        self.answers = AnswersFile(answers_path or default_answers_path(ctx.book_id),
                                   ctx.book_id, ctx.content_version)
        self.progress = W.Label("")
        self.items = [ItemWidget(item, n, ctx, self.answers, self._progress)
                      for n, item in enumerate(loaded_set.items, start=1)]
        self.who = W.Text(value=self.answers.doc["student"].get("name", ""),
                          description="Your name or student id",
                          style={"description_width": "initial"})
        self.who.observe(lambda ch: self.answers.set_student(ch["new"]), names="value")
        self.saved = W.HTML(f"Answers are saved in <code>{escape(str(self.answers.path))}"
                            "</code>; hand in that file.")
        self.widget = W.VBox([W.HTML(f"<h3>{inline(loaded_set.info.title)}</h3>"), self.progress,
                              *[i.box for i in self.items], self.who, self.saved])
        self._progress()

    def item(self, item_id: str) -> ItemWidget:
        return next(i for i in self.items if i.item.id == item_id)

    def _progress(self) -> None:
        answered = sum(1 for i in self.items if i.status)
        right = sum(1 for i in self.items if i.status == "correct")
        self.progress.value = f"{answered} of {len(self.items)} answered, {right} correct"


# --------------------------------------------------------------------------- the reader


def memo_html(source, guide: Guide, lens: str | None = None, spotlight: str | None = None) -> str:
    """The memo as HTML with the lens's passages highlighted and the rest dimmed when a
    passage is spotlighted (inline styles: the kit's CSS is not loaded in a kernel)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for ln in guide.lenses:
        if ln.id == lens:
            for p in ln.passages:
                spans.setdefault(p.sentence, []).append(passage_span(source, p))
    colour = LENS_COLOURS.get(lens or "", "")
    out = []
    for para in source.paragraphs:
        sentences = []
        for s in para.sentences:
            lit = spotlight in (s.id, para.id) if spotlight else True
            cuts = sorted({0, len(s.text), *[x for a, b in spans.get(s.id, []) for x in (a, b)]})
            pieces = []
            for a, b in zip(cuts, cuts[1:]):
                piece = escape(s.text[a:b])
                if any(x <= a and b <= y for x, y in spans.get(s.id, [])):
                    piece = f'<mark style="background:{colour};color:#1a1a1a">{piece}</mark>'
                pieces.append(piece)
            style = "" if lit else ' style="color:#666"'
            sentences.append(f'<span data-sid="{s.id}"{style}>{"".join(pieces)}</span>')
        out.append(f'<p><b>¶{para.number}</b> {" ".join(sentences)}</p>')
    return ('<div style="font-family:Georgia,serif;background:#fffdf7;color:#1a1a1a;'
            f'padding:8px 12px;border:1px solid #b0b0b0">{"".join(out)}</div>')


class ReaderWidget:
    """The close reader, live: lenses with their questions, spotlight, and a note per
    paragraph saved in the answers file."""

    def __init__(self, source, guide: Guide, ctx, answers_path: str | Path | None = None):
        self.source, self.guide = source, guide
        self.answers = AnswersFile(answers_path or default_answers_path(ctx.book_id),
                                   ctx.book_id, ctx.content_version)
        self.lens = W.ToggleButtons(options=[("No lens", "")] + [(v, k) for k, v in LENSES.items()],
                                    value="", description="Lens")
        self.spotlight = W.Dropdown(options=[("Nothing", "")] + [
            (f"¶{p.number}", p.id) for p in source.paragraphs] + [
            (f"¶{s.paragraph}, sentence {s.index}", s.id) for s in source.sentences],
            value="", description="Spotlight")
        self.panel = W.HTML("")
        self.notices = W.Accordion(children=[W.HTML("")], titles=("What a historian notices",))
        self.notices.selected_index = None
        self.memo = W.HTML("")
        self.notes: dict[str, W.Textarea] = {}
        note_boxes = []
        starters = [(f"{LENSES[k]}: {t}", t) for k in LENSES for t in guide.starters_for(k)]
        for p in source.paragraphs:
            area = W.Textarea(value=self.answers.note(source.slug, p.id),
                              placeholder=f"Your notes on paragraph {p.number}",
                              layout=W.Layout(width="100%"))
            area.observe(lambda ch, pid=p.id: self.answers.set_note(source.slug, pid, ch["new"]),
                         names="value")
            pick = W.Dropdown(options=starters, description="Starter")
            add = W.Button(description="Add to note")
            add.on_click(lambda _, a=area, d=pick: setattr(
                a, "value", (a.value + (" " if a.value and not a.value[-1].isspace() else "")
                             + d.value.rstrip("…") + " ")))
            self.notes[p.id] = area
            note_boxes.append(W.VBox([W.HTML(f"<b>Notes on ¶{p.number}</b>"), area,
                                      W.HBox([pick, add])]))
        self.lens.observe(lambda _: self._draw(), names="value")
        self.spotlight.observe(lambda _: self._draw(), names="value")
        self.widget = W.VBox([W.HTML(f"<h3>{escape(guide.title or source.title)}</h3>"),
                              self.lens, self.panel, self.notices, self.spotlight, self.memo,
                              *note_boxes])
        self._draw()

    def _draw(self) -> None:
        lens = next((ln for ln in self.guide.lenses if ln.id == self.lens.value), None)
        self.panel.value = (f"<p><b>{lens.label}.</b> {inline(lens.question)}</p>" if lens
                            else "<p>Choose a lens to highlight the passages it concerns.</p>")
        self.notices.children[0].value = f"<p>{inline(lens.notices)}</p>" if lens else ""
        self.notices.layout.display = "flex" if lens else "none"
        self.memo.value = memo_html(self.source, self.guide, self.lens.value or None,
                                    self.spotlight.value or None)


# --------------------------------------------------------------------------- display


class Display:
    """A MIME bundle with both views: the live widget and the static HTML fragment."""

    def __init__(self, widget, html: str):
        self.widget, self.html = widget, html

    def _repr_mimebundle_(self, include=None, exclude=None, **kwargs):
        bundle = dict(self.widget._repr_mimebundle_(**kwargs) or {})
        bundle["text/html"] = self.html
        return bundle


def _context(root: Path | None, start: Path | None = None):
    from sourcebook import project_root
    from sourcebook.model.lesson import BookContext
    return BookContext.load(root or project_root(start))


def show_exercises(path: str | Path, *, root: str | Path | None = None,
                   answers: str | Path | None = None) -> Display:
    """An exercise set (exercises/<name>.yml) as live widgets plus its static HTML."""
    from sourcebook.model.lesson import load_set
    from sourcebook.render import static
    path = Path(path)
    ctx = _context(Path(root) if root else None, path.resolve().parent)
    if not path.is_absolute() and not path.exists():
        path = Path(ctx.root) / path
    loaded = load_set(path, ctx)
    live = ExerciseSetWidget(loaded, ctx, answers)
    return Display(live.widget, static.render_exercise_set(loaded, ctx))


def show_reader(slug: str, *, root: str | Path | None = None,
                answers: str | Path | None = None) -> Display:
    """The close reader of a seed (with book/data/guides/<slug>.yml) as widgets plus HTML."""
    from sourcebook.model.guide import guide_path, load_guide
    from sourcebook.render import static
    ctx = _context(Path(root) if root else None)
    source = ctx.sources[slug]
    guide = load_guide(guide_path(slug, Path(ctx.root)), source)
    live = ReaderWidget(source, guide, ctx, answers)
    return Display(live.widget, static.render_reader(source, guide, ctx))
