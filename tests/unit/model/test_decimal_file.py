"""The State Department decimal file number decoder, and the names it decodes with: the kit's
table (`model/data/decimal_file.yml`) with a lesson's own `book/data/decimal-file.yml` added."""

import datetime as dt
from pathlib import Path

import pytest

from sourcebook.errors import SourcebookError
from sourcebook.model.decimal_file import KIT, FileNumberError, decode, names_for
from sourcebook.model.project import Project
from sourcebook.model.source import load_source

from conftest import MEMO, ROOT

LESSON = names_for(ROOT)          # the example lesson's names: the kit's and its own "95"


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
    d = decode(number, LESSON)
    assert (d.country, d.topic, d.date) == (country, topic, date)


def test_summary_and_class():
    d = decode("795.00/1–1251", LESSON)
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
    with pytest.raises(SourcebookError) as err:
        decode("Korea file")
    assert isinstance(err.value, FileNumberError) and err.value.field == "file number"
    assert str(err.value) == ('file number: "Korea file" is not a decimal file number '
                              "(expected e.g. 795.00/1–1251)")


# --------------------------------------------------------------------------- whose names

def test_the_kit_alone_names_no_country_of_the_example_lesson():
    d = decode("795.00/1–1251")
    assert d.country == "unknown (95)" and d.topic == "political affairs (general)"
    assert decode("611.95/1–1251").topic == "unknown (.95)"     # no "relations with" either
    assert names_for(None) is KIT
    # the memo's own file, read without its lesson, is decoded with the kit's names
    alone = load_source(ROOT / "seeds" / f"{MEMO}.txt")
    assert alone.apparatus.decoded.country == "unknown (95)"


def test_the_example_lesson_names_its_memos_country():
    assert Project(ROOT).decimal_file.is_file()
    memo = load_source(MEMO, ROOT).apparatus
    assert memo.file_number == "795.00/1–1251"
    assert memo.decoded.country == "Korea"
    assert memo.decoded.summary == "Korea, political affairs, 12 January 1951"
    assert dict(LESSON.countries) == {**KIT.countries, "95": "Korea"}


def lesson(tmp_path: Path, text: str) -> Path:
    path = Project(tmp_path).decimal_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return tmp_path


def test_a_lesson_entry_overrides_the_kits_and_adds_its_own(tmp_path):
    names = names_for(lesson(tmp_path, 'countries:\n  "93": China (People\'s Republic)\n'
                                       '  "95": Korea\ntopics:\n  "5": defense affairs\n'))
    assert decode("793.00/10–3150", names).country == "China (People's Republic)"
    assert decode("795.5/1–1251", names).summary == "Korea, defense affairs, 12 January 1951"
    assert decode("793.00/10–3150").country == KIT.countries["93"] == "China"   # kit untouched
    assert names.classes == KIT.classes


def test_class_6_relations_use_the_lessons_countries(tmp_path):
    names = names_for(lesson(tmp_path, 'countries:\n  "95": Korea\n  "96": Philippines\n'))
    d = decode("695.96/1–1251", names)
    assert (d.subject_class, d.country, d.topic) == (
        "6: International political relations", "Korea", "relations with Philippines")


def test_names_cannot_be_changed_in_place():
    with pytest.raises(TypeError):
        KIT.countries["95"] = "Korea"           # type: ignore[index]
    with pytest.raises(AttributeError):
        KIT.countries = {}                      # type: ignore[misc]


def test_an_edited_file_is_read_again(tmp_path):
    root = lesson(tmp_path, 'countries:\n  "96": Philippines\n')
    assert names_for(root).countries["96"] == "Philippines"
    lesson(tmp_path, 'countries:\n  "96": The Philippines\n')
    assert names_for(root).countries["96"] == "The Philippines"


def test_keys_are_text_so_leading_zeros_stay(tmp_path):
    # unquoted 05 and 00 would be numbers to a typed YAML reader; here they stay as written
    names = names_for(lesson(tmp_path, "countries:\n  05: Testland\ntopics:\n  00: general\n"
                                       "classes:\n"))      # an empty section is allowed
    assert names.countries["05"] == "Testland" and names.topics["00"] == "general"
    assert decode("705.00", names).summary == "Testland, general"


SHOWN = "book/data/decimal-file.yml"


@pytest.mark.parametrize("text, line, field, fragment", [
    ("- Korea\n", 1, None, "expected a mapping with classes:, countries: and/or topics:"),
    ('countries:\n  "95": Korea\ncountires:\n  "96": Philippines\n', 3, "countires",
     'is not a section (known: classes, countries, topics) (did you mean "countries"?)'),
    ("countries: Korea\n", 1, "countries", 'expected numbers and names, e.g. "93": China'),
    ('countries:\n  "9a": Korea\n', 2, "countries.9a", "is not a number of two digits"),
    ('countries:\n  "950": Korea\n', 2, "countries.950", "is not a number of two digits"),
    ("countries:\n  5: Korea\n", 2, "countries.5", "is not a number of two digits"),
    ('countries:\n  "٩٥": Korea\n', 2, "countries.٩٥", "is not a number of two digits"),
    ('classes:\n  "12": Other\n', 2, "classes.12", "is not a number of one digit"),
    ('topics:\n  "00.1": Other\n', 2, "topics.00.1", "is not a number of one to four digits"),
    ('countries:\n  "95": ""\n', 2, "countries.95", "needs a name"),
    ('countries:\n  "95":\n', 2, "countries.95", "needs a name"),
    ('countries:\n  "95": [Korea]\n', 2, "countries.95", "needs a name"),
    ('countries:\n  "95": "<b>Korea</b>"\n', 2, "countries.95", "a name is plain words"),
    ('countries:\n  "95": Korea _emphasised_\n', 2, "countries.95", "a name is plain words"),
    ('countries:\n  "95": "[Korea](https://example.org)"\n', 2, "countries.95",
     "a name is plain words"),
    ('countries:\n  "95": "Korea\\nand more"\n', 2, "countries.95", "a name is plain words"),
    ('countries:\n  "95": ' + "K" * 81 + "\n", 2, "countries.95", "at most 80 characters"),
    ('countries:\n  "95": Korea\n  95: Chosen\n', 3, "95", 'field "95" is given twice'),
    ('countries:\n  <<: {"95": Korea}\n', 2, None, "YAML merge keys (<<:) are not supported"),
])
def test_a_bad_lesson_file_names_file_line_and_field(tmp_path, text, line, field, fragment):
    root = lesson(tmp_path, text)
    with pytest.raises(SourcebookError) as err:
        names_for(root)
    assert (err.value.path, err.value.line, err.value.field) == (SHOWN, line, field)
    assert fragment in str(err.value)
    assert str(err.value).startswith(f"{SHOWN}:{line}: ")


def test_a_bad_lesson_file_stops_the_memo_loading(tmp_path):
    import shutil
    root = lesson(tmp_path, 'countries:\n  "95": ""\n')
    (root / "seeds").mkdir()
    shutil.copy(ROOT / "seeds" / f"{MEMO}.txt", root / "seeds")
    with pytest.raises(SourcebookError, match="countries.95: needs a name"):
        load_source(MEMO, root)
