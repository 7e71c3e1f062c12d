"""The gradebook CSV: a row per student, columns in lesson order, ready for a spreadsheet.

    name, student_id, file, assignment, score, out_of, percent,
    one column per chapter ("War and crisis (of 18)"), attempts, unchecked, unchecked_items,
    one column per automatically marked item, in the order the book asks them.

Scores are of the assigned items only (an assignment's `points` rescales them). Short answers
and notes are not scores: they are in the written-work pages (`grading/written.py`). `file` is
the file's name, never a path. Cells a spreadsheet would run as a formula are defused.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Iterator

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def num(x: float) -> str:
    return f"{x:.4f}".rstrip("0").rstrip(".") if x == x else ""


CHUNK_ROWS = 500        # rows per written chunk: a class's CSV is never whole in memory


def csv_chunks(rows, defuse: bool = True) -> Iterator[bytes]:
    """`rows` as CSV, a few hundred rows at a time; the BOM lets Excel read accents right.
    Cells that start like a formula are defused unless `defuse` is false (cells copied back
    verbatim from a teacher's own gradebook export, which must still match on re-import)."""
    yield "\ufeff".encode("utf-8")
    buf = io.StringIO()
    writer = csv.writer(buf)
    for n, row in enumerate(rows, start=1):
        writer.writerow([csv_safe(c) for c in row] if defuse else
                        ["" if c is None else str(c) for c in row])
        if n % CHUNK_ROWS == 0:
            yield buf.getvalue().encode("utf-8")
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue().encode("utf-8")


def csv_bytes(rows, defuse: bool = True) -> bytes:
    return b"".join(csv_chunks(rows, defuse))


def scaled(report, student) -> tuple[float, float]:
    """(score, out of) for the assignment: the raw total, or rescaled to its `points`."""
    points = getattr(report.assignment, "points", None)
    if points and student.max:
        return round(student.total * points / student.max, 2), points
    return student.total, student.max


def chapter_header(report, chapter: str, out_of: float) -> str:
    return f"{report.set_titles.get(chapter, chapter)} (of {num(out_of)})"


def gradebook_rows(report) -> Iterator[list]:
    scored = report.scored_ids
    chapters = [c for c in report.chapters if any(report.chapter_of[i] == c for i in scored)]
    first = report.students[0] if report.students else None
    maxima = {c: first.chapters.get(c, (0, 0))[1] for c in chapters} if first else {}
    header = ["name", "student_id", "file", "assignment", "score", "out_of", "percent",
              *(chapter_header(report, c, maxima.get(c, 0)) for c in chapters),
              "attempts", "unchecked", "unchecked_items", *scored]
    yield header
    assignment = report.assignment.id if report.assignment else ""
    for s in report.students:
        score, out_of = scaled(report, s)
        cells = ["" if s.results[i].status == "unanswered" else num(s.results[i].score)
                 for i in scored]
        unchecked = [i for i in report.item_ids if i in s.drafts]
        yield [s.name, s.student_id, Path(s.file).name, assignment, num(score),
               num(out_of), f"{s.percent:.1f}",
               *(num(s.chapters.get(c, (0, 0))[0]) for c in chapters),
               sum(s.attempts.get(i, 0) for i in report.item_ids), len(unchecked),
               " ".join(unchecked), *cells]


def gradebook_csv(report) -> bytes:
    return csv_bytes(gradebook_rows(report))
