"""The `{frus}` role: cite a FRUS document from the book's registry, linked to history.state.gov.

    {frus}`1951v07p1-d55`                      -> FRUS 1951, vol. VII, pt. 1, doc. 55
    {frus}`Jessup's record <1951v07p1-d55>`    -> Jessup's record (FRUS 1951, vol. VII, pt. 1, doc. 55)

Keys live in `book/data/frus.yml`; an unknown key is a build error, so no citation can point
at a document the book has not listed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)
VOLUME = re.compile(r"^frus(?P<year>\d{4}(?:-\d\d)?)v(?P<vol>\d\d)(?:p(?P<part>\d))?$")
ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
         "XIV", "XV", "XVI"]


@lru_cache(maxsize=4)
def load_registry(path: Path, mtime: float) -> dict[str, dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if isinstance(data, list):      # also accept a list of entries with a `key`
        data = {d["key"]: d for d in data}
    return data


def registry(srcdir: str | Path) -> dict[str, dict]:
    path = Path(srcdir) / "book" / "data" / "frus.yml"
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


def frus_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    env = inliner.document.settings.env
    m = re.match(r"^(?P<title>.*?)\s*<(?P<key>[^<>]+)>$", text.strip())
    title, key = (m.group("title"), m.group("key")) if m else (None, text.strip())
    entries = registry(env.srcdir)
    if key not in entries:
        msg = inliner.reporter.error(
            f'{{frus}} key "{key}" is not in book/data/frus.yml (known: {", ".join(sorted(entries))})',
            line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    entry = entries[key]
    text_out = label(entry) if not title else f"{title} ({label(entry)})"
    ref = nodes.reference(rawtext, text_out, refuri=url(entry), classes=["sb-frus"],
                          reftitle=entry.get("short", ""))
    return [ref], []


def setup(app) -> None:
    app.add_role("frus", frus_role)
