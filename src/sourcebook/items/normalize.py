"""Text normalisation, spelling variants and dates: the rules the Python and JS checkers share.

Everything here is specified so that a JavaScript port gives the same result, character for
character. Keep the steps in this order and do not use Python-only operations (``casefold``,
``str.isalnum``, ``\\d``/``\\s`` in regular expressions) when changing them.

normalise(text)
    1. Unicode NFKD                     JS: ``text.normalize("NFKD")``
    2. drop combining marks (Mn)        JS: ``.replace(/\\p{Mn}/gu, "")``
    3. lower-case                       JS: ``.toLowerCase()``   (Python ``str.lower``)
    4. every character that is not a letter or a digit (categories L*, N*) becomes a space
                                        JS: ``.replace(/[^\\p{L}\\p{N}]/gu, " ")``
    5. runs of spaces become one; strip  JS: ``.replace(/ +/g, " ").trim()``

So "Cheju-dō", "CHEJU DO" and "cheju–do" all become "cheju do"; “curly” quotes, dashes and
other punctuation disappear.

Spelling variants (``exercises/variants.yml``) are groups of equivalent spellings. An accepted
answer matches a group when its normalised form equals the normalised form of a member; it then
accepts every member of the group. Matching is on the whole answer, never inside it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import yaml

from sourcebook.errors import SourcebookError
from sourcebook.yamlio import compose, read_text

__all__ = ["normalise", "load_variants", "expand_variants", "variant_index", "parse_date",
           "MONTHS", "WEEKDAYS"]

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed "
                     "thu thur thurs fri sat sun".split())

_ASCII_JUNK = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=4096)
def _is_letter_or_digit(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LN"


def normalise(text: str) -> str:
    """The comparison form of `text` (see the module docstring for the exact steps)."""
    if text.isascii():
        # NFKD and mark removal change nothing in ASCII; this path is only faster.
        return _ASCII_JUNK.sub(" ", text.lower()).strip()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    text = text.lower()
    text = "".join(ch if _is_letter_or_digit(ch) else " " for ch in text)
    return " ".join(part for part in text.split(" ") if part)


# --------------------------------------------------------------------------- spelling variants

def load_variants(path: str | Path) -> list[list[str]]:
    """Read `exercises/variants.yml`: a YAML list of groups, each a list of equivalent spellings.

    Raises SourcebookError (file:line) when the file is not such a list, when a spelling is
    empty once normalised, or when one spelling belongs to two groups (which would chain them).
    A missing file means no variants.
    """
    path = Path(path)
    if not path.is_file():
        return []
    root = compose(read_text(path, str(path)), shown=str(path))
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise SourcebookError(path, "expected a list of groups, e.g. - [Pusan, Busan]",
                              line=root.start_mark.line + 1)
    groups: list[list[str]] = []
    owner: dict[str, int] = {}      # normalised spelling -> line of its group
    for group in root.value:
        line = group.start_mark.line + 1
        if not isinstance(group, yaml.SequenceNode) or len(group.value) < 2 or not all(
                isinstance(v, yaml.ScalarNode) for v in group.value):
            raise SourcebookError(path, "each group is a list of at least two spellings, "
                                  "e.g. - [Pusan, Busan]", line=line)
        spellings = [v.value.strip() for v in group.value]
        for spelling in spellings:
            key = normalise(spelling)
            if not key:
                raise SourcebookError(path, f'"{spelling}" has no letters or digits', line=line)
            if key in owner and owner[key] != line:
                raise SourcebookError(path, f'"{spelling}" is already in the group at line '
                                      f"{owner[key]}; merge the two groups", line=line)
            owner[key] = line
        groups.append(spellings)
    return groups


def variant_index(groups: Iterable[Sequence[str]]) -> dict[str, frozenset[str]]:
    """normalised spelling -> the normalised spellings of its group (for repeated look-ups)."""
    index: dict[str, frozenset[str]] = {}
    for group in groups:
        members = frozenset(n for n in (normalise(s) for s in group) if n)
        for m in members:
            index[m] = index.get(m, frozenset()) | members
    return index


def expand_variants(accepted: Iterable[str], groups: Iterable[Sequence[str]] | dict
                    ) -> frozenset[str]:
    """The normalised forms of `accepted` plus every spelling of the groups they belong to.

    `groups` is the list from load_variants, or an index from variant_index.
    """
    index = groups if isinstance(groups, dict) else variant_index(groups)
    out: set[str] = set()
    for answer in accepted:
        key = normalise(answer)
        if key:
            out.add(key)
            out |= index.get(key, frozenset())
    return frozenset(out)


# --------------------------------------------------------------------------- dates

MONTHS: dict[str, int] = {}
for _n, _name in enumerate("january february march april may june july august september "
                           "october november december".split(), start=1):
    MONTHS[_name] = _n
    MONTHS[_name[:3]] = _n
MONTHS["sept"] = 9

_YEAR = re.compile(r"^[1-9][0-9]{3}$")
_NUMBER = re.compile(r"^[0-9]{1,2}$")
_DAY = re.compile(r"^([0-9]{1,2})(?:st|nd|rd|th)?$")


def parse_date(text: object) -> dt.date | None:
    """Read a date written in one of the accepted ways; None if it is not one of them.

    Grammar, applied to the words of ``normalise(text)`` (so punctuation, case and spacing
    never matter, and "Jan." is "jan"). Digits are ASCII 0-9 only.

        YEAR  = 4 digits, not starting with 0           1951
        MONTH = 1-2 digits (only in the numeric form)   01, 1
        NAME  = january ... december, or jan feb mar apr may jun jul aug sep sept oct nov dec
        DAY   = 1-2 digits, optionally followed by st, nd, rd or th    12, 12th

        date  = YEAR MONTH DAY     1950-03-05, 1950/3/5
              | DAY NAME YEAR      5 March 1950, 5 Mar 1950, 5th Mar. 1950
              | NAME DAY YEAR      March 5, 1950, Mar. 5, 1950

    Before that, a leading weekday (monday ... sunday, or mon tue tues wed thu thur thurs fri
    sat sun) and a leading "the" are dropped, and "of" right after the day is dropped, so
    "Sunday, 5 March 1950" and "the 5th of March 1950" read too. The weekday is not
    checked against the date: a student who misnames the day still gave the date.

    The result must be a real calendar date (no 31 February). All-numeric dates must start
    with the year, because 12/01/1951 means different days in different countries.
    """
    if not isinstance(text, str) or len(text) > 100:
        return None
    words = normalise(text).split(" ")
    if words and words[0] in WEEKDAYS:
        words = words[1:]
    if words and words[0] == "the":
        words = words[1:]
    if len(words) == 4 and words[1] == "of" and _DAY.match(words[0]):
        words = [words[0], *words[2:]]
    if len(words) != 3:
        return None
    a, b, c = words
    if _YEAR.match(a) and _NUMBER.match(b) and _NUMBER.match(c):
        year, month, day = int(a), int(b), int(c)
    elif b in MONTHS and _YEAR.match(c) and (m := _DAY.match(a)):
        year, month, day = int(c), MONTHS[b], int(m.group(1))
    elif a in MONTHS and _YEAR.match(c) and (m := _DAY.match(b)):
        year, month, day = int(c), MONTHS[a], int(m.group(1))
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
