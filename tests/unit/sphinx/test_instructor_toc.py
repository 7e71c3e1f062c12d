"""The instructor edition's table of contents: the student one with book/instructor/_toc.yml's
parts, its own first page first when it names one (the built edition: tests/lesson/
test_instructor_start.py)."""

from __future__ import annotations

from sourcebook.sphinx.book_build import instructor_toc


def test_an_instructor_toc_with_its_own_root_comes_first():
    student = {"format": "jb-book", "root": "book/intro",
               "parts": [{"caption": "A", "chapters": [{"file": "book/a"}]}]}
    extra = {"root": "book/instructor/start",
             "parts": [{"caption": "For instructors", "chapters": [{"file": "book/instructor/g"}]}]}
    toc = instructor_toc(student, extra)
    assert toc["root"] == "book/instructor/start"
    assert [p["caption"] for p in toc["parts"]] == ["For instructors", "The student book", "A"]
    assert toc["parts"][1]["chapters"] == [{"file": "book/intro"}]
    legacy = instructor_toc(student, [{"caption": "Extra", "chapters": []}])
    assert legacy["root"] == "book/intro" and legacy["parts"][-1]["caption"] == "Extra"
