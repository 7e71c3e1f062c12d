"""Normalisation, spelling variants and dates: the rules the JS checker must copy exactly."""

from __future__ import annotations

import datetime as dt
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine_support import ROOT
from sourcebook.errors import SourcebookError
from sourcebook.items.normalize import (expand_variants, load_variants, normalise,
                                            parse_date, variant_index)


@pytest.mark.parametrize("text, expected", [
    ("Cheju-do", "cheju do"),
    ("  CHEJU–DO  ", "cheju do"),                 # en dash, spaces
    ("Cheju—do", "cheju do"),                     # em dash
    ("“islands”", "islands"),                     # curly quotes
    ("‘guerrilla’", "guerrilla"),
    ("Chejú-dō", "cheju do"),                     # diacritics
    ("Wŏnsan", "wonsan"),                         # breve
    ("ÉCOLE", "ecole"),
    ("Inch'on", "inch on"),
    ("U.S. forces", "u s forces"),
    ("ＣＨＥＪＵ", "cheju"),                        # full-width (NFKD)
    ("ﬁre", "fire"),                              # ligature (NFKD)
    ("½", "1 2"),                                 # NFKD gives 1⁄2; the fraction slash is a space
    ("ß", "ß"),                                   # lower() leaves it (no casefold: JS has none)
    ("İstanbul", "istanbul"),                     # dotted capital I: NFKD, then the dot goes
    ("ΟΔΟΣ", "οδος"),                             # final sigma, as JS toLowerCase gives it
    ("Tab\tand\nnewline", "tab and newline"),
    ("non\u00a0breaking", "non breaking"),
    ("zero\u200bwidth", "zero width"),            # format characters are not letters
    ("", ""),
    ("?!…", ""),
    ("38th parallel", "38th parallel"),
    ("١٢", "١٢"),                                 # other digits stay digits (category Nd)
])
def test_normalise(text, expected):
    assert normalise(text) == expected


@settings(deadline=None, max_examples=1000)
@given(st.text())
def test_normalise_is_idempotent(text):
    once = normalise(text)
    assert normalise(once) == once


@settings(deadline=None)
@given(st.text())
def test_normalise_gives_only_letters_digits_and_single_spaces(text):
    out = normalise(text)
    assert out == out.strip() and "  " not in out
    assert all(c == " " or unicodedata.category(c)[0] in "LN" for c in out)
    assert not any(unicodedata.category(c) == "Mn" for c in out)


def test_normalise_is_idempotent_for_every_code_point():
    """Each assigned character, alone and after a cased letter (unassigned, private-use and
    surrogate code points all become a space, so they cannot break idempotence)."""
    for cp in range(sys.maxunicode + 1):
        if unicodedata.category(chr(cp)) in ("Cn", "Co", "Cs"):
            continue
        for text in (chr(cp), "A" + chr(cp)):
            once = normalise(text)
            assert normalise(once) == once, hex(cp)


def reference(text: str) -> str:
    """contract.md's steps, literally (the JS port's recipe)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    text = "".join(c if unicodedata.category(c)[0] in "LN" else " " for c in text)
    return " ".join(part for part in text.split(" ") if part)


@settings(deadline=None, max_examples=500)
@given(st.text() | st.text(alphabet=st.characters(max_codepoint=127)))
def test_normalise_follows_the_documented_steps(text):
    assert normalise(text) == reference(text)


# --------------------------------------------------------------------------- variants

def test_the_books_variants_file_is_valid():
    groups = load_variants(ROOT / "exercises" / "variants.yml")
    assert len(groups) > 20
    cheju = expand_variants(["Cheju-do"], groups)
    assert {"cheju do", "cheju", "jeju do", "jeju", "cheju island", "jeju island"} <= cheju
    assert {"pusan", "busan"} == expand_variants(["Busan"], groups)
    for pair in (("Peking", "Beijing"), ("Zhou Enlai", "Chou En-lai"), ("ROK", "South Korea"),
                 ("UN", "United Nations"), ("Paengnyong-do", "Baengnyeong-do"),
                 ("Koje-do", "Geoje-do"), ("Inchon", "Incheon")):
        assert normalise(pair[1]) in expand_variants([pair[0]], groups), pair


def test_expand_variants_without_a_group_is_the_normalised_answer():
    assert expand_variants(["Ingenuity!"], [["Pusan", "Busan"]]) == {"ingenuity"}
    assert expand_variants(["—"], []) == frozenset()


def test_variants_match_the_whole_answer_only():
    groups = [["Pusan", "Busan"]]
    assert "busan perimeter" not in expand_variants(["Pusan Perimeter"], groups)


def test_variant_index_is_reusable():
    index = variant_index([["Pusan", "Busan"]])
    assert expand_variants(["PUSAN"], index) == {"pusan", "busan"}


@pytest.mark.parametrize("text, message", [
    ("- Pusan\n", "each group is a list of at least two spellings"),
    ("- [Pusan]\n", "each group is a list of at least two spellings"),
    ("- [Pusan, Busan]\n- [Seoul, pusan]\n", 'is already in the group at line 1'),
    ("- [Pusan, '--']\n", "has no letters or digits"),
    ("groups: []\n", "expected a list of groups"),
    ("- [Pusan, Busan\n", "not valid YAML"),
])
def test_broken_variants_files(tmp_path, text, message):
    path = tmp_path / "variants.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourcebookError, match=message) as err:
        load_variants(path)
    assert str(err.value).startswith(str(path))


def test_missing_variants_file_means_no_variants(tmp_path):
    assert load_variants(tmp_path / "variants.yml") == []


# --------------------------------------------------------------------------- dates

JAN12 = dt.date(1951, 1, 12)


@pytest.mark.parametrize("text", [
    "1951-01-12", "1951-1-12", "1951/01/12", "1951 01 12", "1951–01–12",
    "12 January 1951", "12 january 1951", "12 JANUARY 1951", "12 Jan 1951", "12 Jan. 1951",
    "12th January 1951", "12-Jan-1951",
    "January 12, 1951", "January 12 1951", "Jan. 12, 1951", "Jan 12, 1951", "jan 12th, 1951",
    "  12   January   1951  ",
    "Friday, 12 January 1951", "Fri. Jan. 12, 1951", "12th of January 1951",
    "the 12th of January 1951", "Thursday 12 January 1951",   # the weekday is not checked
])
def test_parse_date_accepts(text):
    assert parse_date(text) == JAN12


@pytest.mark.parametrize("text, expected", [
    ("3 Sept 1951", dt.date(1951, 9, 3)), ("3 Sep 1951", dt.date(1951, 9, 3)),
    ("27 July 1953", dt.date(1953, 7, 27)), ("May 1, 1950", dt.date(1950, 5, 1)),
    ("1952-02-29", dt.date(1952, 2, 29)),
])
def test_parse_date_months(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", [
    "12/01/1951", "01/12/1951", "12.01.1951",          # all-numeric must start with the year
    "1951-02-30", "1951-13-01", "31 April 1951",       # not calendar dates
    "12 January 51", "12 January", "January 1951",      # incomplete
    "12 Janvier 1951", "12 Janu 1951", "of 12 January 1951", "12 of 1951 January",
    "Friday 1951", "Friday Friday 12 January 1951",
    "0951-01-12", "19510112", "", "   ", "1951-01-12T10:00",
    "١٩٥١-٠١-١٢",                                       # non-ASCII digits are not read
])
def test_parse_date_rejects(text):
    assert parse_date(text) is None


@pytest.mark.parametrize("value", [None, 19510112, 1951.0, ["1951-01-12"], {"d": 1}, True,
                                   "x" * 10_000])
def test_parse_date_rejects_non_text(value):
    assert parse_date(value) is None


@settings(deadline=None)
@given(st.dates(min_value=dt.date(1000, 1, 1)))
def test_parse_date_reads_every_spelling_of_every_date(date):
    for text in (date.isoformat(), f"{date.day} {date:%B %Y}", f"{date.day} {date:%b} {date.year}",
                 f"{date:%B} {date.day}, {date.year}", f"{date:%b}. {date.day}, {date.year}"):
        assert parse_date(text) == date, text


@settings(deadline=None)
@given(st.text(max_size=40))
def test_parse_date_never_raises(text):
    parse_date(text)
