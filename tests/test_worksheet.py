"""Printable worksheets and answer keys: the questions without answers, the key with them, PDFs."""

from __future__ import annotations

import os
import re
import shutil

import pytest
from click.testing import CliRunner

from sourcebook.items.answer_text import answer_text
from sourcebook.model.lesson import BookContext, load_all
from sourcebook.render.worksheet import sets_for, worksheet_html
from conftest import ROOT


@pytest.fixture(scope="module")
def review():
    ctx = BookContext.load(ROOT)
    sets, problems = load_all(ctx)
    assert not problems
    return ctx, sets_for("book/review", sets)


def test_worksheet_has_every_question_and_no_answer(review):
    ctx, sets = review
    html = worksheet_html("Review", sets, ctx)
    items = [i for s in sets for i in s.items]
    assert html.count('<li><p>') == len(items)
    assert "Name" in html and "Answer:" not in html
    for item in items:
        assert item.explanation[:40] not in html


def test_answer_key_has_every_answer(review):
    ctx, sets = review
    html = worksheet_html("Review", sets, ctx, key=True)
    items = [i for s in sets for i in s.items]
    assert html.count("<b>Answer:</b>") == len(items)
    from html import escape
    for item in items:
        assert escape(answer_text(item, ctx)) in html


def test_unknown_chapter_is_a_clear_error(review):
    from sourcebook.errors import SourcebookError
    with pytest.raises(SourcebookError, match='no exercise set belongs to chapter "nowhere"'):
        sets_for("nowhere", [])


def test_worksheet_and_key_pdfs(tmp_path, monkeypatch):
    if not shutil.which("chromium"):
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is missing in CI")
        pytest.skip("printing needs Debian's chromium")
    from sourcebook.cli import main
    monkeypatch.chdir(ROOT)
    runner = CliRunner()
    for extra, name in (([], "ws.pdf"), (["--key"], "key.pdf")):
        result = runner.invoke(main, ["worksheet", "book/review", *extra, "--out", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        data = (tmp_path / name).read_bytes()
        assert data.startswith(b"%PDF")
        pages = int(max(re.findall(rb"/Count (\d+)", data), key=int))
        assert pages >= 2
    assert (tmp_path / "key.pdf").stat().st_size > (tmp_path / "ws.pdf").stat().st_size
