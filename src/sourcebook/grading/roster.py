"""Put the marks into the class's own gradebook: merge a grading run into an LMS export.

    merged = merge_roster(report, roster_csv_bytes, "roster.csv")   # format detected
    merged.files        # {"canvas-import.csv": bytes} (or moodle-import.csv / marks-plain.csv)
    merged.unmatched_roster, merged.unmatched_files                # listed for the teacher

Formats, as the systems export them:

* **Canvas** (Grades → Export → CSV): `Student, ID, SIS User ID, SIS Login ID, Section, …`,
  then a `Points Possible` row. The merge keeps the five id columns, fills the assignment's
  column (found by its title, `Title (1234)`, or added as a new one, which Canvas turns into an
  assignment on import) and keeps the `Points Possible` row.
* **Moodle** (Grades → Export → Plain text file): `First name, Last name, ID number, Institution,
  Department, Email address, …`. The merge writes `First name, Last name, ID number, Email
  address` and the assignment's column; import it mapping "ID number" (or email) to the user.
* **Plain** (any CSV with a `name` column and optionally `student_id` / `email`; for Google
  Sheets and Google Classroom, which has no CSV import): name, id, email, score, out of, percent.

Students are matched by their student id (against Canvas's SIS User ID, SIS Login ID and ID;
Moodle's ID number and email; plain `student_id`/`email`), and, for a file without an id, by an
exact (case- and space-insensitive) name that only one roster row has — each such match is
listed. Every roster row without a file and every file without a roster row is listed.

The column to fill is the assignment's title; when the gradebook names it otherwise, `column`
(`sourcebook grade --column`) chooses it: the column's full name, or its name without Canvas's
` (1234)` or Moodle's `Assignment: … (Real)` decorations. A name no column has is an error that
lists the roster's grade columns.

The roster's own cells (names, ids, emails, the `Points Possible` row) come from the teacher's
LMS export and are written back verbatim: an id such as `-104` or `@ada` must still match when
the file is imported. Nothing in these files comes from a student's answers file (the kit adds
only scores it computed and the assignment's title), so no cell is rewritten.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from sourcebook.errors import SourcebookError
from sourcebook.grading.gradebook import csv_bytes, num, scaled

CANVAS_IDS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
MOODLE_IDS = ["First name", "Last name", "ID number", "Email address"]
# Columns of an export that hold no assignment's grade (besides the id columns above).
NOT_GRADES = {"Integration ID", "Institution", "Department", "Last downloaded from this course"}


@dataclass
class Merged:
    format: str
    files: dict[str, bytes]
    matched: int = 0
    unmatched_roster: list[str] = field(default_factory=list)
    unmatched_files: list[str] = field(default_factory=list)
    by_name: list[str] = field(default_factory=list)


def _key(text: str) -> str:
    return " ".join(str(text or "").casefold().split())


def read_csv(data: bytes, shown: str) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")    # Excel on Windows saves this way
    rows = [r for r in csv.reader(io.StringIO(text))]
    if not rows or not any(c.strip() for c in rows[0]):
        raise SourcebookError(shown, "the roster is empty; export it from the gradebook again")
    return rows


def detect(header: list[str]) -> str:
    cols = {c.strip() for c in header}
    if {"Student", "SIS User ID"} <= cols or {"Student", "ID", "Section"} <= cols:
        return "canvas"
    if {"First name", "Last name"} <= cols and ("ID number" in cols or "Email address" in cols):
        return "moodle"
    if "name" in {c.lower() for c in cols}:
        return "plain"
    return ""


def _names_of(fmt: str, row: dict) -> list[str]:
    if fmt == "canvas":
        student = row.get("Student", "")
        if "," in student:
            last, first = student.split(",", 1)
            return [student, f"{first.strip()} {last.strip()}"]
        return [student]
    if fmt == "moodle":
        first, last = row.get("First name", ""), row.get("Last name", "")
        return [f"{first} {last}", f"{last}, {first}"]
    return [row.get("name") or row.get("Name") or ""]


def _ids_of(fmt: str, row: dict) -> list[str]:
    cols = {"canvas": ["SIS User ID", "SIS Login ID", "ID"], "moodle": ["ID number",
            "Email address"], "plain": ["student_id", "id", "ID", "email", "Email"]}[fmt]
    return [row[c] for c in cols if row.get(c, "").strip()]


def _match(report, fmt: str, people: list[dict]) -> tuple[dict[int, object], Merged]:
    merged = Merged(fmt, {})
    by_id: dict[str, int] = {}
    by_name: dict[str, list[int]] = {}
    for n, row in enumerate(people):
        for i in _ids_of(fmt, row):
            by_id.setdefault(_key(i), n)
        for name in _names_of(fmt, row):
            if name.strip():
                by_name.setdefault(_key(name), []).append(n)
    found: dict[int, object] = {}
    for s in report.students:
        n = by_id.get(_key(s.student_id)) if s.student_id.strip() else None
        if n is None and not s.student_id.strip():
            hits = {k for k in by_name.get(_key(s.name), [])}
            if len(hits) == 1:
                n = hits.pop()
                merged.by_name.append(f"{s.name} ({Path(s.file).name}) matched by name")
        if n is None or n in found:
            merged.unmatched_files.append(f"{s.name or s.student_id} ({Path(s.file).name})")
            continue
        found[n] = s
    merged.matched = len(found)
    merged.unmatched_roster = [" / ".join(filter(None, [_names_of(fmt, row)[0],
                                                        *_ids_of(fmt, row)]))
                               for n, row in enumerate(people) if n not in found]
    return found, merged


def _decorated(header: str, name: str) -> bool:
    """Whether `header` is the column of `name`: the same, or with Canvas's " (1234)" after it
    or Moodle's "Assignment: " before and " (Real)" after (case and spacing aside)."""
    pattern = rf"(?:[^:]+: )?{re.escape(_key(name))}(?: \([^()]*\))?"
    return _key(header) == _key(name) or re.fullmatch(pattern, _key(header)) is not None


def grade_columns(fmt: str, header: list[str], points_row: list[str] | None) -> list[str]:
    """The export's columns that hold an assignment's grade (Canvas marks computed ones
    "(read only)" in its Points Possible row)."""
    points = dict(zip(header, points_row or []))
    ids = CANVAS_IDS if fmt == "canvas" else MOODLE_IDS
    return [c for c in header if c and c not in ids and c not in NOT_GRADES
            and "read only" not in points.get(c, "")]


def chosen_column(fmt: str, header: list[str], points_row, wanted: str, shown: str) -> str:
    """The roster's column named `wanted` (see the module's notes), or SourcebookError listing
    the grade columns there are."""
    grades = grade_columns(fmt, header, points_row)
    exact = [c for c in grades if _key(c) == _key(wanted)]
    hits = exact or [c for c in grades if _decorated(c, wanted)]
    if len(hits) == 1:
        return hits[0]
    listed = "; ".join(f'"{c}"' for c in (hits or grades)) or "none"
    if hits:
        raise SourcebookError(shown, f'more than one column is "{wanted}": {listed}; give '
                              "--column the full name of one", field="column")
    raise SourcebookError(shown, f'no column "{wanted}" in this roster; its grade columns '
                          f"are: {listed}", field="column")


def merge_roster(report, data: bytes, shown: str, fmt: str | None = None,
                 column: str | None = None) -> Merged:
    """Merge the grading run into the export; `column` names the column to fill (Canvas and
    Moodle) when it is not the assignment's title."""
    rows = read_csv(data, shown)
    header = [c.strip() for c in rows[0]]
    fmt = fmt or detect(header)
    if fmt not in ("canvas", "moodle", "plain"):
        raise SourcebookError(shown, "not a gradebook export this kit knows: expected Canvas "
                              "(Student, ID, SIS User ID, …), Moodle (First name, Last name, ID "
                              "number, Email address, …) or a CSV with a name column")
    body = rows[1:]
    points_row = None
    if fmt == "canvas" and body and body[0] and body[0][0].strip() == "Points Possible":
        points_row, body = body[0], body[1:]
    people = [dict(zip(header, r)) for r in body if any(c.strip() for c in r)]
    if fmt == "canvas":
        people = [p for p in people if p.get("Student", "").strip() != "Student, Test"]
    if column is not None and fmt == "plain":
        raise SourcebookError(shown, "--column chooses a column of a Canvas or Moodle export; "
                              "this roster is a plain list (its marks go in new columns)",
                              field="column")
    found, merged = _match(report, fmt, people)
    title = report.assignment.title if report.assignment else "sourcebook"
    if column is not None:
        title = chosen_column(fmt, header, points_row, column, shown)
    if fmt == "canvas":
        merged.files["canvas-import.csv"] = _canvas(header, points_row, people, found, report,
                                                    title)
    elif fmt == "moodle":
        merged.files["moodle-import.csv"] = _moodle(people, found, report, title)
    else:
        merged.files["marks-plain.csv"] = _plain(people, found, report)
    return merged


def _score(report, s) -> str:
    return num(scaled(report, s)[0]) if s is not None else ""


def _out_of(report) -> str:
    points = getattr(report.assignment, "points", None)
    if points:
        return num(points)
    return num(report.students[0].max) if report.students else ""


def _canvas(header, points_row, people, found, report, title) -> bytes:
    pattern = re.compile(rf"^{re.escape(title)}( \(\d+\))?$")
    column = next((c for c in header if pattern.match(c)), title)
    ids = [c for c in CANVAS_IDS if c in header]
    out = [[*ids, column]]
    points = dict(zip(header, points_row)) if points_row else {}
    out.append(["    Points Possible", *[points.get(c, "") for c in ids[1:]], _out_of(report)])
    for n, row in enumerate(people):
        out.append([*(row.get(c, "") for c in ids), _score(report, found.get(n))])
    return csv_bytes(out, defuse=False)


def _moodle(people, found, report, title) -> bytes:
    out = [[*MOODLE_IDS, title]]
    for n, row in enumerate(people):
        out.append([*(row.get(c, "") for c in MOODLE_IDS), _score(report, found.get(n))])
    return csv_bytes(out, defuse=False)


def _plain(people, found, report) -> bytes:
    out = [["name", "student_id", "email", "score", "out_of", "percent"]]
    for n, row in enumerate(people):
        s = found.get(n)
        out.append([_names_of("plain", row)[0], row.get("student_id") or row.get("id") or "",
                    row.get("email") or row.get("Email") or "", _score(report, s),
                    _out_of(report), f"{s.percent:.1f}" if s else ""])
    return csv_bytes(out, defuse=False)
