"""Decode State Department central decimal file numbers such as ``795.00/1–1251``.

The 1950 scheme: the first digit is the subject class, the next two the country, the part
after the point the topic, and the part after the slash the date the paper was filed as
month–day-and-year (``1–1251`` is 12 January 1951; ``12–2150`` is 21 December 1950).
The parts the kit can name are in `data/decimal_file.yml` (`KIT`); a lesson names more, or
renames the kit's, in its own `book/data/decimal-file.yml` (`names_for(project)`), e.g.

    countries:
      "93": China

Anything neither names decodes as "unknown", never a crash.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from sourcebook.errors import Problems, SourcebookError, suggest
from sourcebook.model.project import Project, project_of
from sourcebook.yamlio import YamlDoc, parse_yaml, read_yaml

# The sections of a names file and the keys each takes: a class is one digit, a country two,
# a topic the digits after the point.
KEYS = {"classes": re.compile(r"[0-9]"), "countries": re.compile(r"[0-9]{2}"),
        "topics": re.compile(r"[0-9]{1,4}")}
KEY_WORDS = {"classes": "one digit", "countries": "two digits", "topics": "one to four digits"}
# A name is plain words: it lands in chapters and exercise options, never as markup.
NAME = re.compile(r"[^\W_](?:[^\W_]|[ .,'’()&/–-])*")
NAME_MAX = 80


@dataclass(frozen=True)
class DecimalNames:
    """The subject classes, countries and topics a file number's parts can be decoded to."""
    classes: Mapping[str, str]
    countries: Mapping[str, str]
    topics: Mapping[str, str]

    def updated(self, other: DecimalNames) -> DecimalNames:
        """These names with `other`'s added; where both name a part, `other`'s name wins."""
        return DecimalNames(*(MappingProxyType({**getattr(self, s), **getattr(other, s)})
                              for s in KEYS))


def _names(doc: YamlDoc, shown: str) -> DecimalNames:
    """The names a parsed file gives, or SourcebookErrors naming each bad line and field."""
    data = doc.data if doc.data is not None else {}
    if not isinstance(data, dict):
        raise SourcebookError(shown, "expected a mapping with classes:, countries: and/or "
                              "topics:", line=doc.line(()))
    problems, sections = [], {s: {} for s in KEYS}
    for section, table in data.items():
        line = doc.line((section, "@key"))
        if section not in KEYS:
            problems.append(SourcebookError(shown, "is not a section (known: classes, "
                                            f"countries, topics){suggest(section, KEYS)}",
                                            line=line, field=section))
            continue
        if table in (None, ""):         # a section left empty
            continue
        if not isinstance(table, dict):
            problems.append(SourcebookError(shown, 'expected numbers and names, e.g. "93": '
                                            "China", line=line, field=section))
            continue
        for key, name in table.items():
            where = {"line": doc.line((section, key, "@key")), "field": f"{section}.{key}"}
            if not KEYS[section].fullmatch(key):
                problems.append(SourcebookError(shown, f"is not a number of "
                                                f"{KEY_WORDS[section]}", **where))
            elif not isinstance(name, str) or not name.strip():
                problems.append(SourcebookError(shown, "needs a name", **where))
            elif len(name) > NAME_MAX or not NAME.fullmatch(name):
                problems.append(SourcebookError(shown, f"a name is plain words of at most "
                                                f"{NAME_MAX} characters (letters, digits, "
                                                "spaces and . , ' ( ) & / -)", **where))
            else:
                sections[section][key] = name
    if problems:
        raise Problems(problems)
    return DecimalNames(*(MappingProxyType(sections[s]) for s in KEYS))


def parse_names(text: str, *, shown: str) -> DecimalNames:
    """The names a decimal-file YAML text gives. Keys are read as text, so "05" stays "05"."""
    return _names(parse_yaml(text, shown=shown), shown)


KIT = parse_names((resources.files("sourcebook.model") / "data" / "decimal_file.yml")
                  .read_text("utf-8"), shown="sourcebook/model/data/decimal_file.yml")


@lru_cache(maxsize=8)
def _lesson_names(path: Path, shown: str, stamp: tuple[int, int]) -> DecimalNames:
    return KIT.updated(_names(read_yaml(path, shown=shown), shown))


def names_for(project: Project | str | Path | None) -> DecimalNames:
    """The kit's names with the lesson's own `book/data/decimal-file.yml` added when it has
    one; the kit's alone for no project. A bad file raises SourcebookError (file, line, field)."""
    if project is None:
        return KIT
    project = project_of(project)
    path = project.decimal_file
    try:
        stat = path.stat()
    except (FileNotFoundError, NotADirectoryError):      # the lesson names nothing more
        return KIT
    return _lesson_names(path, project.shown(path), (stat.st_mtime_ns, stat.st_size))


FILE_NUMBER = re.compile(
    r"^(?P<klass>\d)(?P<country>\d\d)(?P<sub>[A-Z]?)(?:\.(?P<topic>[0-9A-Z]+))?"
    r"(?:/(?P<month>\d{1,2})[–-](?P<dayyear>\d{3,4}))?$"
)


class FileNumberError(SourcebookError):
    """A file number that is malformed or encodes an impossible date (field "file number"; the
    file and line when the caller knows them)."""

    def __init__(self, message: str, *, path=None, line: int | None = None):
        super().__init__(path, message, line=line, field="file number")


@dataclass(frozen=True)
class DecodedFileNumber:
    raw: str
    subject_class: str          # "7: Internal political and national defense affairs" or "unknown (2)"
    country: str                # "France" or "unknown (99)"
    topic: str                  # "political affairs (general)" or "unknown (.10)"
    date: dt.date | None        # the filing date after the slash, if any

    @property
    def summary(self) -> str:
        """`France, political affairs, 12 January 1951`."""
        topic = self.topic.removesuffix(" (general)")
        parts = [self.country, topic]
        if self.date:
            parts.append(f"{self.date.day} {self.date:%B %Y}")
        return ", ".join(parts)


def _lookup(table: Mapping[str, str], key: str, shown: str) -> str:
    return table.get(key, f"unknown ({shown})")


def decode_date(part: str) -> dt.date:
    """`3–550` -> 1950-03-05: month before the dash, then day, then a two-digit year."""
    m = re.fullmatch(r"(\d{1,2})[–-](\d{3,4})", part.strip())
    if not m:
        raise FileNumberError(f'"{part}" is not a month–dayyear date such as 1–1251')
    month, dayyear = int(m.group(1)), m.group(2)
    day, year = int(dayyear[:-2]), 1900 + int(dayyear[-2:])
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise FileNumberError(
            f'"{part}" would be month {month}, day {day}, year {year}: not a real date') from None


def decode(file_number: str, names: DecimalNames = KIT) -> DecodedFileNumber:
    """Decode a decimal file number with `names` (the kit's, or `names_for` a lesson);
    malformed shapes and impossible dates raise FileNumberError."""
    raw = file_number.strip()
    m = FILE_NUMBER.match(raw)
    if not m:
        raise FileNumberError(
            f'"{raw}" is not a decimal file number (expected e.g. 795.00/1–1251)')
    date = None
    if m.group("month"):
        date = decode_date(f'{m.group("month")}-{m.group("dayyear")}')
    klass = m.group("klass")
    country_key = m.group("country")
    topic = m.group("topic")
    countries = names.countries
    subject_class = (f"{klass}: {names.classes[klass]}" if klass in names.classes
                     else f"unknown ({klass})")
    if klass == "6" and topic in countries:   # class 6 files relations between two countries
        return DecodedFileNumber(raw=raw, subject_class=subject_class,
                                 country=_lookup(countries, country_key, country_key),
                                 topic=f"relations with {countries[topic]}", date=date)
    return DecodedFileNumber(
        raw=raw,
        subject_class=subject_class,
        country=_lookup(countries, country_key, country_key)
        + (f' (sub-file {m.group("sub")})' if m.group("sub") else ""),
        topic=(_lookup(names.topics, topic, "." + topic) if topic else "none given"),
        date=date,
    )
