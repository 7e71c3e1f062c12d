"""Footnotes as FRUS prints them: a numbered call-out on its sentence links to the numbered note
shown with the document, and the note links back; plain anchors, so keyboard and no-JS work."""

from __future__ import annotations

import re
from pathlib import Path

from sourcebook.authoring.tei import import_document
from sourcebook.model.guide import parse_guide
from sourcebook.model.lesson import BookContext
from sourcebook.model.source import parse_text
from sourcebook.render import static
from sourcebook.render.document import render_document

ROOT = Path(__file__).resolve().parents[3]
VOLUME = ROOT / "tests" / "fixtures" / "tei" / "volume.xml"
GUIDE = """\
source: tele
lenses:
  - {id: sourcing, question: "Who?", passages: [p1.s1], notices: The heading.}
  - {id: contextualization, question: "When?", passages: [p1.s2], notices: March.}
  - {id: close-reading, question: "Which words?", passages: [p2.s1], notices: Expects.}
  - {id: corroboration, question: "Others?", passages: [p2.s2], notices: Nothing.}
"""


def telegram():
    doc = import_document(VOLUME, "d53")
    source = parse_text(doc.text, path="tele.txt", slug="tele", first_page=doc.facts.first_page)
    return source


def _links_pair(html: str, prefix: str, numbers) -> None:
    for n in numbers:
        call = re.search(rf'<a href="#{prefix}-fn-{n}" id="{prefix}-fnref-{n}" '
                         rf'aria-label="Footnote {n}">{n}</a>', html)
        note = re.search(rf'<li id="{prefix}-fn-{n}" value="{n}">(.*?)</li>', html)
        assert call and note, n
        assert f'href="#{prefix}-fnref-{n}"' in note.group(1)


def test_document_page_links_call_outs_and_notes_both_ways():
    source = telegram()
    html = render_document(source)
    _links_pair(html, "tele", [1, 2, 3])
    heading = re.search(r'<div class="sb-ap-row sb-ap-heading">(.*?)</div>', html).group(1)
    assert 'href="#tele-fn-1"' in heading            # the heading's own note
    sentence = re.search(r'<span class="sb-sent" id="p1.s1"[^>]*>(.*?)</span>(?= )', html).group(1)
    assert 'href="#tele-fn-2"' in sentence            # the call stays on its sentence
    assert html.index('class="sb-footnotes"') > html.index('class="sb-signature"')
    assert "Acheson" in re.search(r'<p class="sb-signature">(.*?)</p>', html).group(1)


def test_close_reader_shows_the_same_notes_with_its_own_ids():
    source = telegram()
    guide = parse_guide(GUIDE, source)
    html = static.render_reader(source, guide, BookContext(book_id="b"))
    _links_pair(html, "sbr-tele", [1, 2, 3])
    sentence = re.search(r'<span class="sb-s" id="sbr-p1.s1"[^>]*>(.*?)</span>(?= <span)', html)
    assert 'href="#sbr-tele-fn-2"' in sentence.group(1)
    assert re.search(r"March 10\.(?:</span>)?<sup class=\"sb-fn\">", html)   # right after its words


def test_a_document_without_footnotes_renders_no_notes():
    source = parse_text("Memorandum by A (X) to B\n\nText here.\n", slug="plain")
    assert "sb-footnotes" not in render_document(source)


def test_a_page_line_inside_a_copied_paragraph_turns_the_page_with_one_space():
    source = parse_text("Memorandum by A (X) to B\n\nIt goes on and the\n[Page 88]\ncost is set.\n",
                        slug="copied", first_page=87)
    html = render_document(source)
    assert re.search(r'and the <span class="sb-pagebreak"[^>]*>.*?</span></span>cost is set',
                     html)
