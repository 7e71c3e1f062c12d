"""The seed parser reads what real FRUS texts hold: line ends of any system, date lines with a
clock time or day-first, list labels, Reference lines, enclosures, signatures, heading footnotes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sourcebook.errors import SourceError
from sourcebook.model.source import load_source, parse_text, split_sentences

ROOT = Path(__file__).resolve().parents[3]
TELEGRAM = ROOT / "tests" / "fixtures" / "frus" / "telegram.txt"


@pytest.mark.parametrize("encode", [
    lambda t: t.replace("\n", "\r\n").encode(),
    lambda t: t.replace("\n", "\r").encode(),
    lambda t: b"\xef\xbb\xbf" + t.encode(),
])
def test_crlf_cr_and_bom_read_like_the_plain_file(tmp_path, encode):
    text = TELEGRAM.read_text(encoding="utf-8")
    path = tmp_path / "telegram.txt"
    path.write_bytes(encode(text))
    source = load_source(path)
    plain = parse_text(text)
    assert [(s.id, s.text) for s in source.sentences] == [(s.id, s.text) for s in plain.sentences]
    assert source.apparatus.file_number == "795.00/1–1051"


def test_nul_bytes_are_refused_with_file_and_line(tmp_path):
    path = tmp_path / "binary.txt"
    path.write_bytes(b"795.00/1-1051\n\nMemo\x00randum by A to B\n")
    with pytest.raises(SourceError) as err:
        load_source(path)
    assert str(path) in str(err.value) and "NUL byte" in str(err.value)
    assert err.value.line == 3


@pytest.mark.parametrize("line, date, time", [
    ("Washington, March 12, 1951—7 p. m.", dt.date(1951, 3, 12), "7 p. m."),
    ("Tokyo, January 10, 1951—11 a.m.", dt.date(1951, 1, 10), "11 a.m."),
    ("[Washington,] 11 January 1951.", dt.date(1951, 1, 11), None),
    ("New York, June 1, 1951.", dt.date(1951, 6, 1), None),
])
def test_date_lines(line, date, time):
    s = parse_text(f"Memorandum by A (X) to B\n\n{line}\n\nText here.\n")
    assert (s.apparatus.date_line, s.apparatus.date, s.apparatus.time) == (line, date, time)


@pytest.mark.parametrize("text", ["1. The first point. It has two sentences.",
                                  "(a) The first point. It has two sentences.",
                                  "b. The first point. It has two sentences."])
def test_a_list_label_ends_no_sentence(text):
    assert [p[0] for p in split_sentences(text)][1] == "It has two sentences."
    assert len(split_sentences(text)) == 2


def test_heading_number_and_footnote_on_the_heading():
    s = parse_text("52. Memorandum by the Director (Allison) to the Secretary of State[1]\n\n"
                   "Washington, May 2, 1951.\n\nText here.\n\n[1] Source note.\n")
    ap = s.apparatus
    assert (ap.number, ap.kind, ap.author, ap.recipient) == (
        52, "Memorandum", "the Director (Allison)", "the Secretary of State")
    assert s.footnotes == {1: "Source note."}


def test_a_heading_call_out_without_its_note_is_refused():
    with pytest.raises(SourceError) as err:
        parse_text("Memorandum by A (X) to B[2]\n\nText here.[1]\n\n[1] A note.\n", path="x.txt")
    assert "call-out [2]" in str(err.value) and err.value.line == 1


def test_signature_before_an_enclosure_and_before_the_footnotes():
    s = parse_text("Memorandum by A (X) to B\n\nText here.[1]\n\nDean Rusk\n\n[Enclosure]\n\n"
                   "Paper by the Staff\n\nMore text.\n\nJohn Doe\n\n[1] A note.\n")
    assert [b.kind for b in s.blocks] == ["heading", "paragraph", "signature", "enclosure",
                                          "enclosure-heading", "paragraph", "signature",
                                          "footnote"]
    assert s.signature == "Dean Rusk" and [p.id for p in s.paragraphs] == ["p1", "p2"]


def test_a_file_number_after_the_heading_as_history_state_gov_prints_it():
    s = parse_text("52. Memorandum by the Director (Allison) to the Secretary of State\n\n"
                   "795.00/5–251\n\nsecret\n\nText here.\n")
    assert (s.apparatus.file_number, s.apparatus.number) == ("795.00/5–251", 52)
    assert [b.kind for b in s.blocks] == ["heading", "file-number", "classification", "paragraph"]
