"""The State Department decimal file number decoder."""

import datetime as dt

import pytest

from sourcebook.model.decimal_file import FileNumberError, decode


@pytest.mark.parametrize("number, country, topic, date", [
    ("795.00/1–1251", "Korea", "political affairs (general)", dt.date(1951, 1, 12)),
    ("795.00/1-1251", "Korea", "political affairs (general)", dt.date(1951, 1, 12)),
    ("795.00/1–851", "Korea", "political affairs (general)", dt.date(1951, 1, 8)),
    ("795.00/12–2150", "Korea", "political affairs (general)", dt.date(1950, 12, 21)),
    ("795.00/2–1151", "Korea", "political affairs (general)", dt.date(1951, 2, 11)),
    ("795B.00/3–151", "Korea (sub-file B)", "political affairs (general)", dt.date(1951, 3, 1)),
    ("793.00/10–3150", "China", "political affairs (general)", dt.date(1950, 10, 31)),
    ("611.95/1–1251", "United States", "relations with Korea", dt.date(1951, 1, 12)),
    ("795.00", "Korea", "political affairs (general)", None),
])
def test_decode_table(number, country, topic, date):
    d = decode(number)
    assert (d.country, d.topic, d.date) == (country, topic, date)


def test_summary_and_class():
    d = decode("795.00/1–1251")
    assert d.summary == "Korea, political affairs, 12 January 1951"
    assert d.subject_class == "7: Internal political and national defense affairs"


def test_unknown_parts_are_reported_not_raised():
    d = decode("299.77/5–550")
    assert d.subject_class == "unknown (2)"
    assert d.country == "unknown (99)"
    assert d.topic == "unknown (.77)"
    assert d.date == dt.date(1950, 5, 5)


@pytest.mark.parametrize("number, fragment", [
    ("795.00/2–3051", "not a real date"),
    ("795.00/13–151", "not a real date"),
    ("795.00/0–151", "not a real date"),
    ("Korea file", "not a decimal file number"),
    ("795.00/1–12511", "not a decimal file number"),
])
def test_bad_numbers(number, fragment):
    with pytest.raises(FileNumberError, match=fragment):
        decode(number)


def test_a_bad_number_is_a_sourcebook_error_about_the_file_number():
    from sourcebook.errors import SourcebookError
    with pytest.raises(SourcebookError) as err:
        decode("Korea file")
    assert isinstance(err.value, FileNumberError) and err.value.field == "file number"
    assert str(err.value) == ('file number: "Korea file" is not a decimal file number '
                              "(expected e.g. 795.00/1–1251)")
