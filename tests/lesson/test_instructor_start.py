"""The instructor edition starts with the instructor: its own first page, assignment links,
answer keys in lesson order, objective codes for teachers only, pacing computed from the book."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
import yaml

from sourcebook.model.pacing import as_hours, lesson_pace, total_minutes
from sourcebook.model.toc import chapter_order

pytestmark = pytest.mark.build


def _read(site, name: str) -> str:
    return (site / name).read_text(encoding="utf-8")


def _sidebar(html: str) -> list[str]:
    nav = html[html.index("bd-docs-nav"):]
    nav = nav[:nav.index("</nav>")]
    return [t.strip() for t in re.findall(r'(?:caption-text">|class="reference internal"[^>]*>)'
                                          r'([^<]+)', nav) if t.strip()]


def test_the_instructor_edition_opens_on_for_instructors(built):
    site = built("instructor")
    assert 'url=book/instructor/start.html' in _read(site, "index.html")
    start = _read(site, "book/instructor/start.html")
    assert "<h1>For instructors" in start
    assert _sidebar(start)[:6] == ["For instructors", "Instructor pages", "Teacher guide",
                                   "Author guide", "The student book", "Start here"]
    assert re.findall(r'prev-next-title">([^<]+)', start) == ["Teacher guide"]


def test_the_student_edition_still_opens_on_start_here(built):
    site = built("student")
    assert 'url=book/intro.html' in _read(site, "index.html")
    assert "For instructors" not in _read(site, "book/intro.html")


def test_every_assignment_has_a_link_that_opens_its_first_chapter(built, root):
    site = built("instructor")
    start = _read(site, "book/instructor/start.html")
    links = dict((a, h) for h, a in re.findall(
        r'<a class="sb-assignment-link" href="([^"]+\?assignment=([a-z0-9-]+))"', start))
    assignments = yaml.safe_load((root / "assignments.yml").read_text(encoding="utf-8"))
    assert set(links) == {a["id"] for a in assignments}
    order = chapter_order(root)
    for a in assignments:
        href = links[a["id"]]
        target = (site / "book" / "instructor" / urlsplit(href).path).resolve()
        assert target.is_file() and not href.startswith(("/", "http")), href
        first = min(a["chapters"], key=order.index)
        assert target == (site / f"{first}.html").resolve()
        assert f"--assignment {a['id']}" in start


def test_answer_keys_run_in_lesson_order(built, root, book_sets):
    _, sets = book_sets
    guide = _read(built("instructor"), "book/instructor/teacher-guide.html")
    shown = re.findall(r'<h3 id="key-([^"]+)"', guide)
    order = chapter_order(root)
    assert shown == [s.info.id for s in sorted(sets, key=lambda s: order.index(s.info.chapter))]
    assert shown[:2] == ["war", "authors"]


def test_objective_codes_are_for_teachers_only(built):
    student = _read(built("student"), "book/war.html")
    teacher = _read(built("instructor"), "book/war.html")
    assert 'id="obj-war-1"' in student and "sb-obj-id" not in student
    assert '<span class="sb-obj-id">war-1</span>' in teacher


def test_pacing_is_computed_and_the_start_page_says_the_same(built, root, book_sets):
    ctx, sets = book_sets
    total = as_hours(total_minutes(lesson_pace(root, sets, ctx.sources)))
    intro = _read(built("student"), "book/intro.html")
    guide = _read(built("instructor"), "book/instructor/teacher-guide.html")
    assert "50-minute class plus homework" not in intro
    assert f'<span class="sb-lesson-length">{total}</span>' in intro
    table = guide[guide.index('class="table sb-table sb-pacing'):]     # then sb-stacked (phones)
    table = table[:table.index("</table>")]
    rows = re.findall(r'<tr><th scope="row">([^<]+)', table)
    assert rows[-1] == "The lesson" and total in table
    assert rows.index("Korea, June 1950 to January 1951") < rows.index("The document")


def test_next_from_the_start_page_follows_the_guides_order(built, root):
    intro = _read(built("student"), "book/intro.html")
    first = chapter_order(root)[1]
    assert first == "book/war"
    assert re.search(r'class="right-next"\s+href="war.html"', intro)


def test_the_commands_on_the_start_page_are_the_commands_the_kit_has(root):
    """Every `sourcebook grade|worksheet` option the teacher is told to type exists."""
    from sourcebook.cli import main
    text = (root / "book" / "instructor" / "start.md").read_text(encoding="utf-8")
    text = text.replace("\\\n", " ")
    used = re.findall(r"sourcebook (grade|worksheet)\b([^`\n]*)", text)
    assert {name for name, _ in used} == {"grade", "worksheet"}
    for name, rest in used:
        known = {opt for p in main.commands[name].params for opt in getattr(p, "opts", [])}
        for option in re.findall(r"(--[a-z-]+)", rest):
            assert option in known, (name, option)
    for option in ("--assignment", "--roster", "--marks", "--pdf", "--out"):
        assert f"{option}" in text
