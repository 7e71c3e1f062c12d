"""`sourcebook check` also checks the teacher's files: assignments.yml and book/data/pacing.yml."""

from __future__ import annotations

from click.testing import CliRunner

from engine_support import make_project
from sourcebook.cli import main


def test_check_passes_a_good_assignments_file(tmp_path):
    book = make_project(tmp_path)
    (book / "assignments.yml").write_text("- id: week-1\n  title: Week 1\n"
                                          "  chapters: [book/sample]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--root", str(book)])
    assert result.exit_code == 0, result.output
    assert "assignments are valid" in result.output


def test_check_reports_an_assignment_of_a_chapter_that_is_not_there(tmp_path):
    book = make_project(tmp_path)
    (book / "assignments.yml").write_text("- id: week-1\n  title: Week 1\n"
                                          "  chapters: [book/nowhere]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--root", str(book)])
    assert result.exit_code != 0
    assert 'assignments.yml:3 item week-1: chapters: "book/nowhere"' in result.output


def test_check_reports_a_wrong_pacing_field(tmp_path):
    book = make_project(tmp_path)
    pacing = book / "book" / "data" / "pacing.yml"
    pacing.parent.mkdir(parents=True, exist_ok=True)
    pacing.write_text("words_per_minute: fast\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--root", str(book)])
    assert result.exit_code != 0
    assert "pacing.yml: words_per_minute: must be a positive number" in result.output
