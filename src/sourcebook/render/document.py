"""The primary source as a static HTML fragment: apparatus, numbered paragraphs, page marks.

Every sentence carries its id and page (`<span id="p2.s4" data-page="66–67">`), so exercises,
the close-reading widget and readers' citations can point at it. A `[Page N]` marker becomes a
margin note at the exact place the printed page turns.

Footnotes are shown as FRUS prints them: the call-out stays a superscript number on its sentence
(or on the heading), a plain link to the numbered note below the document, and each note links
back to where it is called. Both are ordinary links, so they work by keyboard and without
JavaScript. Ids carry the source's slug (`<slug>-fn-2`, `<slug>-fnref-2`) so two documents can
share a page.
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
    "reference": ("Reference", "The earlier message this one answers or builds on."),
}
# Blocks after the apparatus that are not paragraphs, shown in their place in the text.
BODY_BLOCKS = {"salutation": "sb-salutation", "closing": "sb-closing",
               "signature": "sb-signature", "enclosure": "sb-enclosure",
               "enclosure-heading": "sb-enclosure-heading"}


def footnote_id(slug: str, n: int | str) -> str:
    return f"{slug}-fn-{n}"


def call_html(slug: str, n: int | str, first: set) -> str:
    """A footnote call-out: a superscript link to the note; the first call of each note is the
    one its back link returns to."""
    ref = f' id="{slug}-fnref-{n}"' if n not in first else ""
    first.add(n)
    return (f'<sup class="sb-fn"><a href="#{footnote_id(slug, n)}"{ref} '
            f'aria-label="Footnote {n}">{n}</a></sup>')


def _text_with_calls(raw: str, slug: str, first: set) -> str:
    """A line of the apparatus or the close, its [N] call-outs made links."""
    out, pos = [], 0
    raw = " ".join(raw.split())
    for m in FOOTNOTE_CALL.finditer(raw):
        out += [escape(raw[pos:m.start()]), call_html(slug, int(m.group(1)), first)]
        pos = m.end()
    return "".join(out) + escape(raw[pos:])


def footnotes_html(source: PrimarySource, slug: str, first: set, cls: str = "sb-footnotes",
                   where: str = "the document") -> str:
    """The numbered notes, each with a link back to its call-out. The region is named for where
    it sits, so the document's notes and the close-reader's are told apart on one page."""
    if not source.footnotes:
        return ""
    items = "".join(
        f'<li id="{footnote_id(slug, n)}" value="{n}">{escape(t)}'
        + (f' <a class="sb-fn-back" href="#{slug}-fnref-{n}" aria-label="Back to the text of '
           f'footnote {n}">↩</a>' if n in first else "") + "</li>"
        for n, t in sorted(source.footnotes.items()))
    return (f'<section class="{cls}" aria-label="Footnotes to {escape(where)}">'
            f'<p class="sb-fn-title">Notes</p>'
            f'<ol>{items}</ol></section>')


def _sentence_html(s: Sentence, slug: str = "", first: set | None = None) -> str:
    """A sentence's printed text with page turns as margin marks and footnote calls as links."""
    out, pos = [], 0
    raw = s.raw
    for m in sorted([*PAGE_MARKER.finditer(raw), *FOOTNOTE_CALL.finditer(raw)],
                    key=lambda m: m.start()):
        chunk = raw[pos:m.start()]
        if m.re is PAGE_MARKER:
            out.append(escape(chunk.rstrip()) + (" " if chunk[-1:].isspace() else ""))
            n = m.group(1)
            out.append(f'<span class="sb-pagebreak" role="note" aria-label="Page {n} of the printed '
                       f'volume begins here"><span class="sb-pagebreak-label" aria-hidden="true">'
                       f'p.&#8239;{n}</span></span>')
            pos = m.end()
            if raw[pos:pos + 1].isspace() and chunk[-1:].isspace():   # "[Page 88]" on its own line
                pos += 1
        else:
            out.append(escape(chunk))
            out.append(call_html(slug, int(m.group(1)), first if first is not None else set()))
            pos = m.end()
    out.append(escape(raw[pos:]))
    text = "".join(out).replace("\n", " ")
    return (f'<span class="sb-sent" id="{s.id}" data-sid="{s.id}" data-page="{s.pages}">'
            f'{text}</span>')


def render_document(source: PrimarySource) -> str:
    """The memo as printed, apparatus first, for "The document" page."""
    slug, first = source.slug, set()
    rows = []
    for block in source.blocks:
        if block.kind in APPARATUS_LABELS:
            label, why = APPARATUS_LABELS[block.kind]
            cls = "sb-classification" if block.kind == "classification" else ""
            rows.append(
                f'<div class="sb-ap-row sb-ap-{block.kind}"><dt>{label}</dt>'
                f'<dd><span class="sb-ap-text {cls}">{_text_with_calls(block.raw, slug, first)}'
                f'</span> <span class="sb-ap-why">{escape(why)}</span></dd></div>')
    paras = []
    first_page = source.sentences[0].page
    paras.append(f'<p class="sb-page-start" aria-label="Page {first_page} of the printed volume">'
                 f'<span class="sb-pagebreak-label">p.&#8239;{first_page}</span></p>')
    for block in source.blocks:
        p = block.paragraph
        if p is not None:
            sentences = "".join(_sentence_html(s, slug, first)
                                + (" " if i < len(p.sentences) - 1 else "")
                                for i, s in enumerate(p.sentences))
            paras.append(
                f'<p class="sb-para" id="{p.id}" data-pid="{p.id}" data-pages="{p.pages}">'
                f'<span class="sb-pnum" aria-label="Paragraph {p.number}">¶{p.number}</span> '
                f'{sentences}</p>')
        elif block.kind in BODY_BLOCKS:
            paras.append(f'<p class="{BODY_BLOCKS[block.kind]}">'
                         f'{_text_with_calls(block.raw, slug, first)}</p>')
    notes = footnotes_html(source, slug, first)
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
