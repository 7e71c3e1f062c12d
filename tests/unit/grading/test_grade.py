"""`sourcebook grade`: the broken-submissions corpus, gradebook CSV, report HTML, chart, exit
status, and never overwriting earlier results."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from engine_support import HERE, PERFECT, make_project, submission, write_json
from sourcebook.errors import SourcebookError
from sourcebook.model.lesson import BookContext
from sourcebook.grading.grade import display_text, grade
from sourcebook.grading.report import csv_safe

CORPUS = HERE / "broken_submissions"
EXPECTED = yaml.safe_load((CORPUS / "expected.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("grade"))


@pytest.fixture(scope="module")
def ctx(project):
    return BookContext.load(project)


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory, ctx):
    """The corpus plus a 20 MB file made here (too big to keep in the repository)."""
    extra = tmp_path_factory.mktemp("big")
    big = extra / "huge.json"
    with big.open("wb") as f:
        f.write(b'{"format": "sourcebook-answers", "padding": "')
        f.write(b"x" * 20_000_000)
        f.write(b'"}')
    out = tmp_path_factory.mktemp("out")
    return grade([CORPUS, big], ctx, out), out


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def by_name(report):
    return {Path(p).name: x for p, x in [(s.path, s) for s in report.skipped]}


def test_every_corpus_file_is_accounted_for():
    on_disk = {p.name for p in CORPUS.glob("*.json")}
    assert on_disk == set(EXPECTED)


def test_corpus_outcomes(corpus_run):
    report, _ = corpus_run
    skipped = {Path(s.path).name: s.reason for s in report.skipped}
    graded = {Path(s.file).name: s for s in report.students}
    notes = {Path(n.path).name: n.reason for n in report.notes}
    for name, expect in EXPECTED.items():
        if "skipped" in expect:
            assert name in skipped, f"{name} should be skipped"
            assert expect["skipped"] in skipped[name], (name, skipped[name])
        else:
            assert name in graded, f"{name} should be graded"
            student = graded[name]
            assert student.name == expect["graded"]["name"]
            assert student.total == expect["graded"]["total"]
        if "note" in expect:
            assert expect["note"] in notes[name]
    assert "huge.json" in skipped and "the file is 20.0 MB" in skipped["huge.json"]
    assert "not a .json file" in skipped["expected.yml"]      # listed, never silently passed over
    assert len(report.students) + len(report.skipped) == len(EXPECTED) + 2
    assert report.exit_code == 1


def test_gradebook_csv(corpus_run):
    report, _ = corpus_run
    rows = read_csv(report.outputs["gradebook"])
    header = rows[0]
    items = [f"smp-{n:02d}" for n in range(1, 10)]       # smp-10, a short answer, is not a score
    assert header[:7] == ["name", "student_id", "file", "assignment", "score", "out_of", "percent"]
    assert header[-12:] == ["attempts", "unchecked", "unchecked_items", *items]
    table = {r[0]: dict(zip(header, r)) for r in rows[1:]}
    assert len(table) == len(report.students)
    ada = table["Ada Lovelace"]
    assert [ada[i] for i in items] == ["1", "2", "1", "1", "3", "3", "2", "3", "1"]
    assert (ada["score"], ada["out_of"], ada["percent"]) == ("17", "17", "100.0")
    assert ada["file"] == "ada-copy.json", "the file's name, never its path"
    bob = table["Bob"]
    assert (bob["smp-01"], bob["smp-06"], bob["score"], bob["percent"]) == ("0", "2", "10.38", "61.1")
    gus = table["Gus"]
    assert gus["smp-02"] == "" and gus["smp-01"] == "1", "unanswered is blank"
    # The script tag stays text; a formula-looking id gets an apostrophe.
    script = table["<script>alert('x')</script>"]
    assert script["student_id"] == "'=cmd|' /C calc'!A0"


def test_csv_safe():
    for cell in ("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"):
        assert csv_safe(cell) == "'" + cell
    for cell in ("Ada", "1", "", "a=b"):
        assert csv_safe(cell) == cell


def test_short_answers_csv(corpus_run):
    report, _ = corpus_run
    rows = read_csv(report.outputs["short_answers"])
    assert rows[0] == ["student", "student_id", "item", "self_assessment", "text"]
    assert ["Ada Lovelace", "s001", "smp-10", "1/2", "Because of the evacuation debate."] in rows


def test_report_html_escapes_and_lists_skipped(corpus_run):
    report, out = corpus_run
    html = report.outputs["report"].read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert "&lt;b&gt;x&lt;/b&gt;" in html           # an unknown item id, in a note
    for s in report.skipped:
        assert Path(s.path).name in html
    assert "the file looks cut off (truncated)" in html
    assert "Files skipped: " + str(len(report.skipped)) in html
    assert f'src="{report.outputs["chart"].name}"' in html
    assert "Discrimination" in html and "most chosen wrong answer" in html
    chart = report.outputs["chart"]
    assert chart.parent == out and chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not list(out.glob(".*.tmp")), "no temporary files left behind"


def test_item_analysis_numbers(tmp_path, ctx):
    """Four students; upper and lower groups are one student each (27% of 4, rounded)."""
    folder = tmp_path / "subs"
    folder.mkdir()
    write_json(folder / "a.json", submission(PERFECT, name="A", sid="1"))
    write_json(folder / "b.json", submission(dict(PERFECT, **{"smp-01": "C",
                                                             "smp-02": ["A", "B", "C"]}),
                                            name="B", sid="2"))
    write_json(folder / "c.json", submission({"smp-01": "C", "smp-02": ["B"]}, name="C", sid="3"))
    write_json(folder / "d.json", submission({"smp-01": "A"}, name="D", sid="4"))
    report = grade([folder], ctx, tmp_path / "out")
    assert report.exit_code == 0 and not report.skipped
    stats = {i.id: i for i in report.items}
    sc = stats["smp-01"]
    assert sc.percent_correct == 25 and sc.discrimination == 1.0
    assert sc.top_wrong == ("C: Harry S. Truman", 2)
    assert [(o[0], o[2], o[3]) for o in sc.options] == [("A", 1, False), ("B", 1, True),
                                                        ("C", 2, False), ("D", 0, False)]
    ms = stats["smp-02"]
    assert ms.percent_correct == 25 and ms.mean_percent == pytest.approx(37.5)
    assert ms.top_wrong == ("B: Formosa", 2)
    assert ms.answered == 3
    assert stats["smp-10"].percent_correct is None       # short answers are not marked


def test_no_overwrite_then_force(tmp_path, ctx):
    folder = tmp_path / "subs"
    folder.mkdir()
    write_json(folder / "a.json", submission(PERFECT))
    out = tmp_path / "out"
    first = grade([folder], ctx, out)
    before = {k: p.read_bytes() for k, p in first.outputs.items()}
    second = grade([folder], ctx, out)
    assert all(p.name != first.outputs[k].name for k, p in second.outputs.items())
    assert second.outputs["gradebook"].name.startswith("gradebook-")
    assert {k: p.read_bytes() for k, p in first.outputs.items()} == before, "earlier files kept"
    html = second.outputs["report"].read_text(encoding="utf-8")
    assert second.outputs["chart"].name in html
    third = grade([folder], ctx, out, force=True)
    assert third.outputs == first.outputs


def test_duplicate_by_exact_name_when_no_id(tmp_path, ctx):
    folder = tmp_path / "subs"
    folder.mkdir()
    write_json(folder / "one.json", submission({"smp-01": "A"}, name="Kim Lee", sid="",
                                               exported_at="2026-01-12T09:00:00Z"))
    write_json(folder / "two.json", submission({"smp-01": "B"}, name="Kim Lee ", sid="",
                                               exported_at="2026-01-12T10:00:00+00:00"))
    report = grade([folder], ctx, tmp_path / "out")
    assert [Path(s.file).name for s in report.students] == ["two.json"]
    reason = report.skipped[0].reason
    assert "same name" in reason and "2026-01-12T09:00:00Z" in reason and "2026-01-12T10:00" in reason


@pytest.mark.parametrize("a, b", [("Chris Lee", "chris  lee"), ("Bob", "bob!"),
                                  ("\N{SLIGHTLY SMILING FACE}", "\N{SMILING FACE WITH SUNGLASSES}")])
def test_different_names_are_never_merged(tmp_path, ctx, a, b):
    folder = tmp_path / "subs"
    folder.mkdir()
    write_json(folder / "a.json", submission({"smp-01": "A"}, name=a, sid=""))
    write_json(folder / "b.json", submission({"smp-01": "B"}, name=b, sid="",
                                             exported_at="2026-01-12T11:00:00Z"))
    report = grade([folder], ctx, tmp_path / "out")
    assert sorted(Path(s.file).name for s in report.students) == ["a.json", "b.json"]
    assert report.skipped == []


def test_missing_path_and_empty_folder(tmp_path, ctx):
    report = grade([tmp_path / "nope.json", CORPUS / "good-bob.json"], ctx, tmp_path / "o")
    assert report.skipped[0].reason == "no such file or folder"
    (tmp_path / "empty").mkdir()
    with pytest.raises(SourcebookError, match="found no answers files"):
        grade([tmp_path / "empty"], ctx, tmp_path / "o2")


def test_display_text():
    assert display_text("a\u202eb\u200bc\x00d\n e") == "abc d e"
    assert display_text("x" * 500, limit=10) == "x" * 9 + "…"
    assert display_text("Zoe\u0308") == "Zoë"


# --------------------------------------------------------------------------- the CLI

def test_cli_exit_codes(tmp_path, project):
    from sourcebook.cli import main
    runner = CliRunner()
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(CORPUS / "good-bob.json", good)
    result = runner.invoke(main, ["grade", str(good), "--out", str(tmp_path / "o1"),
                                  "--root", str(project)])
    assert result.exit_code == 0, result.output
    assert "Graded 1 student(s)" in result.output

    mixed = tmp_path / "mixed"
    shutil.copytree(CORPUS, mixed)
    result = runner.invoke(main, ["grade", str(mixed), str(good / "good-bob.json"), "--out",
                                  str(tmp_path / "o2"), "--root", str(project)])
    assert result.exit_code == 1, result.output
    assert "not graded:" in result.output and "truncated.json" in result.output

    result = runner.invoke(main, ["grade", str(mixed / "empty.json"), "--out",
                                  str(tmp_path / "o3"), "--root", str(project)])
    assert result.exit_code == 2 and "no file could be graded" in result.output

    result = runner.invoke(main, ["grade", str(tmp_path / "nothing-here"), "--out",
                                  str(tmp_path / "o4"), "--root", str(project)])
    assert result.exit_code == 1 or result.exit_code == 2

    result = runner.invoke(main, ["grade", "--out", str(tmp_path / "o5")])
    assert result.exit_code == 2        # usage: no submissions given


def test_files_are_named_as_given_unless_the_caller_says_how(tmp_path, ctx, monkeypatch):
    """The grader never asks for the current folder: by default a file is named as given; the
    CLI passes `shown` to name it relative to the folder the instructor is in."""
    from sourcebook.cli.grade import relative_to
    folder = tmp_path / "subs"
    folder.mkdir()
    write_json(folder / "a.json", submission(PERFECT, name="A", sid="1"))
    report = grade([folder], ctx, tmp_path / "o1", write=False)
    assert [s.file for s in report.students] == [str(folder / "a.json")]
    report = grade([folder], ctx, tmp_path / "o2", write=False,
                   shown=lambda path: f"<{Path(path).name}>")
    assert [s.file for s in report.students] == ["<a.json>"]
    monkeypatch.chdir(tmp_path)
    report = grade([Path("subs")], ctx, tmp_path / "o3", write=False,
                   shown=relative_to(Path.cwd()))
    assert [s.file for s in report.students] == ["subs/a.json"]
    outside = str(tmp_path / "elsewhere.json")
    assert relative_to(folder)(outside) == outside
