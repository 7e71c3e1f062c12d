"""TEI markup to the seed's plain-text blocks: paragraphs, list items, page breaks, footnotes.

`BlockWriter.walk()` turns the body of a `<div type="document">` into blocks, one a paragraph or
list item, with `[Page N]` where a `<pb n="N"/>` stands and `[N]` where a `<note n="N">` is
called, and collects the notes' texts. A list or block quotation inside a `<p>` splits the
paragraph there, as FRUS prints it. Whitespace is folded as print shows it.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from sourcebook.errors import SourceError

TEI = "{http://www.tei-c.org/ns/1.0}"
ENCLOSURE_WORD = re.compile(r"^\[?(?:Enclosure|Inclosure|Attachment|Annex|Tab)"
                            r"(?:\s+(?:\d+|[A-Z]))?\.?\]?(?=\s|$)")
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


class TeiError(SourceError):
    """The TEI file or the document asked for cannot be imported."""


def local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def clean(text: str) -> str:
    """Whitespace folded as print shows it; a footnote call sits on the word it follows."""
    text = " ".join(text.split())
    text = re.sub(r"\s+(\[\d+\])", r"\1", text)
    text = re.sub(r"([(\[]) ", r"\1", text)       # "[ Washington,]" -> "[Washington,]"
    # a space the markup left before a mark goes; a spaced omission row ". . . ." stays
    return re.sub(r"(?<=[\w”’\])]) +([,.;:!?)\]])", r"\1", text)


class BlockWriter:
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
        tag = local(child.tag)
        if tag == "note":
            if in_note or (child.get("type") == "source" and not child.get("n")):
                return ""
            if child.get("rend") == "inline":    # printed in the line, e.g. "[Enclosure 2]"
                return self.inline(child, in_note)
            return self.call(child)
        if tag == "pb":
            n = child.get("n", "")
            self.pages.append(n)
            return "" if in_note or not n.isdigit() else f" [Page {n}] "
        if tag == "lb":
            return " "
        if tag == "choice":
            pick = next((c for c in child if local(c.tag) in ("corr", "reg", "expan")), None)
            return self.inline(pick, in_note) if pick is not None else ""
        if tag in ("list", "table"):
            return " " + " ".join(clean(self.inline(c, in_note)) for c in child) + " "
        return self.inline(child, in_note)

    def call(self, note: Element) -> str:
        n = note.get("n", "")
        number = int(n) if n.isdigit() else max(self.footnotes, default=0) + 1
        self.footnotes[number] = clean(self.inline(note, in_note=True))
        return f"[{number}]"

    # blocks ----------------------------------------------------------------
    def add(self, text: str) -> None:
        text = clean(text)
        if text:
            self.blocks.append(text)
            self.body_started = True

    def walk(self, el: Element) -> None:
        for child in el:
            tag = local(child.tag)
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
                if any(local(c.tag) in ("p", "list", "quote") for c in child):
                    self.walk(child)
                else:
                    self.add(self.inline(child))
            elif tag == "attachment":
                self.attachment(child)
            elif tag == "closer":
                self.closer(child)
            elif tag == "opener":       # an enclosure's own opener
                for part in child:
                    self.add(self.inline(part))
            elif tag == "table":
                for row in child:
                    if local(row.tag) == "pb":
                        self.walk([row])
                    else:
                        self.add(" — ".join(clean(self.inline(c)) for c in row))
            elif tag == "note":
                if self.blocks and child.get("type") != "source":
                    self.blocks[-1] += self.call(child)
            else:                       # head of an enclosure, dateline, salute, signed, ...
                self.add(self.inline(child))

    def attachment(self, att: Element) -> None:
        """An enclosure: its own marker when its heading opens with one ("[Enclosure 2]
        Paper …", "[Inclosure.]"), else "[Enclosure]"; then its heading and text."""
        head = next((c for c in att if local(c.tag) == "head"), None)
        text = clean(self.inline(head)) if head is not None else ""
        m = ENCLOSURE_WORD.match(text)
        self.add(m.group(0) if m else "[Enclosure]")
        if head is not None:
            self.add(text[m.end():] if m else text)
        self.walk([c for c in att if c is not head])

    def paragraph(self, p: Element) -> None:
        """A paragraph, split where a list or block quotation sits inside it."""
        buf = [p.text or ""]
        for child in p:
            if local(child.tag) in ("list", "quote") and any(
                    local(c.tag) in ("item", "p") for c in child):
                self.add("".join(buf))
                self.list(child) if local(child.tag) == "list" else self.walk(child)
                buf = [child.tail or ""]
            else:
                buf += [self.inline_child(child, False), child.tail or ""]
        self.add("".join(buf))

    def list(self, lst: Element) -> None:
        if lst.get("type") == "subject":    # <head>SUBJECT</head><item>…</item>: one line
            items = [clean(self.inline(c)) for c in lst if local(c.tag) == "item"]
            self.add(f"Subject: {' '.join(items)}")
            return
        label = ""
        for child in lst:
            tag = local(child.tag)
            if tag == "label":
                label = clean(self.inline(child))
            elif tag == "item":
                nested = [c for c in child if local(c.tag) == "list"]
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
            tag = local(child.tag)
            if tag in ("salute", "signed"):
                self.add(self.inline(child))
            elif tag == "pb":
                self.walk([child])
            elif tag == "note":
                self.walk([child])
