"""A seed's metadata, `seeds/<slug>.yml`: who wrote the document to whom, when, and where FRUS
prints it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from sourcebook.errors import Problems, SourceError, SourcebookError
from sourcebook.yamlio import read_yaml


class Person(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    office: str


class Citation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    series: str
    year: int | str         # the years the volume covers: 1951, or a span such as "1969–76"
    volume: str
    volume_title: str
    part: int | None = None
    document: int
    pages: str


class SourceMeta(BaseModel):
    """The seed's `<slug>.yml`."""

    model_config = ConfigDict(extra="forbid")
    slug: str
    title: str
    subject: str
    kind: str
    author: Person
    recipient: Person
    date: dt.date
    date_basis: str | None = None
    file_number: str | None = None
    classification: str
    citation: Citation
    first_page: int
    source_url: str
    source_note: str | None = None      # the editors' source note, e.g. "795.00/1–1251: Telegram"
    rights: str

    @property
    def cite_short(self) -> str:
        c = self.citation
        part = f", pt. {c.part}" if c.part else ""
        return f"FRUS, {c.year}, vol. {c.volume}{part}, doc. {c.document}, pp. {c.pages}"


def load_meta(path: Path) -> SourceMeta:
    """The seed's metadata, read by the kit's one YAML reader (a field given twice, a merge key
    or a bad line is a SourceError naming the file, line and field)."""
    shown = str(path)
    try:
        doc = read_yaml(path, shown=shown, typed=True)
    except SourcebookError as err:          # e.g. a field given twice: said as a seed's problem
        found = [_source_error(e) for e in getattr(err, "errors", None) or [err]]
        raise (found[0] if len(found) == 1 else Problems(found)) from None
    if not isinstance(doc.data, dict):
        raise SourceError(shown, "expected a mapping of metadata fields", line=1)
    try:
        return SourceMeta.model_validate(doc.data)
    except ValidationError as err:
        first = err.errors()[0]
        loc = tuple(first["loc"])
        raise SourceError(shown, first["msg"], line=doc.line(loc),
                          field=".".join(str(x) for x in loc)) from None


def _source_error(err: SourcebookError) -> SourceError:
    return SourceError(err.path, err.message, line=err.line, field=err.field, item=err.item)
