"""The chapter `sourcebook new` writes for a new source (`book/sources/<slug>.md`): the document,
its apparatus explained line by line, and the starter exercises. The words are in
`templates/chapter.md` and `templates/file_number.yml`; this module gathers what they need."""

from __future__ import annotations

from sourcebook.authoring.draft import Draft
from sourcebook.authoring.wording import render, say
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
    unknown = say("file_number.yml", "unknown")

    def meaning(part: str, name: str | None) -> str:
        return say("file_number.yml", part if name else f"{part}_unknown", name=name,
                   unknown=unknown)

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


def kind_words(d: Draft) -> str:
    """What the document is, in lower case: "telegram", "memorandum" or "document"."""
    return d.kind.lower() if d.kind else "document"


def chapter_md(d: Draft) -> str:
    ap, footnotes = d.ap, d.source.footnotes
    first_note = min(footnotes) if footnotes else None
    return render(
        "chapter.md", title=d.title, slug=d.slug, kind=kind_words(d), author=d.author,
        recipient=d.recipient, date=d.date, date_basis=d.date_basis, heading=d.heading, ap=ap,
        filed=ap.decoded.date if ap.decoded else None,
        file_number_rows=file_number_rows(ap.file_number, d.names) if ap.file_number else [],
        footnote={"number": first_note, "text": footnotes[first_note]} if footnotes else None,
        pages=sorted({int(n) for n in PAGE_MARKER.findall(d.source.rebuild())}))
