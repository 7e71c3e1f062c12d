"""Issue #11: "A lesson made with `sourcebook new` on another document shows nothing of Korea."

`sourcebook new TEXT --document d6 --lesson DIR` starts a lesson on a real FRUS document about
Eastern Europe (tests/other_lesson.py); `sourcebook check` passes and its student edition
builds, and neither the lesson's folder nor any file of the built site (pages, the kit's
scripts and styles, the search index) names the example lesson."""

from __future__ import annotations

import yaml

from other_lesson import (CHAPTER, SLUG, TITLE, built_lesson, files_naming_the_example,
                          instructor_site)


def test_the_new_lesson_is_a_book_of_its_own(tmp_path_factory):
    lesson = built_lesson(tmp_path_factory)
    config = yaml.safe_load((lesson.root / "_config.yml").read_text(encoding="utf-8"))
    assert config["sourcebook"]["book_id"] == SLUG
    assert config["sourcebook"]["content_version"] == "1"
    assert config["title"] == TITLE
    toc = yaml.safe_load((lesson.root / "_toc.yml").read_text(encoding="utf-8"))
    assert [c["file"] for p in toc["parts"] for c in p["chapters"]] == [CHAPTER,
                                                                       "book/close-reading"]
    pages = {p.relative_to(lesson.site).as_posix() for p in lesson.site.rglob("*.html")}
    assert {"book/intro.html", f"{CHAPTER}.html", "book/close-reading.html"} <= pages
    chapter = (lesson.site / f"{CHAPTER}.html").read_text(encoding="utf-8")
    assert "courses of action open to the U.S." in chapter          # the document itself
    assert f'id="sb-set-{SLUG}"' in chapter                             # its starter exercises
    reader = (lesson.site / "book" / "close-reading.html").read_text(encoding="utf-8")
    assert f'id="sbr-{SLUG}"' in reader and "confine itself" in reader
    print(f"\nother lesson: new {lesson.seconds['new']:.1f} s, check "
          f"{lesson.seconds['check']:.1f} s, student build {lesson.seconds['build']:.1f} s")


def test_the_new_lesson_shows_nothing_of_the_example_lesson(tmp_path_factory):
    lesson = built_lesson(tmp_path_factory)
    assert len(list(lesson.site.rglob("*.js"))) > 3       # the scan sees the kit's own assets
    assert files_naming_the_example(lesson.root) == []
    assert files_naming_the_example(lesson.site) == []


def test_its_instructor_edition_opens_on_the_answer_key_and_names_no_other_lesson(
        tmp_path_factory):
    lesson = built_lesson(tmp_path_factory)
    site = instructor_site(lesson)
    start = (site / "book" / "instructor" / "start.html").read_text(encoding="utf-8")
    exercises = yaml.safe_load((lesson.root / "exercises" / f"{SLUG}.yml").read_text("utf-8"))
    assert "For instructors" in start and "Answer key" in start
    assert all(item["id"] in start for item in exercises["items"])
    assert files_naming_the_example(site) == []


def test_the_scan_finds_the_example_lesson(tmp_path):
    (tmp_path / "a.js").write_text('const title = "Continued Resistance in KOREA";')
    (tmp_path / "b.json").write_bytes(b'{"by": "Dean Rusk"}')
    (tmp_path / "c.css").write_text(".sb-reader { color: red }")
    assert files_naming_the_example(tmp_path) == ["a.js", "b.json"]
