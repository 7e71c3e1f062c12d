"""The chapter and starter items `sourcebook new` writes follow the heading's own way of naming
people, and explain a file number and a marking that only the editors' source note gives.
Fixtures: FRUS 1955–57, vol. XXV, doc. 6 (tests/fixtures/other-lesson, verbatim), whose heading
names the writer first ("from Robert F. Delaney of the Office of …") and whose source note alone
gives "760.00/1–2455. Secret."; and the kit's memo, whose heading puts "(Rusk)" after the office
and prints its file number and marking above the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from sourcebook.authoring.chapter import chapter_md
from sourcebook.authoring.draft import draft
from sourcebook.authoring.facts import parse_party
from sourcebook.authoring.starter_set import starter_items
from sourcebook.authoring.tei import import_document
from sourcebook.model.decimal_file import KIT, names_for

ROOT = Path(__file__).resolve().parents[3]
OTHER = ROOT / "tests" / "fixtures" / "other-lesson" / "frus1955-57v25-d6.xml"
MEMO = ROOT / "seeds" / "rusk-1951-01-12-continued-resistance.txt"
DELANEY = ("Robert Finley Delaney of the Office of Policy and Programs, Soviet Orbit Division, "
           "United States Information Agency")
STEVENS = "Francis B. Stevens of the Office of Eastern European Affairs"
PARENTHESES = "FRUS names officials by their office and puts the surname in parentheses."


@pytest.fixture(scope="module")
def other():
    doc = import_document(OTHER, "d6")
    return draft(OTHER, text=doc.text, facts=doc.facts, names=KIT)   # a new lesson's names


@pytest.fixture(scope="module")
def memo():
    return draft(MEMO, names=names_for(ROOT))


def student_text(chapter: str) -> str:
    """The chapter without its author-facing comment lines."""
    return "\n".join(ln for ln in chapter.splitlines() if not ln.startswith("%"))


def test_a_person_joined_to_an_office_reads_as_the_heading_puts_it():
    p = parse_party("Robert F. Delaney of the Office of Policy and Programs, Soviet Orbit "
                    "Division, United States Information Agency")
    assert (p.name, p.joined_by) == ("Robert F. Delaney", "of the")
    assert p.office == ("Office of Policy and Programs, Soviet Orbit Division, United States "
                        "Information Agency")
    assert p.phrase == p.label == ("Robert F. Delaney of the Office of Policy and Programs, "
                                   "Soviet Orbit Division, United States Information Agency")
    assert p.set_off == p.phrase + ","      # its office has commas, so a comma closes it
    p = parse_party("Francis B. Stevens of the Office of Eastern European Affairs")
    assert p.set_off == p.phrase == "Francis B. Stevens of the Office of Eastern European Affairs"
    p = parse_party("John Smith, at the Embassy in Paris")
    assert (p.name, p.joined_by, p.office) == ("John Smith", "at the", "Embassy in Paris")


def test_an_office_with_the_surname_in_parentheses_keeps_its_wording():
    p = parse_party("the Commander in Chief, Far East (MacArthur)")
    assert p.joined_by == ""
    assert p.phrase == p.set_off == "the Commander in Chief, Far East (MacArthur)"
    assert p.label == "MacArthur, the Commander in Chief, Far East"
    p = parse_party("the Secretary of State")
    assert (p.phrase, p.set_off, p.label) == ("the Secretary of State", "the Secretary of State",
                                              "The Secretary of State")


def test_a_name_first_heading_names_writer_and_addressee_its_way(other):
    chapter = chapter_md(other)
    assert f"a memorandum by {DELANEY}, to {STEVENS}, dated 24 January 1955." in chapter
    assert f"The heading names the writer, {DELANEY}, and the addressee, {STEVENS}.\n" in chapter
    assert PARENTHESES not in chapter and "(Robert Finley Delaney)" not in chapter
    assert f"- {DELANEY}, wrote this memorandum to {STEVENS}.\n" in chapter


def test_the_file_number_and_marking_of_the_source_note_are_explained(other):
    chapter = chapter_md(other)
    assert ("Footnote 1, on the heading, is the editors' source note: “Source: Department of "
            "State, Central Files, 760.00/1–2455. Secret.” It says where the editors of FRUS found "
            "the document. It also gives the document's file number and its security marking, "
            "which are not printed above the text here") in chapter
    assert "### The file number: 760.00/1–2455\n\nThe source note gives the file number " \
        "**760.00/1–2455**, the number under which the State Department filed" in chapter
    assert "| **7** | The subject class: internal political and national defense affairs |" \
        in chapter
    assert "| **1–2455** | The date as month–day–year: month 1, day 24, year (19)55, so " \
        "24 January 1955 |" in chapter
    assert "So the file number dates the document to **24 January 1955**." in chapter
    assert "### The security marking: “Secret”\n\nThe source note gives the document's security " \
        "marking: **Secret**." in chapter
    assert "- It was marked “Secret”, as the editors' source note records" in chapter
    # its footnotes part shows a note on the text, not the source note again
    assert "Footnote 2 reads: “Neither a report of the Working Group" in chapter
    assert chapter.index("### The heading") < chapter.index("### The source note") \
        < chapter.index("### The file number") < chapter.index("### The security marking")


def test_a_country_the_lesson_does_not_name_is_left_to_the_author(other):
    chapter = chapter_md(other)
    students = student_text(chapter)
    assert "| **60** | The country number |" in students
    assert "unknown" not in students and "decimal-file.yml" not in students
    assert "\n% sourcebook new: this lesson's table of decimal-file names does not name the " \
        "country number 60. Add it to book/data/decimal-file.yml" in chapter


def test_the_starter_items_name_people_as_the_heading_does(other):
    items = {i["id"].removeprefix(other.slug + "-"): i for i in starter_items(other)}
    author = items["author"]
    assert next(o["text"] for o in author["options"] if o["id"] == author["answer"]) == DELANEY
    assert author["explanation"].endswith(f"The writer is {DELANEY}.")
    assert any(o.get("feedback", "").startswith(f"{STEVENS} received it")
               for o in author["options"])
    recipient = items["recipient"]
    assert any(o.get("feedback", "").startswith(f"{DELANEY}, wrote it")
               for o in recipient["options"])
    secrecy = items["secrecy"]         # the marking of the source note is asked about too
    assert next(o["text"] for o in secrecy["options"] if o["id"] == secrecy["answer"]) == "Secret"
    assert secrecy["hint"] == "Read the editors' source note, footnote 1."
    assert "the editors' source note" in items["sourcing"]["prompt"]


def test_the_memo_keeps_its_wording_and_its_printed_apparatus(memo):
    chapter = chapter_md(memo)
    rusk = "the Assistant Secretary of State for Far Eastern Affairs (Rusk)"
    assert f"The heading names the writer, {rusk}, and the addressee, the Secretary of State. " \
        f"{PARENTHESES}\n" in chapter
    assert f"a memorandum by {rusk} to the Secretary of State, dated 12 January 1951." in chapter
    assert "The first line, **795.00/1–1251**, is the number under which" in chapter
    assert "The document is marked **top secret**." in chapter
    assert "- It was marked “top secret”: a restricted, internal paper." in chapter
    assert "source note" not in chapter and "\n%" not in chapter.split("## The document")[1]
    items = {i["id"].removeprefix(memo.slug + "-"): i for i in starter_items(memo)}
    assert items["secrecy"]["hint"] == "Look for a security marking below the heading."
    assert items["sourcing"]["prompt"].startswith(
        "Using only the apparatus (the lines above the first paragraph), say")


def test_the_parentheses_sentence_needs_parentheses_in_the_heading():
    volume = ROOT / "tests" / "fixtures" / "tei" / "volume.xml"
    doc = import_document(volume, "d53")        # "The Secretary of State to the Embassy in Korea"
    chapter = chapter_md(draft(volume, text=doc.text, facts=doc.facts))
    assert "The heading names the writer, the Secretary of State (Dean Acheson), and the " \
        "addressee, the Embassy in Korea.\n" in chapter
    assert PARENTHESES not in chapter


@pytest.mark.parametrize("text", ["Acting Secretary of State Ball", "Joint Chiefs of Staff",
                                  "Under Secretary of the Treasury Fowler",
                                  "Policy Planning Staff of the Department of State"])
def test_an_office_named_before_the_person_is_not_a_person_joined_to_an_office(text):
    # "Memorandum From Acting Secretary of State Ball to President Johnson": "Acting Secretary"
    # is no one's name, so the office is not "State Ball" (the TEI import then finds Ball)
    p = parse_party(text)
    assert (p.joined_by, p.named, p.office) == ("", False, text)
