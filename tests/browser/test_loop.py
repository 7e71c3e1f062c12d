"""The teacher's loop, played whole: the teacher assigns two chapters in `assignments.yml` and
builds the book; three students (one only partly) open the teacher's link, answer in Chromium —
right and wrong answers, a short answer, a close-reading note — and export; `sourcebook grade
--assignment … --roster canvas.csv` writes a Canvas file whose marks are what each student did,
lists the roster students without a file, and the written-work page shows each student's text.

The book is the tiny fixture book (tests/fixtures/tiny-book) in a temporary folder, given two
more chapters: one with the close reader and a set ending in a short answer, and one that is not
assigned (what a student does there must not count). The two editions are built in this
process; `grade` runs as the real command."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import ROOT

from .pages import answer, press_check

TINY = ROOT / "tests" / "fixtures" / "tiny-book"
CANVAS = ROOT / "tests" / "fixtures" / "gradebooks" / "canvas-export.csv"
MEMO = "rusk-1951-01-12-continued-resistance"
ASSIGNMENT = "context-and-memo"
TITLE = "Context and the memo"      # the fixture's Canvas column: "Context and the memo (87568491)"
POINTS = 10                         # the assignment is scaled to this many points

READING_MD = f"""# Reading closely

```{{close-reader}} {MEMO}
```

```{{exercise-set}} exercises/reading.yml
```
"""

EXTRA_MD = """# Afterwards

```{exercise-set} exercises/extra.yml
```
"""

READING_YML = f"""set:
  id: reading
  title: Reading closely
  chapter: book/reading
  source: {MEMO}
items:
  - id: read-01
    type: true-false
    skill: close-reading
    objective: reading-1
    prompt: Rusk asks the President to direct the military to find ways to stay in Korea.
    answer: true
    explanation: Paragraph 2 opens with that request.
  - id: read-02
    type: single-choice
    skill: close-reading
    objective: reading-1
    points: 2
    prompt: What does Rusk call the footholds he proposes?
    options:
      - {{id: A, text: a vast laboratory}}
      - {{id: B, text: a last redoubt}}
      - {{id: C, text: a safe harbour}}
    answer: A
    explanation: Paragraph 2, sentence 3.
  - id: read-03
    type: short-answer
    skill: close-reading
    objective: reading-1
    points: 3
    prompt: Why does Rusk call leaving Korea "convenient"?
    rubric:
      - Quotes the word in its sentence.
      - Says what would make leaving easy for Washington.
    exemplar: Leaving would end a costly war at once, which is why he calls it a trap.
"""

EXTRA_YML = f"""set:
  id: extra
  title: Afterwards
  chapter: book/extra
  source: {MEMO}
items:
  - id: extra-01
    type: true-false
    skill: chronology
    objective: extra-1
    prompt: The memo is dated 12 January 1951.
    answer: true
    explanation: The file number says so.
"""

OBJECTIVES = """
- id: reading-1
  chapter: book/reading
  text: Read the memo's words closely.
- id: extra-1
  chapter: book/extra
  text: Place the memo in time.
"""

ASSIGNMENTS = f"""- id: {ASSIGNMENT}
  title: {TITLE}
  chapters: [book/memo, book/reading]
  policy: last
  points: {POINTS}
"""

TOC = """format: jb-book
root: book/intro
parts:
  - caption: The lesson
    chapters:
      - file: book/memo
      - file: book/reading
      - file: book/extra
"""

INSTRUCTOR_TOC = "root: book/instructor/start\n"       # the instructor edition opens on it

INSTRUCTOR_START = """# For instructors

```{assignment-links}
```
"""


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The real `sourcebook` command, with this checkout's code."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, "-m", "sourcebook", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def write_lesson(book: Path) -> Path:
    """The tiny book with the two extra chapters, the assignment and an instructor start page."""
    shutil.copytree(TINY, book)
    (book / "seeds").mkdir()
    for suffix in (".txt", ".yml"):
        shutil.copy(ROOT / "seeds" / f"{MEMO}{suffix}", book / "seeds")
    guides = book / "book" / "data" / "guides"
    guides.mkdir(parents=True)
    shutil.copy(ROOT / "book" / "data" / "guides" / f"{MEMO}.yml", guides)
    (book / "book" / "reading.md").write_text(READING_MD, encoding="utf-8")
    (book / "book" / "extra.md").write_text(EXTRA_MD, encoding="utf-8")
    (book / "exercises" / "reading.yml").write_text(READING_YML, encoding="utf-8")
    (book / "exercises" / "extra.yml").write_text(EXTRA_YML, encoding="utf-8")
    with open(book / "book" / "data" / "objectives.yml", "a", encoding="utf-8") as f:
        f.write(OBJECTIVES)
    (book / "_toc.yml").write_text(TOC, encoding="utf-8")
    (book / "assignments.yml").write_text(ASSIGNMENTS, encoding="utf-8")
    (book / "book" / "instructor").mkdir()
    (book / "book" / "instructor" / "_toc.yml").write_text(INSTRUCTOR_TOC, encoding="utf-8")
    (book / "book" / "instructor" / "start.md").write_text(INSTRUCTOR_START, encoding="utf-8")
    return book


@pytest.fixture(scope="module")
def lesson(tmp_path_factory):
    """(book folder, student site, instructor site), built in this process (what `sourcebook
    build` calls; a subprocess each would re-import Sphinx for nothing — `grade` is the CLI
    this test is about)."""
    from sourcebook.sphinx.book_build import build_book
    book = write_lesson(tmp_path_factory.mktemp("loop") / "book")
    sites = {edition: build_book(book, edition, book / "_build" / edition)
             for edition in ("student", "instructor")}
    return book, sites["student"], sites["instructor"]


# --------------------------------------------------------------------------- the students


@dataclass
class Student:
    name: str
    sid: str
    # item id -> "right" | "wrong" | "wrong-then-right"; items left out stay unanswered
    moves: dict[str, str]
    short: str = ""                 # the short answer to read-03, if any
    note: str = ""                  # a close-reading note on ¶2, if any
    file: Path = field(default=Path())


WRONG = {"memo-01": "A", "memo-02": "13 January 1951", "read-01": False, "read-02": "B",
         "extra-01": False}

STUDENTS = [
    Student("Ada Lovelace", "s1", {"memo-01": "right", "memo-02": "wrong", "read-01": "right",
                                   "read-02": "right", "extra-01": "right"},
            short='He says leaving would be "very convenient": it would end a costly war at once.',
            note="Laboratory: Koreans as material for an experiment?"),
    Student("Charles Babbage", "s2", {"memo-01": "wrong-then-right", "memo-02": "right",
                                      "read-01": "wrong", "read-02": "wrong"},
            short="Because the army could go home <b>quickly</b> & safely.",
            note="¶2 asks for ingenuity, not for more troops."),
    Student("Chris Lee", "s3", {"memo-01": "right"}),            # only partly: one question
]


def right_response(item, ctx):
    from sourcebook.items.check import perfect_response
    return perfect_response(item, ctx)


def chapter_of(item_id: str) -> str:
    return item_id.split("-")[0]


def play(page, student: Student, link: str, items: dict, ctx) -> None:
    """The student's session: the teacher's link, the first chapter, then the second one from
    the assignment's own note, answering as planned; the note; name, id and Export."""
    page.goto(link)
    assert f"Assignment: {TITLE}." in page.locator(".sb-assignment").first.inner_text()
    for chapter in ("memo", "read", "extra"):
        if chapter == "read":
            page.locator(".sb-assignment a", has_text="Reading closely").first.click()
            page.wait_for_url(f"**/book/reading.html?assignment={ASSIGNMENT}")
            if student.note:
                note = page.locator('.sb-reader textarea[data-note="p2"]')
                note.evaluate("e => e.closest('details').open = true")
                note.fill(student.note)
            if student.short:
                li = page.locator('.sb-item[data-item="read-03"]')
                answer(li, items["read-03"], {"text": student.short})
                press_check(li)
        elif chapter == "extra":
            if not any(chapter_of(i) == "extra" for i in student.moves):
                continue
            page.goto(link.split("book/")[0] + "book/extra.html")
        for item_id, move in student.moves.items():
            if chapter_of(item_id) != chapter:
                continue
            li = page.locator(f'.sb-item[data-item="{item_id}"]')
            plan = [WRONG[item_id]] if move == "wrong" else \
                [WRONG[item_id], None] if move == "wrong-then-right" else [None]
            for response in plan:
                answer(li, items[item_id], right_response(items[item_id], ctx)
                       if response is None else response)
                press_check(li)
    bar = page.locator(".sb-toolbar").first
    bar.locator(".sb-who").fill(student.name)
    bar.locator(".sb-stid").fill(student.sid)
    with page.expect_download() as download:
        bar.locator(".sb-exp").click()
    download.value.save_as(student.file)


def expected_mark(student: Student, items: dict) -> float:
    """What the student earned on the assignment, from the moves alone: every item of the two
    assigned chapters answered right (at the last check) earns its points; the short answer is
    the teacher's to mark; the assignment is scaled to POINTS."""
    assigned = [i for i in items.values() if chapter_of(i.id) in ("memo", "read")
                and i.type != "short-answer"]
    earned = sum(i.points for i in assigned
                 if student.moves.get(i.id) in ("right", "wrong-then-right"))
    return round(earned * POINTS / sum(i.points for i in assigned), 2)


def canvas_roster(folder: Path) -> Path:
    """The Canvas fixture with one more student, who hands nothing in."""
    roster = folder / "canvas.csv"
    roster.write_text(CANVAS.read_text("utf-8").rstrip("\n")
                      + '\n"Hopper, Grace",1004,s4,ghopper,Period 3,,,,,0.00,0.00\n',
                      encoding="utf-8")
    return roster


def test_the_teachers_loop(browser, serve, lesson, tmp_path):
    from sourcebook.model.lesson import BookContext, load_all
    book, student_site, instructor_site = lesson
    ctx = BookContext.load(book)
    sets, problems = load_all(ctx)
    assert not problems
    items = {i.id: i for s in sets for i in s.items}

    # the teacher copies the link from the instructor edition's start page
    teacher = browser.new_context()
    start = teacher.new_page()
    start.goto(serve(instructor_site) + "index.html")
    on_site = start.locator(".sb-assignments tr", has_text=ASSIGNMENT).locator(
        "a.sb-assignment-link").inner_text()
    teacher.close()
    assert on_site == f"book/memo.html?assignment={ASSIGNMENT}"
    link = serve(student_site) + on_site

    handed_in = tmp_path / "submissions"
    handed_in.mkdir()
    for student in STUDENTS:
        student.file = handed_in / f"{student.sid}.json"
        ctx_b = browser.new_context(accept_downloads=True, viewport={"width": 1000, "height": 900})
        page = ctx_b.new_page()
        errors = []          # script errors (the tiny book's theme logs a console note of its own)
        page.on("pageerror", lambda e: errors.append(str(e)))
        play(page, student, link, items, ctx)
        ctx_b.close()
        assert not errors, errors
        exported = json.loads(student.file.read_text("utf-8"))
        assert exported["assignment"] == ASSIGNMENT
        assert exported["student"] == {"name": student.name, "id": student.sid}

    grades = tmp_path / "grades"
    done = cli("grade", str(handed_in), "--root", str(book), "--assignment", ASSIGNMENT,
               "--roster", str(canvas_roster(tmp_path)), "--out", str(grades), cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr

    # the Canvas file: its id columns kept, the assignment's column filled with each mark
    rows = list(csv.reader(io.StringIO((grades / "canvas-import.csv").read_text("utf-8-sig"))))
    header, points, people = rows[0], rows[1], rows[2:]
    column = header.index(f"{TITLE} (87568491)")
    assert header[:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
    assert points[0].strip() == "Points Possible" and float(points[column]) == POINTS
    marks = {row[2]: row[column] for row in people}
    for student in STUDENTS:
        assert float(marks[student.sid]) == pytest.approx(expected_mark(student, items)), \
            student.name
    assert marks["s4"] == ""                          # Grace handed nothing in
    assert "no file from: Hopper, Grace / s4" in done.stderr
    assert "not in the roster" not in done.stderr

    # the written work: each student's page shows their short answer and note, as text
    reader = browser.new_context()
    sheet = reader.new_page()
    sheet.goto((grades / "written-work.html").as_uri())
    shown = {sec.locator("h1").inner_text(): sec for sec in sheet.locator("section.student").all()}
    assert sorted(shown) == sorted(s.name for s in STUDENTS)
    for student in STUDENTS:
        mine = shown[student.name]
        text = mine.inner_text()
        assert (student.short in text) if student.short else "No answer." in text
        assert (student.note in text) if student.note else "No notes." in text
        assert mine.locator(".text b, .notes b").count() == 0      # typed markup stays text
        assert not any(o.short and o.short in text for o in STUDENTS if o is not student)

    # the item analysis on a teacher's phone: the ten-column items table scrolls in its own
    # box (reachable by keyboard), never the page; and axe finds nothing
    sheet.set_viewport_size({"width": 390, "height": 844})
    sheet.goto((grades / "item-analysis.html").as_uri())
    assert sheet.evaluate("document.documentElement.scrollWidth") <= 390
    box = sheet.get_by_role("region", name="Items")
    assert box.evaluate("e => e.scrollWidth > e.clientWidth") and box.get_attribute("tabindex") == "0"
    from axe_playwright_python.sync_playwright import Axe
    found = Axe().run(sheet, options={"resultTypes": ["violations"], "preload": False})
    assert found.violations_count == 0, found.generate_report()
    reader.close()
