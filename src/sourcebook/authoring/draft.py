"""The draft of a new source's metadata: what its text and markup say, and what to check.

`draft()` reads the apparatus the parser found (file number, heading, classification, date line,
subject, signature) and lets `Facts` from TEI markup overrule the guesses; `seed_yaml()` writes
the result as `seeds/<slug>.yml`, marking each value the author must still supply (`FILL IN`)
or check (`VERIFY`). The date line comes first and the file number is its check, because a
paper is written on the day it states and filed on that day or later.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from sourcebook.authoring.facts import Facts, Party, parse_party, with_signature
from sourcebook.errors import SourceError, SourcebookError
from sourcebook.model.decimal_file import KIT, DecimalNames
from sourcebook.model.source import FOOTNOTE_CALL, PAGE_MARKER, PrimarySource, parse_text, read_text

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*[a-z0-9]$")
SLUG_MAX = 48                    # item ids are "<slug>-<what>" and may not exceed 64 characters
FILL_IN = "FILL IN"
STOPWORDS = {"a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "by", "with", "at"}


class ScaffoldError(SourcebookError):
    """The new lesson cannot be written (bad slug, files already there, a toc we cannot edit)."""


# --------------------------------------------------------------------------- the draft metadata


@dataclass
class Draft:
    """What the apparatus says about the document, and what the author must still check."""
    source: PrimarySource
    slug: str
    title: str
    kind: str
    author: Party
    recipient: Party | None
    date: dt.date
    date_basis: str
    first_page: int
    verify: list[str] = field(default_factory=list)   # (file, what) notes for the author
    facts: Facts = field(default_factory=Facts)
    date_notes: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)  # how a copied text was put in seed form
    names: DecimalNames = KIT     # what the parts of a file number are called (the lesson's)

    @property
    def ap(self):
        return self.source.apparatus

    @property
    def heading(self) -> str:
        """The heading as a reader quotes it: without footnote call-outs."""
        return " ".join(FOOTNOTE_CALL.sub("", self.ap.heading).split())


def _line(source: PrimarySource, kind: str) -> int:
    return next((b.line for b in source.blocks if b.kind == kind), 1)


def _ascii_slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def default_slug(author: Party, date: dt.date, title_words: list[str]) -> str:
    """`muccio-1951-01-10-morale-rok-government`, like the memo's seed name."""
    who = _ascii_slug(author.name.split()[-1]) if author.named else ""
    words = [w for w in title_words if w and w not in STOPWORDS][:3]
    while True:     # drop whole words, never cut one, to fit
        slug = "-".join(p for p in (who, date.isoformat(), *words) if p)
        if len(slug) <= SLUG_MAX or not words:
            return slug[:SLUG_MAX].strip("-")
        words.pop()


def check_slug(slug: str) -> str:
    if not SLUG.match(slug) or "--" in slug or len(slug) > SLUG_MAX:
        raise ScaffoldError(None, f'"{slug}" is not a usable slug: lower-case letters, digits and '
                            f"single hyphens, at most {SLUG_MAX} characters", field="--slug")
    return slug


def _title_and_words(ap, author: Party, recipient: Party | None, kind: str) -> tuple[str, list[str]]:
    """The chapter title and the words for the slug: the subject, or else the heading; the slug
    then names the kind and the addressee, never a fragment of an office."""
    if ap.subject:
        title = ap.subject.rstrip(".").strip()
        return title, _ascii_slug(title).split("-")
    heading = FOOTNOTE_CALL.sub("", ap.heading)
    title = re.sub(r"^\d{1,4}\.\s+", "", " ".join(heading.split())).rstrip(".")
    words = [kind]
    if recipient is not None and recipient.named:      # an office alone names no one
        words += ["to", recipient.surname]
    return title, _ascii_slug(" ".join(words)).split("-")


def _kind(ap, source: PrimarySource) -> str | None:
    if ap.kind or ap.file_suffix:
        return ap.kind or ap.file_suffix
    first = source.paragraphs[0].text if source.paragraphs else ""
    if ap.salutation or re.match(r"^(?:My )?Dear\b", first):
        return "Letter"
    if ap.time:         # "Washington, March 12, 1951—7 p. m.": the clock time of a telegram
        return "Telegram"
    return None


def draft(path: Path, slug: str | None = None, *, text: str | None = None,
          facts: Facts | None = None, names: DecimalNames = KIT) -> Draft:
    """Parse the document (at `path`, or `text` made from it) and draft its metadata; `facts`
    (from TEI markup) overrule what the text leaves to guesswork; `names` decode its file number
    (the book's own, from `decimal_file.names_for`). SourceError names the line."""
    text = read_text(path) if text is None else text
    facts = facts or Facts()
    source = parse_text(text, path=path, first_page=facts.first_page, names=names)
    ap = source.apparatus
    heading_line = _line(source, "heading")
    if not ap.author:
        raise SourceError(path, f'the heading "{ap.heading}" names no writer (expected e.g. '
                          '"Memorandum by the Assistant Secretary of State (Name) to the Secretary '
                          'of State")', line=heading_line, field="heading")
    filed = ap.decoded.date if ap.decoded else None
    if filed is None and ap.date is None and facts.date is None:
        raise SourceError(path, "this does not read as a FRUS document: nothing dates it (expected "
                          "a file number with its date such as 795.00/1–1051, or a date line such "
                          "as Washington, January 10, 1951.)", line=_line(source, "file-number"),
                          field="date")
    verify: list[str] = []
    first_page = facts.first_page or 1
    marker = PAGE_MARKER.search(text)
    if facts.first_page is None and marker:  # the text before the first marker is on the page before it
        first_page = int(marker.group(1)) - 1
        source = parse_text(text, path=path, first_page=first_page, names=names)
        ap = source.apparatus
    elif facts.first_page is None:
        verify.append("first_page: the text has no [Page N] marker; give the printed page")
    author = facts.author or parse_party(ap.author)
    recipient = facts.recipient or (parse_party(ap.recipient) if ap.recipient else None)
    author, author_full = (author, facts.author_complete) if facts.author_complete \
        else with_signature(author, source.signature)
    recipient_full = facts.recipient_complete or bool(
        recipient and recipient.named and not recipient.office and len(recipient.name.split()) > 1)
    for role, who, full in (("author", author, author_full),
                            ("recipient", recipient, recipient_full)):
        if who is None:
            verify.append(f"{role}: the heading names no {role}; fill in name and office")
        elif not who.named:
            verify.append(f"{role}.name: the heading gives only the office; give the person")
        elif not full:
            verify.append(f"{role}.name: the heading gives \"{who.name}\"; write the full name")
        if who is not None and who.named and not who.office:
            verify.append(f"{role}.office: the heading gives only the name; give the office")
    date, basis, date_notes = _date(ap, facts, filed)
    if filed and ap.date and not 0 <= (filed - ap.date).days <= 60:
        verify.append(f"date: the date line says {ap.date}, the file number {filed}; "
                      "`sourcebook check` will report the difference until they agree")
    kind = facts.kind or _kind(ap, source)
    title, words = _title_and_words(ap, author, recipient, kind or "document")
    if facts.title:
        title = facts.title
    if not ap.subject:
        verify.append("title, subject: the text has no Subject: line; the heading stands in")
    if not kind:
        kind = "Document"
        verify.append('kind: the heading does not say what the document is (e.g. "Letter")')
    if not ap.classification and not facts.classification:
        verify.append("classification: the text has no marking; \"unclassified\" is a guess")
    if not facts.citation:
        what = "volume, volume_title, part" + ("" if ap.number else ", document") + " and pages"
        verify.append(f"citation: {what} are placeholders")
    if not facts.source_url:
        verify.append("source_url: the document's own page on history.state.gov")
    verify += facts.notes + ["rights: check the document is in the public domain"]
    slug = check_slug(slug or default_slug(author, date, words))
    source.slug = slug
    return Draft(source=source, slug=slug, title=title, kind=kind, author=author,
                 recipient=recipient, date=date, date_basis=basis, first_page=first_page,
                 verify=verify, facts=facts, date_notes=date_notes, names=names)


def _date(ap, facts: Facts, filed) -> tuple[dt.date, str, list[str]]:
    """The date and what it rests on: the date line first, the file number as a check."""
    if facts.date:
        return facts.date, facts.date_basis or "date line", list(facts.date_notes)
    if ap.date:
        notes = []
        if filed:
            late = (filed - ap.date).days
            notes.append(f"the file number {ap.file_number} agrees" if late == 0 else
                         f"the file number {ap.file_number} was filed {late} day(s) later"
                         if 0 < late <= 60 else
                         f"DISAGREES: the file number {ap.file_number} encodes {filed}")
        return ap.date, "date line", notes
    return filed, "file number", []


# --------------------------------------------------------------------------- the seed metadata


def _q(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _party_yaml(key: str, who: Party | None, complete: bool, source: str) -> str:
    if who is None:
        return (f"{key}:   # {FILL_IN}: the heading names no {key}\n"
                f"  name: {_q(FILL_IN)}\n  office: {_q(FILL_IN)}\n")
    note = (f"from {source}" if complete else "VERIFY: write the full name") if who.named \
        else f"{FILL_IN}: the heading names only the office"
    office = (f"{_q(who.office)}" if who.office
              else f"{_q(FILL_IN)}   # {FILL_IN}: the heading gives no office")
    return f"{key}:\n  name: {_q(who.name)}   # {note}\n  office: {office}\n"


def _citation_yaml(d: Draft) -> list[str]:
    c = d.facts.citation
    if c:
        part = "null" if c["part"] is None else c["part"]
        return ["citation:   # from the volume's TEI header and the document's page breaks",
                f"  series: {_q(c['series'])}",
                f"  year: {_q(c['year']) if isinstance(c['year'], str) else c['year']}",
                f"  volume: {_q(c['volume'])}", f"  volume_title: {_q(c['volume_title'])}",
                f"  part: {part}", f"  document: {c['document']}", f"  pages: {_q(c['pages'])}"]
    number = d.ap.number
    return [f"citation:   # {FILL_IN}: every field from the printed volume",
            "  series: Foreign Relations of the United States",
            f"  year: {d.date.year}   # VERIFY: the year the volume covers",
            f"  volume: {_q(FILL_IN)}   # e.g. VII",
            f"  volume_title: {_q(FILL_IN)}   # as the volume's title page gives it",
            "  part: null   # the part of the volume, e.g. 1, if it has parts",
            f"  document: {number}   # from the heading's number" if number else
            "  document: 0   # the document's number in the volume",
            f"  pages: {_q(FILL_IN)}   # e.g. \"66–67\""]


def seed_yaml(d: Draft) -> str:
    ap, f = d.ap, d.facts
    basis = (f"{ap.file_number} dates it" if d.date_basis == "file number"
             else f'the date line "{ap.date_line}" dates it' if d.date_basis == "date line"
             else "the volume's editors date it")
    if d.date_notes:
        basis += "; " + "; ".join(d.date_notes)
    if f.first_page:
        first = "# from the volume's page breaks"
    elif d.first_page > 1:
        first = f"# from the first page marker [Page {d.first_page + 1}]"
    else:
        first = f"# {FILL_IN}: the printed page the document starts on"
    kind_note = "" if d.kind != "Document" else f"   # {FILL_IN}: what kind of document"
    klass = ap.classification or f.classification or "unclassified"
    klass_note = "" if ap.classification else "   # from the source note" if f.classification \
        else "   # VERIFY: the text has no marking"
    complete_from = "the volume's list of persons" if f.author else "the signature"
    lines = [
        f"# Metadata for seeds/{d.slug}.txt,",
        "# drafted by `sourcebook new` from the document's apparatus"
        + (" and its TEI markup." if f.citation else "."),
        f'# "{FILL_IN}" marks a placeholder that validates but is not a fact: replace it.',
        '# "VERIFY" marks a value read from the text: check it against the printed volume.',
        "# Then run `sourcebook check`.",
        f"slug: {d.slug}",
        f"title: {_q(d.title)}   # "
        + ("from the subject line" if ap.subject else "from the heading (the text has no "
           "subject line)"),
        f"subject: {_q(ap.subject or d.title)}",
        f"kind: {_q(d.kind)}{kind_note}",
        _party_yaml("author", d.author, f.author_complete or bool(
            d.author.named and len(d.author.name.split()) > 1), complete_from).rstrip("\n"),
        _party_yaml("recipient", d.recipient, f.recipient_complete or bool(
            d.recipient and d.recipient.named and len(d.recipient.name.split()) > 1),
            "the volume's list of persons" if f.recipient else "the heading").rstrip("\n"),
        f"date: {d.date.isoformat()}",
        f"date_basis: {d.date_basis}   # {basis}",
    ]
    if ap.file_number or f.file_number:
        lines.append(f"file_number: {_q(ap.file_number or f.file_number)}"
                     + ("" if ap.file_number else "   # from the source note"))
    lines += [f"classification: {_q(klass)}{klass_note}", *_citation_yaml(d),
              f"first_page: {d.first_page}   {first}"]
    if f.source_url:
        lines.append(f"source_url: {_q(f.source_url)}")
    else:
        lines.append(f"source_url: {_q('https://history.state.gov/historicaldocuments')}"
                     f"   # {FILL_IN}: the document's own page")
    if f.source_note:
        lines.append(f"source_note: {_q(f.source_note)}")
    lines += ["rights: >-   # VERIFY",
              "  Work of the United States government (Department of State); public domain in the",
              "  United States."]
    return "\n".join(lines) + "\n"
