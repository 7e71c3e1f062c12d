"""Blind strategies against the real book: what a student earns without reading (issue 12).

    python benchmarks/bench_blind.py [--students 400] [--seed 1951]

Each simulated student has a dealing seed (docs/contract.md §4), so "the first option" is the
first one *that student sees*. Every strategy is scored by the kit's own checkers over the items
it applies to, beside the expected score of answering at random on the same items (chance). A
strategy meets the target when it beats chance by at most 5 points. "first option in data
order" is what a worksheet of one version or a reader of the YAML sees; it is reported too.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sourcebook.items.check import compile_item  # noqa: E402
from sourcebook.items.shuffle import deal  # noqa: E402
from sourcebook.model.lesson import BookContext, load_all  # noqa: E402

MARGIN = 5.0


def seeds(n: int, rng: random.Random) -> list[str]:
    return [f"{rng.getrandbits(64):016x}" for _ in range(n)]


def universe(key):
    """What a student can pick from, by type."""
    item = key.item
    if item.type in ("single-choice", "multiple-select"):
        return item.option_ids()
    if item.type == "evidence":
        return sorted(key.allowed)
    if item.type == "mark-words":
        return list(range(len(key.tokens)))
    if item.type == "ordering":
        return list(key.order)
    if item.type == "matching":
        return list(key.rights)
    return []


def first_seen(key, seed):
    ids = universe(key)
    dealt = deal(seed, key.item.id, ids)
    return dealt[0] if key.item.type == "single-choice" else [dealt[0]]


STRATEGIES = {
    "first option each student sees": (("single-choice", "multiple-select"), first_seen),
    "first option in data order": (("single-choice", "multiple-select"),
                                   lambda key, seed: universe(key)[0] if key.item.type ==
                                   "single-choice" else [universe(key)[0]]),
    'always "False"': (("true-false",), lambda key, seed: False),
    'always "True"': (("true-false",), lambda key, seed: True),
    "select every option": (("multiple-select",), lambda key, seed: universe(key)),
    "tick every sentence": (("evidence",), lambda key, seed: universe(key)),
    "mark every word": (("mark-words",), lambda key, seed: universe(key)),
    "mark every other word": (("mark-words",), lambda key, seed: universe(key)[::2]),
    "leave orderings untouched": (("ordering",), lambda key, seed: key.start(seed)),
    "one choice for every match": (("matching",), lambda key, seed: {
        left: universe(key)[0] for left in key.lefts}),
}


def random_response(key, seed, rng: random.Random):
    t = key.item.type
    pool = universe(key)
    if t == "single-choice":
        return rng.choice(pool)
    if t == "true-false":
        return rng.random() < 0.5
    if t in ("multiple-select", "evidence", "mark-words"):
        picked = [x for x in pool if rng.random() < 0.5]
        return picked or [rng.choice(pool)]
    if t == "ordering":
        order = list(pool)
        rng.shuffle(order)
        return order
    if t == "matching":
        rights = list(pool)
        rng.shuffle(rights)
        return dict(zip(key.lefts, rights))
    return None


def mean_percent(keys, respond, students: list[str]) -> float:
    got = total = 0.0
    for key in keys:
        for seed in students:
            got += key.check(respond(key, seed), seed).score
            total += key.points
    return round(100 * got / total, 1) if total else 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1951)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    ctx = BookContext.load(ROOT)
    sets, problems = load_all(ctx)
    if problems:
        raise SystemExit("the book's exercises have problems; run `sourcebook check`")
    keys = [compile_item(i, ctx) for s in sets for i in s.items]
    students = seeds(args.students, rng)
    out = {}
    for name, (types, respond) in STRATEGIES.items():
        chosen = [k for k in keys if k.item.type in types]
        score = mean_percent(chosen, respond, students)
        chance = mean_percent(chosen, lambda k, s: random_response(k, s, rng), students)
        out[name] = {"items": len(chosen), "percent": score, "chance_percent": chance,
                     "beats_chance_by": round(score - chance, 1),
                     "met": score - chance <= MARGIN}
    print(json.dumps({"students": args.students, "margin_points": MARGIN,
                      "strategies": out}, indent=2))


if __name__ == "__main__":
    main()
