"""The book's FRUS registry (`book/data/frus.yml`): citation labels and history.state.gov links.

    {frus}`1951v07p1-d55`                      -> FRUS 1951, vol. VII, pt. 1, doc. 55
    {frus}`Jessup's record <1951v07p1-d55>`    -> Jessup's record (FRUS 1951, vol. VII, pt. 1, doc. 55)

Keys live in `book/data/frus.yml`; an unknown key is a build error, so no citation can point
at a document the book has not listed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from sourcebook.yamlio import load_data
VOLUME = re.compile(r"^frus(?P<year>\d{4}(?:-\d\d)?)v(?P<vol>\d\d)(?:p(?P<part>\d))?$")
ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
         "XIV", "XV", "XVI"]


@lru_cache(maxsize=4)
def load_registry(path: Path, mtime: float) -> dict[str, dict]:
    data = load_data(path) or {}
    if isinstance(data, list):      # also accept a list of entries with a `key`
        data = {d["key"]: d for d in data}
    return data


def registry(project) -> dict[str, dict]:
    """The registry of a project (a `Project` or its root folder)."""
    from sourcebook.model.project import project_of
    path = project_of(project).frus
    return load_registry(path, path.stat().st_mtime)


def label(entry: dict) -> str:
    m = VOLUME.match(entry["volume_id"])
    if not m:
        return f'FRUS {entry["volume_id"]}, doc. {entry["doc"]}'
    year, vol, part = m.group("year"), int(m.group("vol")), m.group("part")
    vol_text = f"vol. {ROMAN[vol] if vol < len(ROMAN) else vol}"
    part_text = f", pt. {part}" if part else ""
    return f'FRUS {year.replace("-", "–")}, {vol_text}{part_text}, doc. {entry["doc"]}'


PAGE_URL = re.compile(r"^https://history\.state\.gov/historicaldocuments/(?P<volume_id>[^/]+)/"
                      r"d(?P<doc>\d+)$")


def label_for_url(address: str) -> str | None:
    """The citation of a FRUS document page on history.state.gov; None for any other page."""
    m = PAGE_URL.match(address)
    return label(m.groupdict()) if m else None


def url(entry: dict) -> str:
    return entry.get("url") or (
        f'https://history.state.gov/historicaldocuments/{entry["volume_id"]}/d{entry["doc"]}')
