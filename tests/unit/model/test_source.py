"""The memo and other FRUS-style texts parsed into apparatus, paragraphs, sentences and pages."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from sourcebook.errors import SourceError
from sourcebook.model.source import load_source, parse_text, split_sentences
from conftest import MEMO, ROOT

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "frus"
SHARED_SEED = ROOT.parent / "shared" / "seeds" / "000_8602a5357d328d64.txt"


# The SHA-256 of shared/seeds/000_8602a5357d328d64.txt, the text the project was given: the
# seed is checked against it in any checkout, and against the file itself where it is beside.
SEED_SHA256 = "ca25725ce8232d6c603e"


def test_seed_is_the_shared_text_byte_for_byte():
    import hashlib
    ours = (ROOT / "seeds" / f"{MEMO}.txt").read_bytes()
    assert hashlib.sha256(ours).hexdigest().startswith(SEED_SHA256)
    if SHARED_SEED.exists():
        assert ours == SHARED_SEED.read_bytes()


def test_memo_apparatus(memo):
    ap = memo.apparatus
    assert ap.file_number == "795.00/1–1251"
    assert ap.kind == "Memorandum"
    assert ap.author == "the Assistant Secretary of State for Far Eastern Affairs (Rusk)"
    assert ap.recipient == "the Secretary of State"
    assert ap.classification == "top secret"
    assert ap.subject == "Continued Resistance in Korea."
    assert ap.date_line is None
    assert ap.decoded.date == dt.date(1951, 1, 12) == memo.meta.date
    assert ap.decoded.summary == "Korea, political affairs, 12 January 1951"


def test_memo_metadata(memo):
    m = memo.meta
    assert (m.author.name, m.recipient.name) == ("Dean Rusk", "Dean Acheson")
    assert m.author.office == "Assistant Secretary of State for Far Eastern Affairs"
    assert (m.citation.year, m.citation.volume, m.citation.part, m.citation.document,
            m.citation.pages) == (1951, "VII", 1, 52, "66–67")
    assert m.source_url == "https://history.state.gov/historicaldocuments/frus1951v07p1/d52"
    assert "public domain" in m.rights


def test_memo_round_trip(memo):
    assert memo.rebuild() == (ROOT / "seeds" / f"{MEMO}.txt").read_text(encoding="utf-8")


def test_memo_paragraphs_and_sentence_ids(memo):
    assert [p.id for p in memo.paragraphs] == ["p1", "p2", "p3", "p4"]
    assert [len(p.sentences) for p in memo.paragraphs] == [1, 5, 2, 5]
    assert memo.sentence("p2.s3").text.startswith("This would permit us to establish a vast laboratory")
    # The quotation is split into its sentences, and the closing quote stays with the last.
    assert memo.sentence("p4.s3").text == "We shall not abandon them."
    assert memo.sentence("p4.s4").text.endswith("aggression.”")
    # "U.S. forces" does not end a sentence.
    assert "U.S. forces engaged." in memo.sentence("p2.s1").text


def test_memo_pages(memo):
    pages = {s.id: s.pages for s in memo.sentences}
    assert pages["p1.s1"] == pages["p2.s3"] == "66"
    assert pages["p2.s4"] == "66–67"          # the page turns inside this sentence
    assert all(pages[s] == "67" for s in ("p2.s5", "p3.s1", "p3.s2", "p4.s1", "p4.s5"))
    assert "[Page" not in memo.text
    assert "It is also assumed that, under these conditions, a maximum air effort" in memo.text


def test_ids_stable_when_text_unchanged(memo):
    again = load_source(MEMO, ROOT)
    assert [(s.id, s.text, s.page) for s in again.sentences] == \
           [(s.id, s.text, s.page) for s in memo.sentences]


def test_ids_follow_position_not_chance():
    text = (FIXTURES / "memorandum.txt").read_text()
    edited = text.replace("Nor should we withdraw.", "Nor should we withdraw. Nor should we wait.")
    before, after = parse_text(text), parse_text(edited)
    assert [s.id for s in before.paragraphs[1].sentences] == [s.id for s in after.paragraphs[1].sentences]
    assert after.sentence("p1.s3").text == "Nor should we wait."


@pytest.mark.parametrize("name, expect", [
    ("memorandum.txt", dict(kind="Memorandum", recipient="the Secretary of State",
                           classification="top secret", file_suffix=None,
                           subject="Outline of Action Regarding Korea.")),
    ("telegram.txt", dict(file_suffix="Telegram", author="The Commander in Chief, Far East (MacArthur)",
                         recipient="the Department of the Army", classification="top secret",
                         handling="priority", date=dt.date(1951, 1, 10))),
    ("letter.txt", dict(author="The Secretary of State", recipient="the Ambassador in Korea (Muccio)",
                       classification="confidential", date=dt.date(1950, 12, 21), subject=None)),
    ("footnotes.txt", dict(kind="Memorandum of Conversation", recipient=None,
                          author="the Ambassador at Large (Jessup)", classification="secret")),
    ("two-pages.txt", dict(classification="restricted", subject="Vote in the General Assembly.")),
])
def test_header_shapes(name, expect):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    source = parse_text(text, path=name, first_page=149)
    for key, value in expect.items():
        assert getattr(source.apparatus, key) == value, key
    assert source.rebuild() == text


def test_signature_and_footnotes():
    tele = parse_text((FIXTURES / "telegram.txt").read_text())
    assert tele.signature == "MacArthur"
    assert tele.sentence("p1.s2").text.startswith("Mr. Smith of the U.S. mission")
    notes = parse_text((FIXTURES / "footnotes.txt").read_text())
    assert notes.footnotes == {1: "The meeting began at 10:30 a.m.",
                               2: "Compare the message to the Prime Minister."}
    assert notes.sentence("p1.s1").footnotes == [1]
    assert notes.sentence("p1.s2").text == ("He said that the United States would not abandon "
                                            "the South Koreans.")
    assert len(notes.paragraphs) == 2


def test_two_page_markers():
    doc = parse_text((FIXTURES / "two-pages.txt").read_text(), first_page=149)
    assert [s.pages for s in doc.sentences] == ["149", "149–150", "151", "151", "151", "151"]
    assert doc.sentence("p2.s3").text == "We stand by the Charter.”"


@pytest.mark.parametrize("text, count", [
    ("Gen. Collins and Mr. Rusk met. They talked.", 2),
    ("The U.S. and the UN agreed. The ROK did too.", 2),
    ("John M. Chang saw it. So did Dr. Lee.", 2),
    ("He said: “Stay. Fight.” Then he left.", 3),
    ("Is it true? Yes! It is.", 3),
])
def test_sentence_splitting(text, count):
    pieces = split_sentences(text)
    assert len(pieces) == count
    assert "".join(a + b for a, b in pieces) == text


@pytest.mark.parametrize("text, field, fragment", [
    ("", None, "empty"),
    ("   \n\n  \n", None, "empty"),
    ("795.00/1–1251\n\nMemorandum by A (X) to B\n\ntop secret\n", "body", "no body"),
    ("795.0O/1–1251x\n\nMemorandum by A to B\n\nText.\n", "file number", "file number"),
    ("795.00/13–1251\n\nMemorandum by A to B\n\nText.\n", "file number", "not a real date"),
    ("795.00/1–1251\n\nMemorandum by A to B\n\nSome text [Folio 3] more.\n", "marker", "unknown marker"),
    ("795.00/1–1251\n\nMemorandum by A to B\n\nSome text [Page six] more.\n", "page marker", "malformed"),
])
def test_bad_input_names_file_line_and_field(tmp_path, text, field, fragment):
    path = tmp_path / "bad.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as err:
        load_source(path)
    message = str(err.value)
    assert str(path) in message and fragment in message
    if field:
        assert f": {field}:" in message
    assert err.value.line is not None


def test_non_utf8_bytes(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("795.00/1–1251\n\nMemorandum by A to B\n\nCaf\xe9.\n".encode("utf-8")[:-3]
                     + b"\xe9.\n")
    with pytest.raises(SourceError) as err:
        load_source(path)
    assert "not UTF-8" in str(err.value) and str(path) in str(err.value)
    assert err.value.line == 5


def test_metadata_is_checked_against_the_text(memo):
    from sourcebook.model.source import check_source
    assert check_source(memo) == []
    memo.meta = memo.meta.model_copy(update={"date": dt.date(1951, 1, 11),
                                             "classification": "secret"})
    problems = check_source(memo)
    assert any("date: 1951-01-11 does not fit the date the file number encodes (1951-01-12)" in p
               for p in problems)
    assert any("classification" in p for p in problems)


def test_a_dated_paper_may_be_filed_a_few_days_later():
    from sourcebook.model.source import SourceMeta, check_source
    doc = parse_text((FIXTURES / "telegram.txt").read_text().replace("795.00/1–1051", "795.00/1–1251"))
    meta = load_source(MEMO, ROOT).meta.model_copy(update={
        "slug": doc.slug, "date": dt.date(1951, 1, 10), "file_number": "795.00/1–1251",
        "subject": "Request for clarification of directive."})
    doc.meta = SourceMeta.model_validate(meta.model_dump())
    assert [p for p in check_source(doc) if "date" in p] == []


def _seed_copy(tmp_path: Path, extra: str) -> Path:
    """The memo's seed copied into `tmp_path`, with `extra` lines added to its metadata."""
    for suffix in (".txt", ".yml"):
        seed = ROOT / "seeds" / f"{MEMO}{suffix}"
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    meta = tmp_path / f"{MEMO}.yml"
    meta.write_text(meta.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return tmp_path / f"{MEMO}.txt"


def test_a_metadata_field_given_twice_is_an_error_naming_file_line_and_field(tmp_path):
    """The seed metadata is read by the kit's one YAML reader: a second `title:` is refused,
    not silently taken (yaml.safe_load kept the last one)."""
    txt = _seed_copy(tmp_path, "title: Another title\n")
    meta = txt.with_suffix(".yml")
    line = len(meta.read_text(encoding="utf-8").splitlines())
    with pytest.raises(SourceError) as err:
        load_source(txt)
    assert (err.value.path, err.value.line, err.value.field) == (str(meta), line, "title")
    assert str(err.value).startswith(f"{meta}:{line}: title: field \"title\" is given twice")


def test_metadata_merge_keys_are_refused_like_everywhere_else(tmp_path):
    txt = _seed_copy(tmp_path, "extra: &who {name: A, office: B}\nsigner:\n  <<: *who\n")
    with pytest.raises(SourceError, match=r"merge keys \(<<:\) are not supported"):
        load_source(txt)


def test_a_wrong_nested_metadata_field_names_its_own_line(tmp_path):
    txt = _seed_copy(tmp_path, "")
    meta = txt.with_suffix(".yml")
    text = meta.read_text(encoding="utf-8")
    meta.write_text(re.sub(r"(?m)^(\s+document:).*$", r"\1 fifty-two", text), encoding="utf-8")
    line = next(n for n, row in enumerate(meta.read_text(encoding="utf-8").splitlines(), 1)
                if row.strip().startswith("document:"))
    with pytest.raises(SourceError) as err:
        load_source(txt)
    assert (err.value.line, err.value.field) == (line, "citation.document")
