"""The static payload: answer-free, deterministic, and unlockable only by the right response."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from pydantic import TypeAdapter

from sourcebook.items.check import perfect_response
from sourcebook.model.lesson import BookContext
from sourcebook.items.normalize import normalise
from sourcebook.items.schema import Item
from sourcebook.items.crypto import FAST, SLOW, decrypt, joint_key, sha256_hex, stretch
from sourcebook.items.cloze import MAX_FORMS, cloze_accepted
from sourcebook.items.mark_words import mark_tokens
from sourcebook.items.page_parts import display_order, inline
from sourcebook.items.payload import build_payload
from sourcebook.items.short_answer import recorded_key
from sourcebook.model.source import load_source

from conftest import MEMO, ROOT

VECTORS = yaml.safe_load((ROOT / "tests" / "contract" / "check_vectors.yml").read_text("utf-8"))
VCTX = BookContext(root=ROOT, book_id="test-book", content_version="1",
                   sources={MEMO: load_source(MEMO, ROOT)}, variants=VECTORS["variants"],
                   default_source=MEMO)
VITEMS = [TypeAdapter(Item).validate_python(raw) for raw in VECTORS["items"]]


def all_items(book):
    ctx, items = book
    return [(ctx, i) for i in items] + [(VCTX, i) for i in VITEMS]


def secrets(item, ctx) -> list[str]:
    """Every text of the item that must not appear in plain text in the page."""
    out = [item.explanation]
    out += [o.feedback for o in getattr(item, "options", []) or [] if o.feedback]
    out += [t for t in (getattr(item, "feedback_true", None), getattr(item, "feedback_false", None))
            if t]
    if item.type == "short-answer":
        out += list(item.rubric) + ([item.exemplar] if item.exemplar else [])
    if item.type == "cloze":
        out += [v for blank in cloze_accepted(item, ctx) for v in blank]
    return out


HEX32 = re.compile(r"^[0-9a-f]{32}$")


def opened_explanation(item, p, right, ctx):
    """What the page does with a fully right response, in Python: the secrets of the response's
    values, joined, open the explanation (contract §1-2)."""
    book = ctx.book_id
    st = lambda part, value, it: stretch(book, item.id, part, value, it)  # noqa: E731
    match item.type:
        case "single-choice":
            secrets = [st("option", right, FAST).secret]
        case "true-false":
            secrets = [st("option", "true" if right else "false", FAST).secret]
        case "multiple-select":
            secrets = [st("option", o, FAST).secret for o in sorted(set(right))]
        case "evidence":
            secrets = [st("sentence", o, FAST).secret for o in sorted(set(right))]
        case "ordering":
            secrets = [st("pair", f"{a}>{b}", FAST).secret for a, b in zip(right, right[1:])]
        case "matching":
            secrets = [st(f"match{n}", right[str(n)], FAST).secret
                       for n in range(1, len(item.pairs) + 1)]
        case "date":
            secrets = [st("date", right, SLOW).secret]
        case "cloze":
            secrets = []
            for j, text in enumerate(right, start=1):
                x = st(f"blank{j}", normalise(text), SLOW)
                secrets.append(decrypt(p["blanks"][j - 1]["k"][x.check], x.secret))
        case "mark-words":
            # every word of every phrase: the marked target words' secrets, in passage order
            secrets = [x.secret for x in (st("token", str(t), FAST) for t in sorted(right))
                       if x.check in p["pieces"]]
        case _:
            raise AssertionError(item.type)
    return decrypt(p["explanation"], joint_key(secrets))


def test_payloads_are_json_and_answer_free(book):
    for ctx, item in all_items(book):
        p = build_payload(item, ctx)
        text = json.dumps(p, ensure_ascii=False)
        assert json.loads(text) == p
        shown = ("prompt", "hint", "options", "entries", "lefts", "rights", "segments", "sentences",
                 "tokens")                                 # what the page shows anyway
        text = json.dumps({k: v for k, v in p.items() if k not in shown}, ensure_ascii=False)
        for secret in secrets(item, ctx):
            assert len(secret) < 4 or secret not in text, (item.id, secret)
        assert "answer" not in p and "key" not in p
        for field in ("answers", "pairs", "targets"):
            if field in p:
                assert p[field]["it"] in (FAST, SLOW)
                assert all(HEX32.match(h) for h in p[field]["h"])
                if item.type != "matching":               # matching: one per left, in order
                    assert p[field]["h"] == sorted(p[field]["h"])


def test_the_right_response_opens_the_explanation_and_nothing_else_does(book):
    for ctx, item in all_items(book):
        if item.type == "short-answer":
            continue
        right = perfect_response(item, ctx)
        p = build_payload(item, ctx)
        assert opened_explanation(item, p, right, ctx) == inline(item.explanation), item.id
        assert decrypt(p["explanation"], joint_key([])) is None


def test_cloze_blanks_open_the_canonical_secret_with_any_accepted_form():
    book = VCTX.book_id
    clz = next(i for i in VITEMS if i.id == "v-clz")
    p = build_payload(clz, VCTX)
    for j, (blank, accepted) in enumerate(zip(p["blanks"], cloze_accepted(clz, VCTX)), start=1):
        assert blank["it"] == SLOW and len(blank["h"]) == len(blank["k"]) == MAX_FORMS
        assert len({len(c) for c in blank["k"].values()}) == 1
        canon = stretch(book, clz.id, f"blank{j}", normalise(clz.blanks()[j - 1][0]), SLOW).secret
        for form in accepted:
            x = stretch(book, clz.id, f"blank{j}", form, SLOW)
            assert decrypt(blank["k"][x.check], x.secret) == canon
    assert {"cheju do", "jeju", "jeju island"} <= set(cloze_accepted(clz, VCTX)[0])


def test_mark_words_any_token_of_a_phrase_finds_it():
    book = VCTX.book_id
    mw = next(i for i in VITEMS if i.id == "v-mw")
    p = build_payload(mw, VCTX)
    tokens, spans = mark_tokens(mw, VCTX)
    assert p["tokens"] == tokens and len(p["pieces"]) == len(tokens) == len(p["targets"]["h"])
    assert len({len(c) for c in p["pieces"].values()}) == 1          # filler looks the same
    for k, span in enumerate(spans):
        for t in span:
            x = stretch(book, mw.id, "token", str(t), FAST)
            assert decrypt(p["pieces"][x.check], x.secret).startswith(f"{k}:")
    outside = stretch(book, mw.id, "token", "0", FAST)
    assert outside.check not in p["pieces"]


def test_every_option_has_feedback_of_one_length_opened_only_by_itself():
    sc = next(i for i in VITEMS if i.id == "v-sc")
    p = build_payload(sc, VCTX)
    assert set(p["feedback"]) == {"A", "B", "C", "D"}
    assert len({len(c) for c in p["feedback"].values()}) == 1
    a = stretch(VCTX.book_id, sc.id, "option", "A", FAST).secret
    b = stretch(VCTX.book_id, sc.id, "option", "B", FAST).secret
    assert decrypt(p["feedback"]["A"], a) == "Acheson received it."
    assert decrypt(p["feedback"]["B"], b) == ""          # no feedback written: an empty text
    assert decrypt(p["feedback"]["C"], a) is None


@pytest.mark.parametrize("item_id, other", [("v-sc", {"answer": "C"}), ("v-tf", {"answer": True}),
                                            ("v-ms", {"answers": ["B", "D", "A"]}),
                                            ("v-ev", {"answers": ["p2.s1"]}),
                                            ("v-dt", {"answer": "1950-06-25"})])
def test_nothing_in_the_payload_depends_on_which_answer_is_right(item_id, other):
    raw = next(r for r in VECTORS["items"] if r["id"] == item_id)
    a = build_payload(TypeAdapter(Item).validate_python(raw), VCTX)
    b = build_payload(TypeAdapter(Item).validate_python({**raw, **other}), VCTX)

    def shape(x):
        if isinstance(x, dict):
            return {k: shape(v) for k, v in sorted(x.items())}
        if isinstance(x, list):
            return [shape(v) for v in x]
        return type(x).__name__ + (str(len(x)) if isinstance(x, str) else "")
    assert shape(a) == shape(b)


def test_short_answer_rubric_is_out_of_plain_text():
    sa = next(i for i in VITEMS if i.type == "short-answer")
    p = build_payload(sa, VCTX)
    key = recorded_key(VCTX.book_id, sa.id)
    assert key == sha256_hex(f"{VCTX.book_id}|{sa.id}|rubric|recorded")
    assert [decrypt(r, key) for r in p["rubric"]] == [inline(r) for r in sa.rubric]
    assert "Names the evacuation" not in json.dumps(p) and p["maxlength"] == 20_000


def test_ordering_entries_are_never_in_the_right_order(book):
    for ctx, item in all_items(book):
        if item.type == "ordering":
            p1, p2 = build_payload(item, ctx), build_payload(item, ctx)
            assert p1 == p2
            ids = [e["id"] for e in p1["entries"]]
            assert ids != perfect_response(item, ctx)
            assert sorted(ids) == sorted(perfect_response(item, ctx))
    assert display_order("x", ["a", "b", "c"], avoid_identity=True) != ["a", "b", "c"]
    assert display_order("x", ["a"]) == ["a"]


def test_payload_salt_differs_by_book_and_item():
    sc = next(i for i in VITEMS if i.id == "v-sc")
    other = BookContext(**{**VCTX.__dict__, "book_id": "another-book", "_index": None})
    assert build_payload(sc, VCTX)["answers"] != build_payload(sc, other)["answers"]


def test_inline_escapes_author_text():
    assert inline("<script>x</script> **bold** *it* `c`") == \
        "&lt;script&gt;x&lt;/script&gt; <strong>bold</strong> <em>it</em> <code>c</code>"
    assert inline("2 * 3 * 4") == "2 * 3 * 4"
