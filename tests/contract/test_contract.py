"""The contract vectors through the Python side: per-student dealing (items/shuffle.py), the
stretched hashes and encryption (items/crypto.py), the payload's shape (items/payload.py) and
the answers files. The check vectors' verdicts and scores are tests/contract/test_check_vectors.py.
tests/browser/test_parity.py runs the same vectors through the page's JS in Chromium."""

from __future__ import annotations

import hashlib
import json

import pytest

from sourcebook.items import crypto
from sourcebook.items.cloze import MAX_FORMS
from sourcebook.items.payload import build_payload
from sourcebook.items.shuffle import deal, fnv1a32, mix32, new_seed

from tests.browser.pages import vector_ctx
from .vectors import ANSWERS, CRYPTO, ITEMS


def test_fnv1a32_matches_the_published_values_and_the_vectors():
    assert fnv1a32("") == 0x811C9DC5 and fnv1a32("a") == 0xE40C292C
    assert fnv1a32("foobar") == 0xBF9CF968
    for v in CRYPTO["fnv1a32"]:
        assert fnv1a32(v["text"]) == v["expect"], v


@pytest.mark.parametrize("v", CRYPTO["deal"], ids=lambda v: f'{v["item"]}-{v["seed"]}')
def test_dealing(v):
    assert deal(v["seed"], v["item"], v["ids"], avoid_identity=v["avoid_identity"]) == v["expect"]
    # the deal does not depend on the order the ids come in (the page gets them shuffled)
    assert deal(v["seed"], v["item"], list(reversed(v["ids"]))) == deal(v["seed"], v["item"], v["ids"])


def test_mix32_and_an_even_deal():
    for v in CRYPTO["mix32"]:
        assert mix32(v["h"]) == v["expect"]
    # every order of four one-letter options is dealt, about equally often
    counts = {}
    for n in range(12_000):
        order = tuple(deal(f"{n * 7919:016x}", "doc-01", ["A", "B", "C", "D"]))
        counts[order] = counts.get(order, 0) + 1
    assert len(counts) == 24 and min(counts.values()) > 350 and max(counts.values()) < 650


def test_an_ordering_never_starts_solved_and_seeds_are_fresh():
    ids = ["a", "b", "c"]
    starts = {tuple(deal(f"{n:016x}", "x", ids, avoid_identity=True)) for n in range(300)}
    assert tuple(ids) not in starts and len(starts) == 5
    assert len({new_seed() for _ in range(50)}) == 50 and len(new_seed()) == 16


def test_pbkdf2_is_the_standard_one_and_stretch_matches_the_vectors():
    # RFC 7914 §11, PBKDF2-HMAC-SHA256 P="passwd", S="salt", c=1
    assert hashlib.pbkdf2_hmac("sha256", b"passwd", b"salt", 1, 64).hex().startswith("55ac046e56e3089f")
    for v in CRYPTO["stretch"]:
        s = crypto.stretch(v["book"], v["item"], v["part"], v["value"], v["it"])
        assert (s.check, s.secret) == (v["check"], v["secret"]), v


def test_encryption_round_trips_pads_and_refuses_a_wrong_key():
    assert crypto.joint_key(CRYPTO["joint_key"]["secrets"]) == CRYPTO["joint_key"]["key"]
    for v in CRYPTO["decrypt"]:
        assert crypto.decrypt(v["ciphertext"], v["key"]) == v["text"]
        assert crypto.decrypt(v["ciphertext"], "0" * 64) is None
        assert len(crypto.encrypt(v["text"], v["key"], v["width"])) == len(v["ciphertext"])
    short, long = crypto.encrypt("", "k", 64), crypto.encrypt("x" * 60, "k", 64)
    assert len(short) == len(long)


def test_slow_hashes_are_slow_enough_for_the_benchmark_to_hold():
    """SLOW is set from benchmarks/bench_recovery.py (Chromium); Python's PBKDF2 runs at about
    the same speed, so the iteration count alone must keep a hash in the 5-300 ms band."""
    assert crypto.FAST == 1000 and crypto.SLOW >= 10_000


def _slow_items():
    return [i for i in ITEMS.values() if i.type in ("cloze", "date")]


def test_payload_of_every_vector_item_follows_the_contract():
    ctx = vector_ctx()
    for item in ITEMS.values():
        p = build_payload(item, ctx, set_id="s", n=1)
        assert {"id", "type", "book", "set", "points", "source", "prompt", "hint", "explanation",
                "n"} <= set(p), item.id
        if item.type in ("single-choice", "multiple-select"):
            assert len(p["answers"]["h"]) == len(p["options"]) == len(p["feedback"])
        if item.type == "true-false":
            assert sorted(p["feedback"]) == ["false", "true"] and len(p["answers"]["h"]) == 2
        if item.type in ("cloze",):
            assert all(len(b["h"]) == MAX_FORMS == len(b["k"]) and b["it"] == crypto.SLOW for b in p["blanks"])
        if item.type == "date":
            assert p["answers"]["it"] == crypto.SLOW
        if item.type == "evidence":
            assert len(p["answers"]["h"]) == len(p["sentences"])
        if item.type == "mark-words":
            assert len(p["targets"]["h"]) == len(p["tokens"]) == len(p["pieces"])
        if item.type == "ordering":
            n = len(p["entries"])
            assert len(p["pairs"]["h"]) == n * (n - 1) // 2
            assert [e["id"] for e in p["entries"]] != [e.id for e in item.entries]


# --------------------------------------------------------------------------- answers files

WHOLE_FILE = [v for v in ANSWERS["vectors"]
              if (v["expect"]["ok"] and not v["expect"]["skipped"])
              or (not v["expect"]["ok"] and v["expect"]["error"] != "it holds answers for another book")]


@pytest.mark.parametrize("v", WHOLE_FILE, ids=lambda v: v["name"])
def test_the_graders_reader_accepts_and_refuses_what_the_page_does(v, tmp_path):
    """The same files through model/answers.py (the lead's): a file the page imports whole is
    one the grader reads, and a file the page refuses as a whole the grader refuses too.
    (Entries the page leaves out one by one, the grader flags; another book's file it reports
    at grading, against its own book.)"""
    from sourcebook.errors import SourcebookError
    from sourcebook.model.answers import load_answers
    path = tmp_path / "a.json"
    path.write_text(v.get("text") or json.dumps(v["file"]), encoding="utf-8")
    if v["expect"]["ok"]:
        load_answers(path)
    else:
        with pytest.raises(SourcebookError):
            load_answers(path)
