"""Standalone test pages made with render/static.py (the assets copied beside them), and the
student's moves as Playwright actions, one per item type."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import TypeAdapter

from sourcebook.model.lesson import BookContext, load_all
from sourcebook.items.schema import Item
from sourcebook.model.guide import guide_path, load_guide
from sourcebook.render import static
from sourcebook.render.minify import minified
from sourcebook.model.source import load_source

ROOT = Path(__file__).resolve().parents[2]
MEMO = "rusk-1951-01-12-continued-resistance"
VECTORS = yaml.safe_load((ROOT / "tests" / "contract" / "check_vectors.yml").read_text("utf-8"))
ITEM = TypeAdapter(Item)


def vector_ctx() -> BookContext:
    """The context the vectors are defined in (their own variants), under a test book id."""
    return BookContext(root=ROOT, book_id="widget-test", content_version="1",
                       sources={MEMO: load_source(MEMO, ROOT)}, variants=VECTORS["variants"],
                       default_source=MEMO)


def vector_items() -> list:
    return [ITEM.validate_python(raw) for raw in VECTORS["items"]]


def write_page(folder: Path, body: str, title: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    # the assets as the book ships them (minified), so these tests exercise the shipped code
    for asset in static.asset_paths():
        (folder / asset.name).write_text(minified(asset), encoding="utf-8")
    (folder / "index.html").write_text(static.page(body, title), encoding="utf-8")
    return folder


def reader_html(ctx) -> str:
    source = ctx.sources[MEMO]
    return static.render_reader(source, load_guide(guide_path(MEMO, ROOT), source), ctx)


def widget_page(folder: Path) -> tuple[Path, list, BookContext]:
    """Every vector item (all ten types) as one set, then the close reader."""
    ctx, items = vector_ctx(), vector_items()
    body = static.render_items(items, ctx, set_id="widgets", title="Every kind of question",
                               source=MEMO) + reader_html(ctx)
    return write_page(folder, body, "Widget test page"), items, ctx


def book_page(folder: Path) -> tuple[Path, list, BookContext]:
    """The book's own exercise sets and reader, as the lead's directives render them."""
    ctx = BookContext.load(ROOT)
    sets, problems = load_all(ctx)
    assert not problems, problems
    body = reader_html(ctx) + "".join(static.render_exercise_set(s, ctx) for s in sets)
    return write_page(folder, body, "The book's exercises"), sets, ctx


# --------------------------------------------------------------------------- a student's moves


def answer(li, item, response) -> None:
    """Put `response` into the item's controls the way a student would (mouse and typing)."""
    t = item.type
    if t in ("single-choice", "true-false"):
        li.locator(f'.sb-q input[value="{str(response).lower() if t == "true-false" else response}"]'
                   ).check()
    elif t in ("multiple-select", "evidence"):
        for box in li.locator(".sb-q input[type=checkbox]").all():
            box.set_checked(box.get_attribute("value") in response)
    elif t == "ordering":
        for i, k in enumerate(response):
            while True:
                keys = li.locator(".sb-ord > li").evaluate_all("els => els.map(e => e.dataset.k)")
                if keys.index(k) == i:
                    break
                li.locator(f'.sb-ord > li[data-k="{k}"] button[data-d="-1"]').click()
    elif t == "matching":
        for sel in li.locator("select").all():
            sel.select_option(response.get(sel.get_attribute("data-l"), ""))
    elif t == "cloze":
        for box, text in zip(li.locator(".sb-blank").all(), response):
            box.fill(text)
    elif t == "mark-words":
        for word in li.locator(".sb-w").all():
            want = int(word.get_attribute("data-i")) in response
            if (word.get_attribute("aria-pressed") == "true") != want:
                word.click()
    elif t == "date":
        li.locator(".sb-d").fill(response)
    elif t == "short-answer":
        li.locator(".sb-t").fill(response["text"])
    else:
        raise AssertionError(t)


def wrong_response(item, ctx):
    """A well-formed response that is not fully right."""
    from sourcebook.items.check import perfect_response
    right = perfect_response(item, ctx)
    t = item.type
    if t == "single-choice":
        return next(o.id for o in item.options if o.id != item.answer)
    if t == "true-false":
        return not item.answer
    if t == "multiple-select":
        return [next(o.id for o in item.options if o.id not in item.answers)]
    if t == "ordering":
        return list(reversed(right))
    if t == "matching":
        return {k: "1" if k != "1" else "2" for k in right}
    if t == "cloze":
        return ["xyz"] * len(right)
    if t == "evidence":
        source = ctx.sources[item.source]
        scope = [s.id for s in source.sentences if not item.scope or f"p{s.paragraph}" in item.scope]
        return [next(s for s in scope if s not in item.answers)]
    if t == "mark-words":
        return [0] if 0 not in right else [max(right) + 1]
    if t == "date":
        return "13 January 1951"
    raise AssertionError(t)


# --------------------------------------------------------------------------- checking is async

SEED = "9f86d081884c7d65"     # the seed test pages start with (a fresh browser makes its own)


def seed_script(book: str = "widget-test", seed: str = SEED) -> str:
    """An init script giving a fresh browser this seed, so dealt orders are known in tests."""
    return (f"if (!localStorage.getItem('sourcebook:{book}:seed')) "
            f"localStorage.setItem('sourcebook:{book}:seed', JSON.stringify('{seed}'));")


def settle(li) -> None:
    """Wait until the item's check (hashing, decryption) is on screen."""
    li.page.wait_for_function("el => !el.hasAttribute('data-checking')", arg=li.element_handle())


def press_check(li) -> None:
    """Press the item's Check button and wait for the verdict (WebCrypto is asynchronous)."""
    li.locator(".sb-check").click()
    settle(li)
