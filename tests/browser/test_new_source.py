"""A second source added with `sourcebook new` builds and works in the browser: its chapter
shows every paragraph and sentence, its starter questions are answered and checked there, and
its answers carry its own source, apart from the memo's (one book, one answers file, each
response tagged with its source). The book is the tiny fixture book plus the new source: a
build of seconds, and built once for both tests."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from sourcebook.items.check import perfect_response
from sourcebook.model.lesson import BookContext, load_set
from sourcebook.model.source import load_source

from .pages import MEMO, answer, wrong_response, press_check

from conftest import copy_tiny_book
from unit.authoring.test_scaffold import CHAPTER, FIXTURE, SLUG, run_new

pytestmark = pytest.mark.build

MEMO_CHAPTER = "book/memo"          # the tiny book's chapter with the memo and its questions


@pytest.fixture(scope="module")
def two_sources(tmp_path_factory):
    from sourcebook.sphinx.book_build import build_book
    book = copy_tiny_book(tmp_path_factory.mktemp("two-sources") / "book")
    result = run_new(book, FIXTURE)
    assert result.exit_code == 0, result.output
    return book, build_book(book, "student", book / "_build" / "student")


@pytest.fixture(scope="module")
def served(two_sources, serve):
    book, site = two_sources
    ctx = BookContext.load(book)
    starter = load_set(book / "exercises" / f"{SLUG}.yml", ctx)
    return serve(site), ctx, starter


def _text(html: str) -> str:
    html = re.sub(r'<span class="sb-pagebreak-label"[^>]*>.*?</span>', "", html)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", html))).strip()


def test_the_book_builds_with_both_sources(two_sources):
    book, site = two_sources
    page = (site / f"{CHAPTER}.html").read_text(encoding="utf-8")
    source = load_source(SLUG, book)
    for p in source.paragraphs:
        m = re.search(rf'<p class="sb-para" id="{p.id}"[^>]*>(.*?)</p>', page, re.S)
        assert m, f"paragraph {p.id} missing"
        assert _text(m.group(1)) == f"¶{p.number} {p.text}"
        for s in p.sentences:
            assert f'id="{s.id}"' in m.group(1)
    assert f'data-set="{SLUG}"' in page and f'data-source="{SLUG}"' in page
    assert f'data-item="{SLUG}-author"' in page and f'data-item="{SLUG}-page-turn"' in page
    memo_page = (site / f"{MEMO_CHAPTER}.html").read_text(encoding="utf-8")
    assert "Muccio" not in memo_page and f'data-source="{MEMO}"' in memo_page
    # every question is stored and exported under its own source (not the book's only one:
    # with two sources there is no default)
    item_source = r'<li class="sb-item"[^>]*data-item="[^"]+"[^>]*data-source="([^"]*)"'
    assert set(re.findall(item_source, page)) == {SLUG}
    assert set(re.findall(item_source, memo_page)) == {MEMO}


def checked(li) -> str:
    press_check(li)                      # checking is asynchronous (WebCrypto)
    return li.locator(".sb-fb .sb-v").inner_text()


def test_the_starter_questions_work_and_stay_apart_from_the_memo(page, served, tmp_path, foreign):
    base, ctx, starter = served
    page.goto(base + f"{CHAPTER}.html")
    page.wait_for_function("document.querySelector('.sb-set.sb-js')")
    assert page.locator(".sb-set.sb-js .sb-item").count() == len(starter.items) >= 5

    first = next(i for i in starter.items if i.type != "short-answer")
    li = page.locator(f"#sb-{first.id}")
    answer(li, first, wrong_response(first, ctx))
    assert "Not right yet" in checked(li)
    written = [i for i in starter.items if i.type == "short-answer"]
    for item in starter.items:
        li = page.locator(f"#sb-{item.id}")
        if item in written:
            li.locator(".sb-t").fill("It was sent by telegram from Pusan.")
            assert "recorded" in checked(li), item.id
            continue
        answer(li, item, perfect_response(item, ctx))
        assert "Correct" in checked(li), item.id
    prog = page.locator(f"#sb-set-{starter.info.id} .sb-prog").text_content()
    n = len(starter.items)
    assert prog == f"{n} of {n} answered, {n - len(written)} correct"

    # the memo's chapter: none of the telegram's answers shows up among its questions
    page.goto(base + f"{MEMO_CHAPTER}.html")
    page.wait_for_function("document.querySelector('.sb-set.sb-js')")
    assert page.locator(".sb-set.sb-js .sb-prog").first.text_content().startswith("0 of ")
    memo_item = page.locator(".sb-set.sb-js .sb-item").first
    assert memo_item.locator(".sb-fb .sb-v").count() == 0

    # back on the new chapter: the export holds the telegram's answers, tagged with its source
    page.goto(base + f"{CHAPTER}.html")
    page.wait_for_function("document.querySelector('.sb-set.sb-js')")
    page.locator(f"#sb-set-{starter.info.id} .sb-who").fill("Ada")
    with page.expect_download() as dl:
        page.locator(f"#sb-set-{starter.info.id} .sb-exp").click()
    path = tmp_path / "ada.json"
    dl.value.save_as(path)
    doc = json.loads(path.read_text("utf-8"))
    assert set(doc["responses"]) == {i.id for i in starter.items}
    assert {k: r["source"] for k, r in doc["responses"].items()} == {i.id: SLUG for i in starter.items}
    assert doc["student"]["name"] == "Ada" and not doc["notes"]
    assert foreign(page.requests, base) == []
