"""`sourcebook new TEXT --lesson DIR`: a new book of its own around one document, from a plain
text or a TEI volume; it checks clean, and a refused run writes nothing. (The build, and that
it shows nothing of the example lesson: tests/build/test_other_lesson.py.)"""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from sourcebook.cli import main

ROOT = Path(__file__).resolve().parents[3]
COPIED = ROOT / "tests" / "fixtures" / "copied" / "telegram-dateline.txt"
OTHER = ROOT / "tests" / "fixtures" / "other-lesson" / "frus1955-57v25-d6.xml"


def new_lesson(folder: Path, text: Path, *args: str):
    return CliRunner().invoke(main, ["new", str(text), "--lesson", str(folder), *args])


def files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_a_plain_text_starts_a_complete_lesson_that_checks(tmp_path):
    lesson = tmp_path / "lesson"
    done = new_lesson(lesson, COPIED, "--slug", "telegram-lesson")
    assert done.exit_code == 0, done.output
    assert "sourcebook check: all seeds, exercise sets and guides are valid" in done.output
    assert f"Next: sourcebook build --root {lesson}" in done.output
    assert files(lesson) == {
        "_config.yml", "_toc.yml", "book/intro.md", "book/close-reading.md",
        "book/instructor/_toc.yml", "book/instructor/start.md", "book/data/objectives.yml",
        "book/data/guides/telegram-lesson.yml", "book/sources/telegram-lesson.md",
        "exercises/telegram-lesson.yml", "seeds/telegram-lesson.txt", "seeds/telegram-lesson.yml"}
    config = yaml.safe_load((lesson / "_config.yml").read_text(encoding="utf-8"))
    meta = yaml.safe_load((lesson / "seeds" / "telegram-lesson.yml").read_text(encoding="utf-8"))
    assert config["title"] == meta["title"] == config["sphinx"]["config"]["html_title"]
    assert config["author"].startswith("FILL IN")        # the teacher, not the document's writer
    assert config["sourcebook"] == {"book_id": "telegram-lesson", "content_version": "1",
                                    "require_student_id": False, "paper": "letter"}
    assert (lesson / "seeds" / "telegram-lesson.txt").read_bytes().startswith(b"795.00/")
    objectives = yaml.safe_load((lesson / "book/data/objectives.yml").read_text("utf-8"))
    assert {o["chapter"] for o in objectives} == {"book/close-reading",
                                                  "book/sources/telegram-lesson"}
    check = CliRunner().invoke(main, ["check", "--root", str(lesson)])
    assert check.exit_code == 0, check.output


def test_the_starter_guide_reads_the_document_through_four_lenses(tmp_path):
    lesson = tmp_path / "lesson"
    assert new_lesson(lesson, OTHER, "--document", "d6", "--slug", "uprising").exit_code == 0
    guide = yaml.safe_load((lesson / "book/data/guides/uprising.yml").read_text("utf-8"))
    assert guide["source"] == "uprising"
    assert [lens["id"] for lens in guide["lenses"]] == ["sourcing", "contextualization",
                                                        "close-reading", "corroboration"]
    assert guide["lenses"][0]["notices"].startswith(
        "Robert Finley Delaney of the Office of Policy and Programs, Soviet Orbit Division, "
        "United States Information Agency, wrote this memorandum to Francis B. Stevens of the "
        "Office of Eastern European Affairs, dated 24 January 1955.")
    assert 'It was marked "secret"' in guide["lenses"][0]["notices"]
    assert "24 January 1955" in guide["lenses"][1]["notices"]
    assert guide["lenses"][0]["passages"] == ["p1.s1"]
    start = (lesson / "book" / "intro.md").read_text(encoding="utf-8")
    assert start.startswith("# About this lesson\n")
    assert "one document, “Analysis of Actions to be Taken in Event of Eastern European " \
        "Uprising”" in start


def test_a_folder_that_is_not_empty_is_refused_and_left_alone(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    done = new_lesson(tmp_path, COPIED)
    assert done.exit_code != 0
    assert "new or empty folder" in done.output and "nothing was written" in done.output
    assert files(tmp_path) == {"notes.txt"}


def test_lesson_and_root_are_one_or_the_other(tmp_path):
    done = CliRunner().invoke(main, ["new", str(COPIED), "--lesson", str(tmp_path / "a"),
                                     "--root", str(ROOT)])
    assert done.exit_code != 0 and "give one of the two" in done.output
    assert not (tmp_path / "a").exists()


def with_names(folder, text: str):
    """`folder` holding only its lesson's decimal-file names; the names file."""
    table = folder / "book" / "data" / "decimal-file.yml"
    table.parent.mkdir(parents=True)
    table.write_text(text, encoding="utf-8")
    return table


def starter_items(lesson) -> dict:
    """The new lesson's starter exercises, by id."""
    sets = yaml.safe_load((lesson / "exercises/telegram-lesson.yml").read_text("utf-8"))
    return {i["id"]: i for i in sets["items"]}


def test_a_folder_holding_its_decimal_file_names_decodes_the_file_number(tmp_path):
    # The lesson's own names (book/data/decimal-file.yml) may be put in the folder first: the
    # kit's table names no country "95", the lesson's does, and the chapter and the starter
    # exercises then name it.
    lesson = tmp_path / "lesson"
    table = with_names(lesson, 'countries:\n  "95": Testland\n')
    done = new_lesson(lesson, COPIED, "--slug", "telegram-lesson")
    assert done.exit_code == 0, done.output
    assert table.read_text(encoding="utf-8") == 'countries:\n  "95": Testland\n'
    chapter = (lesson / "book/sources/telegram-lesson.md").read_text(encoding="utf-8")
    assert "| **95** | The country number: Testland |" in chapter
    country = starter_items(lesson)["telegram-lesson-country"]
    assert next(o["text"] for o in country["options"] if o["id"] == country["answer"]) \
        == "Testland"


def test_without_its_own_names_a_lesson_leaves_the_country_unnamed(tmp_path):
    lesson = tmp_path / "lesson"
    assert new_lesson(lesson, COPIED, "--slug", "telegram-lesson").exit_code == 0
    chapter = (lesson / "book/sources/telegram-lesson.md").read_text(encoding="utf-8")
    assert "| **95** | The country number |" in chapter and "Testland" not in chapter
    # the student reads only what is known; the author is told what to add, in a comment
    assert "\n% sourcebook new: this lesson's table of decimal-file names does not name the " \
        "country number 95. Add it to book/data/decimal-file.yml" in chapter
    assert "unknown" not in chapter and "filing manual" not in chapter
    assert "telegram-lesson-country" not in starter_items(lesson)


def test_a_bad_decimal_file_in_the_folder_is_refused_by_line(tmp_path):
    with_names(tmp_path, 'countries:\n  "950": Testland\n')
    done = new_lesson(tmp_path, COPIED)
    assert done.exit_code != 0
    assert "book/data/decimal-file.yml:2: countries.950: is not a number of two digits" \
        in done.output
    assert files(tmp_path) == {"book/data/decimal-file.yml"}


def test_beside_the_decimal_file_the_folder_must_be_empty(tmp_path):
    with_names(tmp_path, 'countries:\n  "95": Testland\n')
    (tmp_path / "book" / "data" / "timeline.yml").write_text("[]\n", encoding="utf-8")
    done = new_lesson(tmp_path, COPIED)
    assert done.exit_code != 0 and "new or empty folder" in done.output
    assert files(tmp_path) == {"book/data/decimal-file.yml", "book/data/timeline.yml"}


def test_check_reports_a_broken_decimal_file_once(tmp_path):
    lesson = tmp_path / "lesson"
    assert new_lesson(lesson, COPIED, "--slug", "telegram-lesson").exit_code == 0
    table = lesson / "book" / "data" / "decimal-file.yml"
    table.write_text('countries:\n  "95": "<i>Testland</i>"\n', encoding="utf-8")
    check = CliRunner().invoke(main, ["check", "--root", str(lesson)])
    assert check.exit_code != 0
    assert check.output.count("book/data/decimal-file.yml:2: countries.95: a name is plain "
                              "words") == 1, check.output


def test_two_country_numbers_with_one_name_give_the_country_question_no_twin_options(tmp_path):
    # the lesson names "41" France, as the kit names "51": the distractors were France twice
    lesson = tmp_path / "lesson"
    with_names(lesson, 'countries:\n  "95": Testland\n  "41": France\n')
    done = new_lesson(lesson, COPIED, "--slug", "telegram-lesson")
    assert done.exit_code == 0, done.output
    country = starter_items(lesson)["telegram-lesson-country"]
    texts = [o["text"] for o in country["options"]]
    assert len(texts) == len(set(texts)) == 4 and "Testland" in texts
