"""The primary source as a static HTML fragment: apparatus, numbered paragraphs, page marks.

Every sentence carries its id and page (`<span id="p2.s4" data-page="66–67">`), so exercises,
the close-reading widget and readers' citations can point at it. A `[Page N]` marker becomes a
margin note at the exact place the printed page turns.
"""

from __future__ import annotations

from html import escape

from sourcebook.model.source import PAGE_MARKER, FOOTNOTE_CALL, PrimarySource, Sentence

APPARATUS_LABELS = {
    "file-number": ("File number", "Where the State Department filed it: decoded below."),
    "heading": ("Heading", "Who wrote it, and to whom."),
    "classification": ("Classification", "How secret the document was when written."),
    "date": ("Date line", "Where and when it was written."),
    "subject": ("Subject line", "The writer's own title for the document."),
}


def _sentence_html(s: Sentence) -> str:
    """A sentence's printed text with page turns as margin marks and footnote calls as links."""
    out, pos = [], 0
    raw = s.raw
    for m in sorted([*PAGE_MARKER.finditer(raw), *FOOTNOTE_CALL.finditer(raw)],
                    key=lambda m: m.start()):
        chunk = raw[pos:m.start()]
        if m.re is PAGE_MARKER:
            out.append(escape(chunk.rstrip(" ")) + (" " if chunk.endswith(" ") else ""))
            n = m.group(1)
            out.append(f'<span class="sb-pagebreak" role="note" aria-label="Page {n} of the printed '
                       f'volume begins here"><span class="sb-pagebreak-label" aria-hidden="true">'
                       f'p.&#8239;{n}</span></span>')
            pos = m.end()
            if raw[pos:pos + 1] == " " and chunk.endswith(" "):
                pos += 1
        else:
            out.append(escape(chunk))
            n = m.group(1)
            out.append(f'<sup class="sb-fn"><a href="#fn-{n}" id="fnref-{s.id}-{n}">{n}</a></sup>')
            pos = m.end()
    out.append(escape(raw[pos:]))
    text = "".join(out).replace("\n", " ")
    return (f'<span class="sb-sent" id="{s.id}" data-sid="{s.id}" data-page="{s.pages}">'
            f'{text}</span>')


def render_document(source: PrimarySource) -> str:
    """The memo as printed, apparatus first, for "The document" page."""
    rows = []
    for block in source.blocks:
        if block.kind in APPARATUS_LABELS:
            label, why = APPARATUS_LABELS[block.kind]
            cls = "sb-classification" if block.kind == "classification" else ""
            rows.append(
                f'<div class="sb-ap-row sb-ap-{block.kind}"><dt>{label}</dt>'
                f'<dd><span class="sb-ap-text {cls}">{escape(" ".join(block.raw.split()))}</span>'
                f' <span class="sb-ap-why">{escape(why)}</span></dd></div>')
    paras = []
    first_page = source.sentences[0].page
    paras.append(f'<p class="sb-page-start" aria-label="Page {first_page} of the printed volume">'
                 f'<span class="sb-pagebreak-label">p.&#8239;{first_page}</span></p>')
    for p in source.paragraphs:
        sentences = "".join(_sentence_html(s) + (" " if i < len(p.sentences) - 1 else "")
                            for i, s in enumerate(p.sentences))
        paras.append(
            f'<p class="sb-para" id="{p.id}" data-pid="{p.id}" data-pages="{p.pages}">'
            f'<span class="sb-pnum" aria-label="Paragraph {p.number}">¶{p.number}</span> '
            f'{sentences}</p>')
    if source.signature:
        paras.append(f'<p class="sb-signature">{escape(source.signature)}</p>')
    notes = ""
    if source.footnotes:
        items = "".join(f'<li id="fn-{n}">{escape(t)}</li>' for n, t in sorted(source.footnotes.items()))
        notes = f'<ol class="sb-footnotes">{items}</ol>'
    cite = ""
    if source.meta:
        m = source.meta
        cite = (f'<p class="sb-doc-cite">Source: {escape(m.cite_short)}. '
                f'<a href="{escape(m.source_url)}">{escape(m.source_url)}</a></p>')
    return (f'<figure class="sb-document" data-source="{escape(source.slug)}" '
            f'aria-label="{escape(source.title)}">'
            f'<dl class="sb-apparatus">{"".join(rows)}</dl>'
            f'<div class="sb-doc-body">{"".join(paras)}</div>{notes}'
            f'<figcaption>{cite}</figcaption></figure>')
