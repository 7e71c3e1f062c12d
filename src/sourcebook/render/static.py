"""Static HTML for the book: exercise sets and the close-reading widget, answer-free.

The server side writes all the markup, so a page reads sensibly without JavaScript (questions,
options, the memo, the lens questions, the comparisons); ``assets/sourcebook.js`` then wires the
controls marked ``sb-j`` (hidden until it runs), checks answers against the payload
(``payload.build_payload``, in ``<script type="application/json" class="sb-data">``) and keeps
answers and notes in localStorage. Element ids derive from item, set and sentence ids, never from
random numbers, so output is the same on every build.

    render_exercise_set(loaded_set, ctx) -> str      one set: items, progress line, hand-in bar
    render_reader(source, guide, ctx) -> str         the close-reading widget for a source
    asset_paths() -> list[Path]                      the JS and CSS to copy into _static
    page(body, title) -> str                         a whole standalone page (tests, previews)
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

from sourcebook.items.page_parts import attr as _a
from sourcebook.items.page_parts import inline, sid_label as _sid_label
from sourcebook.items.payload import PAYLOAD_VERSION, build_payload
from sourcebook.items.registry import item_type
from sourcebook.model.guide import LENSES, Guide, passage_span, phrase_span
from sourcebook.model.source import FOOTNOTE_CALL, PAGE_MARKER, PrimarySource, reading_text
from sourcebook.render.document import _text_with_calls, call_html, footnotes_html

ASSETS = Path(__file__).parent / "assets"
NOTE_LIMIT = 20_000
NOSCRIPT = ('<noscript><p class="sb-nojs">Checking answers and saving notes need JavaScript. '
            'You can still read everything here and answer on paper.</p></noscript>')


def asset_paths() -> list[Path]:
    return [ASSETS / "sourcebook.css", ASSETS / "sourcebook.js"]


def _json(data) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _points(p: float) -> str:
    n = int(p) if float(p).is_integer() else p
    return f"{n} point{'' if n == 1 else 's'}"


def toolbar(book: str, version: str, uid: str, *, require_id: bool = False) -> str:
    """The hand-in bar: name, student id, Export and Import (JS only), what storage says, and
    the review of an import before it changes anything. With `require_id` (the teacher's
    build: `require_student_id: true` in _config.yml) Export asks for the id too."""
    need = ' data-require-id="true"' if require_id else ""
    id_label = "Student id" if require_id else "Student id (if your teacher gave you one)"
    return (f'<div class="sb-toolbar sb-j" role="group" aria-label="Save and hand in"{need}>'
            f'<p class="sb-alert" role="alert" hidden></p>'
            f'<span class="sb-field"><label for="{uid}-who">Your name</label>'
            f'<input type="text" id="{uid}-who" class="sb-who" autocomplete="name" maxlength="120">'
            f'</span><span class="sb-field"><label for="{uid}-sid">{id_label}</label>'
            f'<input type="text" id="{uid}-sid" class="sb-stid" '
            f'autocomplete="off" maxlength="64"></span>'
            f'<button type="button" class="sb-exp">Export answers</button>'
            f'<label class="sb-imp" for="{uid}-imp">Import answers</label>'
            f'<input type="file" id="{uid}-imp" class="sb-impf" accept=".json,application/json">'
            f'<p class="sb-msg" role="status"></p><div class="sb-review" hidden></div></div>')


# --------------------------------------------------------------------------- exercises


def _legend(item, n: int) -> str:
    return (f'<legend><span class="sb-n">Question {n}</span> <span class="sb-pts">'
            f'({_points(item.points)})</span> <span class="sb-prompt">{inline(item.prompt)}'
            f'</span></legend>')


def render_item(item, n: int, ctx) -> str:
    """One item as an <li> (the payload is rendered once per set, not here); its body is its
    type's (`page_body` of its registry entry)."""
    source = getattr(item, "source", None) or getattr(ctx, "default_source", None) or ""
    entry = item_type(item)
    hint = (f'<details class="sb-hint"><summary>Hint</summary><p>{inline(item.hint)}</p>'
            f'</details>') if item.hint else ""
    return (f'<li class="sb-item" id="sb-{_a(item.id)}" data-item="{_a(item.id)}" '
            f'data-type="{item.type}" data-source="{_a(source)}">'
            f'<fieldset class="sb-q">{_legend(item, n)}{entry.page_body(item, ctx)}</fieldset>'
            f'{hint}<div class="sb-actions sb-j"><button type="button" class="sb-check">'
            f'{entry.check_label}</button> <span class="sb-att"></span></div>'
            f'<div class="sb-fb" role="status"></div><div class="sb-ex" hidden></div></li>')


def render_items(items, ctx, *, set_id: str, title: str, intro: str | None = None,
                 source: str | None = None) -> str:
    book, version = ctx.book_id, ctx.content_version
    data = {"version": PAYLOAD_VERSION, "set": set_id, "sources": sorted(getattr(ctx, "sources", {})),
            "book_items": book_items(ctx),
            "items": {i.id: build_payload(i, ctx, set_id=set_id, n=n)
                      for n, i in enumerate(items, start=1)}}
    body = "".join(render_item(item, n, ctx) for n, item in enumerate(items, start=1))
    uid = f"sb-set-{_a(set_id)}"
    intro_html = f'<p class="sb-intro">{inline(intro)}</p>' if intro else ""
    return (f'<section class="sb sb-set" id="{uid}" data-set="{_a(set_id)}" data-book="{_a(book)}" '
            f'data-version="{_a(version)}" data-source="{_a(source or "")}" '
            f'aria-labelledby="{uid}-t"><p class="sb-title" id="{uid}-t">{inline(title)}</p>'
            f'{intro_html}{NOSCRIPT}<p class="sb-prog">{len(items)} questions.</p>'
            f'<ol class="sb-items">{body}</ol>{toolbar(book, version, uid, require_id=getattr(ctx, "require_student_id", False))}'
            f'<script type="application/json" class="sb-data">{_json(data)}</script></section>')


def book_items(ctx) -> dict[str, str]:
    """item id -> source slug for every item of the book (cached on the context), so that an
    import on any page can tell the book's items from unknown ids; {} when the book's sets do
    not load (the page then knows its own items only)."""
    cached = getattr(ctx, "_sourcebook_book_items", None)
    if cached is None:
        cached = {}
        try:
            from sourcebook.model.lesson import load_all
            sets, _ = load_all(ctx)
            for loaded in sets:
                for item in loaded.items:
                    cached[item.id] = item.source or loaded.info.source or \
                        getattr(ctx, "default_source", None) or ""
        except Exception:  # noqa: BLE001 - a book without exercises or with broken ones
            cached = {}
        try:
            object.__setattr__(ctx, "_sourcebook_book_items", cached)
        except (AttributeError, TypeError):
            pass
    return cached


def render_exercise_set(loaded_set, ctx) -> str:
    """A loaded exercise set (loader.LoadedSet) as a self-contained HTML fragment."""
    info = loaded_set.info
    return render_items(loaded_set.items, ctx, set_id=info.id, title=info.title,
                        intro=info.intro, source=info.source or getattr(ctx, "default_source", None))


# --------------------------------------------------------------------------- the reader


class _Marks:
    """What the reader marks inside each sentence: glossary terms, black-out words, lens spans."""

    def __init__(self, source: PrimarySource, guide: Guide):
        self.atoms: dict[str, list[tuple[int, int, str]]] = {}    # sid -> (start, end, html)
        self.lenses: dict[str, list[tuple[int, int, str]]] = {}   # sid -> (start, end, lens)
        hidden: dict[str, list[tuple]] = {}     # sid -> (start, end, black-out id, n)
        terms: dict[str, list[tuple]] = {}      # sid -> (start, end, tooltip id, entry)

        def clear(spans, a, b):
            return all(b <= x[0] or a >= x[1] for x in spans)

        def nests(x, spans):     # inside or around each of `spans` it overlaps
            return all(clear([y], x[0], x[1]) or x[0] <= y[0] and y[1] <= x[1]
                       or y[0] <= x[0] and x[1] <= y[1] for y in spans)

        for b in guide.blackouts:
            text = source.sentence(b.sentence).text
            for n, word in enumerate(b.words, start=1):
                span = phrase_span(text, word)
                if span and clear(hidden.get(b.sentence, []), *span):
                    hidden.setdefault(b.sentence, []).append((*span, b.id, n))
        for gi, g in enumerate(guide.glossary):
            n = 0
            for s in source.sentences:
                for form in g.spellings:
                    span = phrase_span(s.text, form)
                    if span and (g.all or n == 0) and clear(terms.get(s.id, []), *span) \
                            and nests(span, hidden.get(s.id, [])):
                        n += 1
                        terms.setdefault(s.id, []).append((*span, f"sbr-g{gi}-{n}", g))

        for s in source.sentences:
            text = s.text

            def html(a, b, inner_spans):
                out, pos = [], a
                for x in sorted(inner_spans, key=lambda x: x[0]):
                    out += [escape(text[pos:x[0]]), wrap(x, escape(text[x[0]:x[1]]))]
                    pos = x[1]
                return "".join(out) + escape(text[pos:b])

            def wrap(x, inner):
                if isinstance(x[3], int):        # a black-out word
                    return (f'<span class="sb-bo" data-bo="{_a(x[2])}"><span class="sb-bw">'
                            f'{inner}</span><span class="sb-bl">[blank {x[3]}]</span></span>')
                return (f'<span class="sb-g"><button type="button" class="sb-term" '
                        f'aria-describedby="{x[2]}">{inner}</button><span role="tooltip" '
                        f'class="sb-tip" id="{x[2]}"><b>{escape(x[3].term)}</b>: '
                        f'{escape(x[3].meaning)}</span></span>')

            def holds(y, x):     # y holds x; a black-out holds a term of the same words
                return y is not x and y[0] <= x[0] and x[1] <= y[1] and (
                    y[:2] != x[:2] or isinstance(y[3], int))

            spans = hidden.get(s.id, []) + terms.get(s.id, [])
            for x in spans:       # outermost spans become atoms; what they hold nests inside
                if not any(holds(y, x) for y in spans):
                    inner = [y for y in spans if holds(x, y)]
                    self.atoms.setdefault(s.id, []).append((x[0], x[1],
                                                            wrap(x, html(x[0], x[1], inner))))
        for lens in guide.lenses:
            for p in lens.passages:
                a, b = passage_span(source, p)
                for s, e, _ in self.atoms.get(p.sentence, []):    # never split a term
                    if s < a < e:
                        a = s
                    if s < b < e:
                        b = e
                self.lenses.setdefault(p.sentence, []).append((a, b, lens.id))

    def sentence_html(self, s, page_marks: list[tuple[int, str]]) -> str:
        """`page_marks`: (offset in the reading text, html) of each page turn or footnote call."""
        text = s.text
        atoms = sorted(self.atoms.get(s.id, []))
        lenses = self.lenses.get(s.id, [])
        page_marks = [(next((e for s0, e, _ in atoms if s0 < m < e), m), pg) for m, pg in page_marks]
        cuts = {0, len(text)} | {x for a, b, _ in lenses for x in (a, b)} | \
            {x for a, b, _ in atoms for x in (a, b)} | {m for m, _ in page_marks}
        cuts = sorted(c for c in cuts if not any(a < c < b for a, b, _ in atoms))
        groups: list[tuple[str, str]] = []      # (lens classes, html)
        for a, b in zip(cuts, cuts[1:]):
            atom = next((h for s0, e0, h in atoms if s0 == a), None)
            piece = atom or escape(text[a:b])
            piece = "".join(pg for m, pg in page_marks if m == a and a > 0) + piece
            key = " ".join(sorted({lid for s0, e0, lid in lenses if s0 <= a and b <= e0}))
            if groups and groups[-1][0] == key:
                groups[-1] = (key, groups[-1][1] + piece)
            else:
                groups.append((key, piece))
        tail = "".join(pg.rstrip() for m, pg in page_marks if m == len(text) and m > 0)
        inner = "".join(f'<span class="sb-l" data-l="{k}">{h}</span>' if k else h
                        for k, h in groups)
        return (f'<span class="sb-s" id="sbr-{s.id}" data-sid="{s.id}">{inner}{tail}</span>')


def _page_marks(s, slug: str = "", first: set | None = None) -> list[tuple[int, str]]:
    """(offset in the reading text, html) of every [Page N] marker inside a sentence (at the
    start of the word that follows it) and of every footnote call (where it stands)."""
    out = []
    for m in PAGE_MARKER.finditer(s.raw):
        at = len(reading_text(s.raw[:m.start()]))
        out.append((at + (s.text[at:at + 1] == " "),
                    f'<span class="sb-pg">[Page {m.group(1)}]</span> '))
    for m in FOOTNOTE_CALL.finditer(s.raw):
        at = len(reading_text(s.raw[:m.start()]))
        out.append((at, call_html(f"sbr-{slug}", int(m.group(1)), first if first is not None
                                  else set())))
    return out


def _passage_text(source: PrimarySource, passages) -> str:
    out = []
    for p in passages:
        s = source.sentence(p.sentence)
        out.append(f"“…{p.phrase}…”" if p.phrase else s.text)
    return " ".join(out)


def _starters(guide: Guide, uid: str) -> str:
    groups = "".join(
        f'<optgroup label="{LENSES[k]}">' + "".join(f"<option>{_a(t)}</option>"
                                                    for t in guide.starters_for(k))
        + "</optgroup>" for k in LENSES)
    return (f'<span class="sb-st sb-j"><label for="{uid}-st">Sentence starter</label> '
            f'<select id="{uid}-st">{groups}</select> <button type="button" class="sb-add">'
            f'Add to note</button></span>')


def _writer(source: PrimarySource) -> str:
    """The writer's surname, as the compare panels name him or her ("Rusk, ¶2")."""
    meta = getattr(source, "meta", None)
    name = getattr(getattr(meta, "author", None), "name", None) if meta else None
    if name:
        return name.split()[-1]
    author = source.apparatus.author or ""
    m = re.search(r"\(([^()]+)\)\s*$", author)
    return m.group(1) if m else (author or "The document")


def render_reader(source: PrimarySource, guide: Guide, ctx) -> str:
    """The close-reading widget: lenses, glossary, notes, spotlight, black-out, compare."""
    slug = source.slug
    uid = f"sbr-{slug}"
    marks = _Marks(source, guide)
    title = guide.title or f"Close reading: {source.title}"

    lens_buttons = "".join(f'<button type="button" aria-pressed="false" data-lens="{k}">{v}'
                           f'</button>' for k, v in LENSES.items())
    panels = []
    for lens in guide.lenses:
        links = "; ".join(
            f'<a href="#sbr-{p.sentence}">{_sid_label(p.sentence)}'
            + (f': “{escape(p.phrase)}”' if p.phrase else "") + "</a>" for p in lens.passages)
        panels.append(
            f'<div class="sb-lp" data-lens="{lens.id}"><p class="sb-lt">{lens.label}</p>'
            f'<p class="sb-lq">{inline(lens.question)}</p><p class="sb-lpas">Passages: {links}</p>'
            f'<details><summary>What a historian notices</summary><p>{inline(lens.notices)}</p>'
            f'</details></div>')

    spot = ['<option value="">Nothing: show the whole memo</option>']
    for p in source.paragraphs:
        spot.append(f'<optgroup label="Paragraph {p.number}"><option value="{p.id}">'
                    f'¶{p.number}, the whole paragraph</option>')
        for s in p.sentences:
            short = s.text if len(s.text) <= 60 else s.text[:57].rstrip() + "…"
            spot.append(f'<option value="{s.id}">{_sid_label(s.id)}: {_a(short)}</option>')
        spot.append("</optgroup>")

    first: set = set()       # footnotes whose first call-out is already on the page
    ap = "".join(f'<p class="sb-ap-{b.kind}">{_text_with_calls(b.raw, f"sbr-{slug}", first)}</p>'
                 for b in source.blocks if b.kind in ("file-number", "heading", "classification",
                                                       "date", "subject", "reference"))
    # Black-outs sit under the paragraph that holds their words (as the notes do), and while a
    # black-out is on, reader.js puts each guess box beside its hidden word: on a phone the
    # boxes were screens away from the words when they all sat above the memo.
    blackouts: dict[str, list[str]] = {}
    for b in guide.blackouts:
        guesses = "".join(f'<label><span class="sb-bgn">Word {n}</span> <input type="text" '
                          f'data-n="{n}" autocomplete="off" spellcheck="false" size="14"></label> '
                          for n in range(1, len(b.words) + 1))
        prompt = inline(b.prompt) if b.prompt else (
            f"Hide {len(b.words)} word{'s' if len(b.words) > 1 else ''} in "
            f"{_sid_label(b.sentence)} and guess them from the context.")
        blackouts.setdefault(b.sentence.split(".")[0], []).append(
            f'<fieldset class="sb-bos" data-bo="{_a(b.id)}"><legend>Black-out: {prompt}</legend>'
            f'<button type="button" class="sb-bot" aria-pressed="false">Black out the words'
            f'</button> <span class="sb-bog">{guesses}</span><button type="button" '
            f'class="sb-bor">Reveal the words</button><p class="sb-boo" role="status"></p>'
            f'</fieldset>')

    # FRUS prints no marker for the first page; say which page it is without imitating one.
    paras = [f'<p class="sb-pg0"><span class="sb-pg">p.&#8239;{source.sentences[0].page}</span></p>']
    for p in source.paragraphs:
        sentences = " ".join(marks.sentence_html(s, _page_marks(s, slug, first))
                             for s in p.sentences)
        nid = f"{uid}-n-{p.id}"
        here = blackouts.get(p.id, [])
        games = (f'<details class="sb-bol sb-j"><summary>Black-out: hide words of ¶{p.number} '
                 f'and guess them ({len(here)})</summary>{"".join(here)}</details>' if here else "")
        paras.append(
            f'<div class="sb-rp" id="sbr-{p.id}" data-pid="{p.id}"><p class="sb-rt">'
            f'<span class="sb-pn"><span class="sb-vh">Paragraph </span><span aria-hidden="true">'
            f'¶</span>{p.number}</span> {sentences}</p>{games}'
            f'<details class="sb-note"><summary>Your notes on ¶{p.number}</summary>'
            f'<label for="{nid}">Notes on paragraph {p.number}</label>'
            f'<textarea id="{nid}" data-note="{p.id}" rows="3" maxlength="{NOTE_LIMIT}" '
            f'aria-describedby="{nid}-c"></textarea><span class="sb-count" id="{nid}-c">'
            f'Up to {NOTE_LIMIT:,} characters.</span>'
            f'{_starters(guide, nid)}</details></div>')

    compares = []
    for c in guide.compare:
        where = ", ".join(dict.fromkeys(_sid_label(p.sentence).split(",")[0] for p in c.passage))
        cite = escape(c.citation or c.url or "")
        compares.append(
            f'<details class="sb-cmp" data-cmp="{_a(c.id)}"><summary>Compare {where} with '
            f'{escape(c.title)}</summary><div class="sb-cmpg"><blockquote><p class="sb-ch">'
            f'{escape(_writer(source))}, {where}</p><p>{escape(_passage_text(source, c.passage))}</p></blockquote>'
            f'<div><p class="sb-ch">{escape(c.title)}</p><p>{inline(c.summary)}</p>'
            f'<p><a href="{_a(c.url or "")}">{cite}</a></p></div></div></details>')

    book, version = ctx.book_id, ctx.content_version
    intro = f'<p class="sb-intro">{inline(guide.intro)}</p>' if guide.intro else ""
    return (
        f'<section class="sb sb-reader" id="{uid}" data-source="{_a(slug)}" data-book="{_a(book)}" '
        f'data-version="{_a(version)}" aria-labelledby="{uid}-t">'
        f'<p class="sb-title" id="{uid}-t">{escape(title)}</p>{intro}{NOSCRIPT}'
        f'<div class="sb-tools sb-j"><div class="sb-lenses" role="group" aria-label="Reading '
        f'lenses">{lens_buttons}</div><p><label for="{uid}-spot">Spotlight</label> '
        f'<select id="{uid}-spot" class="sb-spot">{"".join(spot)}</select></p></div>'
        f'<div class="sb-lps">{"".join(panels)}</div>'
        + f'<p class="sb-rmsg sb-vh" role="status"></p>'
        f'<div class="sb-memo"><div class="sb-ap">{ap}</div>{"".join(paras)}'
        f'{footnotes_html(source, f"sbr-{slug}", first, "sb-footnotes sb-rfn", "the close reading")}'
        f'</div>'
        + (f'<div class="sb-cmps">{"".join(compares)}</div>' if compares else "")
        + f'{toolbar(book, version, uid, require_id=getattr(ctx, "require_student_id", False))}</section>')


# --------------------------------------------------------------------------- whole pages


def page(body: str, title: str = "sourcebook", *, assets: str = "") -> str:
    """A standalone HTML page around fragments, with the kit's CSS and JS from `assets`."""
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{escape(title)}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="{assets}sourcebook.css">'
            f'<script defer src="{assets}sourcebook.js"></script></head><body><main>'
            f'<h1>{escape(title)}</h1>{body}</main></body></html>')
