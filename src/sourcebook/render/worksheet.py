"""Printable worksheets (and their answer keys) for classrooms without devices.

A worksheet is a standalone HTML page made from the same exercise data as the book — the
questions, their options and room to write — printed to PDF by headless Chromium (Debian's
`chromium`; no browser is downloaded). The key version adds each answer and its explanation.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import tempfile
from html import escape
from pathlib import Path

from markdown_it import MarkdownIt

from sourcebook.errors import SourcebookError
from sourcebook.items.answer_text import answer_text
from sourcebook.items.schema import (BLANK, Cloze, DateItem, Evidence, Matching, MarkWords,
                               MultipleSelect, Ordering, ShortAnswer, SingleChoice, TrueFalse)
from sourcebook.items.payload import EVIDENCE_HOW

_md = MarkdownIt("commonmark", {"html": False})
CSS = """
@page { size: A4; margin: 16mm 15mm; }
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
"""


def _inline(text: str) -> str:
    return _md.renderInline(text)


def _shuffled(item_id: str, values: list) -> list:
    out = list(values)
    random.Random(item_id).shuffle(out)
    return out


def _item_body(item, ctx) -> str:
    lines = lambda n: '<span class="line"></span>' * n  # noqa: E731
    match item:
        case SingleChoice() | MultipleSelect():
            how = "Choose one." if isinstance(item, SingleChoice) else "Choose all that apply."
            opts = "".join(f'<li><span class="box"></span>{escape(o.id)}. {_inline(o.text)}</li>'
                           for o in item.options)
            return f'<p class="meta">{how}</p><ul class="opts">{opts}</ul>'
        case TrueFalse():
            return ('<ul class="opts"><li><span class="box"></span>True</li>'
                    '<li><span class="box"></span>False</li></ul>')
        case Ordering():
            entries = [e.text for e in item.entries or []]
            rows = "".join(f'<li><span class="blank" style="min-width:10mm"></span> '
                           f'{_inline(t)}</li>' for t in _shuffled(item.id, entries))
            return f'<p class="meta">Number them 1, 2, 3 … in order.</p><ul class="opts">{rows}</ul>'
        case Matching():
            rights = _shuffled(item.id, [p.right for p in item.pairs] + item.distractors)
            left = "".join(f"<li>{_inline(p.left)} <span class='blank' style='min-width:10mm'>"
                           "</span></li>" for p in item.pairs)
            right = "".join(f"<li>{chr(65 + i)}. {_inline(r)}</li>" for i, r in enumerate(rights))
            return (f'<p class="meta">Write the letter of the match.</p><div class="cols">'
                    f'<ol>{left}</ol><ul class="opts">{right}</ul></div>')
        case Cloze():
            counter = iter(range(1, 100))
            passage = BLANK.sub(lambda m: f"({next(counter)}) <span class='blank'></span>",
                                escape(item.passage))
            return f'<p class="quote">{passage}</p>'
        case Evidence():
            source = ctx.sources[item.source or ctx.default_source]
            pids = item.scope or [p.id for p in source.paragraphs]
            rows = "".join(f'<li><span class="box"></span><b>{s.id}</b> {escape(s.text)}</li>'
                           for p in source.paragraphs if p.id in pids for s in p.sentences)
            return f'<p class="meta">{EVIDENCE_HOW}</p><ul class="opts">{rows}</ul>'
        case MarkWords():
            source = ctx.sources[item.source or ctx.default_source]
            text = " ".join(source.sentence(sid).text for sid in item.sentences)
            return f'<p class="meta">Underline the words.</p><p class="quote">{escape(text)}</p>'
        case DateItem():
            return '<p>Date: <span class="blank" style="min-width:50mm"></span></p>'
        case ShortAnswer():
            rubric = "".join(f"<li>{_inline(r)}</li>" for r in item.rubric)
            return f'{lines(6)}<p class="meta">A strong answer:</p><ul class="meta">{rubric}</ul>'
    return lines(3)


def worksheet_html(title: str, sets, ctx, *, key: bool = False) -> str:
    items = []
    for s in sets:
        for item in s.items:
            body = _item_body(item, ctx)
            answer = ""
            if key:
                answer = (f'<div class="key"><b>Answer:</b> {escape(answer_text(item, ctx))}'
                          f'<br><b>Why:</b> {_inline(item.explanation)}</div>')
            items.append(f'<li><p>{_inline(item.prompt)} <span class="meta">({item.points:g} '
                         f'pt · {escape(item.skill)})</span></p>{body}{answer}</li>')
    kind = "Answer key" if key else "Worksheet"
    who = "" if key else ('<div class="who"><span>Name</span><span>Class</span>'
                          '<span>Date</span></div>')
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(kind)}: '
            f'{escape(title)}</title><style>{CSS}</style></head><body><h1>{escape(title)}</h1>'
            f'<p class="sub">{kind} · {sum(len(s.items) for s in sets)} questions</p>{who}'
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
