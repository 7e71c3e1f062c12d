"""`sourcebook grade --pdf`: the written-work pages printed to one PDF, a page per student,
with a bookmark per student (Chromium prints it)."""

from __future__ import annotations

import os
import re
import shutil

import pytest
from click.testing import CliRunner

from engine_support import PERFECT, make_project, submission, write_json
from sourcebook.cli import main

pytestmark = pytest.mark.browser
STUDENTS = {"ada.json": ("Ada Lovelace", "s1"), "charles.json": ("Charles Babbage", "s2"),
            "dana.json": ("Dana Ñúñez", "s3")}


def _needs_chromium() -> None:
    if not any(shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")):
        if os.environ.get("CI") == "true":
            pytest.fail("no Chromium in CI: install Debian's chromium (.ci/run)")
        pytest.skip("grade --pdf prints with Chromium, which is not installed")


def _bookmarks(pdf: bytes) -> list[str]:
    """The outline titles of a PDF: (literal) strings, or <FEFF...> UTF-16 for other scripts."""
    titles = []
    for lit, hexa in re.findall(rb"/Title\s*(?:\(((?:\\.|[^\\)])*)\)|<([0-9A-Fa-f]+)>)", pdf):
        titles.append(bytes.fromhex(hexa.decode()).decode("utf-16") if hexa
                      else lit.decode("latin-1"))
    return titles


def test_grade_pdf_prints_a_page_per_student(tmp_path):
    _needs_chromium()
    book = make_project(tmp_path)
    hand_ins = tmp_path / "in"
    hand_ins.mkdir()
    for name, (who, sid) in STUDENTS.items():
        answers = dict(PERFECT, **{"smp-10": {"text": f"{who} says: because of the debate.",
                                              "self": [True, False]}})
        write_json(hand_ins / name, submission(answers, name=who, sid=sid))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["grade", str(hand_ins), "--out", str(out),
                                       "--root", str(book), "--pdf"])
    assert result.exit_code == 0, result.output
    printed = sorted(out.glob("*.pdf"))
    assert len(printed) == 1, sorted(p.name for p in out.iterdir())
    pdf = printed[0].read_bytes()
    assert f"wrote {printed[0]}" in result.output
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    pages = re.findall(rb"/Type\s*/Page\b(?!s)", pdf)
    assert len(pages) == len(STUDENTS)                      # each student on a page of their own
    names = [who for who, _ in STUDENTS.values()]
    assert sorted(t for t in _bookmarks(pdf) if t in names) == sorted(names)   # once each
