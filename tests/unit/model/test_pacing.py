"""Pacing computed from the pages: words of prose, reading time, items and their minutes."""

from __future__ import annotations

from collections import Counter

import pytest

from sourcebook.items.registry import item_type
from sourcebook.model.pacing import (PacingAssumptions, as_hours, chapter_words,
                                     default_item_minutes, lesson_pace, load_pacing, prose_words,
                                     total_minutes)
from sourcebook.model.toc import chapter_order


def test_prose_words_leave_out_code_directives_options_and_citations():
    page = """# Title here

Two words {cite:p}`mossman1990` and {frus}`1951v07p1-d52`, a [link](https://example.org/a/b).

```{exercise-set} exercises/war.yml
```

```python
print("not read by a student at all")
```

:::{admonition} Box title
:class: tip

Inside the box.
:::
"""
    # Title here / Two words and a link / Box title / Inside the box
    assert prose_words(page) == 2 + 5 + 2 + 3


def test_a_glossary_term_and_a_chapter_link_count_as_the_words_shown():
    assert prose_words("See {term}`ROK` and {doc}`war`.") == 4


def test_a_page_that_shows_the_memo_counts_its_words_once(memo):
    page = "Read it.\n\n```{primary-source} %s\n```\n\n```{close-reader} %s\n```\n" % (
        memo.slug, memo.slug)
    memo_words = chapter_words("```{primary-source} %s\n```\n" % memo.slug, {memo.slug: memo})
    assert 300 < memo_words < 450          # "about 350 words" (book/intro.md)
    assert chapter_words(page, {memo.slug: memo}) == 2 + memo_words


def test_the_lesson_is_paced_in_book_order_with_every_item(root, book_sets):
    ctx, sets = book_sets
    rows = lesson_pace(root, sets, ctx.sources)
    assert [r.docname for r in rows] == chapter_order(root)
    by_chapter = Counter()
    for s in sets:
        by_chapter[s.info.chapter] += len(s.items)
    for r in rows:
        assert sum(r.items.values()) == by_chapter.get(r.docname, 0)
    assert sum(sum(r.items.values()) for r in rows) == sum(by_chapter.values())
    counted = [r for r in rows if r.counted]
    assert {r.docname for r in rows} - {r.docname for r in counted} == {
        "book/adapted", "book/live-notebook", "book/glossary", "book/bibliography", "book/credits"}
    assert total_minutes(rows) == pytest.approx(sum(r.minutes for r in counted))
    # the measure: far more than one 50-minute class
    assert total_minutes(rows) > 3 * 50


def test_reading_time_follows_the_stated_speed(root, book_sets):
    ctx, sets = book_sets
    slow = lesson_pace(root, sets, ctx.sources, PacingAssumptions(words_per_minute=100))
    fast = lesson_pace(root, sets, ctx.sources, PacingAssumptions(words_per_minute=200))
    for a, b in zip(slow, fast):
        assert a.words == b.words and a.reading_minutes == pytest.approx(2 * b.reading_minutes)


def test_a_short_answer_takes_the_time_its_length_needs(root, book_sets):
    ctx, sets = book_sets
    review = [s for s in sets if s.info.id == "review"]
    assumptions = PacingAssumptions(item_minutes={}, writing_words_per_minute=10)
    row = next(r for r in lesson_pace(root, sets, ctx.sources, assumptions)
               if r.docname == "book/review")
    lengths = [i.length for i in review[0].items if i.type == "short-answer"]
    others = sum(item_type(i).minutes for i in review[0].items if i.type != "short-answer")
    assert row.item_minutes == pytest.approx(sum(1 + n / 10 for n in lengths) + others)


def test_each_type_brings_its_own_minutes():
    from sourcebook.items.registry import TYPES
    assert default_item_minutes() == {name: t.minutes for name, t in TYPES.items()
                                      if name != "short-answer"}
    assert PacingAssumptions().item_minutes["true-false"] == TYPES["true-false"].minutes == 0.5


def test_the_lessons_assumptions_are_stated_in_its_data(root):
    assumptions = load_pacing(root)
    assert assumptions.words_per_minute == 200
    assert assumptions.item_minutes["single-choice"] == 1


@pytest.mark.parametrize("minutes, text", [(0, "0 min"), (41, "45 min"), (60, "1 h"),
                                           (271, "4 h 35 min"), (122, "2 h 05 min")])
def test_times_read_as_hours_and_minutes_rounded_up_to_five(minutes, text):
    assert as_hours(minutes) == text


@pytest.mark.parametrize("text, message", [
    ("speed: 3\n", "speed: is not a known field"),
    ("words_per_minute: 0\n", "words_per_minute: must be a positive number"),
    ("item_minutes: {essay: 30}\n", '"essay" is not an item type with a fixed time'),
    ("optional: [book/nowhere]\n", "optional: must list chapters of _toc.yml"),
    ("- 200\n", "expected a mapping"),
])
def test_a_wrong_pacing_file_is_reported_with_its_field(tmp_path, text, message):
    from sourcebook.errors import SourcebookError
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: book/intro\nchapters:\n"
                                       "  - file: book/war\n", encoding="utf-8")
    data = tmp_path / "book" / "data"
    data.mkdir(parents=True)
    (data / "pacing.yml").write_text(text, encoding="utf-8")
    with pytest.raises(SourcebookError) as err:
        load_pacing(tmp_path)
    assert "pacing.yml" in str(err.value) and message in str(err.value)
