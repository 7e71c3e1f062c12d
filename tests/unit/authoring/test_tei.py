"""TEI import: one document of a FRUS volume becomes a seed text in the plain-text format and the
facts its markup states. Fixtures: tests/fixtures/tei (see its README)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sourcebook.authoring.tei import TeiError, import_document
from sourcebook.model.source import parse_text

ROOT = Path(__file__).resolve().parents[3]
TEI = ROOT / "tests" / "fixtures" / "tei"
VOLUME = TEI / "volume.xml"
SEED = ROOT / "seeds" / "rusk-1951-01-12-continued-resistance.txt"


def parsed(doc_id: str):
    doc = import_document(VOLUME, doc_id)
    return doc, parse_text(doc.text, path="import", first_page=doc.facts.first_page)


def test_the_memo_encoded_in_tei_gives_the_seed_text_exactly():
    doc, source = parsed("d52")
    assert doc.text.rstrip("\n") == SEED.read_text(encoding="utf-8").rstrip("\n")
    seed = parse_text(SEED.read_text(encoding="utf-8"), first_page=66)
    assert [(s.id, s.pages, s.text) for s in source.sentences] == \
        [(s.id, s.pages, s.text) for s in seed.sentences]


def test_the_memo_facts_fill_every_metadata_field():
    f = import_document(VOLUME, "d52").facts
    assert (f.author.name, f.author.office) == ("Dean Rusk",
                                                "Assistant Secretary of State for Far Eastern Affairs")
    assert (f.recipient.name, f.recipient.office) == ("Dean Acheson", "Secretary of State")
    assert f.author_complete and f.recipient_complete
    assert (f.date, f.date_basis) == (dt.date(1951, 1, 12), "file number")
    assert f.citation == {"series": "Foreign Relations of the United States", "year": 1951,
                          "volume": "VII", "volume_title": "Korea and China", "part": 1,
                          "document": 52, "pages": "66–67"}
    assert f.first_page == 66
    assert f.source_url == "https://history.state.gov/historicaldocuments/frus1951v07p1/d52"


def test_telegram_date_line_time_footnotes_and_signature():
    doc, source = parsed("d53")
    ap = source.apparatus
    assert ap.file_number == "795.00/3–1351" and ap.file_suffix == "Telegram"
    assert ap.date_line == "Washington, March 12, 1951—7 p. m." and ap.time == "7 p. m."
    assert ap.classification == "secret"
    assert source.signature == "Acheson"
    assert source.footnotes == {1: "Repeated to Tokyo for the Commander in Chief, Far East.",
                                2: "Not printed.",
                                3: "No such report has been found in the Department's files."}
    assert "[1]" in ap.heading                     # the heading's own footnote stays on it
    assert source.sentence("p1.s1").footnotes == [2]
    assert source.sentence("p2.s1").footnotes == [3]
    f = doc.facts
    assert (f.date, f.date_basis) == (dt.date(1951, 3, 12), "date line")
    assert f.date_notes == ["the file number 795.00/3–1351 was filed 1 day(s) later"]
    assert f.author.name == "Dean Acheson"         # the office, matched in the list of persons
    assert f.citation["pages"] == "67" and f.citation["document"] == 53


def test_letter_with_salutation_close_signature_and_enclosure():
    doc, source = parsed("d54")
    kinds = [b.kind for b in source.blocks]
    assert kinds == ["file-number", "heading", "classification", "date", "salutation",
                     "paragraph", "paragraph", "closing", "signature", "enclosure",
                     "enclosure-heading", "paragraph", "paragraph"]
    assert source.signature == "John J. Muccio"
    assert source.paragraphs[2].text.startswith("The camps hold")
    assert doc.facts.recipient.name == "Dean Rusk"      # persName type="to" corresp="#p_RD1"


def test_list_items_reference_and_page_breaks_inside_an_item_and_a_sentence():
    doc, source = parsed("d55")
    assert source.apparatus.reference == "Reference: Your memorandum of March 19.[1]"
    assert source.apparatus.date == dt.date(1951, 3, 21)     # "[Washington,] 21 March 1951."
    items = [p.text for p in source.paragraphs[1:4]]
    assert [t[:2] for t in items] == ["a.", "b.", "c."]
    turn = source.sentence("p3.s1")
    assert turn.pages == "68–69" and "[Page 69]" in turn.raw and len(source.paragraphs[2].sentences) == 1
    assert doc.facts.citation["pages"] == "68–69"
    memo, _ = parsed("d52")
    assert parse_text(memo.text, first_page=66).sentence("p2.s4").pages == "66–67"


def test_a_single_document_file_needs_no_id():
    doc = import_document(TEI / "single.xml")
    assert doc.doc_id == "d7" and doc.facts.first_page == 12
    assert (doc.facts.date, doc.facts.date_basis) == (dt.date(1950, 7, 7), "file number")
    assert doc.facts.citation["part"] is None and doc.facts.citation["volume"] == "VII"
    assert doc.facts.citation["year"] == 1950
    assert doc.facts.recipient is None
    source = parse_text(doc.text, first_page=12)
    assert source.apparatus.classification == "restricted"      # a paragraph, not an opener
    assert [p.text for p in source.paragraphs][0].startswith("The first shipment")


@pytest.mark.parametrize("name, doc_id, fragment, line", [
    ("malformed.xml", None, "not well-formed XML", 6),
    ("entities.xml", None, "refused: the file declares entities", None),
    ("external.xml", None, "refused: the file declares entities", None),
    ("not-tei.xml", None, "not a TEI file", 1),
    ("volume.xml", "d999", 'no document "d999" in this volume (its documents run d51 to d57)', None),
    ("volume.xml", "d51", "is an editorial note", None),
    ("volume.xml", "ch1", '"ch1" is a chapter heading ("Korea")', None),
    ("volume.xml", None, "the volume holds 7 documents; choose one with --document", None),
])
def test_refusals_name_the_file_and_say_why(name, doc_id, fragment, line):
    with pytest.raises(TeiError) as err:
        import_document(TEI / name, doc_id)
    message = str(err.value)
    assert str(TEI / name) in message and fragment in message, message
    assert err.value.line == line


def test_a_paper_prepared_for_an_official_without_a_file_number():
    doc, source = parsed("d56")
    ap = source.apparatus
    assert (ap.kind, ap.author, ap.recipient) == ("Paper", "the Policy Planning Staff",
                                                  "the Secretary of State")
    assert ap.file_number is None and doc.facts.source_note == "S/P Files: Lot 64 D 563"
    assert ap.date_line == "[Washington,] March 30, 1951." and doc.facts.date_basis == "date line"
    assert [p.text for p in source.paragraphs][1] == ". . . . . . . . . . . . . ."
    assert source.paragraphs[0].sentences[0].text == "1. The staff was asked what course to follow if talks begin."
    assert source.paragraphs[2].text.endswith("where it stands.")   # the markup's stray space goes
    assert doc.facts.recipient.name == "Dean Acheson"


def test_later_volumes_source_note_footnote_closer_dateline_and_names_in_the_heading():
    from sourcebook.authoring.scaffold import draft, seed_yaml
    path = TEI / "modern.xml"
    doc = import_document(path, "d2")
    f = doc.facts
    assert (f.author.name, f.author.office) == ("William P. Rogers", "Secretary of State")
    assert (f.recipient.name, f.recipient.office) == ("Richard M. Nixon",
                                                      "President of the United States")
    assert (f.file_number, f.classification) == ("611.95/3–270", "secret")
    assert (f.date, f.date_basis) == (dt.date(1970, 3, 2), "date line")
    source = parse_text(doc.text, first_page=f.first_page)
    assert source.footnotes[1].startswith("Source: National Archives")   # printed as note 1
    assert source.apparatus.subject == "The Talks in Testland"
    assert f.citation["year"] == "1969–76" and f.citation["part"] is None
    meta = seed_yaml(draft(path, text=doc.text, facts=f))
    assert "FILL IN" not in meta.split("# Then run")[1]
    with pytest.raises(TeiError, match="is an editorial note"):
        import_document(path, "d1")
    with pytest.raises(TeiError, match='"comp1" is a compilation heading'):
        import_document(path, "comp1")


def test_a_telegram_filed_in_a_lot_file_with_a_day_first_date_line():
    doc, source = parsed("d57")
    ap = source.apparatus
    assert ap.file_number is None and doc.facts.kind == "Telegram"
    assert (ap.date, ap.time) == (dt.date(1951, 3, 25), "6:49 p. m.")
    assert (ap.classification, ap.handling) == ("top secret", "priority")
    assert (doc.facts.date, doc.facts.date_basis) == (dt.date(1951, 3, 25), "date line")


def test_an_impossible_file_number_date_is_refused_naming_the_file_and_document(tmp_path):
    volume = tmp_path / "volume.xml"
    text = VOLUME.read_text(encoding="utf-8")
    volume.write_text(text.replace("795.00/1–1251", "795.00/13–1251"), encoding="utf-8")
    with pytest.raises(TeiError) as err:
        import_document(volume, "d52")
    assert err.value.field == "file number"
    assert str(err.value) == (f'{volume}: file number: document "d52", 795.00/13–1251: '
                              '"13-1251" would be month 13, day 12, year 1951: not a real date')


def test_a_real_volume_subject_list_bare_date_line_and_a_name_first_heading():
    """FRUS 1955–57, vol. XXV, doc. 6 (tests/fixtures/other-lesson, verbatim): the subject as
    `<list type="subject">`, the date line right under the heading (no opener), and a heading
    that names the writer first ("from Robert F. Delaney of the Office of …")."""
    doc = import_document(ROOT / "tests" / "fixtures" / "other-lesson" / "frus1955-57v25-d6.xml",
                          "d6")
    source = parse_text(doc.text, path="import", first_page=doc.facts.first_page)
    assert source.apparatus.subject == \
        "Analysis of Actions to be Taken in Event of Eastern European Uprising"
    assert source.apparatus.date_line == "Washington, January 24, 1955."
    assert doc.text.count("Washington, January 24, 1955.") == 1
    assert source.paragraphs[0].text.startswith("Based upon the January 18 NSC 174 Working")
    f = doc.facts
    assert (f.date, f.date_basis) == (dt.date(1955, 1, 24), "date line")
    assert (f.author.name, f.author.office) == (
        "Robert Finley Delaney",
        "Office of Policy and Programs, Soviet Orbit Division, United States Information Agency")
    assert (f.recipient.name, f.recipient.office) == ("Francis B. Stevens",
                                                      "Office of Eastern European Affairs")
    assert f.file_number == "760.00/1–2455" and f.classification == "secret"


@pytest.mark.parametrize("note, marking", [
    ("Source: National Archives, RG 59, Central Files, 611.95/3–270. Secret; Nodis.", "secret"),
    ("Source: Eisenhower Library, White House Central Files, Confidential File, Box 3. "
     "Top Secret; Eyes Only.", "top secret"),
    ("Source: Eisenhower Library, White House Central Files, Confidential File, Box 3.", None),
    ("Source: Department of State, Records of the Secret Service liaison. Unclassified.",
     "unclassified"),
])
def test_the_marking_in_a_source_note_is_its_own_sentence_not_a_files_name(note, marking):
    # "Confidential File" is a collection of the White House Central Files, not a marking
    from sourcebook.authoring.tei_facts import classification_in_note
    assert classification_in_note(note) == marking
