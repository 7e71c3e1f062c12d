"""Text copied from history.state.gov is put in the seed's form, and `sourcebook new` fills the
fields it states. Fixtures: tests/fixtures/copied (see its README)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from sourcebook.authoring.copied import normalize
from sourcebook.authoring.scaffold import draft, read_document, seed_yaml
from sourcebook.model.source import parse_text

ROOT = Path(__file__).resolve().parents[3]
COPIED = ROOT / "tests" / "fixtures" / "copied"
FRUS = ROOT / "tests" / "fixtures" / "frus"


def drafted(name: str):
    path = COPIED / name
    text, facts, changes = read_document(path)
    return draft(path, text=text, facts=facts), text


def test_glued_call_outs_are_read_with_the_footnote_block_as_evidence():
    d, text = drafted("memo-footnotes.txt")
    s = d.source
    assert s.footnotes == {1: "The resolution of December 14, 1950, set up the cease-fire group.",
                           2: "See the telegram from New York of January 13."}
    assert s.sentence("p1.s1").text == "The proposal of December 14, 1950 is still before the Assembly."
    assert s.sentence("p1.s1").footnotes == [1] and s.sentence("p1.s2").footnotes == [2]
    assert len(s.paragraphs) == 2          # the notes are no body paragraphs


def test_digits_without_a_footnote_block_are_left_alone():
    text = "795.00/1–1551\n\nMemorandum by A (X) to B\n\nIt was 19501 miles away.\n\nX\n"
    assert normalize(text) == (text, [])
    unproven = text + "\n1. A note whose call cannot be found.\n"
    assert normalize(unproven.replace("19501", "20000"))[1] == []


def test_a_text_in_seed_form_comes_back_byte_for_byte():
    for path in FRUS.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        assert normalize(text) == (text, []), path.name


def test_list_items_on_consecutive_lines_stay_separate_items():
    d, _ = drafted("memo-reference-list.txt")
    items = [p.text for p in d.source.paragraphs[1:4]]
    assert items == ["(1) tents for the camps near the port;", "(2) rice for the coming month;",
                     "(3) medicine for the children."]
    assert all(len(p.sentences) == 1 for p in d.source.paragraphs[1:4])
    assert d.ap.reference == "Reference: Your memorandum of February 9."
    assert d.ap.number == 61


def test_a_page_line_inside_a_paragraph_turns_the_page_inside_the_sentence():
    d, _ = drafted("memo-reference-list.txt")
    turn = [s for s in d.source.sentences if s.page != s.page_end]
    assert [(s.id, s.pages) for s in turn] == [("p5.s2", "87–88")]
    assert d.first_page == 87


def test_date_line_first_file_number_as_a_check():
    d, _ = drafted("telegram-dateline.txt")
    assert (d.date, d.date_basis) == (dt.date(1951, 3, 12), "date line")
    assert d.ap.time == "7 p. m."
    assert d.date_notes == ["the file number 795.00/3–1351 was filed 1 day(s) later"]
    text = (COPIED / "telegram-dateline.txt").read_text().replace("3–1351", "4–2051")
    source = parse_text(text)
    assert source.apparatus.date == dt.date(1951, 3, 12)


def test_a_date_line_that_disagrees_with_the_file_number_is_reported(tmp_path):
    path = tmp_path / "late.txt"
    path.write_text((COPIED / "telegram-dateline.txt").read_text().replace("3–1351", "9–1351"),
                    encoding="utf-8")
    d = draft(path)
    assert d.date == dt.date(1951, 3, 12)
    assert any("DISAGREES" in n for n in d.date_notes)
    assert any(v.startswith("date: the date line says 1951-03-12, the file number 1951-09-13")
               for v in d.verify)


@pytest.mark.parametrize("name, author, kind, slug", [
    ("memo-footnotes.txt", "Dean Rusk", "Memorandum", "rusk-1951-01-15-cease-fire-proposal"),
    ("letter-enclosure.txt", "Livingston T. Merchant", "Letter", "merchant-1950-11-21-letter-ward"),
    ("telegram-dateline.txt", "James E. Webb", "Telegram",
     "webb-1951-03-12-telegram"),
    ("memo-reference-list.txt", "U. Alexis Johnson", "Memorandum",
     "johnson-1951-02-14-supplies-refugee-camps"),
])
def test_signature_gives_the_writer_and_the_slug_never_an_office(name, author, kind, slug):
    d, _ = drafted(name)
    assert (d.author.name, d.kind, d.slug) == (author, kind, slug)
    meta = seed_yaml(d)
    author_line = next(ln for ln in meta.splitlines() if ln.startswith("  name:"))
    assert "FILL IN" not in author_line and "VERIFY" not in author_line, author_line
    for line in meta.splitlines():
        if line.startswith(("date:", "date_basis:", "kind:", "classification:", "subject:")):
            assert "FILL IN" not in line, line
    assert yaml.safe_load(meta)["date_basis"] == "date line"
    assert "secretary" not in d.slug and "assistant" not in d.slug


def test_letter_without_memorandum_by_names_its_addressee_as_a_person():
    d, _ = drafted("letter-enclosure.txt")
    assert d.recipient.name == "Colonel Henry Ward" and d.recipient.phrase == "Colonel Henry Ward"
    assert d.title == ("The Deputy Assistant Secretary of State for Far Eastern Affairs "
                       "(Merchant) to Colonel Henry Ward")
    kinds = [b.kind for b in d.source.blocks]
    assert kinds[4:] == ["salutation", "paragraph", "paragraph", "closing", "signature",
                         "enclosure", "enclosure-heading", "paragraph", "paragraph",
                         "footnote", "footnote"]
    assert d.source.signature == "Livingston T. Merchant"


def test_a_file_number_after_the_heading_is_never_read_as_a_call_out():
    text = ("52. Memorandum by the Director (Allison) to the Secretary of State1\n\n"
            "795.00/1–1251\n\nsecret\n\nText here.\n\n1. Source note.\n")
    out, changes = normalize(text)
    assert out.startswith("52. Memorandum by the Director (Allison) to the Secretary of State[1]"
                          "\n\n795.00/1–1251\n\n")
    assert out.endswith("[1] Source note.\n") and changes
