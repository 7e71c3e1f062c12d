"""Benchmark `sourcebook grade`: 1,000 students x 60 items, synthetic answers from the real items.

    python benchmarks/bench_grade.py [--students 1000] [--items 60] [--seed 1951] [--check]

Prints one JSON object:
  responses_per_s      responses graded per second of the process's CPU time (reading,
                       validating and checking the files, plus item analysis), best of
                       --repeat runs; CPU time, so other work on a shared machine does not
                       distort it. The target is >= 50,000/s (--check exits 1 below it).
  responses_per_s_wall_clock, phases_seconds   the same run by the clock, phase by phase
  write_outputs_seconds   writing the CSVs, HTML and chart on top (mostly matplotlib)
  peak_mb              peak Python memory of a grading run (tracemalloc, in a separate run,
                       because tracing slows Python down)
Answers are deterministic for a given seed: each student has an ability; each item is answered
right with that probability, else wrongly or partly, and about 8% are left blank. If the book
has fewer items than asked for, items are reused under new ids (items_real says how many the
book has).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sourcebook.model.answers import new_answers, dump_answers_atomic  # noqa: E402
from sourcebook.items.check import perfect_response  # noqa: E402
from sourcebook.model.lesson import BookContext, load_all  # noqa: E402
from sourcebook.items.passage import passage_tokens  # noqa: E402
from sourcebook.grading.grade import grade  # noqa: E402
from sourcebook.grading.report import write_outputs  # noqa: E402

TARGET = 50_000


def book_items(ctx, n: int):
    sets, problems = load_all(ctx)
    if problems:
        raise SystemExit("the book's exercises have problems; run `sourcebook check`")
    real = [item for s in sets for item in s.items]
    items = list(real)
    copy = 0
    while len(items) < n:
        copy += 1
        for item in real[: n - len(items)]:
            items.append(item.model_copy(update={"id": f"{item.id}-x{copy}"}))
    return items[:n], len(real)


def wrong_response(item, ctx, rng: random.Random):
    """A plausible wrong or partly right response of the item's shape."""
    t = item.type
    if t == "single-choice":
        return rng.choice([o.id for o in item.options if o.id != item.answer])
    if t == "multiple-select":
        ids = [o.id for o in item.options]
        return rng.sample(ids, rng.randint(1, len(ids)))
    if t == "true-false":
        return not item.answer
    if t == "ordering":
        order = list(perfect_response(item, ctx))
        rng.shuffle(order)
        return order
    if t == "matching":
        n = len(item.pairs) + len(item.distractors)
        return {str(i): str(rng.randint(1, n)) for i in range(1, len(item.pairs) + 1)}
    if t == "cloze":
        return [rng.choice([alts[0], alts[0].upper(), "something", ""]) for alts in item.blanks()]
    if t == "evidence":
        source = ctx.sources[item.source]
        ids = [s.id for s in source.sentences if not item.scope or f"p{s.paragraph}" in item.scope]
        return rng.sample(ids, rng.randint(1, min(3, len(ids))))
    if t == "mark-words":
        n = len(passage_tokens(ctx.sources[item.source], item.sentences))
        return sorted(rng.sample(range(n), rng.randint(1, min(6, n))))
    if t == "date":
        return rng.choice(["1951-01-13", "12 Jan 1950", "January 21, 1951", "yesterday"])
    return {"text": "An answer of a few words " * rng.randint(1, 20), "self": None}


def right_response(item, ctx, rng: random.Random):
    if item.type == "short-answer":
        return {"text": "Because Washington was debating evacuation. " * rng.randint(1, 10),
                "self": [rng.random() < 0.7 for _ in item.rubric]}
    response = perfect_response(item, ctx)
    if item.type == "date":
        return rng.choice(["1951-01-12", "12 January 1951", "Jan. 12, 1951"]) \
            if str(item.answer) == "1951-01-12" else response
    if isinstance(response, list) and item.type in ("multiple-select", "evidence"):
        rng.shuffle(response)
    return response


def make_submissions(ctx, items, students: int, seed: int, folder: Path) -> None:
    rng = random.Random(seed)
    for s in range(students):
        ability = rng.betavariate(4, 2)
        responses = {}
        for item in items:
            if rng.random() < 0.08:
                continue
            make = right_response if rng.random() < ability else wrong_response
            responses[item.id] = make(item, ctx, rng)
        answers = new_answers(ctx.book_id, ctx.content_version, student_name=f"Student {s:04d}",
                              student_id=f"s{s:04d}", responses=responses,
                              exported_at=f"2026-01-{12 + s % 10:02d}T10:00:00.000Z")
        dump_answers_atomic(answers, folder / f"student-{s:04d}.json")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=1000)
    parser.add_argument("--items", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1951)
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs; the best counts")
    parser.add_argument("--check", action="store_true", help="exit 1 below the target")
    args = parser.parse_args()

    ctx = BookContext.load(args.root)
    items, real = book_items(ctx, args.items)
    with tempfile.TemporaryDirectory(prefix="bench-grade-") as tmp:
        folder, out = Path(tmp) / "submissions", Path(tmp) / "out"
        folder.mkdir()
        t = time.perf_counter()
        make_submissions(ctx, items, args.students, args.seed, folder)
        generate = time.perf_counter() - t

        one = SimpleNamespace(items=items)      # grade() takes sets; this is the padded one

        grade([folder], ctx, out, sets=[one], write=False)        # warm-up (imports, caches)
        runs, cpu = [], []
        for _ in range(args.repeat):
            c = time.process_time()
            report = grade([folder], ctx, out, sets=[one], write=False)
            cpu.append(time.process_time() - c)
            runs.append(report.timings)
        best = min(runs, key=lambda r: r["total"])
        t = time.perf_counter()
        write_outputs(report, out)
        write = time.perf_counter() - t

        tracemalloc.start()
        grade([folder], ctx, out, sets=[one], write=False)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

    responses = args.students * len(items)
    wall_rate = responses / best["total"]
    rate = responses / min(cpu)     # CPU time: what grading costs, whatever else the machine runs
    print(json.dumps({
        "students": args.students, "items": len(items), "items_real": real,
        "responses": responses, "seed": args.seed,
        "graded_students": len(report.students), "skipped": len(report.skipped),
        "grade_seconds": round(best["total"], 3),
        "phases_seconds": {k: round(v, 3) for k, v in best.items() if k != "total"},
        "responses_per_s": round(rate),
        "responses_per_s_wall_clock": round(wall_rate),
        "cpu_seconds": round(min(cpu), 3),
        "target_responses_per_s": TARGET, "meets_target": rate >= TARGET,
        "write_outputs_seconds": round(write, 3),
        "end_to_end_responses_per_s": round(responses / (best["total"] + write)),
        "peak_mb": round(peak / 1e6, 1),
        "generate_seconds": round(generate, 2),
        "python": sys.version.split()[0],
    }, indent=2))
    if args.check and rate < TARGET:
        sys.exit(f"below the target of {TARGET:,} responses/s")


if __name__ == "__main__":
    main()
