"""Benchmark the grader and the checker against hostile or huge input (issue 12, point 7).

    python benchmarks/bench_hostile.py            # every scenario, one JSON object on stdout
    python benchmarks/bench_hostile.py --one NAME # one scenario in this process (used inside)

Each scenario runs in a fresh Python process so its peak memory (ru_maxrss) is its own, and
the grader writes every output, as `sourcebook grade` does:

  valid_10000       10,000 valid answers files of the real book (all its items)  ≤ 30 s, ≤ 300 MB
  malformed_100     100 files of 0.6 MB that fail the schema in every entry     ≤ 10 s
  tiny_objects_50   50 valid files of 2 MB made of tiny JSON objects            ≤ 400 MB
  check_10mb_yaml   `sourcebook check` with a 10 MB exercise file               ≤ 10 s
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

TARGETS = {"valid_10000": {"seconds": 30, "peak_mb": 300}, "malformed_100": {"seconds": 10},
           "tiny_objects_50": {"peak_mb": 400}, "check_10mb_yaml": {"seconds": 10}}


def _envelope(ctx, name: str, responses: dict, notes=None) -> dict:
    return {"format": "sourcebook-answers", "version": 2,
            "book": {"id": ctx.book_id, "content_version": ctx.content_version},
            "student": {"name": name, "id": name.lower().replace(" ", "-")},
            "assignment": None, "seed": "0123456789abcdef",
            "exported_at": "2026-01-12T10:00:00.000Z", "responses": responses,
            "notes": notes or {}}


def _grade(folder: Path, ctx) -> dict:
    from sourcebook.grading.grade import grade
    t0 = time.perf_counter()
    # as a teacher runs it: every output written (gradebook, written work, chart, ...)
    report = grade([folder], ctx, folder.parent / "out", write=True)
    return {"seconds": round(time.perf_counter() - t0, 2), "graded": len(report.students),
            "not_graded": len(report.skipped)}


def make_valid(folder: Path, students: int = 10_000) -> None:
    from bench_grade import make_submissions
    from sourcebook.model.lesson import BookContext, load_all
    ctx = BookContext.load(ROOT)
    items = [i for s in load_all(ctx)[0] for i in s.items]
    folder.mkdir()
    make_submissions(ctx, items, students, 1951, folder)


def valid_10000(tmp: Path) -> dict:
    from sourcebook.model.lesson import BookContext
    folder = tmp / "in"
    # the files are made in another process, so the peak memory measured is the grader's
    subprocess.run([sys.executable, __file__, "--make-valid", str(folder)], check=True)
    return _grade(folder, BookContext.load(ROOT))


def malformed_100(tmp: Path) -> dict:
    from sourcebook.model.lesson import BookContext
    ctx = BookContext.load(ROOT)
    folder = tmp / "in"
    folder.mkdir()
    bad = {f"item-{k:05d}": {"response": "A" * 200, "attempts": "many", "first_at": "never"}
           for k in range(1_999)}                     # every entry breaks the schema twice
    for n in range(100):
        data = _envelope(ctx, f"Student {n}", bad)
        (folder / f"s{n:03d}.json").write_text(json.dumps(data))
    size = (folder / "s000.json").stat().st_size
    return {**_grade(folder, ctx), "file_mb": round(size / 1e6, 2)}


def tiny_objects_50(tmp: Path) -> dict:
    from sourcebook.model.lesson import BookContext
    ctx = BookContext.load(ROOT)
    folder = tmp / "in"
    folder.mkdir()
    tiny = [{"a": [0]} for _ in range(180_000)]          # ~2 MB of tiny objects
    responses = {"doc-01": {"response": tiny[:60_000], "attempts": 1, "history": []},
                 "doc-02": {"response": "A", "attempts": 1, "draft": tiny[60_000:]}}
    for n in range(50):
        data = _envelope(ctx, f"Student {n}", responses)
        (folder / f"s{n:03d}.json").write_text(json.dumps(data, separators=(",", ":")))
    size = (folder / "s000.json").stat().st_size
    return {**_grade(folder, ctx), "file_mb": round(size / 1e6, 2)}


def check_10mb_yaml(tmp: Path) -> dict:
    book = tmp / "book"
    shutil.copytree(ROOT, book, ignore=shutil.ignore_patterns(".git", ".venv", "_build",
                                                               "node_modules", "__pycache__"))
    lines = ["set: {id: big, title: A big set}", "items:"]
    rng = random.Random(1)
    n = 0
    while sum(map(len, lines)) < 10_000_000:
        n += 1
        lines.append(f"  - id: big-{n:06d}\n    type: true-false\n    skill: sourcing\n"
                     f"    objective: doc-1\n    prompt: Statement {rng.random()} is true.\n"
                     f"    answer: {'true' if n % 2 else 'false'}\n    explanation: Because.")
    (book / "exercises" / "zz-big.yml").write_text("\n".join(lines) + "\n")
    t0 = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "sourcebook", "check", "--root", str(book)],
                         capture_output=True, text=True)
    return {"seconds": round(time.perf_counter() - t0, 2), "items": n,
            "exit_code": run.returncode}


SCENARIOS = {f.__name__: f for f in (valid_10000, malformed_100, tiny_objects_50,
                                     check_10mb_yaml)}


def run_one(name: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = SCENARIOS[name](Path(tmp))
    # the grader runs in this process; children (the file maker, `sourcebook check`) count
    # only for the scenario that runs its subject in a child
    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    out["peak_mb"] = round(child_mb if name == "check_10mb_yaml" else self_mb, 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--one", choices=sorted(SCENARIOS))
    parser.add_argument("--make-valid", metavar="FOLDER")
    args = parser.parse_args()
    if args.make_valid:
        return make_valid(Path(args.make_valid))
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    results = {}
    for name in SCENARIOS:
        run = subprocess.run([sys.executable, __file__, "--one", name], capture_output=True,
                             text=True, timeout=1800)
        if run.returncode:
            results[name] = {"error": run.stderr[-2000:]}
            continue
        got = json.loads(run.stdout.strip().splitlines()[-1])
        got["met"] = all(got.get(k, float("inf")) <= v for k, v in TARGETS[name].items())
        got["targets"] = TARGETS[name]
        results[name] = got
        print(name, got, file=sys.stderr)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
