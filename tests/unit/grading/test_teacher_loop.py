"""The teacher's side: assignments, the gradebook in lesson order, the class gradebook merge
(Canvas, Moodle, plain) and the written work with its marks sheet."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from engine_support import HERE, PERFECT, make_project, submission, write_json
from sourcebook.errors import SourcebookError
from sourcebook.grading.assignments import load_assignments
from sourcebook.grading.grade import grade
from sourcebook.grading.roster import merge_roster
from sourcebook.grading.written import read_marks
from sourcebook.items.check import compile_item
from sourcebook.model.lesson import BookContext, load_all

GRADEBOOKS = HERE / "fixtures" / "gradebooks"


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    """The engine's fixture book with a second chapter: its set repeats the sample set under
    other ids, so the two chapters are worth the same."""
    root = make_project(tmp_path_factory.mktemp("book"))
    sample = (root / "exercises" / "sample.yml").read_text(encoding="utf-8")
    second = sample.replace("id: sample", "id: second").replace("chapter: book/sample",
                                                                 "chapter: book/second")
    second = second.replace("title: Sample set", "title: Second set").replace("id: smp-",
                                                                               "id: sec-")
    (root / "exercises" / "second.yml").write_text(second, encoding="utf-8")
    (root / "book" / "second.md").write_text("# Second\n", encoding="utf-8")
    (root / "_toc.yml").write_text("format: jb-book\nroot: book/intro\nchapters:\n"
                                   "  - file: book/second\n  - file: book/sample\n")
    (root / "assignments.yml").write_text(
        "- id: week-3\n  title: Context and the memo\n  chapters: [book/sample]\n"
        "  points: 17\n- id: both\n  title: Both chapters\n  sets: [sample, second]\n"
        "  policy: best\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def ctx(book):
    return BookContext.load(book)


@pytest.fixture(scope="module")
def sets(ctx):
    found, problems = load_all(ctx)
    assert not problems
    return found


def hand_ins(folder: Path) -> Path:
    folder.mkdir()
    write_json(folder / "ada.json", submission(PERFECT, name="Ada Lovelace", sid="s1"))
    half = {k: v for k, v in PERFECT.items() if k in ("smp-01", "smp-03", "smp-09", "smp-10")}
    write_json(folder / "charles.json", submission(half, name="Charles Babbage", sid="s2"))
    write_json(folder / "dana.json", submission({"smp-01": "B"}, name="Dana Who", sid="s9"))
    return folder


def test_assignments_are_validated_with_lines(tmp_path, sets, book):
    known = load_assignments(book, sets)
    assert known["week-3"].chapters == ["book/sample"] and known["both"].policy == "best"
    broken = tmp_path / "b"
    shutil.copytree(book, broken)
    (broken / "assignments.yml").write_text(
        "- id: week-3\n  title: Week\n  chapters: [book/nowhere]\n"
        "- id: week-4\n  title: Week\n  sets: [sample]\n  policy: generous\n")
    with pytest.raises(SourcebookError) as err:
        load_assignments(broken, sets)
    text = str(err.value)
    assert 'assignments.yml:3 item week-3: chapters: "book/nowhere" is not a chapter' in text
    assert "assignments.yml:7 item week-4: policy:" in text


def test_an_assignment_scores_only_its_chapters(tmp_path, ctx, sets, book):
    task = load_assignments(book, sets)["week-3"]
    report = grade([hand_ins(tmp_path / "in")], ctx, tmp_path / "out", sets=sets,
                   assignment=task)
    assert all(i.startswith("smp-") for i in report.item_ids)
    by = {s.name: s for s in report.students}
    assert (by["Ada Lovelace"].total, by["Ada Lovelace"].max) == (17, 17)
    assert by["Charles Babbage"].percent == pytest.approx(100 * 3 / 17)   # not out of 34
    rows = list(csv.reader(io.StringIO(report.outputs["gradebook"].read_text("utf-8-sig"))))
    header = rows[0]
    assert header[3:7] == ["assignment", "score", "out_of", "percent"]
    assert "Sample set (of 17)" in header
    assert rows[1][3] == "week-3"


def test_gradebook_columns_follow_the_lesson_order(tmp_path, ctx, sets):
    report = grade([hand_ins(tmp_path / "in")], ctx, tmp_path / "out", sets=sets)
    assert report.item_ids[0].startswith("sec-") and report.item_ids[-1].startswith("smp-")


def test_canvas_merge_fills_the_assignment_column(tmp_path, ctx, sets, book):
    task = load_assignments(book, sets)["week-3"]
    report = grade([hand_ins(tmp_path / "in")], ctx, tmp_path / "out", sets=sets,
                   assignment=task)
    merged = merge_roster(report, (GRADEBOOKS / "canvas-export.csv").read_bytes(), "c.csv")
    assert merged.format == "canvas"
    rows = list(csv.reader(io.StringIO(merged.files["canvas-import.csv"].decode("utf-8-sig"))))
    assert rows[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section",
                       "Context and the memo (87568491)"]
    assert rows[1][0].strip() == "Points Possible" and rows[1][-1] == "17"
    marks = {r[2]: r[-1] for r in rows[2:]}
    assert marks == {"s1": "17", "s2": "3", "s3": ""}
    assert merged.unmatched_roster == ["Lee, Chris / s3 / clee / 1003"]
    assert merged.unmatched_files == ["Dana Who (dana.json)"]


def test_moodle_and_plain_merges(tmp_path, ctx, sets, book):
    task = load_assignments(book, sets)["week-3"]
    report = grade([hand_ins(tmp_path / "in")], ctx, tmp_path / "out", sets=sets,
                   assignment=task)
    moodle = merge_roster(report, (GRADEBOOKS / "moodle-export.csv").read_bytes(), "m.csv")
    rows = list(csv.reader(io.StringIO(moodle.files["moodle-import.csv"].decode("utf-8-sig"))))
    assert rows[0] == ["First name", "Last name", "ID number", "Email address",
                       "Context and the memo"]
    assert [r[-1] for r in rows[1:]] == ["17", "3", ""]
    plain = merge_roster(report, (GRADEBOOKS / "plain-roster.csv").read_bytes(), "p.csv")
    rows = list(csv.reader(io.StringIO(plain.files["marks-plain.csv"].decode("utf-8-sig"))))
    assert rows[1][:6] == ["Ada Lovelace", "s1", "ada@example.edu", "17", "17", "100.0"]
    with pytest.raises(SourcebookError, match="not a gradebook export"):
        merge_roster(report, b"a,b\n1,2\n", "x.csv")


def test_written_work_page_and_marks_sheet(tmp_path, ctx, sets):
    folder = tmp_path / "in"
    folder.mkdir()
    answers = dict(PERFECT, **{"smp-10": {"text": "<b>Because</b> of the debate.",
                                          "self": [True, False]}})
    write_json(folder / "ada.json", submission(answers, name="Ada Lovelace", sid="s1",
                                               notes={"memo": {"p2": "laboratory <i>?</i>"}}))
    report = grade([folder], ctx, tmp_path / "out", sets=sets)
    html = report.outputs["written"].read_text("utf-8")
    assert "&lt;b&gt;Because&lt;/b&gt; of the debate." in html and "<b>Because" not in html
    assert "laboratory &lt;i&gt;?&lt;/i&gt;" in html and "Mark: <span></span>" in html
    keys = {i.id: compile_item(i, ctx) for s in sets for i in s.items}
    item = keys["smp-10"].item
    assert all(point in html for point in item.rubric)
    sheet = report.outputs["marks"].read_text("utf-8-sig")
    assert ",smp-10,4,," in sheet
    sheet = sheet.replace(",smp-10,4,,", ",smp-10,4,1.5,")
    marks = read_marks(sheet.encode(), "written-marks.csv", keys)
    marked = grade([folder], ctx, tmp_path / "out2", sets=sets, marks=marks)
    ada = marked.students[0]
    assert ada.results["smp-10"].status == "marked" and ada.results["smp-10"].score == 1.5
    assert ada.max == report.students[0].max + 2 * item.points     # both chapters ask one
    bad = sheet.replace(",smp-10,4,1.5,", ",smp-10,4,9,")
    with pytest.raises(SourcebookError, match=r"written-marks.csv:\d+: mark: mark 9 is outside"):
        read_marks(bad.encode(), "written-marks.csv", keys)


# --------------------------------------------------------------------------- roster cells verbatim

ODD_IDS = {"s1": "-104", "s2": "=s2", "s3": "@chris"}      # ids an LMS may hold: - + = @ first


def _odd(text: str) -> str:
    for plain, odd in ODD_IDS.items():
        text = text.replace(f",{plain},", f",{odd},")
    return text.replace("\n\"Lovelace, Ada\",1001,", "\n\"+Lovelace, Ada\",+1001,")


def _rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.mark.parametrize("export, output", [("canvas-export.csv", "canvas-import.csv"),
                                            ("moodle-export.csv", "moodle-import.csv")])
def test_roster_ids_starting_like_a_formula_are_written_back_verbatim(tmp_path, ctx, sets, book,
                                                                        export, output):
    roster = _odd((GRADEBOOKS / export).read_text(encoding="utf-8")).encode()
    assert b"-104" in roster and b"=s2" in roster
    folder = tmp_path / "in"
    folder.mkdir()
    write_json(folder / "ada.json", submission(PERFECT, name="Ada Lovelace", sid="-104"))
    write_json(folder / "bob.json", submission({"smp-01": "B"}, name="Charles Babbage", sid="=s2"))
    task = load_assignments(book, sets)["week-3"]
    report = grade([folder], ctx, tmp_path / "out", sets=sets, assignment=task)
    merged = merge_roster(report, roster, export)
    assert merged.matched == 2 and merged.unmatched_files == []
    written = _rows(merged.files[output])
    cells = {c for row in written for c in row}
    assert {"-104", "=s2", "@chris"} <= cells
    assert not any(c.startswith("'") for c in cells)
    if export.startswith("canvas"):
        assert "+Lovelace, Ada" in cells and "+1001" in cells
    # the file imports back: merged again as a roster, every id still matches its student
    again = merge_roster(report, merged.files[output], output)
    assert again.matched == 2 and again.unmatched_files == []


# --------------------------------------------------------------------------- choosing the column

def test_column_chooses_the_gradebook_column_by_its_name_or_full_name(tmp_path, ctx, sets):
    report = grade([hand_ins(tmp_path / "in")], ctx, tmp_path / "out", sets=sets)   # untitled
    canvas = (GRADEBOOKS / "canvas-export.csv").read_bytes()
    for wanted in ("Quiz 1", "quiz 1 (87568490)"):
        rows = _rows(merge_roster(report, canvas, "c.csv", column=wanted).files["canvas-import.csv"])
        assert rows[0][-1] == "Quiz 1 (87568490)"
        assert {r[2]: r[-1] for r in rows[2:]}["s1"] != ""
    moodle = (GRADEBOOKS / "moodle-export.csv").read_bytes()
    rows = _rows(merge_roster(report, moodle, "m.csv", column="Context and the memo")
                 .files["moodle-import.csv"])
    assert rows[0][-1] == "Assignment: Context and the memo (Real)"


def test_a_column_the_roster_lacks_is_refused_listing_its_grade_columns(tmp_path, ctx, sets):
    report = grade([hand_ins(tmp_path / "in")], ctx, tmp_path / "out", sets=sets)
    canvas = (GRADEBOOKS / "canvas-export.csv").read_bytes()
    with pytest.raises(SourcebookError) as err:
        merge_roster(report, canvas, "canvas.csv", column="Week 3")
    message = str(err.value)
    assert message.startswith('canvas.csv: column: no column "Week 3" in this roster')
    assert '"Quiz 1 (87568490)"; "Context and the memo (87568491)"' in message
    assert "Current Score" not in message and "SIS User ID" not in message   # not grades
    with pytest.raises(SourcebookError, match='no column "SIS User ID"'):
        merge_roster(report, canvas, "canvas.csv", column="SIS User ID")     # never an id column
    with pytest.raises(SourcebookError, match="Canvas or Moodle"):
        merge_roster(report, (GRADEBOOKS / "plain-roster.csv").read_bytes(), "p.csv",
                     column="Quiz 1")


def test_grade_column_option_on_the_command_line(tmp_path, book):
    from click.testing import CliRunner
    from sourcebook.cli import main
    folder = hand_ins(tmp_path / "in")
    roster = str(GRADEBOOKS / "canvas-export.csv")
    run = CliRunner().invoke(main, ["grade", str(folder), "--out", str(tmp_path / "out"),
                                    "--root", str(book), "--roster", roster, "--column", "Quiz 1"])
    assert run.exit_code == 0, run.output
    assert "not in the roster: Dana Who (dana.json)" in run.output
    rows = _rows((tmp_path / "out" / "canvas-import.csv").read_bytes())
    assert rows[0][-1] == "Quiz 1 (87568490)"
    run = CliRunner().invoke(main, ["grade", str(folder), "--out", str(tmp_path / "out2"),
                                    "--root", str(book), "--roster", roster, "--column", "Nope"])
    assert run.exit_code == 2 and 'no column "Nope"' in run.output
    assert "Quiz 1 (87568490)" in run.output
