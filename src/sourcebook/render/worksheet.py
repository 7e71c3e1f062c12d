"""Printable worksheets (and their answer keys) for classrooms without devices.

A worksheet is a standalone HTML page made from the same exercise data as the book — the
questions, their options and room to write — printed to PDF by headless Chromium (Debian's
`chromium`; no browser is downloaded). The key version adds each answer and its explanation.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from html import escape
from pathlib import Path


from sourcebook.errors import SourcebookError
from sourcebook.items.base import item_source, print_inline as _inline
from sourcebook.model.source import PAGE_MARKER as PAGE
from sourcebook.items.registry import item_type

PAPERS = {"letter": "letter", "a4": "A4"}
APPARATUS = ("file-number", "heading", "classification", "date", "subject")
CSS = """
@page { size: PAPER; margin: 16mm 15mm; }
body { font-family: "DejaVu Serif", Georgia, serif; font-size: 11pt; color: #000; line-height: 1.4; }
h1 { font-size: 17pt; margin: 0 0 2mm; } .sub { margin: 0 0 5mm; font-size: 10pt; }
.who { display: flex; gap: 10mm; margin: 0 0 6mm; } .who span { flex: 1; border-bottom: 1px solid #000; padding-top: 6mm; font-size: 9pt; }
ol.items > li { margin: 0 0 6mm; break-inside: avoid; }
.meta { font: 8pt "DejaVu Sans", sans-serif; color: #333; }
ul.opts { list-style: none; padding-left: 2mm; margin: 1.5mm 0; } ul.opts li { margin: 1mm 0; }
.box { display: inline-block; width: 3.2mm; height: 3.2mm; border: 1px solid #000; margin-right: 2mm; vertical-align: -0.5mm; }
.line { display: block; border-bottom: 1px solid #000; height: 8mm; }
.blank { display: inline-block; min-width: 28mm; border-bottom: 1px solid #000; }
.quote { margin: 1.5mm 0 1.5mm 4mm; padding-left: 3mm; border-left: 2px solid #555; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; }
.key { margin-top: 2mm; padding: 2mm 3mm; border: 1px solid #000; background: #eee; font-size: 10pt; }
.key b { font-family: "DejaVu Sans", sans-serif; }
.doc { border: 1px solid #000; padding: 3mm 4mm; margin: 0 0 6mm; font-size: 10pt; break-inside: auto; }
.doc .app { font: 9pt "DejaVu Sans", sans-serif; margin: 0 0 0.6mm; }
.doc p.para { margin: 2mm 0; } .doc .pn { font: bold 8pt "DejaVu Sans", sans-serif; }
.doc sup { font: 6.5pt "DejaVu Sans", sans-serif; color: #333; } .doc .pb { font: italic 8pt sans-serif; }
"""


def _source_html(source) -> str:
    """The document as the questions cite it: its apparatus, numbered paragraphs, sentence ids
    (for evidence questions) and the printed page breaks."""
    head = "".join(f'<p class="app">{escape(b.raw)}</p>' for b in source.blocks
                   if b.kind in APPARATUS)
    paras = []
    for p in source.paragraphs:
        sentences = " ".join(
            f"<sup>{escape(s.id.split('.')[1])}</sup>"
            + escape(PAGE.sub(lambda m: f"[p. {m.group(1)}]", s.raw))
            for s in p.sentences)
        paras.append(f'<p class="para"><span class="pn">{escape(p.id)}</span> {sentences}</p>')
    return (f'<section class="doc" aria-label="The document"><p class="meta">{escape(source.title)}'
            f' — sentence numbers (s1, s2 …) in small print; p2.s3 means paragraph 2, sentence 3.'
            f'</p>{head}{"".join(paras)}</section>')


def worksheet_html(title: str, sets, ctx, *, key: bool = False, version: str = "A",
                   paper: str = "letter") -> str:
    """The worksheet (or its key) of `version`: choices and orders are dealt for the version,
    as the page deals them for each student, and the key names the letters printed in it."""
    items = []
    sources = {}
    for s in sets:
        for item in s.items:
            entry = item_type(item)
            if entry.needs_source:
                source = item_source(item, ctx)
                if source is not None:
                    sources[source.slug] = source
            body = entry.print_body(item, ctx, version)
            answer = ""
            if key:
                answer = (f'<div class="key"><b>Answer:</b> '
                          f'{escape(entry.key_text(item, ctx, version))}'
                          f'<br><b>Why:</b> {_inline(item.explanation)}</div>')
            items.append(f'<li><p>{_inline(item.prompt)} <span class="meta">({item.points:g} '
                         f'pt · {escape(item.skill)})</span></p>{body}{answer}</li>')
    kind = "Answer key" if key else "Worksheet"
    who = "" if key else ('<div class="who"><span>Name</span><span>Class</span>'
                          '<span>Date</span></div>')
    docs = "" if key else "".join(_source_html(s) for s in sources.values())
    css = CSS.replace("PAPER", PAPERS.get(paper.lower(), "letter"))
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(kind)}: '
            f'{escape(title)}</title><style>{css}</style></head><body><h1>{escape(title)}</h1>'
            f'<p class="sub">{kind} · version {escape(version)} · '
            f'{sum(len(s.items) for s in sets)} questions</p>{who}{docs}'
            f'<ol class="items">{"".join(items)}</ol></body></html>')


def find_chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise SourcebookError(None, "printing needs Chromium: install Debian's `chromium` package")


def print_pdf(html: str, out: Path) -> Path:
    """Print an HTML page to PDF with headless Chromium."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "worksheet.html"
        page.write_text(html, encoding="utf-8")
        partial = out.with_name(out.name + ".part")
        cmd = [find_chromium(), "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--no-first-run", f"--user-data-dir={tmp}/profile", "--no-pdf-header-footer",
               "--generate-pdf-document-outline",      # a bookmark per heading: per student
               f"--print-to-pdf={partial}", page.as_uri()]
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if run.returncode != 0 or not partial.exists() or partial.stat().st_size == 0:
            raise SourcebookError(out, f"Chromium could not print the worksheet: {run.stderr[-500:]}")
        partial.replace(out)
    return out


def sets_for(chapter: str, sets) -> list:
    """The sets shown in `chapter` (a docname like book/review, a bare name, or a set id)."""
    wanted = chapter.removesuffix(".md")
    chosen = [s for s in sets if s.info.id == wanted or s.info.chapter in
              (wanted, f"book/{wanted}")]
    if not chosen:
        known = ", ".join(sorted({s.info.chapter or s.info.id for s in sets}))
        raise SourcebookError(None, f'no exercise set belongs to chapter "{chapter}" (known: {known})')
    return chosen
