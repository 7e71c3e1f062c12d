"""One document of a FRUS volume in the Office of the Historian's TEI, as a seed text and facts.

The volumes (`HistoryAtState/frus`, `volumes/<volume-id>.xml`) mark up everything a plain text
leaves to guesswork: the source note (`<note type="source">`: the file number), the heading with
`<persName type="from">` / `<gloss type="to">`, the `<opener>` with `<dateline>` and
`<date when="…">` and the classification, `<pb n="…"/>` page breaks, `<note n="…">` footnotes,
`<list>` with `<label>`/`<item>`, `<closer>` with `<salute>` and `<signed>`, `<frus:attachment>`
enclosures, and in the `teiHeader` the volume's series, year, number, part and title.

`import_document(path, doc_id)` (here) writes the document out in the kit's plain-text seed format
(`model/source.py`): file number, heading, classification, date line, then the body, one block a
paragraph or list item, `[Page N]` where the page turns and `[N]` where a footnote is called, the
footnotes as `[N] text` at the end. So sentence ids and page attribution work exactly as for the
hand-made seed (`tei_markup.py` turns the markup into blocks). Everything else the markup
states comes back as `Facts` (`tei_facts.py`).

The XML is read with defusedxml: no entity is expanded and nothing external is fetched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as SafeET

from sourcebook.authoring import tei_facts
from sourcebook.authoring.facts import Facts
from sourcebook.authoring.tei_markup import TEI, XML_ID, BlockWriter, TeiError, clean, local
from sourcebook.model import decimal_file
from sourcebook.model.source import DATE_LINE

__all__ = ["TeiDocument", "TeiError", "find_document", "import_document", "read_volume"]

SITE = "https://history.state.gov/historicaldocuments"
FILE_NUMBER_IN_NOTE = re.compile(r"\b\d{3}[A-Z]?(?:\.[0-9A-Z]+)?/\d{1,2}[–-]\d{3,6}")


@dataclass
class TeiDocument:
    text: str           # the seed text, in the plain-text format
    facts: Facts
    doc_id: str
    volume_id: str


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
    if local(root.tag) != "TEI":
        raise TeiError(path, f"not a TEI file: the root element is <{local(root.tag)}>, "
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
    if local(hit.tag) != "div" or hit.get("type") != "document":
        kind = hit.get("type") or local(hit.tag)
        head = clean("".join(hit.find(f"{TEI}head").itertext())) if hit.find(f"{TEI}head") \
            is not None else ""
        raise TeiError(path, f'"{doc_id}" is a {kind}' + (f" heading (\"{head}\")" if head else "")
                       + ", not a document: choose a document id such as "
                       f"{docs[0].get(XML_ID) if docs else 'd1'}", field="--document")
    return _refuse_editorial(hit, path)


def _refuse_editorial(div: Element, path: Path) -> Element:
    head = div.find(f"{TEI}head")
    title = clean("".join(head.itertext())) if head is not None else ""
    if div.get("subtype") == "editorial-note" or title.lower().startswith("editorial note"):
        raise TeiError(path, f'"{div.get(XML_ID)}" is an editorial note, written by the volume\'s '
                       "editors, not a historical document; choose another document",
                       field="--document")
    return div


# --------------------------------------------------------------------------- the whole import


def import_document(path: Path, doc_id: str | None = None) -> TeiDocument:
    path = Path(path)
    root = read_volume(path)
    div = find_document(root, doc_id, path)
    doc_id = div.get(XML_ID) or doc_id or "d1"
    volume_id = root.get(XML_ID) or tei_facts.idno(root) or path.stem
    w = BlockWriter()
    apparatus: list[str] = []

    source_note_el = next((n for n in div.iter(f"{TEI}note") if n.get("type") == "source"), None)
    source_note = clean("".join(source_note_el.itertext())) if source_note_el is not None else None
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
    heading = clean(w.inline(head))
    apparatus.append(heading)

    opener = div.find(f"{TEI}opener")
    # the document's own date line, in its opener or closer (an enclosure's has its own date)
    dateline_el = next((d for part in div if local(part.tag) in ("opener", "closer")
                        for d in part.iter(f"{TEI}dateline")), None)
    if dateline_el is None:     # some volumes put it right under the heading, in no opener
        dateline_el = next((c for c in div if local(c.tag) == "dateline"), None)
    classification, marking = tei_facts.classification(opener, div)
    if classification:
        apparatus.append(classification)
    dateline = clean(w.inline(dateline_el)) if dateline_el is not None else None
    notes: list[str] = []
    if dateline and DATE_LINE.match(dateline):
        apparatus.append(dateline)
    elif dateline:
        notes.append(f'date: the date line "{dateline}" names no day; the date is the editors\'')
        dateline = None

    first_page = tei_facts.first_page(root, div)
    for child in div:
        tag = local(child.tag)
        if child is head or child is source_note_el or child is marking or tag == "opener" \
                or child is dateline_el:
            continue
        if tag == "closer":
            w.closer(child)     # its dateline (if any) went to the apparatus
        else:
            w.walk([child])
    if opener is not None:
        for salute in opener.iter(f"{TEI}salute"):
            w.blocks.insert(0, clean(w.inline(salute)))
    if not w.blocks:
        raise TeiError(path, f'document "{doc_id}" has no text to read', field="body")

    text = "\n\n".join(apparatus + w.blocks)
    if w.footnotes:
        text += "\n\n" + "\n\n".join(f"[{n}] {t}" for n, t in sorted(w.footnotes.items()))
    pages = [int(p) for p in w.pages if p.isdigit()]
    last_page = max([first_page, *pages]) if first_page else None
    facts = tei_facts.facts(root, div, heading, dateline_el, file_number, path)
    facts.first_page = first_page
    facts.source_note = source_note
    if file_number and not (inline_note and source_note.startswith(file_number)):
        facts.file_number = file_number         # stated in a footnote, not on a line of its own
    if not classification:
        facts.classification = tei_facts.classification_in_note(source_note)
    kind = re.search(r":\s*(Telegram|Airgram|Despatch|Circular telegram)\.?$", source_note or "")
    if not facts.kind and kind and not apparatus[0] == source_note:
        facts.kind = kind.group(1)      # "CA Files: Lot 59 D 228: Telegram"
    facts.source_url = f"{SITE}/{volume_id}/{doc_id}"
    facts.citation = tei_facts.citation(root, volume_id, div, first_page, last_page, path)
    facts.notes += notes
    if dateline is None and facts.date_basis == "date line":   # printed, but names no day
        facts.date_basis = "editors' date"
    return TeiDocument(text=text + "\n", facts=facts, doc_id=doc_id, volume_id=volume_id)
