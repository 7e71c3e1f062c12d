"""One document of a FRUS volume in the Office of the Historian's TEI, as a seed text and facts.

The volumes (`HistoryAtState/frus`, `volumes/<volume-id>.xml`) mark up everything a plain text
leaves to guesswork: the source note (`<note type="source">`: the file number), the heading with
`<persName type="from">` / `<gloss type="to">`, the `<opener>` with `<dateline>` and
`<date when="…">` and the classification, `<pb n="…"/>` page breaks, `<note n="…">` footnotes,
`<list>` with `<label>`/`<item>`, `<closer>` with `<salute>` and `<signed>`, `<frus:attachment>`
enclosures, and in the `teiHeader` the volume's series, year, number, part and title.

`import_document(path, doc_id)` writes the document out in the kit's plain-text seed format
(`model/source.py`): file number, heading, classification, date line, then the body, one block a
paragraph or list item, `[Page N]` where the page turns and `[N]` where a footnote is called, the
footnotes as `[N] text` at the end. So sentence ids and page attribution work exactly as for the
hand-made seed. Everything else the markup states comes back as `Facts`.

The XML is read with defusedxml: no entity is expanded and nothing external is fetched.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as SafeET

from sourcebook.authoring.facts import Facts, Party, parse_party
from sourcebook.errors import SourceError
from sourcebook.model import decimal_file
from sourcebook.model.source import CLASSIFICATION_LINE, DATE_LINE, _parse_heading, Apparatus

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SITE = "https://history.state.gov/historicaldocuments"
FILE_NUMBER_IN_NOTE = re.compile(r"\b\d{3}[A-Z]?(?:\.[0-9A-Z]+)?/\d{1,2}[–-]\d{3,6}")
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


class TeiError(SourceError):
    """The TEI file or the document asked for cannot be imported."""


@dataclass
class TeiDocument:
    text: str           # the seed text, in the plain-text format
    facts: Facts
    doc_id: str
    volume_id: str


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _clean(text: str) -> str:
    """Whitespace folded as print shows it; a footnote call sits on the word it follows."""
    text = " ".join(text.split())
    text = re.sub(r"\s+(\[\d+\])", r"\1", text)
    return re.sub(r"\s+([,.;:!?)])", r"\1", text).replace("( ", "(")


# --------------------------------------------------------------------------- reading the file


def read_volume(path: Path) -> Element:
    """The TEI root, parsed without expanding entities or fetching anything."""
    try:
        root = SafeET.parse(str(path), forbid_dtd=False, forbid_entities=True,
                            forbid_external=True).getroot()
    except ParseError as err:
        line, col = getattr(err, "position", (None, None))
        raise TeiError(path, f"not well-formed XML ({str(err).split(':')[0]}, column {col})",
                       line=line, field="xml") from None
    except defusedxml.DefusedXmlException as err:
        raise TeiError(path, f"refused: the file declares entities or external references "
                       f"({type(err).__name__}); FRUS volumes have none", field="xml") from None
    if _local(root.tag) != "TEI":
        raise TeiError(path, f"not a TEI file: the root element is <{_local(root.tag)}>, "
                       "expected <TEI> as in the HistoryAtState/frus volumes", line=1, field="xml")
    return root


def find_document(root: Element, doc_id: str | None, path: Path) -> Element:
    """The `<div type="document">` with xml:id `doc_id` (or the only one); refuses editorial
    notes, chapter headings and missing ids with one clear message each."""
    docs = [d for d in root.iter(f"{TEI}div") if d.get("type") == "document"]
    if doc_id is None:
        if len(docs) == 1:
            return _refuse_editorial(docs[0], path)
        if not docs:
            raise TeiError(path, "the file holds no <div type=\"document\">", field="--document")
        raise TeiError(path, f"the volume holds {len(docs)} documents; choose one with "
                       f"--document (ids {docs[0].get(XML_ID)} to {docs[-1].get(XML_ID)})",
                       field="--document")
    hit = next((d for d in root.iter() if d.get(XML_ID) == doc_id), None)
    if hit is None:
        where = (f"its documents run {docs[0].get(XML_ID)} to {docs[-1].get(XML_ID)}" if docs
                 else "it holds no documents")
        raise TeiError(path, f'no document "{doc_id}" in this volume ({where})',
                       field="--document")
    if _local(hit.tag) != "div" or hit.get("type") != "document":
        kind = hit.get("type") or _local(hit.tag)
        head = _clean("".join(hit.find(f"{TEI}head").itertext())) if hit.find(f"{TEI}head") \
            is not None else ""
        raise TeiError(path, f'"{doc_id}" is a {kind}' + (f" heading (\"{head}\")" if head else "")
                       + ", not a document: choose a document id such as "
                       f"{docs[0].get(XML_ID) if docs else 'd1'}", field="--document")
    return _refuse_editorial(hit, path)


def _refuse_editorial(div: Element, path: Path) -> Element:
    head = div.find(f"{TEI}head")
    title = _clean("".join(head.itertext())) if head is not None else ""
    if div.get("subtype") == "editorial-note" or title.lower().startswith("editorial note"):
        raise TeiError(path, f'"{div.get(XML_ID)}" is an editorial note, written by the volume\'s '
                       "editors, not a historical document; choose another document",
                       field="--document")
    return div


# --------------------------------------------------------------------------- text out of markup


class _Writer:
    """Turns the markup into the seed's blocks, collecting footnotes and page breaks."""

    def __init__(self):
        self.blocks: list[str] = []
        self.footnotes: dict[int, str] = {}
        self.pages: list[str] = []
        self.body_started = False

    # inline content -------------------------------------------------------
    def inline(self, el: Element, in_note: bool = False) -> str:
        out = [el.text or ""]
        for child in el:
            out.append(self.inline_child(child, in_note))
            out.append(child.tail or "")
        return "".join(out)

    def inline_child(self, child: Element, in_note: bool) -> str:
        tag = _local(child.tag)
        if tag == "note":
            if in_note or (child.get("type") == "source" and not child.get("n")):
                return ""
            return self.call(child)
        if tag == "pb":
            n = child.get("n", "")
            self.pages.append(n)
            return "" if in_note or not n.isdigit() else f" [Page {n}] "
        if tag == "lb":
            return " "
        if tag == "choice":
            pick = next((c for c in child if _local(c.tag) in ("corr", "reg", "expan")), None)
            return self.inline(pick, in_note) if pick is not None else ""
        if tag in ("list", "table"):
            return " " + " ".join(_clean(self.inline(c, in_note)) for c in child) + " "
        return self.inline(child, in_note)

    def call(self, note: Element) -> str:
        n = note.get("n", "")
        number = int(n) if n.isdigit() else max(self.footnotes, default=0) + 1
        self.footnotes[number] = _clean(self.inline(note, in_note=True))
        return f"[{number}]"

    # blocks ----------------------------------------------------------------
    def add(self, text: str) -> None:
        text = _clean(text)
        if text:
            self.blocks.append(text)
            self.body_started = True

    def walk(self, el: Element) -> None:
        for child in el:
            tag = _local(child.tag)
            if tag == "pb":
                n = child.get("n", "")
                self.pages.append(n)
                if self.body_started and n.isdigit():
                    self.blocks.append(f"[Page {n}]")
            elif tag == "p" or tag == "ab":
                self.paragraph(child)
            elif tag == "list":
                self.list(child)
            elif tag in ("quote", "div", "floatingText", "body", "postscript"):
                if any(_local(c.tag) in ("p", "list", "quote") for c in child):
                    self.walk(child)
                else:
                    self.add(self.inline(child))
            elif tag == "attachment":
                self.add("[Enclosure]")
                self.walk(child)
            elif tag == "closer":
                self.closer(child)
            elif tag == "opener":       # an enclosure's own opener
                for part in child:
                    self.add(self.inline(part))
            elif tag == "table":
                for row in child:
                    if _local(row.tag) == "pb":
                        self.walk([row])
                    else:
                        self.add(" — ".join(_clean(self.inline(c)) for c in row))
            elif tag == "note":
                if self.blocks and child.get("type") != "source":
                    self.blocks[-1] += self.call(child)
            else:                       # head of an enclosure, dateline, salute, signed, ...
                self.add(self.inline(child))

    def paragraph(self, p: Element) -> None:
        """A paragraph, split where a list or block quotation sits inside it."""
        buf = [p.text or ""]
        for child in p:
            if _local(child.tag) in ("list", "quote") and any(
                    _local(c.tag) in ("item", "p") for c in child):
                self.add("".join(buf))
                self.list(child) if _local(child.tag) == "list" else self.walk(child)
                buf = [child.tail or ""]
            else:
                buf += [self.inline_child(child, False), child.tail or ""]
        self.add("".join(buf))

    def list(self, lst: Element) -> None:
        label = ""
        for child in lst:
            tag = _local(child.tag)
            if tag == "label":
                label = _clean(self.inline(child))
            elif tag == "item":
                nested = [c for c in child if _local(c.tag) == "list"]
                if nested:      # the item's own words, then its sub-list, item by item
                    text = [child.text or ""]
                    for c in child:
                        if c in nested:
                            self.add(f"{label} {''.join(text)}")
                            label, text = "", []
                            self.list(c)
                            text.append(c.tail or "")
                        else:
                            text += [self.inline_child(c, False), c.tail or ""]
                    self.add(f"{label} {''.join(text)}")
                else:
                    self.add(f"{label} {self.inline(child)}")
                label = ""
            elif tag == "pb":
                self.walk([child])
            elif tag == "head":
                self.add(self.inline(child))

    def closer(self, closer: Element) -> None:
        for child in closer:
            tag = _local(child.tag)
            if tag in ("salute", "signed"):
                self.add(self.inline(child))
            elif tag == "pb":
                self.walk([child])
            elif tag == "note":
                self.walk([child])


# --------------------------------------------------------------------------- the whole import


def import_document(path: Path, doc_id: str | None = None) -> TeiDocument:
    path = Path(path)
    root = read_volume(path)
    div = find_document(root, doc_id, path)
    doc_id = div.get(XML_ID) or doc_id or "d1"
    volume_id = root.get(XML_ID) or _idno(root) or path.stem
    w = _Writer()
    apparatus: list[str] = []

    source_note_el = next((n for n in div.iter(f"{TEI}note") if n.get("type") == "source"), None)
    source_note = _clean("".join(source_note_el.itertext())) if source_note_el is not None else None
    file_number = None
    if source_note:
        m = FILE_NUMBER_IN_NOTE.search(source_note)
        if m and decimal_file.FILE_NUMBER.match(m.group(0)):
            file_number = m.group(0)
    inline_note = source_note_el is not None and not source_note_el.get("n")
    if file_number and inline_note and source_note.startswith(file_number):
        apparatus.append(source_note)          # printed as the first line: "795.00/1–1251"

    head = div.find(f"{TEI}head")
    if head is None:
        raise TeiError(path, f'document "{doc_id}" has no <head>', field="head")
    heading = _clean(w.inline(head))
    apparatus.append(heading)

    opener = div.find(f"{TEI}opener")
    dateline_el = next(iter(div.iter(f"{TEI}dateline")), None)
    classification = _classification(opener, div)
    if classification:
        apparatus.append(classification)
    dateline = _clean(w.inline(dateline_el)) if dateline_el is not None else None
    notes: list[str] = []
    if dateline and DATE_LINE.match(dateline):
        apparatus.append(dateline)
    elif dateline:
        notes.append(f'date: the date line "{dateline}" names no day; the date is the editors\'')
        dateline = None

    first_page = _first_page(root, div)
    for child in div:
        tag = _local(child.tag)
        if child is head or child is source_note_el or tag == "opener":
            continue
        if tag == "closer":
            w.closer(child)     # its dateline (if any) went to the apparatus
        else:
            w.walk([child])
    if opener is not None:
        for salute in opener.iter(f"{TEI}salute"):
            w.blocks.insert(0, _clean(w.inline(salute)))
    if not w.blocks:
        raise TeiError(path, f'document "{doc_id}" has no text to read', field="body")

    text = "\n\n".join(apparatus + w.blocks)
    if w.footnotes:
        text += "\n\n" + "\n\n".join(f"[{n}] {t}" for n, t in sorted(w.footnotes.items()))
    pages = [int(p) for p in w.pages if p.isdigit()]
    last_page = max([first_page, *pages]) if first_page else None
    facts = _facts(root, div, heading, dateline_el, file_number, path)
    facts.first_page = first_page
    facts.source_note = source_note
    facts.source_url = f"{SITE}/{volume_id}/{doc_id}"
    facts.citation = _citation(root, volume_id, div, first_page, last_page, path)
    facts.notes += notes
    return TeiDocument(text=text + "\n", facts=facts, doc_id=doc_id, volume_id=volume_id)


def _idno(root: Element) -> str | None:
    el = next((i for i in root.iter(f"{TEI}idno") if i.get("type") == "frus"), None)
    return el.text.strip() if el is not None and el.text else None


def _classification(opener: Element | None, div: Element) -> str | None:
    places = list(opener.iter()) if opener is not None else []
    places += [p for p in div if _local(p.tag) == "p"][:3]
    for el in places:
        if _local(el.tag) in ("seg", "p", "hi"):
            text = _clean("".join(el.itertext()))
            if CLASSIFICATION_LINE.match(text) and len(text) < 80:
                return text.lower()
    return None


def _first_page(root: Element, div: Element) -> int | None:
    """The page the document starts on: the last page break before its first words."""
    page = None
    for el in root.iter():
        if el is div:
            break
        if _local(el.tag) == "pb" and (el.get("n") or "").isdigit():
            page = int(el.get("n"))
    for el in div.iter():
        if _local(el.tag) == "pb" and (el.get("n") or "").isdigit():
            if not _text_before(div, el):
                page = int(el.get("n"))
            break
    return page


def _text_before(div: Element, mark: Element) -> bool:
    for el in div.iter():
        if el is mark:
            return False
        if _local(el.tag) not in ("note",) and (el.text or "").strip():
            return True
    return False


def _persons(root: Element) -> dict[str, tuple[str, str]]:
    """xml:id -> (full name, what the list of persons says they were)."""
    out = {}
    for item in root.iter(f"{TEI}item"):
        name = next((p for p in item.iter(f"{TEI}persName") if p.get(XML_ID)), None)
        if name is None:
            continue
        full = _clean("".join(name.itertext()))
        last, _, first = full.partition(", ")
        desc = _clean("".join(item.itertext()))[len(full):].lstrip(" ,")
        out[name.get(XML_ID)] = (f"{first} {last}".strip() if first else full, desc)
    return out


def _party(head: Element, role: str, guess: Party | None, persons) -> tuple[Party | None, bool]:
    """A writer or addressee: the heading's office, with the full name from the persons list."""
    marked = next((e for e in head.iter() if e.get("type") == role
                   and _local(e.tag) in ("persName", "gloss", "orgName")), None)
    if guess is None:
        return None, False
    ref = (marked.get("corresp") or "").lstrip("#") if marked is not None else ""
    if ref in persons:
        return Party(persons[ref][0], guess.office, True), True
    if not guess.named and guess.office:    # "the Secretary of State": who held the office?
        holders = [n for n, d in persons.values()
                   if re.match(rf"(?:the\s+)?{re.escape(guess.office)}\s*(?:$|[,;(])", d, re.I)]
        if len(holders) == 1:
            return Party(holders[0], guess.office, True), True
    return guess, guess.named and len(guess.name.split()) > 1


def _facts(root, div, heading: str, dateline_el, file_number, path) -> Facts:
    ap = Apparatus()
    _parse_heading(ap, heading)
    head = div.find(f"{TEI}head")
    persons = _persons(root)
    author, author_full = _party(head, "from", parse_party(ap.author) if ap.author else None,
                                 persons)
    recipient, rec_full = _party(head, "to", parse_party(ap.recipient) if ap.recipient else None,
                                 persons)
    facts = Facts(author=author, author_complete=author_full, recipient=recipient,
                  recipient_complete=rec_full, kind=ap.kind)
    when = None
    if dateline_el is not None:
        date_el = next(iter(dateline_el.iter(f"{TEI}date")), None)
        when = date_el.get("when") if date_el is not None else None
    filed = decimal_file.decode(file_number).date if file_number else None
    editors = div.get("{http://history.state.gov/frus/ns/1.0}doc-dateTime-min")
    if when and re.match(r"\d{4}-\d\d-\d\d", when):
        facts.date, facts.date_basis = dt.date.fromisoformat(when[:10]), "date line"
    elif filed:
        facts.date, facts.date_basis = filed, "file number"
    elif editors and re.match(r"\d{4}-\d\d-\d\d", editors):
        facts.date, facts.date_basis = dt.date.fromisoformat(editors[:10]), "editors' date"
    else:
        raise TeiError(path, f'nothing dates document "{div.get(XML_ID)}": no <date when> in '
                       "its dateline, no dated file number", field="date")
    if filed and facts.date_basis != "file number":
        late = (filed - facts.date).days
        if late == 0:
            facts.date_notes.append(f"the file number {file_number} agrees")
        elif 0 < late <= 60:
            facts.date_notes.append(f"the file number {file_number} was filed {late} day(s) later")
        else:
            facts.date_notes.append(f"DISAGREES: the file number {file_number} encodes {filed}")
            facts.notes.append(f"date: the date line says {facts.date}, the file number "
                               f"{file_number} {filed}; check the printed volume")
    return facts


def _roman(text: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(text.upper()):
        if ch not in ROMAN:
            return None
        v = ROMAN[ch]
        total, prev = (total - v, prev) if v < prev else (total + v, v)
    return total


def _citation(root, volume_id, div, first: int | None, last: int | None, path) -> dict:
    titles = {t.get("type"): _clean("".join(t.itertext()))
              for t in root.iter(f"{TEI}title") if t.get("type")}
    number = titles.get("volume-number", "")
    vol = re.search(r"Volume\s+([IVXLC]+|\d+)", number)
    part = re.search(r"Part\s+(\d+)", number)
    idm = re.match(r"frus(\d{4})(?:-\d+)?v(\d+)(?:p(\d+))?", volume_id)
    volume = vol.group(1) if vol else None
    if volume is None and idm:
        volume = _to_roman(int(idm.group(2)))
    year = re.match(r"\d{4}", titles.get("sub-series", "")) or (idm and re.match(r"\d{4}",
                                                                                  idm.group(1)))
    doc_n = div.get("n", "")
    if not (volume and year and doc_n.isdigit() and first):
        missing = [k for k, v in (("volume number", volume), ("year", year),
                                  ("document number", doc_n.isdigit()), ("page", first)) if not v]
        raise TeiError(path, f"the volume's header does not state its {', '.join(missing)}",
                       field="teiHeader")
    return {"series": titles.get("series") or "Foreign Relations of the United States",
            "year": int(year.group(0)), "volume": volume,
            "volume_title": titles.get("volume") or titles.get("complete", volume_id),
            "part": int(part.group(1)) if part else (int(idm.group(3)) if idm and idm.group(3)
                                                      else None),
            "document": int(doc_n), "pages": str(first) if last == first else f"{first}–{last}"}


def _to_roman(n: int) -> str:
    out = ""
    for v, s in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                 (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + s, n - v
    return out
