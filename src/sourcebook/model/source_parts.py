"""A parsed FRUS-style text as data: its apparatus, its blocks (each with its raw text and the
blank lines after it, so `rebuild()` gives back the file exactly), paragraphs and sentences."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sourcebook.model import decimal_file
from sourcebook.model.source_meta import SourceMeta


@dataclass
class Sentence:
    id: str                 # "p2.s3"
    paragraph: int
    index: int
    raw: str                # as printed, markers included
    trailing: str           # whitespace after it inside the paragraph
    text: str               # reading text: markers removed, spaces folded
    page: int               # page on which the sentence starts
    page_end: int           # page on which it ends
    footnotes: list[int] = field(default_factory=list)
    line: int = 0           # line of the source file where it starts

    @property
    def pages(self) -> str:
        return str(self.page) if self.page == self.page_end else f"{self.page}–{self.page_end}"


@dataclass
class Paragraph:
    id: str                 # "p2"
    number: int
    sentences: list[Sentence]
    line: int

    @property
    def raw(self) -> str:
        return "".join(s.raw + s.trailing for s in self.sentences)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    @property
    def pages(self) -> str:
        first, last = self.sentences[0].page, self.sentences[-1].page_end
        return str(first) if first == last else f"{first}–{last}"


@dataclass
class Apparatus:
    file_number: str | None = None
    file_suffix: str | None = None      # e.g. "Telegram"
    decoded: decimal_file.DecodedFileNumber | None = None
    heading: str | None = None
    kind: str | None = None              # "Memorandum", "Telegram", ...
    author: str | None = None            # as in the heading: "the Assistant Secretary ... (Rusk)"
    recipient: str | None = None
    classification: str | None = None    # "top secret"
    handling: str | None = None          # what follows the classification ("niact", "priority")
    subject: str | None = None
    date_line: str | None = None
    date: dt.date | None = None          # from the date line, if any
    time: str | None = None              # from the date line: "7 p. m."
    number: int | None = None            # the document number some headings start with
    reference: str | None = None         # a "Reference:" line
    salutation: str | None = None        # "Dear Mr. Ambassador:" on a line of its own


@dataclass
class Block:
    kind: str   # file-number | heading | classification | date | subject | reference | paragraph
    #             | salutation | marker | footnote | closing | signature | enclosure
    #             | enclosure-heading
    raw: str
    separator: str      # the blank-line run that follows it ("" at the end)
    line: int
    paragraph: Paragraph | None = None


@dataclass
class PrimarySource:
    slug: str
    path: Path | None
    apparatus: Apparatus
    blocks: list[Block]
    paragraphs: list[Paragraph]
    footnotes: dict[int, str]
    signature: str | None
    meta: SourceMeta | None = None
    leading: str = ""

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]

    def sentence(self, sid: str) -> Sentence:
        for s in self.sentences:
            if s.id == sid:
                return s
        raise KeyError(sid)

    def sentence_ids(self) -> set[str]:
        return {s.id for s in self.sentences}

    def paragraph(self, pid: str) -> Paragraph:
        for p in self.paragraphs:
            if p.id == pid:
                return p
        raise KeyError(pid)

    @property
    def text(self) -> str:
        """The reading text: paragraphs without markers, separated by blank lines."""
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def title(self) -> str:
        if self.meta:
            return self.meta.title
        return (self.apparatus.subject or self.apparatus.heading or self.slug).rstrip(".")

    def rebuild(self) -> str:
        """The source text rebuilt from the model; equals the file it was parsed from."""
        out = [self.leading]
        for b in self.blocks:
            out.append(b.paragraph.raw if b.paragraph else b.raw)
            out.append(b.separator)
        return "".join(out)
