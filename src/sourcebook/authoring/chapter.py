"""The chapter `sourcebook new` writes for a new source (`book/sources/<slug>.md`): the document,
its apparatus explained line by line, and the starter exercises. The words are in
`templates/chapter.md` and `templates/file_number.yml`; this module gathers what they need."""

from __future__ import annotations

import re

from sourcebook.authoring.draft import Draft
from sourcebook.authoring.facts import Party
from sourcebook.authoring.wording import cap, render, say
from sourcebook.model import decimal_file
from sourcebook.model.source import PAGE_MARKER


def file_number_rows(fn: str, names: decimal_file.DecimalNames) -> list[tuple[str, str]]:
    """(part as printed, what it means) for each part of a decimal file number, with the
    book's `names` for its parts."""
    m = decimal_file.FILE_NUMBER.match(fn)
    if not m:
        return []
    dec = decimal_file.decode(fn, names)
    klass, country, topic = m.group("klass"), m.group("country"), m.group("topic")

    def meaning(part: str, name: str | None) -> str:
        return say("file_number.yml", part if name else f"{part}_unknown", name=name)

    rows = [(klass, meaning("class", names.classes.get(klass)))]
    rows.append((country + (m.group("sub") or ""),
                 meaning("country", names.countries.get(country))))
    if topic:
        rows.append(("." + topic, meaning("topic", None if dec.topic.startswith("unknown")
                                                  else dec.topic)))
    if dec.date:
        part = fn.split("/", 1)[1]
        mo, dy = part.replace("–", "-").split("-")
        rows.append((part, say("file_number.yml", "date", month=int(mo), day=int(dy[:-2]),
                               year=dy[-2:], date=dec.date)))
    return rows


def unnamed_parts(fn: str, names: decimal_file.DecimalNames) -> list[str]:
    """The parts of file number `fn` that `names` leave unnamed ("the country number 60"),
    for the author: the lesson's book/data/decimal-file.yml can name them."""
    m = decimal_file.FILE_NUMBER.match(fn)
    if not m:
        return []
    dec = decimal_file.decode(fn, names)
    unnamed = [("class", m.group("klass"), m.group("klass") not in names.classes),
               ("country", m.group("country"), m.group("country") not in names.countries),
               ("topic", m.group("topic"), bool(m.group("topic"))
                and dec.topic.startswith("unknown"))]
    return [say("file_number.yml", "unnamed", part, key=key) for part, key, missing in unnamed
            if missing]


def parenthesised(heading: str, *people: Party | None) -> bool:
    """Whether the heading names someone by office with the surname in parentheses, as in
    "Memorandum by the Assistant Secretary … (Rusk) to the Secretary of State"."""
    return any(p is not None and p.named and p.office and not p.joined_by and re.search(
        rf"\((?:[^()]*\s)?{re.escape(p.surname)}\)", heading) for p in people)


def source_note_number(d: Draft) -> int | None:
    """The number of the footnote that is the editors' source note, if it is one."""
    note = d.facts.source_note
    return next((n for n, text in sorted(d.source.footnotes.items())
                 if note and " ".join(text.split()) == " ".join(note.split())), None)


def kind_words(d: Draft) -> str:
    """What the document is, in lower case: "telegram", "memorandum" or "document"."""
    return d.kind.lower() if d.kind else "document"


def chapter_md(d: Draft) -> str:
    ap, facts, footnotes = d.ap, d.facts, d.source.footnotes
    file_number = ap.file_number or facts.file_number
    classification = ap.classification or facts.classification
    # the editors' source note gets a part of its own when it gives what the text does not print
    in_note = {"file_number": bool(file_number) and not ap.file_number,
               "classification": bool(classification) and not ap.classification}
    note_number = source_note_number(d) if any(in_note.values()) else None
    others = [n for n in sorted(footnotes) if n != note_number]   # the notes on the text
    return render(
        "chapter.md", title=d.title, slug=d.slug, kind=kind_words(d), author=d.author,
        recipient=d.recipient, date=d.date, date_basis=d.date_basis, heading=d.heading, ap=ap,
        parenthesised=parenthesised(d.heading, d.author, d.recipient),
        file_number=file_number, classification=classification, in_note=in_note,
        marking=cap(classification) if in_note["classification"] else classification,
        source_note={"number": note_number, "text": facts.source_note,
                     "on_heading": f"[{note_number}]" in ap.heading}
        if any(in_note.values()) and facts.source_note else None,
        filed=decimal_file.decode(file_number, d.names).date if file_number else None,
        unnamed=unnamed_parts(file_number, d.names) if file_number else [],
        file_number_rows=file_number_rows(file_number, d.names) if file_number else [],
        footnote={"number": others[0], "text": footnotes[others[0]]} if others else None,
        pages=sorted({int(n) for n in PAGE_MARKER.findall(d.source.rebuild())}))
