"""A hostile folder of hand-ins: the grader never hangs, never passes a file over in silence,
never merges two students, never lets a forged date win, and prints no terminal escape codes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from engine_support import make_project, submission, write_json
from sourcebook.grading.grade import grade
from sourcebook.model.lesson import BookContext


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("book"))


@pytest.fixture(scope="module")
def ctx(book):
    return BookContext.load(book)


@pytest.fixture
def deadline():
    """Fail, instead of hanging the suite, if the grader blocks."""
    def hung(*_):
        raise TimeoutError("the grader blocked")
    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def hand_ins(folder: Path) -> Path:
    folder.mkdir()
    write_json(folder / "ada.json", submission({"smp-01": "A"}, name="Ada", sid="s1"))
    write_json(folder / "SHOUTY.JSON", submission({"smp-01": "A"}, name="Ben", sid="s2"))
    write_json(folder / "cy.json.txt", submission({"smp-01": "A"}, name="Cy", sid="s3"))
    write_json(folder / "noext", submission({"smp-01": "A"}, name="Di", sid="s4"))
    os.mkfifo(folder / "x.json")                              # would block a plain open()
    (folder / "student-7").mkdir()                            # Moodle: a folder per student
    write_json(folder / "student-7" / "answers.json", submission({"smp-01": "A"}, name="Eve",
                                                                  sid="s7"))
    elsewhere = folder.parent / "elsewhere"
    elsewhere.mkdir()
    write_json(elsewhere / "fay.json", submission({"smp-01": "A"}, name="Fay", sid="s8"))
    (folder / "linked").symlink_to(elsewhere, target_is_directory=True)
    return folder


def test_every_file_is_graded_or_listed_and_nothing_hangs(tmp_path, ctx, deadline):
    report = grade([hand_ins(tmp_path / "in")], ctx, tmp_path / "out")
    graded = sorted(Path(s.file).name for s in report.students)
    assert graded == ["SHOUTY.JSON", "ada.json", "answers.json"]
    why = {Path(s.path).name: s.reason for s in report.skipped}
    assert "not a regular file" in why["x.json"]
    assert "not a .json file" in why["cy.json.txt"] and "not a .json file" in why["noext"]
    assert "a link to a folder" in why["linked"]
    assert report.exit_code == 1


def test_a_forged_future_date_never_wins(tmp_path, ctx):
    folder = tmp_path / "in"
    folder.mkdir()
    write_json(folder / "real.json", submission({"smp-01": "B"}, name="Gus", sid="s9",
                                                exported_at="2026-01-12T10:00:00Z"))
    write_json(folder / "forged.json", submission({"smp-01": "A"}, name="Gus", sid="s9",
                                                  exported_at="2099-01-01T00:00:00Z"))
    report = grade([folder], ctx, tmp_path / "out")
    assert [Path(s.file).name for s in report.students] == ["real.json"]
    forged = next(s for s in report.skipped if s.path.endswith("forged.json"))
    assert "2099-01-01T00:00:00Z" in forged.reason and "2026-01-12T10:00:00Z" in forged.reason
    assert "future" in forged.reason


def test_a_lone_future_date_is_graded_and_flagged(tmp_path, ctx):
    folder = tmp_path / "in"
    folder.mkdir()
    write_json(folder / "f.json", submission({"smp-01": "A"}, name="Hu", sid="s10",
                                             exported_at="2099-01-01T00:00:00Z"))
    report = grade([folder], ctx, tmp_path / "out")
    assert len(report.students) == 1
    assert any("in the future" in n.reason for n in report.notes)


def test_a_long_note_is_cut_and_flagged_not_the_whole_file(tmp_path, ctx):
    folder = tmp_path / "in"
    folder.mkdir()
    data = submission({"smp-01": "A"}, name="Ivy", sid="s11",
                      notes={"memo": {"p2": "x" * 25_000}})
    write_json(folder / "ivy.json", data)
    report = grade([folder], ctx, tmp_path / "out")
    assert [s.name for s in report.students] == ["Ivy"]
    note = next(n.reason for n in report.notes)
    assert "memo/p2 was longer than 20,000 characters" in note


def test_huge_responses_stay_out_of_memory_and_are_marked_invalid(tmp_path, ctx):
    folder = tmp_path / "in"
    folder.mkdir()
    data = submission({"smp-02": [{"a": 1}] * 50_000, "smp-01": "A"}, name="Jo", sid="s12")
    write_json(folder / "jo.json", data)
    report = grade([folder], ctx, tmp_path / "out")
    result = report.students[0].results["smp-02"]
    assert result.status == "invalid" and "50,000 entries" in result.reason


def test_escape_codes_in_names_never_reach_the_terminal(tmp_path, book):
    folder = tmp_path / "in"
    folder.mkdir()
    evil = "\x1b[2J\x1b[31mFAKE: all graded\x1b[0m"
    write_json(folder / f"{evil}.json", submission({"smp-01": "A"}, name=evil, sid="",
                                                   book="other\x1b]0;pwned\x07book"))
    (folder / f"note{evil}.txt").write_text("hi")
    run = subprocess.run([sys.executable, "-m", "sourcebook", "grade", str(folder), "--out",
                          str(tmp_path / "out"), "--root", str(book)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 or run.returncode == 1
    assert "\x1b" not in run.stdout + run.stderr and "\x07" not in run.stdout + run.stderr
    assert "not graded" in run.stderr


def test_unknown_policy_is_a_clear_error(tmp_path, book):
    run = subprocess.run([sys.executable, "-m", "sourcebook", "grade", str(tmp_path), "--out",
                          str(tmp_path / "out"), "--root", str(book), "--policy", "generous"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "use last, best, first-try or penalty:P" in run.stderr


def test_policies_score_the_checked_history(tmp_path, ctx):
    folder = tmp_path / "in"
    folder.mkdir()
    data = submission({"smp-01": "A"}, name="Kai", sid="s13")
    data["version"] = 2
    right = next(i.answer for s in __import__("sourcebook.model.lesson", fromlist=["x"]).load_all(
        ctx)[0] for i in s.items if i.id == "smp-01")
    wrong = next(o for o in ("A", "B", "C", "D") if o != right)
    data["responses"]["smp-01"].update(response=wrong, history=[right, wrong], attempts=2,
                                       draft=right, draft_at="2026-01-12T10:00:00Z")
    write_json(folder / "kai.json", data)
    scores = {p: grade([folder], ctx, tmp_path / p, policy=p).students[0] for p in
              ("last", "best", "first-try", "penalty:0.5")}
    assert scores["last"].results["smp-01"].score == 0          # the draft never counts
    assert scores["best"].results["smp-01"].score == 1
    assert scores["first-try"].results["smp-01"].score == 1
    assert scores["penalty:0.5"].results["smp-01"].score == 0
    assert "smp-01" in scores["last"].drafts and scores["last"].attempts["smp-01"] == 2
