"""Written work in one place: for each student, a printable page with their short answers, the
writing task and their close-reading notes, the rubric and exemplar beside each answer, and boxes
for the teacher's marks; and `written-marks.csv`, the sheet those marks go into.

    html = written_work_html(report, keys)          # one document, a page per student
    marks = marks_template(report, keys)            # CSV: name, student_id, file, item, out_of, mark, comment
    read_marks(data, shown)                         # the filled sheet, for `grade --marks`

Everything a student typed is escaped: nothing they wrote becomes markup.
"""

from __future__ import annotations

import csv
import io
from html import escape
from typing import Iterator

from sourcebook.errors import SourcebookError
from sourcebook.grading.gradebook import csv_bytes, num
from sourcebook.items.payload import inline     # the prompt as students saw it (*emphasis*)

CSS = """
@page { size: var(--paper, letter); margin: 16mm 15mm; }
body { font: 11pt/1.45 "DejaVu Serif", Georgia, serif; color: #000; max-width: 60rem; margin: 0 auto; }
section.student { break-after: page; padding: 0 0 8mm; }
h1 { font-size: 16pt; margin: 0 0 1mm; } .who { font: 9pt "DejaVu Sans", sans-serif; color: #333; margin: 0 0 5mm; }
.answer { display: grid; grid-template-columns: 3fr 2fr; gap: 5mm; border-top: 1px solid #999; padding: 3mm 0; break-inside: avoid; }
.prompt { font-weight: bold; margin: 0 0 2mm; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; border-left: 3px solid #555; padding-left: 3mm; }
.empty { color: #555; font-style: italic; }
.rubric li { margin: 0 0 1.5mm; } .box { display: inline-block; width: 3.2mm; height: 3.2mm; border: 1px solid #000; margin-right: 2mm; vertical-align: -0.5mm; }
.mark { margin-top: 3mm; font: 10pt "DejaVu Sans", sans-serif; } .mark span { display: inline-block; min-width: 14mm; border-bottom: 1px solid #000; }
.exemplar { font-size: 9.5pt; color: #222; background: #f2f2f2; padding: 2mm 3mm; }
.notes dt { font: bold 9pt "DejaVu Sans", sans-serif; margin-top: 2mm; } .notes dd { margin: 0 0 0 3mm; white-space: pre-wrap; overflow-wrap: anywhere; }
@media screen and (max-width: 40rem) { .answer { grid-template-columns: 1fr; } body { padding: 0 3mm; } }
"""


def _text(answer) -> str | None:
    if isinstance(answer, dict) and isinstance(answer.get("text"), str) and answer["text"].strip():
        return answer["text"]
    return None


def _short_items(report, keys) -> list:
    return [keys[i].item for i in report.item_ids if keys[i].written]


def _answer_block(item, answer) -> str:
    text = _text(answer)
    ticks = answer.get("self") if isinstance(answer, dict) else None
    body = (f'<div class="text">{escape(text)}</div>' if text else
            '<p class="empty">No answer.</p>')
    rubric = "".join(
        f'<li><span class="box"></span>{escape(point)}'
        + (' <small>(student ticked it)</small>' if isinstance(ticks, list) and k < len(ticks)
           and ticks[k] is True else "") + "</li>"
        for k, point in enumerate(item.rubric))
    exemplar = (f'<p class="exemplar"><b>Exemplar.</b> {escape(item.exemplar)}</p>'
                if item.exemplar else "")
    return (f'<div class="answer"><div><p class="prompt">{escape(item.id)}. '
            f'{inline(item.prompt)}</p>{body}</div><div><ul class="rubric">{rubric}</ul>'
            f'{exemplar}<p class="mark">Mark: <span></span> / {num(item.points)}</p></div></div>')


def _notes_block(notes: dict) -> str:
    rows = "".join(f"<dt>{escape(slug)} · {escape(pid)}</dt><dd>{escape(text)}</dd>"
                   for slug, per in sorted(notes.items()) if isinstance(per, dict)
                   for pid, text in sorted(per.items()) if isinstance(text, str) and text.strip())
    return (f'<h2>Close-reading notes</h2><dl class="notes">{rows}</dl>' if rows else
            '<h2>Close-reading notes</h2><p class="empty">No notes.</p>')


def written_work_html(report, keys, *, paper: str = "letter", title: str = "Written work") -> str:
    return b"".join(written_work_chunks(report, keys, paper=paper, title=title)).decode("utf-8")


def written_work_chunks(report, keys, *, paper: str = "letter", title: str = "Written work"
                        ) -> Iterator[bytes]:
    """The written-work document, a student's page at a time (UTF-8)."""
    items = _short_items(report, keys)
    size = "A4" if paper.lower() == "a4" else "letter"
    yield (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}'
           f'</title><meta name="viewport" content="width=device-width, initial-scale=1">'
           f'<style>{CSS.replace("var(--paper, letter)", size)}</style></head><body>'
           ).encode("utf-8")
    for s in report.students:
        answers = report.short_answers.get(s.file, {})
        blocks = "".join(_answer_block(item, answers.get(item.id)) for item in items)
        yield (f'<section class="student"><h1>{escape(s.name or s.student_id)}</h1>'
               f'<p class="who">Student id: {escape(s.student_id or "—")} · file '
               f'{escape(s.file.rsplit("/", 1)[-1])}</p>{blocks}'
               f'{_notes_block(report.notes_text.get(s.file, {}))}</section>').encode("utf-8")
    yield b"</body></html>"


MARK_HEADER = ["name", "student_id", "file", "item", "out_of", "mark", "comment"]


def marks_template(report, keys) -> bytes:
    return csv_bytes(mark_rows(report, keys))


def mark_rows(report, keys):
    """The teacher's marking sheet: a row per student and written item, mark left blank."""
    yield MARK_HEADER
    items = _short_items(report, keys)
    for s in report.students:
        for item in items:
            yield [s.name, s.student_id, s.file.rsplit("/", 1)[-1], item.id,
                   num(item.points), "", ""]


def student_key(name: str, student_id: str) -> str:
    return f"id:{student_id.strip()}" if student_id.strip() else f"name:{name.strip()}"


def read_marks(data: bytes, shown: str, keys) -> dict[tuple[str, str], float]:
    """(student key, item id) -> mark, from a filled `written-marks.csv`; every bad row is an
    error naming its line."""
    text = data.decode("utf-8-sig", errors="replace")
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or not {"item", "mark"} <= set(reader.fieldnames):
        raise SourcebookError(shown, "a marks sheet needs the columns of written-marks.csv "
                              "(name, student_id, file, item, out_of, mark, comment)", line=1)
    out: dict[tuple[str, str], float] = {}
    for row in reader:
        line = reader.line_num
        item, mark = (row.get("item") or "").strip(), (row.get("mark") or "").strip()
        if not mark:
            continue
        key = keys.get(item)
        if key is None:
            raise SourcebookError(shown, f'"{item}" is not an item of this book', line=line,
                                  field="item")
        try:
            value = float(mark.lstrip("'"))
        except ValueError:
            raise SourcebookError(shown, f'mark "{mark}" is not a number', line=line,
                                  field="mark") from None
        if not 0 <= value <= key.points:
            raise SourcebookError(shown, f"mark {mark} is outside 0 to {num(key.points)}",
                                  line=line, field="mark")
        out[(student_key(row.get("name") or "", row.get("student_id") or ""), item)] = value
    return out
