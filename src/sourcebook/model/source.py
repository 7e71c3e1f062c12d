"""A FRUS-style primary source as data: apparatus, paragraphs, sentences with stable ids and pages.

A seed is two files in ``seeds/``: ``<slug>.txt`` (the document as printed, verbatim) and
``<slug>.yml`` (its metadata). The text is parsed into blocks separated by blank lines:

* the apparatus at the top — file-number line (``795.00/1–1251``, optionally ``: Telegram``),
  heading (who to whom), classification line, optional date line, ``Subject:`` line;
* body paragraphs, split into sentences with ids ``p3`` / ``p3.s2`` that depend only on the
  text, so they stay the same for as long as the text does;
* ``[Page N]`` markers, removed from the reading text but kept as each sentence's page;
  ``[N]`` footnote call-outs, removed likewise and kept on the sentence (or on the heading);
  footnote texts at the end written as ``[N] text``;
* after the body: a complimentary close ("Sincerely yours,"), a short signature line, and
  enclosures (an ``[Enclosure]`` line, then the enclosure's heading and its own paragraphs,
  numbered on from the document's).

A paragraph that starts with a list label ("1.", "(2)", "a.", "(b)") is one item of a list: the
label never ends a sentence. A "Reference:" line belongs to the apparatus. A heading may start
with the document's number in the volume ("52. Memorandum by ..."), as history.state.gov prints it.

Every block keeps its raw text and its separator, so ``rebuild()`` gives back the file exactly.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from sourcebook.model import decimal_file
from sourcebook.model.project import Project
from sourcebook.errors import SourceError

# --------------------------------------------------------------------------- metadata


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


# --------------------------------------------------------------------------- text model

PAGE_MARKER = re.compile(r"\[Page (\d+)\]")
FOOTNOTE_CALL = re.compile(r"\[(\d+)\]")
ANY_MARKER = re.compile(r"\[([A-Z][a-z]+)\s+([^\]\s]+)\]")
PAGE_LIKE = re.compile(r"\[\s*(?:page|pg|p)\b[^\]]*\]", re.IGNORECASE)
CLASSIFICATIONS = ("top secret", "secret", "confidential", "restricted", "unclassified")
CLASSIFICATION_LINE = re.compile(
    r"^(?P<level>top secret|secret|confidential|restricted|unclassified)\b(?P<rest>.*)$", re.I)
SUBJECT_LINE = re.compile(r"^(?:Subject|SUBJECT):\s*(?P<subject>.+)$", re.S)
MONTHS = ("January February March April May June July August September October November "
          "December").split()
_MONTH = "(?:" + "|".join(MONTHS) + ")"
# "Washington, March 12, 1951—7 p. m." or "[Washington,] 11 January 1951." (place optional)
DATE_LINE = re.compile(
    r"^(?:\[?[A-Z][\w .'-]*,?\]?,?\s+)?\[?(?:(?P<month>" + _MONTH + r")\s+(?P<day>\d{1,2}),"
    r"\s+(?P<year>\d{4})|(?P<day2>\d{1,2})\s+(?P<month2>" + _MONTH + r"),?\s+(?P<year2>\d{4}))\]?")
DATE_TIME = re.compile(r"[—–-]\s*(?P<time>(?:\d{1,2}(?::\d\d)?\s*[ap]\.\s?m\.?|noon|midnight))",
                       re.I)
REFERENCE_LINE = re.compile(r"^(?:References?|Ref|Refs)\s*:\s*\S", re.I)
ENCLOSURE_LINE = re.compile(r"^\[?(?:Enclosure|Inclosure|Attachment|Annex|Tab)"
                            r"(?:\s+(?:\d+|[A-Z]))?\.?\]?$")
SALUTATION_LINE = re.compile(r"^(?:My )?Dear [^:;.]{1,60}[:,]$")
CLOSING_LINE = re.compile(r"^(?:Sincerely|Faithfully|Respectfully|Cordially|Very (?:truly|sincerely|"
                          r"respectfully)|Yours)\b[\w ]*,$", re.I)
DOC_NUMBER = re.compile(r"^(?P<n>\d{1,4})\.\s+(?=\S)")
# A list label, or the number a telegram opens with ("1691. Deptel 1047, January 6.")
LIST_LABEL = re.compile(r"^(?:\(\d{1,3}\)|\d{1,4}[.)]|\([a-z]\)|[a-z][.)]|\([ivx]{1,5}\)|[ivx]{1,5}\.)\s+")
FILE_LINE = re.compile(
    r"^(?P<number>\d{3}[A-Z]?(?:\.[0-9A-Z]+)?(?:/\S+)?)(?:\s*:\s*(?P<suffix>.+))?$")
FOOTNOTE_TEXT = re.compile(r"^\[(?P<n>\d+)\]\s+(?P<text>.+)$", re.S)
HEADING_WORDS = re.compile(r"\b(?:to|by|of|from)\b|^(?:Memorandum|Telegram|Letter|Note|Paper|Record)")

# Words that end with a period without ending the sentence.
ABBREVIATIONS = {
    "Mr", "Mrs", "Messrs", "Ms", "Dr", "Gen", "Lt", "Col", "Maj", "Capt", "Adm", "Sgt", "Gov",
    "Sen", "Rep", "Amb", "Jr", "Sr", "St", "No", "Nos", "vol", "pp", "p", "cf", "Jan", "Feb",
    "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Ft", "Mt", "Vice",
}
OPENERS = "“\"‘'([{"
CLOSERS = "”\"’')]"


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


# --------------------------------------------------------------------------- parsing


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _split_blocks(text: str) -> tuple[str, list[tuple[str, str, int]]]:
    """Blocks separated by blank lines as (raw, separator after it, line); plus leading blank lines."""
    lead = re.match(r"(?:[ \t]*\n)*", text).group(0)
    parts = re.split(r"(\n(?:[ \t]*\n)+)", text[len(lead):])
    if len(parts) > 1 and parts[-1] == "":     # the text ends with blank lines
        parts.pop()
    else:
        parts.append("")
    blocks, offset = [], len(lead)
    for raw, sep in zip(parts[0::2], parts[1::2]):
        if raw.endswith("\n") and sep == "":   # a single final newline belongs to the separator
            raw, sep = raw[:-1], "\n"
        blocks.append((raw, sep, _line_of(text, offset)))
        offset += len(raw) + len(sep)
    return lead, blocks


def _is_abbreviation(raw: str, period: int) -> bool:
    word = re.search(r"(\S+)$", raw[:period])
    if not word:
        return False
    w = word.group(1).lstrip(OPENERS)
    if w in ABBREVIATIONS:
        return True
    if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?", w + ".") or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", w):
        return True     # U.S., U.N., R.O.K., initials such as the M. of John M. Chang
    return False


def split_sentences(raw: str) -> list[tuple[str, str]]:
    """Split a paragraph into (sentence raw, trailing whitespace) pairs; joins back to `raw`."""
    pieces: list[tuple[str, str]] = []
    start = 0
    label = LIST_LABEL.match(raw)
    i = label.end() if label else 0     # "1. " or "a. " opens a list item; it ends no sentence
    n = len(raw)
    while i < n:
        ch = raw[i]
        if ch in ".!?":
            j = i + 1
            while j < n and (raw[j] in CLOSERS or raw[j] in ".!?"):
                j += 1
            call = FOOTNOTE_CALL.match(raw, j)
            while call:
                j = call.end()
                call = FOOTNOTE_CALL.match(raw, j)
            ws = re.match(r"\s+", raw[j:])
            if ws:
                k = j + ws.end()
                nxt = raw[k:k + 12]
                starts_sentence = bool(re.match(r"[“\"‘'(\[]?[A-Z0-9]", nxt))
                if starts_sentence and not (ch == "." and _is_abbreviation(raw, i)):
                    pieces.append((raw[start:j], ws.group(0)))
                    start = k
                    i = k
                    continue
            i = j
            continue
        i += 1
    if start < n:
        tail = raw[start:]
        body = tail.rstrip()
        pieces.append((body, tail[len(body):]))
    # A piece that is only markers (e.g. "[Page 67]" after the last full stop) joins the one before.
    merged: list[tuple[str, str]] = []
    for body, ws in pieces:
        if merged and not _reading_text(body):
            prev_body, prev_ws = merged[-1]
            merged[-1] = (prev_body + prev_ws + body, ws)
        else:
            merged.append((body, ws))
    return merged


def _reading_text(raw: str) -> str:
    text = PAGE_MARKER.sub(" ", raw)
    text = FOOTNOTE_CALL.sub("", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"(?<!\.) ([,.;:!?])", r"\1", text)   # an omission row ". . ." stays spaced


def _check_markers(raw: str, path, line: int) -> None:
    for m in PAGE_LIKE.finditer(raw):
        if not PAGE_MARKER.fullmatch(m.group(0)):
            raise SourceError(path, f'malformed page marker "{m.group(0)}" (expected e.g. [Page 67])',
                              line=line + raw.count("\n", 0, m.start()), field="page marker")
    for m in ANY_MARKER.finditer(raw):
        if m.group(1) != "Page":
            raise SourceError(path, f'unknown marker "{m.group(0)}" (known: [Page N], footnote [N])',
                              line=line + raw.count("\n", 0, m.start()), field="marker")


def _pages_of(raw: str, page: int) -> tuple[int, int, int]:
    """(start page, end page, page after) for a sentence's raw text beginning on `page`."""
    first_text = None
    last_text_page = page
    current = page
    pos = 0
    for m in PAGE_MARKER.finditer(raw):
        if _reading_text(raw[pos:m.start()]):
            if first_text is None:
                first_text = current
            last_text_page = current
        current = int(m.group(1))
        pos = m.end()
    if _reading_text(raw[pos:]):
        if first_text is None:
            first_text = current
        last_text_page = current
    start = first_text if first_text is not None else current
    return start, last_text_page, current


HEADING_KINDS = (r"Memorandum(?: of Conversation)?|(?:Circular )?Telegram|Letter|Note|Paper|Record"
                 r"|Despatch|Dispatch|Airgram|Report|Minutes|Message|Statement|Aide-Mémoire")


def _parse_heading(ap: Apparatus, raw: str) -> None:
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


def _closing_spots(raw_blocks) -> set[int]:
    """Blocks where a signature may stand: the last one before the footnotes, and the last one
    before each enclosure."""
    spots = set()
    last = len(raw_blocks) - 1
    while last > 0 and FOOTNOTE_TEXT.match(raw_blocks[last][0]):
        last -= 1
    spots.add(last)
    for i, (raw, _, _) in enumerate(raw_blocks):
        if i and ENCLOSURE_LINE.match(" ".join(raw.split())):
            spots.add(i - 1)
    return spots


def parse_text(text: str, *, path: str | Path | None = None, slug: str | None = None,
               first_page: int | None = None) -> PrimarySource:
    """Parse a FRUS-style document. Raises SourceError naming the file and line."""
    if not text.strip():
        raise SourceError(path, "the file is empty", line=1)
    lead, raw_blocks = _split_blocks(text)
    ap = Apparatus()
    blocks: list[Block] = []
    paragraphs: list[Paragraph] = []
    footnotes: dict[int, str] = {}
    signature = None
    page = first_page if first_page is not None else 1
    in_body = False
    enclosure_opened = False
    closing_spots = _closing_spots(raw_blocks)

    for idx, (raw, sep, line) in enumerate(raw_blocks):
        one_line = " ".join(raw.split())
        kind = None
        if not in_body:
            fm = FILE_LINE.match(one_line)
            # the file number opens the text, or (as history.state.gov prints it) follows the heading
            if (idx == 0 and (fm or re.match(r"^\d{3}[A-Z]?[./](?!\s)", one_line))) or (
                    idx == 1 and fm and ap.heading and ap.file_number is None):
                if not fm:
                    raise SourceError(path, f'malformed file number line "{one_line}"', line=line,
                                      field="file number")
                try:
                    ap.decoded = decimal_file.decode(fm.group("number"))
                except decimal_file.FileNumberError as err:
                    raise SourceError(path, str(err), line=line, field="file number") from None
                ap.file_number = fm.group("number")
                ap.file_suffix = fm.group("suffix")
                kind = "file-number"
            elif ap.heading is None and not CLASSIFICATION_LINE.match(one_line) \
                    and not SUBJECT_LINE.match(one_line) and HEADING_WORDS.search(one_line) \
                    and len(one_line) < 300 and not one_line.endswith((".", "?", "!")) \
                    or (ap.heading is None and idx <= 1 and len(one_line) < 300
                        and not SUBJECT_LINE.match(one_line)
                        and not CLASSIFICATION_LINE.match(one_line)):
                _parse_heading(ap, raw)
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
            elif REFERENCE_LINE.match(one_line) and ap.reference is None and paragraphs == []:
                ap.reference = one_line
                kind = "reference"
            elif SALUTATION_LINE.match(one_line) and ap.heading and ap.salutation is None:
                ap.salutation = one_line
                kind = "salutation"
        if kind is None and paragraphs and ENCLOSURE_LINE.match(one_line):
            kind, enclosure_opened = "enclosure", True
        elif kind is None and enclosure_opened and len(one_line) < 300 \
                and not one_line.endswith((".", "?", "!", "”", '"')):
            kind, enclosure_opened = "enclosure-heading", False
        elif kind is None and paragraphs and CLOSING_LINE.match(one_line):
            kind = "closing"
        if kind is None:
            enclosure_opened = False
            _check_markers(raw, path, line)
            in_body = True
            if PAGE_MARKER.fullmatch(raw.strip()):
                page = int(PAGE_MARKER.fullmatch(raw.strip()).group(1))
                kind = "marker"
            elif fn := FOOTNOTE_TEXT.match(raw):
                footnotes[int(fn.group("n"))] = " ".join(fn.group("text").split())
                kind = "footnote"
            elif idx in closing_spots and paragraphs and len(one_line.split()) <= 5 \
                    and not one_line.endswith((".", "?", "!", "”", '"', ":", ";")):
                signature = signature or FOOTNOTE_CALL.sub("", one_line).strip()
                kind = "signature"
            else:
                number = len(paragraphs) + 1
                sentences = []
                offset = 0
                for s_index, (s_raw, ws) in enumerate(split_sentences(raw), start=1):
                    start_page, end_page, page = _pages_of(s_raw, page)
                    sentences.append(Sentence(
                        id=f"p{number}.s{s_index}", paragraph=number, index=s_index, raw=s_raw,
                        trailing=ws, text=_reading_text(s_raw), page=start_page,
                        page_end=end_page,
                        footnotes=[int(n) for n in FOOTNOTE_CALL.findall(s_raw)],
                        line=line + raw.count("\n", 0, offset)))
                    offset += len(s_raw) + len(ws)
                para = Paragraph(id=f"p{number}", number=number, sentences=sentences, line=line)
                paragraphs.append(para)
                blocks.append(Block("paragraph", raw, sep, line, paragraph=para))
                continue
        blocks.append(Block(kind, raw, sep, line))

    if ap.heading is None:
        raise SourceError(path, "no heading line (who to whom) before the body", line=1,
                          field="heading")
    if not paragraphs:
        raise SourceError(path, "the document has an apparatus but no body paragraphs",
                          line=raw_blocks[-1][2], field="body")
    calls = [(n, s.line) for p in paragraphs for s in p.sentences for n in s.footnotes]
    calls += [(int(n), b.line) for b in blocks if b.kind != "footnote" and not b.paragraph
              for n in FOOTNOTE_CALL.findall(b.raw)]
    for n, at in calls:
        if footnotes and n not in footnotes:
            raise SourceError(path, f"footnote call-out [{n}] has no footnote text",
                              line=at, field="footnote")
    source = PrimarySource(slug=slug or (Path(path).stem if path else "source"),
                           path=Path(path) if path else None, apparatus=ap, blocks=blocks,
                           paragraphs=paragraphs, footnotes=footnotes, signature=signature,
                           leading=lead)
    if source.rebuild() != text:  # the model must hold the text exactly; a bug here is ours
        raise AssertionError(f"{path}: internal error: the parsed text does not rebuild exactly")
    return source


def read_text(path: Path) -> str:
    """A text file as UTF-8 with "\\n" line ends: a byte-order mark is dropped and Windows (CRLF)
    or old Mac (CR) line ends are read as they were meant; NUL bytes mean it is no text file."""
    return decode_text(path.read_bytes(), path)


def decode_text(data: bytes, path=None) -> str:
    if b"\0" in data:
        at = data.index(b"\0")
        raise SourceError(path, f"a NUL byte at offset {at}: this is not a text file (save the "
                          "document as plain UTF-8 text)", line=_line_of_bytes(data, at),
                          field="encoding")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise SourceError(path, f"byte 0x{data[err.start]:02x} at offset {err.start} is not UTF-8 "
                          "text; save the file as UTF-8", line=_line_of_bytes(data, err.start),
                          field="encoding") from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _line_of_bytes(data: bytes, at: int) -> int:
    head = data[:at].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return head.count(b"\n") + 1


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


def seeds_dir(root: Path) -> Path:
    return Project(root).seeds


def load_source(slug_or_path: str | Path, root: Path | None = None) -> PrimarySource:
    """Load `seeds/<slug>.txt` with its `<slug>.yml` (a path to a .txt works too)."""
    p = Path(slug_or_path)
    txt = p if p.suffix == ".txt" and p.exists() else seeds_dir(root) / f"{slug_or_path}.txt"
    if not txt.is_file():
        raise SourceError(txt, "no such seed text")
    meta_path = txt.with_suffix(".yml")
    meta = load_meta(meta_path) if meta_path.is_file() else None
    source = parse_text(read_text(txt), path=txt, slug=txt.stem,
                        first_page=meta.first_page if meta else None)
    source.meta = meta
    return source


def check_source(source: PrimarySource) -> list[str]:
    """Consistency problems between a seed's text and its metadata (empty list: all good)."""
    problems = []
    meta, ap = source.meta, source.apparatus
    where = str(source.path.with_suffix(".yml")) if source.path else source.slug
    if meta is None:
        return [f"{source.path}: no metadata file {source.slug}.yml beside it"]
    if meta.slug != source.slug:
        problems.append(f"{where}: slug: {meta.slug!r} differs from the file name {source.slug!r}")
    if ap.file_number and meta.file_number and ap.file_number != meta.file_number:
        problems.append(f"{where}: file_number: {meta.file_number!r} differs from the text's "
                        f"{ap.file_number!r}")
    if ap.decoded and ap.decoded.date:
        filed, written = ap.decoded.date, meta.date
        # A paper is filed on or after the day it is written; without a date line the file
        # number is the only date there is, so then the two must agree exactly.
        late = (filed - written).days
        if (ap.date is None and late != 0) or not 0 <= late <= 60:
            problems.append(f"{where}: date: {written} does not fit the date the file number "
                            f"encodes ({filed})")
    if ap.date and ap.date != meta.date:
        problems.append(f"{where}: date: {meta.date} differs from the date line ({ap.date})")
    if ap.classification and ap.classification != meta.classification.lower():
        problems.append(f"{where}: classification: {meta.classification!r} differs from the "
                        f"text's {ap.classification!r}")
    if ap.subject and ap.subject.rstrip(".") != meta.subject.rstrip("."):
        problems.append(f"{where}: subject: {meta.subject!r} differs from the text's "
                        f"{ap.subject!r}")
    return problems


def all_seeds(root: Path) -> list[Path]:
    return sorted(seeds_dir(root).glob("*.txt"))
