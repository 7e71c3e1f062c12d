"""The apparatus at the top of a FRUS-style text: the file number, the heading (who to whom), the
classification, the date line, the subject, a reference and a salutation, each recognised and
recorded on an `Apparatus`."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from sourcebook.errors import SourceError
from sourcebook.model import decimal_file
from sourcebook.model.source_parts import Apparatus
from sourcebook.model.source_patterns import (CLASSIFICATION_LINE, DATE_LINE, DATE_TIME, DOC_NUMBER,
                                              FILE_LINE, FOOTNOTE_CALL, HEADING_WORDS, MONTHS,
                                              REFERENCE_LINE, SALUTATION_LINE, SUBJECT_LINE)

HEADING_KINDS = (r"Memorandum(?: of Conversation)?|(?:Circular )?Telegram|Letter|Note|Paper|Record"
                 r"|Despatch|Dispatch|Airgram|Report|Minutes|Message|Statement|Aide-Mémoire")


def parse_heading(ap: Apparatus, raw: str) -> None:
    """Record the heading on `ap`: its document number, kind, writer and addressee."""
    heading = " ".join(raw.split())
    ap.heading = heading
    heading = FOOTNOTE_CALL.sub("", heading).strip()
    if num := DOC_NUMBER.match(heading):
        ap.number = int(num.group("n"))
        heading = heading[num.end():]
    m = re.match(r"^(?P<kind>" + HEADING_KINDS + r")"
                 r"(?:,)?(?: (?:by|By|from|From|Prepared by|Prepared in|Drafted by))?\s*(?P<rest>.*)$",
                 heading)
    rest = heading
    if m:
        ap.kind = m.group("kind")
        rest = m.group("rest")
    parts = re.split(r"\s+to\s+(?=the\b|[A-Z])", rest, maxsplit=1)
    if len(parts) == 1 and m and "Prepared" in heading[:m.start("rest")]:
        # "Memorandum Prepared by the CIA for the Senior Staff of the NSC": "for the" addresses
        parts = re.split(r"\s+for\s+(?=the\b)", rest, maxsplit=1)
    if len(parts) == 2:
        ap.author = parts[0].strip() or None
        ap.recipient = parts[1].strip().rstrip(".") or None
    elif rest:
        ap.author = rest.strip().rstrip(".") or None


def apparatus_block(ap: Apparatus, idx: int, raw: str, one_line: str, line: int,
                    path: str | Path | None, has_paragraphs: bool,
                    names: decimal_file.DecimalNames) -> str | None:
    """The kind of apparatus line block `idx` is ("file-number", "heading", ...), with what it
    says recorded on `ap` (a file number decoded with `names`); None when it is no apparatus
    line. `one_line` is `raw` with its spaces folded; a malformed file number or an impossible
    date raises SourceError."""
    kind = None
    fm = FILE_LINE.match(one_line)
    # the file number opens the text, or (as history.state.gov prints it) follows the heading
    if (idx == 0 and (fm or re.match(r"^\d{3}[A-Z]?[./](?!\s)", one_line))) or (
            idx == 1 and fm and ap.heading and ap.file_number is None):
        if not fm:
            raise SourceError(path, f'malformed file number line "{one_line}"', line=line,
                              field="file number")
        try:
            ap.decoded = decimal_file.decode(fm.group("number"), names)
        except decimal_file.FileNumberError as err:
            raise SourceError(path, err.message, line=line, field="file number") from None
        ap.file_number = fm.group("number")
        ap.file_suffix = fm.group("suffix")
        kind = "file-number"
    elif ap.heading is None and not CLASSIFICATION_LINE.match(one_line) \
            and not SUBJECT_LINE.match(one_line) and HEADING_WORDS.search(one_line) \
            and len(one_line) < 300 and not one_line.endswith((".", "?", "!")) \
            or (ap.heading is None and idx <= 1 and len(one_line) < 300
                and not SUBJECT_LINE.match(one_line)
                and not CLASSIFICATION_LINE.match(one_line)):
        parse_heading(ap, raw)
        kind = "heading"
    elif (cm := CLASSIFICATION_LINE.match(one_line)) and ap.classification is None \
            and len(one_line) < 80:
        ap.classification = cm.group("level").lower()
        ap.handling = cm.group("rest").strip() or None
        kind = "classification"
    elif (dm := DATE_LINE.match(one_line)) and ap.date_line is None and len(one_line) < 120:
        ap.date_line = one_line
        year, month, day = (dm.group("year", "month", "day") if dm.group("year")
                            else dm.group("year2", "month2", "day2"))
        try:
            ap.date = dt.date(int(year), MONTHS.index(month) + 1, int(day))
        except ValueError:
            raise SourceError(path, f'"{one_line}" is not a real date', line=line,
                              field="date line") from None
        if tm := DATE_TIME.search(one_line, dm.end()):
            ap.time = tm.group("time")
        kind = "date"
    elif sm := SUBJECT_LINE.match(one_line):
        ap.subject = sm.group("subject").strip()
        kind = "subject"
    elif REFERENCE_LINE.match(one_line) and ap.reference is None and not has_paragraphs:
        ap.reference = one_line
        kind = "reference"
    elif SALUTATION_LINE.match(one_line) and ap.heading and ap.salutation is None:
        ap.salutation = one_line
        kind = "salutation"
    return kind
