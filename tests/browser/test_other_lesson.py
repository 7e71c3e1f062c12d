"""A lesson started with `sourcebook new --lesson` on another document (tests/other_lesson.py)
works in Chromium: its starter exercises check answers, and its close reader's lenses
highlight passages, with no script error and no request leaving the site."""

from __future__ import annotations

from sourcebook.items.check import perfect_response
from sourcebook.model.lesson import BookContext, load_set

from other_lesson import CHAPTER, SLUG, built_lesson

from .pages import answer, press_check, wrong_response


def test_the_new_lessons_exercises_and_reader_work(page, serve, foreign, tmp_path_factory):
    lesson = built_lesson(tmp_path_factory)
    ctx = BookContext.load(lesson.root)
    items = [i for i in load_set(lesson.root / "exercises" / f"{SLUG}.yml", ctx).items
             if i.type != "short-answer"]
    base = serve(lesson.site)
    page.goto(base + f"{CHAPTER}.html")
    page.wait_for_function("document.querySelector('.sb-set.sb-js')")
    first = page.locator(f"#sb-{items[0].id}")
    answer(first, items[0], wrong_response(items[0], ctx))
    press_check(first)
    assert "Not right yet" in first.locator(".sb-fb .sb-v").inner_text()
    for item in items:
        li = page.locator(f"#sb-{item.id}")
        answer(li, item, perfect_response(item, ctx))
        press_check(li)
        assert "Correct" in li.locator(".sb-fb .sb-v").inner_text(), item.id

    page.goto(base + "book/close-reading.html")
    reader = page.locator(f"#sbr-{SLUG}")
    reader.locator(".sb-lenses button[data-lens=sourcing]").click()
    assert reader.get_attribute("data-lens") == "sourcing"
    assert reader.locator("[data-l~=sourcing]").count() >= 1     # the guide's passage, lit
    assert foreign(page.requests, base) == []
