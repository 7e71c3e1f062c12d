"""Printable worksheets and answer keys: the questions without answers, the key with them, PDFs."""

from __future__ import annotations

import os
import re
import shutil

import pytest
from click.testing import CliRunner

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
    from sourcebook.items.registry import item_type
    for item in items:
        assert escape(item_type(item).key_text(item, ctx, "A")) in html


def test_each_version_deals_its_own_order_and_its_key_matches(review):
    import re

    from sourcebook.items.base import print_inline
    from sourcebook.items.registry import item_type
    ctx, sets = review
    choice = [i for s in sets for i in s.items if i.type == "single-choice"]
    assert choice
    seen = set()
    for version in "ABCD":
        sheet = worksheet_html("Review", sets, ctx, version=version)
        key = worksheet_html("Review", sets, ctx, key=True, version=version)
        assert f"version {version}" in sheet and f"version {version}" in key
        for item in choice:
            right = next(o.text for o in item.options if o.id == item.answer)
            block = item_type(item).print_body(item, ctx, version)
            assert block in sheet
            printed = dict(re.findall(r'<span class="box"></span>([A-L])\. (.*?)</li>', block))
            seen.add(tuple(printed))
            letter = next(k for k, v in printed.items() if v == print_inline(right))
            assert f"<b>Answer:</b> {letter}: " in key
    assert len(seen) > 1, "versions print the options in different orders"


def test_paper_size_memo_and_writing_space(review):
    ctx, sets = review
    letter = worksheet_html("Review", sets, ctx)
    a4 = worksheet_html("Review", sets, ctx, paper="a4")
    assert "size: letter" in letter and "size: A4" in a4
    assert 'aria-label="The document"' in letter and "p2" in letter     # evidence items cite it
    essay = max((i for s in sets for i in s.items if i.type == "short-answer"),
                key=lambda i: i.length)
    lines = letter.count('<span class="line"></span>')
    assert lines >= essay.length // 12


def test_unknown_chapter_is_a_clear_error(review):
    from sourcebook.errors import SourcebookError
    with pytest.raises(SourcebookError, match='no exercise set belongs to chapter "nowhere"'):
        sets_for("nowhere", [])


@pytest.mark.build          # prints with Chromium: `make test`, not the fast lane
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
