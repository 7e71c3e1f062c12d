"""A seed's metadata, `seeds/<slug>.yml`: who wrote the document to whom, when, and where FRUS
prints it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from sourcebook.errors import SourceError


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
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise SourceError(path, f"not valid YAML: {getattr(err, 'problem', err)}",
                          line=mark.line + 1 if mark else None) from None
    if not isinstance(data, dict):
        raise SourceError(path, "expected a mapping of metadata fields", line=1)
    try:
        return SourceMeta.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        fld = ".".join(str(x) for x in first["loc"])
        raise SourceError(path, first["msg"], line=_yaml_line(path, first["loc"]),
                          field=fld) from None


def _yaml_line(path: Path, loc) -> int | None:
    """Line of a top-level key in a YAML file (best effort, for messages)."""
    if not loc:
        return None
    key = str(loc[0])
    for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if re.match(rf"^{re.escape(key)}\s*:", text):
            return n
    return None
