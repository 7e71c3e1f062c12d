"""Decode State Department central decimal file numbers such as ``795.00/1–1251``.

The 1950 scheme: the first digit is the subject class, the next two the country, the part
after the point the topic, and the part after the slash the date the paper was filed as
month–day-and-year (``1–1251`` is 12 January 1951; ``12–2150`` is 21 December 1950).
The parts the kit can name are in `data/decimal_file.yml`; anything else decodes as "unknown",
never a crash.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from importlib import resources

from sourcebook.errors import SourcebookError
from sourcebook.yamlio import parse_yaml


def _tables() -> dict[str, dict[str, str]]:
    """The classes, countries and topics the kit can name: `data/decimal_file.yml`."""
    text = (resources.files("sourcebook.model") / "data" / "decimal_file.yml").read_text("utf-8")
    return parse_yaml(text, shown="sourcebook/model/data/decimal_file.yml").data


_TABLES = _tables()
CLASSES: dict[str, str] = _TABLES["classes"]
COUNTRIES: dict[str, str] = _TABLES["countries"]
TOPICS: dict[str, str] = _TABLES["topics"]

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


def _lookup(table: dict[str, str], key: str, shown: str) -> str:
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


def decode(file_number: str) -> DecodedFileNumber:
    """Decode a decimal file number; malformed shapes and impossible dates raise FileNumberError."""
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
    if klass == "6" and topic in COUNTRIES:   # class 6 files relations between two countries
        return DecodedFileNumber(raw=raw, subject_class=f"6: {CLASSES['6']}",
                                 country=_lookup(COUNTRIES, country_key, country_key),
                                 topic=f"relations with {COUNTRIES[topic]}", date=date)
    return DecodedFileNumber(
        raw=raw,
        subject_class=(f"{klass}: {CLASSES[klass]}" if klass in CLASSES else f"unknown ({klass})"),
        country=_lookup(COUNTRIES, country_key, country_key)
        + (f' (sub-file {m.group("sub")})' if m.group("sub") else ""),
        topic=(_lookup(TOPICS, m.group("topic"), "." + m.group("topic")) if m.group("topic")
               else "none given"),
        date=date,
    )
