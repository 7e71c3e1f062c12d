"""Static HTML: well-formed, deterministic, accessible markup, readable without JS, no answers."""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from pydantic import TypeAdapter

from sourcebook.model.lesson import BookContext
from sourcebook.items.schema import Item
from fixtures.guide_example import EXAMPLE
from sourcebook.model.guide import guide_path, load_guide, parse_guide
from sourcebook.render import static
from sourcebook.items.cloze import cloze_accepted
from sourcebook.model.source import load_source

from conftest import MEMO, ROOT

GOLDEN = Path(__file__).resolve().parents[2] / "fixtures" / "render" / "vector-items.html"
VECTORS = yaml.safe_load((ROOT / "tests" / "contract" / "check_vectors.yml").read_text("utf-8"))
VOID = {"input", "br", "img", "meta", "link", "hr", "col", "source", "wbr"}


class Tree(HTMLParser):
    """Checks nesting and collects ids, references and texts."""

    def __init__(self):
        super().__init__()
        self.stack, self.ids, self.refs, self.tags, self.errors = [], [], [], [], []
        self.text = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if "id" in a:
            self.ids.append(a["id"])
        for name in ("for", "aria-describedby", "aria-labelledby"):
            if name in a:
                self.refs.extend(a[name].split())
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
        else:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] != "script":
            self.text.append(data)


def parse(html: str) -> Tree:
    t = Tree()
    t.feed(html)
    t.close()
    assert not t.errors and not t.stack, (t.errors, t.stack)
    assert len(t.ids) == len(set(t.ids)), [i for i in t.ids if t.ids.count(i) > 1]
    missing = [r for r in t.refs if r not in t.ids]
    assert not missing, missing
    return t


@pytest.fixture(scope="module")
def book(book_sets):
    return book_sets


@pytest.fixture(scope="module")
def vectors():
    ctx = BookContext(root=ROOT, book_id="test-book", content_version="1",
                      sources={MEMO: load_source(MEMO, ROOT)}, variants=VECTORS["variants"],
                      default_source=MEMO)
    return ctx, [TypeAdapter(Item).validate_python(raw) for raw in VECTORS["items"]]


# --------------------------------------------------------------------------- exercise sets


def test_every_set_renders_well_formed_and_the_same_twice(book):
    ctx, sets = book
    for s in sets:
        html = static.render_exercise_set(s, ctx)
        assert html == static.render_exercise_set(s, ctx)
        tree = parse(html)
        data = json.loads(re.search(r'<script type="application/json" class="sb-data">(.*?)'
                                    r'</script>', html, re.S).group(1))
        assert list(data["items"]) == [i.id for i in s.items]
        assert [a["id"] for t, a in tree.tags if t == "li" and "sb-item" in a.get("class", "")] \
            == [f"sb-{i.id}" for i in s.items]
        scripts = [a for t, a in tree.tags if t == "script"]
        assert scripts == [{"type": "application/json", "class": "sb-data"}]
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)


def test_no_answer_text_in_the_page(book, vectors):
    for ctx, items in ((book[0], [i for s in book[1] for i in s.items]), vectors):
        html = static.render_items(items, ctx, set_id="t", title="t")
        page_text = " ".join(parse(html).text)
        for item in items:
            secret = [item.explanation]
            secret += [o.feedback for o in getattr(item, "options", []) or [] if o.feedback]
            secret += [getattr(item, k) for k in ("feedback_true", "feedback_false", "exemplar")
                       if getattr(item, k, None)]
            secret += list(getattr(item, "rubric", []) or [])
            for text in secret:
                assert text not in html and text not in page_text, (item.id, text)
            if item.type == "cloze":
                passage = re.search(rf'id="sb-{item.id}".*?<p class="sb-cloze">(.*?)</p>',
                                    html, re.S).group(1)
                words = set(re.findall(r"\w+", re.sub(r"<[^>]+>", " ", passage).lower()))
                for form in (f for blank in cloze_accepted(item, ctx) for f in blank):
                    assert form not in words or form in item.prompt.lower(), (item.id, form)


def test_each_type_has_its_accessible_controls(vectors):
    ctx, items = vectors
    html = static.render_items(items, ctx, set_id="v", title="Vectors")
    by_id = {i.id: i for i in items}
    parts = html.split('<li class="sb-item" ')[1:]
    for item, part in zip(items, parts):
        assert part.startswith(f'id="sb-{item.id}"')
        assert "<fieldset" in part and "<legend>" in part and 'role="status"' in part
        t = item.type
        if t == "single-choice":
            assert part.count('type="radio"') == len(item.options)
            assert all(f'value="{o.id}"> <span>{o.text}</span></label>' in part
                       for o in item.options)
        if t == "multiple-select":
            assert part.count('type="checkbox"') == len(item.options)
        if t == "ordering":
            assert part.count('data-d="-1"') == len(item.entries) and "Move up: " in part
        if t == "matching":
            assert part.count("<select") == len(item.pairs) and part.count("<label for=") == \
                len(item.pairs)
        if t == "cloze":
            assert part.count('aria-label="Blank ') == len(item.blanks())
        if t == "evidence":
            assert 'type="checkbox" value="p2.s1"' in part or item.scope != ["p2"]
        if t == "mark-words":
            assert 'aria-pressed="false"' in part and 'data-i="0"' in part
        if t == "date":
            assert f'<label for="sb-{item.id}-d">' in part and "aria-describedby" in part
        if t == "short-answer":
            assert f'<label for="sb-{item.id}-t">' in part and 'class="sb-rub" hidden' in part
    assert by_id["v-ord"].entries[0].id in html


def test_golden_snapshot_of_the_vector_items(vectors):
    """A rendering change shows up here; regenerate with SOURCEBOOK_UPDATE_GOLDEN=1."""
    ctx, items = vectors
    html = "\n".join(static.render_item(i, n, ctx) for n, i in enumerate(items, start=1)) + "\n"
    if os.environ.get("SOURCEBOOK_UPDATE_GOLDEN") == "1" or not GOLDEN.exists():
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(html, encoding="utf-8")
    assert html == GOLDEN.read_text(encoding="utf-8")


def test_the_page_reads_without_javascript(vectors):
    ctx, items = vectors
    html = static.render_items(items, ctx, set_id="v", title="Vectors")
    assert "<noscript>" in html
    for cls in ("sb-toolbar", "sb-actions", "sb-mv"):
        assert re.search(rf'class="{cls} sb-j"', html), cls       # hidden until JS runs
    text = " ".join(parse(html).text)
    assert "Who wrote the memorandum? Dean Acheson Dean Rusk" in re.sub(r"\s+", " ", text)


# --------------------------------------------------------------------------- the reader


@pytest.fixture(scope="module")
def reader(book):
    ctx = book[0]
    source = ctx.sources[MEMO]
    guide = load_guide(guide_path(MEMO, ROOT), source)
    return source, guide, static.render_reader(source, guide, ctx)


def test_reader_shows_the_memo_with_paragraph_numbers_and_page_marks(reader):
    source, guide, html = reader
    tree = parse(html)
    text = re.sub(r"\s+", " ", " ".join(tree.text))
    assert html == static.render_reader(source, guide, BookContext.load(ROOT))
    for p in source.paragraphs:
        assert f'<span class="sb-vh">Paragraph </span><span aria-hidden="true">¶</span>' \
               f'{p.number}</span>' in html
        assert f'id="sbr-{p.id}"' in html
    assert html.count('class="sb-pg"') == 2
    assert re.search(r"p\.\s66", text) and "[Page 66]" not in text and "It is also assumed that, [Page 67] under these" in text
    for s in source.sentences:
        assert f'id="sbr-{s.id}"' in html
    assert "795.00/1–1251" in text and "top secret" in text


def test_lenses_mark_their_passages(reader):
    source, guide, html = reader
    for lens in guide.lenses:
        marked = re.findall(rf'data-l="[^"]*\b{lens.id}\b[^"]*">(.*?)</span>', html)
        assert marked, lens.id
        for p in lens.passages:
            assert f'href="#sbr-{p.sentence}"' in html
        assert f'<div class="sb-lp" data-lens="{lens.id}">' in html
        assert "What a historian notices" in html


def test_glossary_terms_are_buttons_with_a_tooltip(reader):
    source, guide, html = reader
    buttons = re.findall(r'<button type="button" class="sb-term" aria-describedby="([^"]+)">', html)
    assert len(buttons) >= len(guide.glossary) > 0
    for tip in buttons:
        assert f'role="tooltip" class="sb-tip" id="{tip}"' in html


def test_blackouts_compare_and_notes(reader):
    source, guide, html = reader
    for b in guide.blackouts:
        assert html.count(f'class="sb-bo" data-bo="{b.id}"') == len(b.words)
    for c in guide.compare:
        assert f'data-cmp="{c.id}"' in html and f'href="{c.url}"' in html
    assert html.count("<textarea") == len(source.paragraphs)
    assert len(re.findall(r'<label for="sbr-[a-z0-9-]+-n-p\d+">Notes on paragraph', html)) == \
        len(source.paragraphs)
    for starter in ("The author probably believes…", "I think the author chose these words"):
        assert starter in html or guide.starters


def test_reader_escapes_guide_text():
    source = load_source(MEMO, ROOT)
    hostile = EXAMPLE.replace("Washington was discussing whether to evacuate Korea.",
                              '"<script>alert(1)</script>"').replace(
        "Republic of Korea, that is, South Korea.", '"<img src=x onerror=alert(1)>"')
    guide = parse_guide(hostile, source)
    html = static.render_reader(source, guide, BookContext(book_id="b"))
    assert "<script>alert" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img" in html


# --------------------------------------------------------------------------- assets


def test_assets_fit_the_budget_and_load_nothing():
    """The shipped JS is measured gzipped (the sources stay readable, minified at build time);
    no module loads anything from elsewhere, and innerHTML only ever receives author text the
    page decrypted from its own payload, never what a student typed or a file held."""
    import gzip
    from sourcebook.render.minify import minified
    paths = static.asset_paths()
    assert [p.name for p in paths] == ["sourcebook.css", "sourcebook.js"]
    shipped = {p.name: minified(p).encode() for p in paths}
    total = sum(len(gzip.compress(b, 9)) for b in shipped.values())
    assert total <= 19_500, f"JS + CSS is {total} bytes gzipped; the budget is 19.5 KB"
    modules = sorted(static.ASSETS.rglob("*.js"))
    assert len(modules) >= 14
    for text in [p.read_text("utf-8") for p in modules] + [paths[0].read_text("utf-8")]:
        assert "http://" not in text and "https://" not in text and "@import" not in text
        assert "eval(" not in text and "new Function" not in text and "fetch(" not in text
        assert "insertAdjacentHTML" not in text and "outerHTML" not in text
        assert "document.write" not in text
    sinks = [(p.name, m.group(1)) for p in modules
             for m in re.finditer(r"\.innerHTML\s*=\s*([^;]+);", p.read_text("utf-8"))]
    # each decrypted from the payload; the widget's fragment is render/static.py's own markup
    allowed = {"html", "texts.explanation", "html || ''", "model.get('html')"}
    assert sinks and all(rhs.strip() in allowed for _, rhs in sinks), sinks


def test_page_wraps_fragments_with_local_assets():
    html = static.page("<p>x</p>", "T <&>")
    assert '<link rel="stylesheet" href="sourcebook.css">' in html
    assert '<script defer src="sourcebook.js"></script>' in html
    assert "<title>T &lt;&amp;&gt;</title>" in html and 'lang="en"' in html
