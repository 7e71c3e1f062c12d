"""Pacing computed at build time (`sourcebook.model.pacing`), for the teacher guide and the start page.

    ```{pacing-table}```            one row per chapter: words, reading minutes, items by type,
                                    minutes for the items, total; the assumptions under it
    {lesson-length}`total`          "4 h 30 min"      (the lesson's chapters, reading + items)
    {lesson-length}`periods`        "6"               (50-minute class periods, rounded up)
    {lesson-length}`reading`        "1 h 20 min"      (reading alone)
    {lesson-length}`items`          "3 h 10 min"      (exercises alone)
    {lesson-length}`after-one-class` "3 h 40 min"     (what is left after one 50-minute class)
    {lesson-length}`words-per-minute` "200"
"""

from __future__ import annotations

from html import escape

from docutils import nodes
from sphinx.util.docutils import SphinxDirective, SphinxRole

from sourcebook.model.pacing import (as_hours, class_periods, lesson_pace, load_pacing,
                                     pacing_path, total_minutes)
from sourcebook.model.project import Project

PERIOD_MINUTES = 50
_PACE: dict[str, tuple] = {}          # srcdir -> (assumptions, rows, inputs), once per build


def reset_pace(app, *args) -> None:
    _PACE.pop(str(app.srcdir), None)


def _pace(env):
    """(assumptions, chapter rows) for this build; every input becomes a dependency of the page."""
    key = str(env.srcdir)
    if key not in _PACE:
        _PACE[key] = _compute(env)
    assumptions, rows, inputs = _PACE[key]
    for path in inputs:
        env.note_dependency(str(path))
    return assumptions, rows


def _compute(env):
    from sourcebook.model.lesson import load_all
    from sourcebook.model.toc import chapter_order
    from sourcebook.sphinx.directives import book_context
    project = Project(env.srcdir)
    ctx = book_context(str(env.srcdir))
    sets, _ = load_all(ctx)
    assumptions = load_pacing(project)
    inputs = [path for path in [pacing_path(project), project.toc, *(s.path for s in sets),
                                *(project.root / f"{d}{suffix}" for d in chapter_order(project)
                                  for suffix in (".md", ".ipynb"))] if path.is_file()]
    return assumptions, lesson_pace(project, sets, ctx.sources, assumptions), inputs


def _items_text(counter) -> str:
    return ", ".join(f"{n} {kind}" for kind, n in sorted(counter.items(), key=lambda kv: -kv[1]))


class PacingTableDirective(SphinxDirective):
    def run(self):
        assumptions, rows = _pace(self.env)
        body = []
        for r in rows:
            note = "" if r.counted else ' <span class="sb-muted">(not in the total)</span>'
            body.append(
                f'<tr><th scope="row">{escape(r.title)}{note}</th><td>{r.words:,}</td>'
                f'<td>{round(r.reading_minutes)}</td><td>{sum(r.items.values()) or ""}</td>'
                f'<td>{escape(_items_text(r.items))}</td><td>{round(r.item_minutes) or ""}</td>'
                f'<td>{as_hours(r.minutes)}</td></tr>')
        counted = [r for r in rows if r.counted]
        total = total_minutes(rows)
        words = sum(r.words for r in counted)
        items = sum(sum(r.items.values()) for r in counted)
        foot = (f'<tr><th scope="row">The lesson</th><td>{words:,}</td>'
                f'<td>{round(sum(r.reading_minutes for r in counted))}</td><td>{items}</td><td></td>'
                f'<td>{round(sum(r.item_minutes for r in counted))}</td><td>{as_hours(total)}</td>'
                '</tr>')
        per_item = ", ".join(f"{kind} {m:g}" for kind, m in sorted(assumptions.item_minutes.items()))
        table = (
            '<div class="sb-scroll" tabindex="0" role="region" aria-label="Pacing table">'
            '<table class="table sb-table sb-pacing"><caption>Time per chapter, computed from the '
            'pages and the exercise sets when the book was built</caption><thead><tr>'
            '<th scope="col">Chapter</th><th scope="col">Words</th>'
            '<th scope="col">Reading (min)</th><th scope="col">Items</th>'
            '<th scope="col">Item types</th><th scope="col">Items (min)</th>'
            f'<th scope="col">Total</th></tr></thead><tbody>{"".join(body)}</tbody>'
            f'<tfoot>{foot}</tfoot></table></div>'
            f'<p class="sb-pacing-assumptions"><strong>How these numbers are made.</strong> Words '
            f'are the prose of each page (and the memo\'s text where the page shows it), without '
            f'code, exercises, citations or markup. Reading time assumes '
            f'<strong>{assumptions.words_per_minute:g} words a minute</strong>: our assumption for '
            f'high-school students reading history carefully, not a measured rate; a class that '
            f'annotates as it reads will be slower. Minutes per item: {escape(per_item)}; a short '
            f'answer takes one minute plus the words a good answer needs at '
            f'{assumptions.writing_words_per_minute:g} words a minute. Totals are rounded up to five '
            f'minutes. At '
            f'{PERIOD_MINUTES} minutes a period the lesson is about '
            f'{class_periods(total, PERIOD_MINUTES)} class periods of student work. Change the '
            f'assumptions in <code>book/data/pacing.yml</code>.</p>')
        return [nodes.raw("", table, format="html")]


class LessonLengthRole(SphinxRole):
    def run(self):
        _, rows = _pace(self.env)
        counted = [r for r in rows if r.counted]
        total = total_minutes(rows)
        values = {
            "total": as_hours(total),
            "periods": str(class_periods(total, PERIOD_MINUTES)),
            "reading": as_hours(sum(r.reading_minutes for r in counted)),
            "items": as_hours(sum(r.item_minutes for r in counted)),
            "after-one-class": as_hours(max(0.0, total - PERIOD_MINUTES)),
            "words-per-minute": f"{load_pacing(Project(self.env.srcdir)).words_per_minute:g}",
        }
        key = self.text.strip()
        if key not in values:
            msg = self.inliner.reporter.error(
                f"lesson-length: unknown measure {key!r} (one of {', '.join(values)})",
                line=self.lineno)
            return [self.inliner.problematic(self.rawtext, self.rawtext, msg)], [msg]
        return [nodes.inline(values[key], values[key], classes=["sb-lesson-length"])], []


def setup(app) -> None:
    app.connect("builder-inited", reset_pace)
    app.add_directive("pacing-table", PacingTableDirective)
    app.add_role("lesson-length", LessonLengthRole())
