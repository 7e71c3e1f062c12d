"""The checker: every check vector (tests/contract/check_vectors.yml, the table the page's JS
also runs, tests/browser/test_parity.py), and properties that hold for any item and response."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import string

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from engine_support import MEMO, ROOT
from sourcebook.items.check import STATUSES, check, compile_item, perfect_response
from sourcebook.model.lesson import BookContext
from sourcebook.items.passage import passage_tokens
from sourcebook.items.registry import ITEM_TYPES, item_type
from sourcebook.items.schema import Item
from sourcebook.model.source import load_source

from .vectors import CHECK as VECTORS
from .vectors import ITEMS as ITEMS_BY_ID
from .vectors import response as vector_response

ITEM = TypeAdapter(Item)
SOURCE = load_source(MEMO, ROOT)
CTX = BookContext(root=ROOT, sources={MEMO: SOURCE}, variants=VECTORS["variants"],
                  default_source=MEMO)
ITEMS = list(ITEMS_BY_ID.values())


def test_vector_file_is_self_contained():
    assert VECTORS["format"] == "sourcebook-contract-check-vectors" and VECTORS["version"] == 2
    names = [v["name"] for v in VECTORS["vectors"]]
    assert len(names) == len(set(names)), "vector names must be unique"
    cases = [(v["item"], repr(v["response"]), v.get("seed")) for v in VECTORS["vectors"]]
    assert len(cases) == len(set(cases)), "two vectors give the same response to one item"
    for v in VECTORS["vectors"]:
        assert v["item"] in ITEMS_BY_ID, v["name"]
    for item in ITEMS:
        if item_type(item).needs_source:
            assert item.source == VECTORS["source"], item.id


def test_vectors_cover_every_type_and_status():
    types = {ITEMS_BY_ID[v["item"]].type for v in VECTORS["vectors"]}
    assert types == set(ITEM_TYPES)
    for t in types:
        statuses = {v["expect"]["status"] for v in VECTORS["vectors"]
                    if ITEMS_BY_ID[v["item"]].type == t}
        if t == "short-answer":
            assert {"recorded", "invalid", "unanswered"} <= statuses
        else:
            assert {"correct", "incorrect", "invalid", "unanswered"} <= statuses, t


@pytest.mark.parametrize("vector", VECTORS["vectors"], ids=lambda v: v["name"])
def test_vector(vector):
    item = ITEMS_BY_ID[vector["item"]]
    result = check(item, vector_response(vector), CTX, vector.get("seed"))
    expect = vector["expect"]
    assert result.status == expect["status"], result.reason
    assert math.isclose(result.score, expect["score"], abs_tol=5e-5)
    assert result.max == item.points
    assert result.correct is {"correct": True, "recorded": None}.get(expect["status"], False)
    if "feedback" in vector:
        assert [f for f in result.feedback if f != item.explanation] == vector["feedback"]
    if "explained" in vector:
        assert (item.explanation in result.feedback) is vector["explained"]
    if result.status == "invalid":
        assert result.reason
    if result.status != "correct" and item.type != "short-answer":
        assert item.explanation not in result.feedback, "explanation only when fully right"


def test_check_without_context_for_an_item_that_needs_none():
    sc = next(i for i in ITEMS if i.type == "single-choice")
    assert check(sc, "B").status == "correct"


def test_huge_responses_are_invalid_not_slow():
    big = "x" * 5_000_000
    for item in ITEMS:
        for response in (big, [big], {"text": big}, list(range(100_000)), {"1": big}):
            result = check(item, response, CTX)
            assert result.score == 0 and result.status in ("invalid", "incorrect"), item.id


def test_item_of_a_missing_source_is_invalid_with_a_reason():
    mw = next(i for i in ITEMS if i.type == "mark-words").model_copy(update={"source": "nope"})
    result = check(mw, [1], BookContext(sources={}))
    assert result.status == "invalid" and "nope" in result.reason


# --------------------------------------------------------------------------- properties

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(st.text(max_size=5), children, max_size=5),
    max_leaves=20)

# Values close to real responses, so the properties also reach the scoring code.
near_responses = st.one_of(
    st.sampled_from(["A", "B", "C", "D", "E", "e1", "p2.s3", "1951-01-12", "12 Jan 1951"]),
    st.lists(st.sampled_from(["A", "B", "C", "e1", "e2", "e3", "e4", "p2.s3", "p2.s5", "p1.s1",
                              "Cheju", "islands"]), max_size=6),
    st.lists(st.integers(min_value=-2, max_value=40), max_size=8),
    st.dictionaries(st.sampled_from(["1", "2", "3", "4"]),
                    st.none() | st.sampled_from(["1", "2", "3", "4", "5"]), max_size=4),
    st.fixed_dictionaries({"text": st.text(max_size=20)},
                          optional={"self": st.lists(st.booleans(), max_size=3)}))


@settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(item=st.sampled_from(ITEMS), response=json_values | near_responses)
def test_checker_never_raises(item, response):
    key = compile_item(item, CTX)
    result = key.check(response)      # the bare checker, without check()'s safety net
    assert result.status in STATUSES
    assert 0 <= result.score <= result.max == item.points
    assert (result.status == "invalid") == (result.reason is not None)
    if result.status == "correct":
        assert result.score == item.points and result.correct is True


@settings(deadline=None, max_examples=200)
@given(data=st.data())
def test_order_of_a_selection_does_not_change_the_score(data):
    item = data.draw(st.sampled_from([i for i in ITEMS if i.type in
                                      ("multiple-select", "evidence", "mark-words")]))
    if item.type == "multiple-select":
        pool = [o.id for o in item.options]
    elif item.type == "evidence":
        pool = [s.id for s in SOURCE.paragraph("p2").sentences] if item.scope else \
            [s.id for s in SOURCE.sentences]
    else:
        pool = list(range(len(passage_tokens(SOURCE, item.sentences))))
    chosen = data.draw(st.lists(st.sampled_from(pool), min_size=1, max_size=len(pool)))
    shuffled = data.draw(st.permutations(chosen))
    first, second = check(item, chosen, CTX), check(item, shuffled, CTX)
    assert (first.score, first.status) == (second.score, second.status)


words = st.text(alphabet=string.ascii_letters + "éø-’ ", min_size=1, max_size=12).filter(
    lambda w: any(c.isalpha() for c in w))
ids = st.text(alphabet=string.ascii_uppercase + string.digits, min_size=1, max_size=3)
points = st.sampled_from([0.5, 1, 2, 3, 7, 100])


@st.composite
def generated_items(draw):
    """Random items of every type (source-based ones drawn from the memo)."""
    kind = draw(st.sampled_from(["single-choice", "multiple-select", "true-false", "ordering",
                                 "matching", "cloze", "evidence", "mark-words", "date"]))
    base = {"id": "gen-01", "type": kind, "skill": "close-reading", "objective": "x",
            "prompt": "?", "explanation": "Because.", "points": draw(points), "source": MEMO}
    if kind in ("single-choice", "multiple-select"):
        opts = draw(st.lists(ids, min_size=2, max_size=8, unique=True))
        base["options"] = [{"id": o, "text": f"option {o}"} for o in opts]
        if kind == "single-choice":
            base["answer"] = draw(st.sampled_from(opts))
        else:
            base["answers"] = draw(st.lists(st.sampled_from(opts), min_size=1, unique=True))
    elif kind == "true-false":
        base["answer"] = draw(st.booleans())
    elif kind == "ordering":
        n = draw(st.integers(3, 10))
        base["entries"] = [{"id": f"e{k}", "text": f"entry {k}"}
                           for k in draw(st.permutations(range(n)))]
    elif kind == "matching":
        lefts = draw(st.lists(words, min_size=2, max_size=6, unique=True))
        rights = draw(st.lists(words, min_size=len(lefts), max_size=len(lefts) + 2, unique=True))
        base["pairs"] = [{"left": a, "right": b} for a, b in zip(lefts, rights)]
        base["distractors"] = rights[len(lefts):]
    elif kind == "cloze":
        blanks = draw(st.lists(st.lists(words, min_size=1, max_size=3), min_size=1, max_size=4))
        base["passage"] = " and ".join("[[" + "|".join(b) + "]]" for b in blanks)
    elif kind == "evidence":
        all_ids = [s.id for s in SOURCE.sentences]
        base["answers"] = draw(st.lists(st.sampled_from(all_ids), min_size=1, unique=True))
    elif kind == "mark-words":
        start = draw(st.integers(0, len(SOURCE.sentences) - 1))
        sentences = [s.id for s in SOURCE.sentences[start:start + draw(st.integers(1, 2))]]
        tokens = passage_tokens(SOURCE, sentences)
        phrases = []
        for _ in range(draw(st.integers(1, 3))):
            a = draw(st.integers(0, len(tokens) - 1))
            b = draw(st.integers(a + 1, min(a + 4, len(tokens))))
            phrases.append(" ".join(tokens[a:b]))
        base.update(sentences=sentences, phrases=phrases)
    elif kind == "date":
        base["answer"] = draw(st.dates(min_value=dt.date(1000, 1, 1)))  # the loader's range
    return ITEM.validate_python(base)


@settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(item=generated_items())
def test_a_perfect_response_scores_full_marks(item):
    if item.type == "mark-words":
        assume(all(normalise_words(p) for p in item.phrases))
    response = perfect_response(item, CTX)
    result = check(item, response, CTX)
    assert (result.status, result.score, result.max) == ("correct", item.points, item.points), \
        (response, result.reason)
    assert result.feedback[-1] == item.explanation


def normalise_words(text: str) -> str:
    from sourcebook.items.normalize import normalise
    return normalise(text)


@pytest.mark.parametrize("item", ITEMS, ids=lambda i: i.id)
def test_perfect_response_of_each_vector_item(item):
    response = perfect_response(item, CTX)
    result = check(item, response, CTX)
    if item.type == "short-answer":
        assert response is None
    else:
        assert result.status == "correct" and result.score == item.points


def test_every_permutation_of_a_multiple_select_answer_scores_the_same():
    ms = next(i for i in ITEMS if i.id == "v-ms3")
    scores = {check(ms, list(p), CTX).score for p in itertools.permutations(["A", "B", "C", "D"])}
    assert scores == {0.5}    # 3/3 right − 1/2 wrong
