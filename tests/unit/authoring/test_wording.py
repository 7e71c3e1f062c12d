"""The words of `sourcebook new` are files (authoring/templates), filled by the code.

Every branch the code can take finds its words: a document dated by its editors or by a file
number without a date line, a file number of relations between two countries, a heading with
no addressee. A missing value is an error, never a blank in the chapter. The fixture is the
invented telegram of test_scaffold.py.
"""

from __future__ import annotations

import dataclasses

import jinja2
import pytest
import yaml

from sourcebook.authoring import wording
from sourcebook.authoring.chapter import chapter_md
from sourcebook.authoring.scaffold import draft, read_document
from sourcebook.authoring.starter_set import exercises_yaml, objectives_yaml, starter_items
from sourcebook.model.decimal_file import names_for

from unit.authoring.test_scaffold import FIXTURE

from conftest import ROOT


def telegram(replace: tuple[str, str] = ("", "")):
    """The invented telegram, drafted as for the example lesson (whose names decode "95")."""
    text, facts, _ = read_document(FIXTURE)
    return draft(FIXTURE, None, text=text.replace(*replace), facts=facts,
                 names=names_for(ROOT))


def by_id(d) -> dict[str, dict]:
    return {item["id"].removeprefix(f"{d.slug}-"): item for item in starter_items(d)}


def test_a_missing_value_is_an_error_not_a_blank():
    with pytest.raises(jinja2.UndefinedError):
        wording.say("starter_exercises.yml", "author", "prompt")     # no kind given
    with pytest.raises(jinja2.UndefinedError):
        wording.render("chapter.md", title="A title")


def test_the_telegram_reads_from_its_templates():
    d = telegram()
    chapter = chapter_md(d)
    assert chapter.startswith("# Morale of the ROK Government at Pusan\n\n```{objectives}\n```\n")
    assert "This chapter presents a telegram by the Ambassador in Korea (Muccio) to the " \
           "Secretary of State, dated 10 January 1951." in chapter
    assert "| **1–1051** | The date as month–day–year: month 1, day 10, year (19)51, so " \
           "10 January 1951 |" in chapter
    assert "with the handling instruction “priority”." in chapter
    assert "It agrees with the date in the file number.\n\n### The subject line" in chapter
    assert chapter.endswith("- It was marked “secret”: a restricted, internal paper.\n:::\n")
    assert "{{" not in chapter and "{%" not in chapter
    exercises = yaml.safe_load(exercises_yaml(d, "book/sources/telegram"))
    assert exercises["set"]["title"] == "Reading the apparatus: Morale of the ROK Government " \
                                        "at Pusan"
    items = by_id(d)
    assert items["author"]["prompt"] == "Who wrote this telegram?"
    assert items["sourcing"]["rubric"][0] == ("Names the kind of document (telegram), its "
                                              "writer and its addressee.")
    assert items["page-turn"]["explanation"] == ("The page turns inside p2.s3 (pages 44–45). A "
                                                 "quotation from it must cite both pages.")


def test_a_document_its_editors_date():
    d = telegram()
    d.date_basis, d.ap.date_line = "editors' date", None
    assert by_id(d)["date"]["explanation"] == "The volume's editors date it to 10 January 1951."
    assert by_id(d)["date"]["hint"] == "Look at the footnotes and the page's caption."
    assert "- The volume's editors date it to 10 January 1951." in chapter_md(d)


def test_a_document_its_file_number_dates():
    d = telegram()
    d.date_basis, d.ap.date_line = "file number", None
    date = by_id(d)["date"]
    assert date["prompt"].startswith("The document carries the file number **795.00/1–1051**.")
    assert date["explanation"] == ("“1–1051” is the date as month–day–year: month 1, day 10, "
                                   "year (19)51, so 10 January 1951.")
    d.ap.file_number = None              # the number only in the source note
    d.facts = dataclasses.replace(d.facts, file_number="795.00/1–1051")
    assert by_id(d)["date"]["explanation"] == ("The file number in the source note, "
                                               "795.00/1–1051, dates it to 10 January 1951.")
    objectives = objectives_yaml(d, "book/sources/telegram")     # the chapter explains it
    assert objectives.endswith('text: "Decode the file number 795.00/1–1051 and explain what '
                               'it says about the document\'s subject and date."\n')
    chapter = chapter_md(d)
    assert "The source note gives the file number **795.00/1–1051**" in chapter
    assert "### The source note" not in chapter       # no note's words to quote


def test_relations_between_two_countries():
    d = telegram(("795.00/1–1051", "611.95/1–1051"))
    country = by_id(d)["country"]
    assert country["explanation"] == ("In 611.95/1–1051, “11” is the country number for United "
                                      "States. The part after the point names the other "
                                      "country: relations with Korea.")


def test_a_heading_without_an_addressee():
    d = telegram()
    d.recipient = None
    assert "recipient" not in by_id(d)
    chapter = chapter_md(d)
    assert "by the Ambassador in Korea (Muccio), dated 10 January 1951" in chapter
    assert "The heading names the writer, the Ambassador in Korea (Muccio). FRUS" in chapter
    assert "- The Ambassador in Korea (Muccio) wrote this telegram.\n" in chapter


def test_document_text_cannot_start_markup_in_the_chapter():
    d = telegram()
    d.title = "A *bold* [link](x) {role}`y`"
    assert "# A \\*bold\\* \\[link\\](x) \\{role\\}\\`y\\`\n" in chapter_md(d)


@pytest.mark.parametrize("heading, quoted", [
    ("6. Memorandum from Robert F. Delaney", "> 6\\. Memorandum from Robert F. Delaney\n"),
    ("- a dash", "> \\- a dash\n"),
    ("Memorandum by the Secretary 6. of State", "> Memorandum by the Secretary 6. of State\n")])
def test_a_quoted_heading_never_opens_a_list(heading, quoted):
    d = telegram()
    d.source.apparatus.heading = heading
    assert quoted in chapter_md(d)
