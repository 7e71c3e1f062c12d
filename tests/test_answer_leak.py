"""No answer key in the student's site: build the student edition and search every file of it.

What must never appear in plain text anywhere in the site (HTML, JS, JSON, search index):
explanations, per-option feedback, true/false feedback and short-answer exemplars. In each
item's payload: no accepted cloze answer, no date answer, no marked phrase, and nothing but
salted hashes under any answer-like key. Ordering items are never shown in the right order.
"""

from __future__ import annotations

import html
import json
import re

import pytest

from sourcebook.items.check import perfect_response
from sourcebook.items.normalize import expand_variants

pytestmark = pytest.mark.build
HASH = re.compile(r"^[0-9a-f]{16,64}$")
ANSWER_KEYS = re.compile(r"answer|accept|correct|solution|right", re.I)


def plain(text: str) -> str:
    """Markup-free, whitespace-folded text as a reader would see it."""
    text = re.sub(r"\{[a-z:]+\}`([^`<]*?)(?:\s*<[^>]+>)?`", r"\1", text)   # MyST roles
    text = re.sub(r"[*_`]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def fragments(secret: str) -> list[str]:
    """Three 40-character windows of a secret, enough to find it even if part is reworded."""
    s = plain(secret)
    if len(s) < 40:
        return [s] if len(s) >= 12 else []
    mid = len(s) // 2
    return [s[:40], s[mid - 20:mid + 20], s[-40:]]


@pytest.fixture(scope="module")
def site_text(built):
    site = built("student")
    texts = {}
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".js", ".json", ".txt", ".css", ".xml"}:
            raw = path.read_text(encoding="utf-8", errors="replace")
            texts[path.relative_to(site).as_posix()] = re.sub(r"\s+", " ", html.unescape(raw))
    return texts


@pytest.fixture(scope="module")
def payloads(site_text):
    """item id -> its JSON payload, from every exercise set on every page."""
    found = {}
    for text in site_text.values():
        for blob in re.findall(r'<script type="application/json" class="sb-data">(.*?)</script>', text):
            for item_id, data in json.loads(blob).get("items", {}).items():
                found[item_id] = data
    return found


def secrets(item) -> list[str]:
    out = [item.explanation]
    out += [o.feedback for o in getattr(item, "options", []) or [] if o.feedback]
    out += [getattr(item, "feedback_true", None) or "", getattr(item, "feedback_false", None) or ""]
    out += [getattr(item, "exemplar", None) or ""]
    return [s for s in out if s]


def test_every_item_is_in_the_site(book, payloads):
    _, items = book
    missing = [i.id for i in items if i.id not in payloads]
    assert missing == []


def test_no_explanation_feedback_or_exemplar_in_plain_text(book, site_text):
    """A secret leaks when its start, middle and end all stand in one file (a single window
    can match ordinary prose: explanations quote the memo and the chapters)."""
    _, items = book
    leaks = []
    for item in items:
        for secret in secrets(item):
            frags = fragments(secret)
            for name, text in site_text.items():
                if frags and all(f in text for f in frags):
                    leaks.append((item.id, frags[0], name))
    assert leaks == []


def _walk(data, path=()):
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _walk(v, (*path, str(k)))
    elif isinstance(data, list):
        for v in data:
            yield from _walk(v, path)
    else:
        yield path, data


def test_answer_like_fields_hold_only_hashes(payloads):
    bad = []
    for item_id, data in payloads.items():
        for path, value in _walk(data):
            if any(ANSWER_KEYS.search(p) for p in path) and isinstance(value, str) \
                    and not HASH.match(value) and path[-1] not in ("type", "book", "id"):
                bad.append((item_id, "/".join(path), value[:40]))
    assert bad == []


def test_typed_answers_are_not_in_the_payload(book, payloads):
    ctx, items = book
    leaks = []
    for item in items:
        blob = json.dumps(payloads[item.id], ensure_ascii=False).lower()
        if item.type == "cloze":
            words = [w for blank in item.blanks() for w in expand_variants(blank, ctx.variants)]
        elif item.type == "date":
            a = item.answer
            words = [a.isoformat(), f"{a.day} {a:%B %Y}", f"{a:%B} {a.day}, {a.year}"]
        elif item.type == "mark-words":
            words = [p for p in item.phrases if " " in p]
        else:
            continue
        leaks += [(item.id, w) for w in words if len(w) > 2 and f'"{w.lower()}"' in blob
                  or (" " in w and w.lower() in blob)]
    assert leaks == []


def test_orderings_are_never_shown_in_the_right_order(book, payloads):
    ctx, items = book
    for item in items:
        if item.type == "ordering":
            shown = payloads[item.id].get("order") or payloads[item.id].get("entries")
            right = perfect_response(item, ctx)
            shown_ids = [e["k"] if isinstance(e, dict) and "k" in e else e for e in shown]
            assert shown_ids != right, item.id
