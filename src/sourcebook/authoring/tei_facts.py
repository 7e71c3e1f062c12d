"""What a TEI volume states about one of its documents, beyond its text.

The writer and addressee come from the heading's `type="from"`/`type="to"` markup, with full
names from the volume's list of persons (a `corresp` reference, or the one person listed as
holding an office the heading names); the date from the `<dateline>`'s `<date when>`, checked
against the file number; the citation from the `teiHeader` and the `<pb/>` page breaks.
"""

from __future__ import annotations

import datetime as dt
import re
from xml.etree.ElementTree import Element

from sourcebook.authoring.facts import Facts, Party, joined_office, parse_party
from sourcebook.authoring.tei_markup import TEI, XML_ID, TeiError, clean, local
from sourcebook.model import decimal_file
from sourcebook.model.source import CLASSIFICATION_LINE, Apparatus, parse_heading

FRUS_NS = "{http://history.state.gov/frus/ns/1.0}"


def idno(root: Element) -> str | None:
    el = next((i for i in root.iter(f"{TEI}idno") if i.get("type") == "frus"), None)
    return el.text.strip() if el is not None and el.text else None


def classification(opener: Element | None, div: Element) -> tuple[str | None, Element | None]:
    """The marking ("top secret", "secret niact") and the element that prints it: a `<seg>` in
    the opener, or a short paragraph at the top of the document."""
    places = list(opener.iter()) if opener is not None else []
    places += [p for p in div if local(p.tag) == "p"][:3]
    for el in places:
        if local(el.tag) in ("seg", "p", "hi"):
            text = clean("".join(el.itertext()))
            if CLASSIFICATION_LINE.match(text) and len(text.split()) <= 4 \
                    and not text.endswith((".", ":", ",")):    # "secret niact", not a sentence
                return text.lower(), el
    return None, None


# The marking is a sentence of the note's own ("… Files. Secret; Nodis."): never a word of a
# collection's name ("White House Central Files, Confidential File").
NOTE_CLASSIFICATION = re.compile(r"(?:^|[.;]\s+)(Top Secret|Secret|Confidential|Limited Official "
                                 r"Use|Restricted|Unclassified)(?=\s*(?:[.;,—–]|$))")


def classification_in_note(note: str | None) -> str | None:
    """Later volumes give the marking in the source note ("Source: … Files. Secret; Nodis.")."""
    m = NOTE_CLASSIFICATION.search(note or "")
    return m.group(1).lower() if m else None


def first_page(root: Element, div: Element) -> int | None:
    """The page the document starts on: the last page break before its first words."""
    page = None
    for el in root.iter():
        if el is div:
            break
        if local(el.tag) == "pb" and (el.get("n") or "").isdigit():
            page = int(el.get("n"))
    for el in div.iter():
        if local(el.tag) == "pb" and (el.get("n") or "").isdigit():
            if not _text_before(div, el):
                page = int(el.get("n"))
            break
    return page


def _text_before(div: Element, mark: Element) -> bool:
    for el in div.iter():
        if el is mark:
            return False
        if local(el.tag) not in ("note",) and (el.text or "").strip():
            return True
    return False


def persons_of(root: Element) -> dict[str, tuple[str, str]]:
    """xml:id -> (full name, what the list of persons says they were)."""
    out = {}
    for item in root.iter(f"{TEI}item"):
        name = next((p for p in item.iter(f"{TEI}persName") if p.get(XML_ID)), None)
        if name is None:
            continue
        full = clean("".join(name.itertext()))
        last, _, first = full.partition(", ")
        desc = clean("".join(item.itertext()))[len(full):].lstrip(" ,")
        out[name.get(XML_ID)] = (f"{first} {last}".strip() if first else full, desc)
    return out


def _party(head: Element, role: str, guess: Party | None, persons) -> tuple[Party | None, bool]:
    """A writer or addressee: the heading's office, with the full name from the persons list."""
    marked = next((e for e in head.iter() if e.get("type") == role
                   and local(e.tag) in ("persName", "gloss", "orgName")), None)
    if guess is None:
        return None, False
    ref = (marked.get("corresp") or "").lstrip("#") if marked is not None else ""
    named = clean("".join(marked.itertext())) if marked is not None else ""
    joined = joined_office(guess.office[len(named):]) if local(getattr(
        marked, "tag", "")) == "persName" and guess.office.startswith(named + " ") else None
    if joined:
        # "Memorandum from Robert F. Delaney of the Office of …": the name, then where he worked
        guess = Party(named, joined[1], True, joined[0])
    if marked is not None and local(marked.tag) == "persName" and not guess.named:
        # later volumes: "Memorandum From Secretary of State Rogers to President Nixon"
        surname = clean("".join(marked.itertext()))
        office = re.sub(rf"\s*\(?{re.escape(surname)}\)?$", "", guess.office).strip()
        guess = Party(surname, office, True)
    if ref in persons:
        full, desc = persons[ref]
        office = guess.office or re.split(r"[,;(]", desc)[0].strip()
        return Party(full, office, True, guess.joined_by), True
    if not guess.named and guess.office:    # "the Secretary of State": who held the office?
        holders = [n for n, d in persons.values()
                   if re.match(rf"(?:the\s+)?{re.escape(guess.office)}\s*(?:$|[,;(])", d, re.I)]
        if len(holders) == 1:
            return Party(holders[0], guess.office, True), True
    return guess, guess.named and len(guess.name.split()) > 1


def facts(root, div, heading: str, dateline_el, file_number, path) -> Facts:
    ap = Apparatus()
    parse_heading(ap, heading)
    head = div.find(f"{TEI}head")
    persons = persons_of(root)
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
    try:
        filed = decimal_file.decode(file_number).date if file_number else None
    except decimal_file.FileNumberError as err:
        raise TeiError(path, f'document "{div.get(XML_ID)}", {file_number}: {err.message}',
                       field=err.field) from None
    editors = div.get(f"{FRUS_NS}doc-dateTime-min")
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


def citation(root, volume_id, div, first: int | None, last: int | None, path) -> dict:
    titles = {t.get("type"): clean("".join(t.itertext()))
              for t in root.iter(f"{TEI}title") if t.get("type")}
    number = titles.get("volume-number", "")
    vol = re.search(r"Volume\s+([IVXLC]+|\d+)", number)
    part = re.search(r"Part\s+(\d+)", number)
    idm = re.match(r"frus(\d{4})(?:-\d+)?v(\d+)(?:p(\d+))?", volume_id)
    volume = vol.group(1) if vol else None
    if volume is None and idm:
        volume = _to_roman(int(idm.group(2)))
    year = re.match(r"(\d{4})(?:[–-](\d{2})?(\d{2}))?", titles.get("sub-series", "")) or (
        idm and re.match(r"\d{4}", idm.group(1)))
    doc_n = div.get("n", "")
    if not (volume and year and doc_n.isdigit() and first):
        missing = [k for k, v in (("volume number", volume), ("year", year),
                                  ("document number", doc_n.isdigit()), ("page", first)) if not v]
        raise TeiError(path, f"the volume's header does not state its {', '.join(missing)}",
                       field="teiHeader")
    return {"series": titles.get("series") or "Foreign Relations of the United States",
            "year": _years(year), "volume": volume,
            "volume_title": titles.get("volume") or titles.get("complete", volume_id),
            "part": int(part.group(1)) if part else (int(idm.group(3)) if idm and idm.group(3)
                                                      else None),
            "document": int(doc_n), "pages": str(first) if last == first else f"{first}–{last}"}


def _years(m: re.Match) -> int | str:
    """1951, or a span as FRUS cites it: "1969–1976" -> "1969–76"."""
    if m.lastindex and m.group(3):
        return f"{m.group(1)}–{m.group(3)}"
    return int(m.group(0)[:4])


def _to_roman(n: int) -> str:
    out = ""
    for v, s in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                 (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + s, n - v
    return out
