"""The grader reads each file once and writes its outputs a chunk at a time: what it writes is
the same as the whole documents, across chunk boundaries, and the analysis counts only the
file that counts for each student."""

from __future__ import annotations

import csv
import io

import pytest

from engine_support import PERFECT, make_project, submission, write_json
from sourcebook.grading import gradebook
from sourcebook.grading.grade import grade
from sourcebook.grading.gradebook import csv_bytes, csv_chunks
from sourcebook.grading.written import written_work_html
from sourcebook.items.check import compile_item
from sourcebook.model.answers import write_atomic
from sourcebook.model.lesson import BookContext, load_all


@pytest.fixture(scope="module")
def ctx(tmp_path_factory):
    return BookContext.load(make_project(tmp_path_factory.mktemp("streamed")))


def test_csv_chunks_make_the_same_csv_across_chunk_boundaries(monkeypatch):
    monkeypatch.setattr(gradebook, "CHUNK_ROWS", 3)
    rows = [["name", "note"]] + [[f"Student {n}", "=1+1" if n % 4 == 0 else f"é {n}"]
                                 for n in range(10)]
    chunks = list(csv_chunks(iter(rows)))
    assert len(chunks) > 3                                  # really written in pieces
    data = b"".join(chunks)
    assert data.startswith("\ufeff".encode("utf-8"))
    parsed = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert parsed[0] == ["name", "note"] and parsed[1] == ["Student 0", "'=1+1"]
    assert parsed[-1] == ["Student 9", "é 9"] and len(parsed) == 11
    assert csv_bytes(rows) == data


def test_write_atomic_takes_chunks(tmp_path):
    out = write_atomic(tmp_path / "x.html", (f"<p>{n}</p>".encode() for n in range(3)),
                       replace=False)
    assert out.read_bytes() == b"<p>0</p><p>1</p><p>2</p>"


def test_written_work_file_is_the_whole_document(ctx, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    essay = {"text": "Rusk wants <b>time</b> & allies.", "self": [True, False]}
    for n in range(5):
        answers = dict(PERFECT)
        answers["smp-10"] = dict(essay, text=f"{essay['text']} ({n})")
        write_json(folder / f"s{n}.json", submission(answers, name=f"Student {n}", sid=f"s{n}"))
    report = grade([folder], ctx, tmp_path / "out")
    sets, _ = load_all(ctx)
    keys = {i.id: compile_item(i, ctx) for s in sets for i in s.items}
    written = report.outputs["written"].read_text(encoding="utf-8")
    assert written == written_work_html(report, keys)
    assert written.count('<section class="student">') == 5
    assert "&lt;b&gt;time&lt;/b&gt; &amp; allies. (4)" in written and "<b>time" not in written


def test_analysis_counts_only_the_file_that_counts(ctx, tmp_path):
    """An older file of the same student is read and scored, then dropped: its choices must
    not reach the item analysis."""
    folder = tmp_path / "in"
    folder.mkdir()
    right, wrong = PERFECT["smp-01"], "A" if PERFECT["smp-01"] != "A" else "C"
    write_json(folder / "old.json", submission({"smp-01": wrong}, name="Ada", sid="s1",
                                               exported_at="2026-01-10T10:00:00Z"))
    write_json(folder / "new.json", submission({"smp-01": right}, name="Ada", sid="s1",
                                               exported_at="2026-01-12T10:00:00Z"))
    write_json(folder / "bob.json", submission({"smp-01": wrong}, name="Bob", sid="s2"))
    report = grade([folder], ctx, tmp_path / "out", write=False)
    stats = next(i for i in report.items if i.id == "smp-01")
    counts = {oid: n for oid, _, n, _ in stats.options}
    assert counts[right] == 1 and counts[wrong] == 1        # Ada's old "wrong" is not counted
    assert stats.top_wrong[0].startswith(f"{wrong}: ") and stats.top_wrong[1] == 1
    assert [s.name for s in report.students] == ["Ada", "Bob"]
    assert report.students[0].results["smp-01"].status == "correct"
    assert report.students[0].attempts["smp-01"] == 1
