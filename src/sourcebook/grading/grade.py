"""Grade many students' answer files: which files count, each student's score, item analysis.

    report = grade([folder_or_files...], ctx, out_dir)      # writes the CSVs, HTML and chart
    report.exit_code        # 0: every file graded; 1: some files were skipped (listed, with why)

Which files are read and how is `grading/files.py`; which file counts for each student is
`grading/collect.py`; which checked response counts is the scoring policy (`grading/policy.py`);
the writing of the outputs is `grading/report.py`.
"""

from __future__ import annotations

import os
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sourcebook.errors import SourcebookError
from sourcebook.grading.collect import Oversized, Submission, collect
from sourcebook.grading.files import Skipped  # noqa: F401  (re-exported for the CLI and tests)
from sourcebook.grading.policy import Policy, parse_policy, responses_to_score, settle
from sourcebook.items.check import Key, Result, compile_item
from sourcebook.model.answers import MAX_BYTES

__all__ = ["grade", "collect", "score", "analyse", "GradeReport", "Skipped", "StudentResult",
           "ItemStats", "display_text", "parse_policy"]

SCORED_OUT = ("short-answer",)      # recorded for the instructor, never in the totals
GROUP_SHARE = 0.27                  # Kelley's upper and lower groups for discrimination


@dataclass
class StudentResult:
    name: str
    student_id: str
    file: str
    results: dict[str, Result]
    total: float
    max: float
    attempts: dict[str, int] = field(default_factory=dict)
    drafts: dict[str, Any] = field(default_factory=dict)     # item -> unchecked answer
    assignment: str | None = None
    chapters: dict[str, tuple[float, float]] = field(default_factory=dict)  # chapter -> (score, max)

    @property
    def percent(self) -> float:
        return 100.0 * self.total / self.max if self.max else 0.0


@dataclass
class ItemStats:
    id: str
    type: str
    points: float
    students: int
    answered: int
    invalid: int
    percent_correct: float | None          # None for recorded (short-answer) items
    mean_percent: float | None
    discrimination: float | None
    top_wrong: tuple[str, int] | None
    options: list[tuple[str, str, int, bool]] = field(default_factory=list)  # id, text, n, right


@dataclass
class GradeReport:
    students: list[StudentResult]
    skipped: list[Skipped]
    notes: list[Skipped]                    # not skipped, but worth knowing (unknown item ids)
    items: list[ItemStats]
    item_ids: list[str]
    outputs: dict[str, Path] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    book_id: str = ""
    content_version: str = ""
    short_answers: dict[str, dict[str, Any]] = field(default_factory=dict)  # file -> item -> answer
    policy: str = "last"
    assignment: Any = None                      # grading.assignments.Assignment or None
    chapter_of: dict[str, str] = field(default_factory=dict)     # item -> chapter (lesson order)
    set_titles: dict[str, str] = field(default_factory=dict)     # chapter -> its set's title
    notes_text: dict[str, dict] = field(default_factory=dict)    # file -> the student's notes
    marked: bool = False                        # the teacher's rubric marks are in the totals

    @property
    def chapters(self) -> list[str]:
        return list(dict.fromkeys(self.chapter_of[i] for i in self.item_ids))

    @property
    def scored_ids(self) -> list[str]:
        return [i.id for i in self.items if self.marked or i.type not in SCORED_OUT]

    @property
    def exit_code(self) -> int:
        return 1 if self.skipped else 0


def display_text(text: str, limit: int = 120) -> str:
    """A name as it may be shown: NFC, no control or bidi-override characters, one line."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in text
                   if unicodedata.category(c) not in ("Cf", "Cs", "Co", "Cn"))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


# --------------------------------------------------------------------------- scoring

def _memo_key(response: Any, seed: str | None = None):
    """A hashable stand-in for a response, exact in type (so 1, 1.0 and true never share one),
    or None when the response is not worth caching. An ordering's verdict depends on the
    student's seed too (their starting order is not an answer)."""
    kind = type(response)
    if kind is str or kind is bool or kind is int:
        return kind, response
    if kind is list and len(response) <= 12:
        if all(type(x) is str for x in response):
            return "str-list", seed, *response
        if all(type(x) is int for x in response):
            return "int-list", *response
    return None


def score(submissions: list[Submission], keys: dict[str, Key], *, shown=str,
          policy: Policy | None = None) -> list[StudentResult]:
    """Each student's results under `policy` (items not answered are `unanswered`).

    This is the grader's hot loop (students x items): keep it free of per-response overhead."""
    policy = policy or Policy()
    scored_ids = [i for i, k in keys.items() if k.item.type not in SCORED_OUT]
    max_total = sum(keys[i].points for i in scored_ids)
    blank = {i: k.unanswered() for i, k in keys.items()}   # shared: results are read-only here
    pairs = list(keys.items())
    memo: dict[str, dict] = {i: {} for i in keys}   # students often give the same response
    canon: dict = {}       # one Result object per item and verdict, shared by every student
    students = []
    for sub in submissions:
        responses = sub.answers.responses
        seed = sub.answers.seed
        results, attempts, drafts = {}, {}, {}
        for item_id, key in pairs:
            record = responses.get(item_id)
            if record is None:
                results[item_id] = blank[item_id]
                continue
            attempts[item_id] = record.attempts
            if record.has_draft:
                drafts[item_id] = record.draft
            if record.response is None and not record.history:
                results[item_id] = blank[item_id]
                continue
            seen = memo[item_id]
            found = []
            for response in responses_to_score(policy, record):
                memo_key = _memo_key(response, seed if key.item.type == "ordering" else None)
                result = seen.get(memo_key) if memo_key is not None else None
                if result is None:
                    result = _mark(key, response, seed)
                    if memo_key is not None:
                        seen[memo_key] = result
                found.append(result)
            results[item_id] = _shared(canon, item_id, settle(policy, found, record.attempts))
        # what item analysis still needs of this file is the last checked responses: the
        # records (history, attempts, timestamps) go, so memory does not grow with them
        sub.answers.responses = {i: r.response for i, r in responses.items()}
        total = round(sum(results[i].score for i in scored_ids), 4)
        students.append(StudentResult(display_text(sub.answers.student_name),
                                      display_text(sub.answers.student_id),
                                      shown(sub.path), results, total, max_total, attempts,
                                      drafts, sub.answers.assignment))
    students.sort(key=lambda s: (s.name.lower(), s.student_id, s.file))
    return students


def apply_marks(students: list[StudentResult], keys: dict[str, Key], marks: dict) -> None:
    """Put the teacher's rubric marks on the written answers and count them in the totals."""
    from sourcebook.grading.written import student_key
    written = [i for i, k in keys.items() if k.item.type in SCORED_OUT]
    for s in students:
        who = student_key(s.name, s.student_id)
        for item_id in written:
            mark = marks.get((who, item_id))
            if mark is not None:
                s.results[item_id] = Result(mark, keys[item_id].points, None, "marked")
        s.total = round(s.total + sum(s.results[i].score for i in written
                                      if s.results[i].status == "marked"), 4)
        s.max = round(s.max + sum(keys[i].points for i in written), 4)


def chapter_totals(student: StudentResult, keys: dict[str, Key], chapter_of: dict[str, str],
                   *, marked: bool = False) -> dict[str, tuple[float, float]]:
    """(score, max) per chapter, over the automatically marked items (and the teacher's
    marks on written answers when `marked`)."""
    out: dict[str, list[float]] = {}
    for item_id, key in keys.items():
        if key.item.type in SCORED_OUT and not marked:
            continue
        row = out.setdefault(chapter_of[item_id], [0.0, 0.0])
        row[0] += student.results[item_id].score
        row[1] += key.points
    return {c: (round(a, 4), round(b, 4)) for c, (a, b) in out.items()}


def _shared(canon: dict, item_id: str, result: Result) -> Result:
    """The grader keeps a verdict, not its feedback: one Result per (item, status, score) for
    the whole class (10,000 students x 100 items would otherwise be a million objects). An
    invalid response keeps its own, with the reason."""
    if result.status == "invalid":
        return result
    key = (item_id, result.status, result.score)
    found = canon.get(key)
    if found is None:
        found = canon[key] = Result(result.score, result.max, result.correct, result.status)
    return found


def _mark(key: Key, response, seed) -> Result:
    if isinstance(response, Oversized):
        return key.invalid(f"the response has {response.entries:,} entries or characters, more "
                           "than the page ever makes")
    try:
        return key.check(response, seed)
    except Exception as err:    # a checker bug must not stop the other grades
        return key.invalid(f"the checker could not read this response ({type(err).__name__})")


# --------------------------------------------------------------------------- item analysis

def analyse(students: list[StudentResult], keys: dict[str, Key],
            responses: dict[str, dict[str, Any]]) -> list[ItemStats]:
    """Per item: percent correct, mean score, discrimination (upper minus lower 27% by total
    score, using each student's share of the item's points), the most chosen wrong answer, and
    for choice items how often each option was chosen. `responses`: file -> item -> response."""
    n = len(students)
    order = sorted(range(n), key=lambda k: (students[k].total, students[k].file))
    g = max(1, round(GROUP_SHARE * n)) if n >= 2 else 0
    lower, upper = order[:g], order[n - g:]
    answers = [responses[s.file] for s in students]
    stats = []
    for item_id, key in keys.items():
        item = key.item
        results = [s.results[item_id] for s in students]
        answered = sum(r.status != "unanswered" for r in results)
        invalid = sum(r.status == "invalid" for r in results)
        if item.type in SCORED_OUT:
            stats.append(ItemStats(item_id, item.type, key.points, n, answered, invalid,
                                   None, None, None, None))
            continue
        scores = [r.score for r in results]

        def share(group):
            return sum(scores[k] for k in group) / (key.points * len(group))
        wrong: Counter[str] = Counter()
        chosen: Counter[str] = Counter()
        labels: dict = {}                   # the same wrong response gives the same labels
        for k, r in enumerate(results):
            status = r.status
            if status != "incorrect" and status != "partial" and status != "correct":
                continue
            response = answers[k].get(item_id)
            if status != "correct":
                memo_key = _memo_key(response)
                found = labels.get(memo_key) if memo_key is not None else None
                if found is None:
                    found = key.wrong_choices(response)
                    if memo_key is not None:
                        labels[memo_key] = found
                wrong.update(found)
            if item.type == "single-choice":
                chosen[response] += 1
            elif item.type == "multiple-select":
                chosen.update(set(response))
        options = []
        if item.type in ("single-choice", "multiple-select"):
            right = {item.answer} if item.type == "single-choice" else set(item.answers)
            options = [(o.id, o.text, chosen[o.id], o.id in right) for o in item.options]
        top = wrong.most_common(1)[0] if wrong else None
        if top and item.type in ("single-choice", "multiple-select"):
            text = next(o.text for o in item.options if o.id == top[0])
            top = (f"{top[0]}: {text}", top[1])
        stats.append(ItemStats(
            item_id, item.type, key.points, n, answered, invalid,
            100.0 * sum(r.status == "correct" for r in results) / n if n else None,
            100.0 * share(range(n)) if n else None,
            share(upper) - share(lower) if g else None, top, options))
    return stats


# --------------------------------------------------------------------------- the whole run

def grade(paths: list[str | Path], ctx, out_dir: str | Path, *, force: bool = False,
          max_bytes: int = MAX_BYTES, sets=None, write: bool = True,
          policy: Policy | str | None = None, assignment=None,
          marks: dict | None = None) -> GradeReport:
    """Grade every submission under `paths` against the book in `ctx`; write the gradebook,
    item analysis and chart to `out_dir` (never replacing earlier files unless `force`).

    With `assignment` (grading/assignments.py) only its items count, its policy applies unless
    `policy` is given, and each student gets a subtotal per chapter. With `marks` (the
    teacher's rubric marks, grading/written.py) the written answers count too."""
    from sourcebook.model.lesson import ExerciseErrors, load_all
    from sourcebook.model.toc import in_lesson_order, set_chapter, set_id
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    if sets is None:
        sets, problems = load_all(ctx)
        if problems:
            raise ExerciseErrors(problems)
    sets = in_lesson_order(sets, ctx.root)
    if assignment is not None:
        sets = [s for s in sets if assignment.covers(s)]
        if not sets:
            raise SourcebookError(None, f'assignment "{assignment.id}" covers no exercise set',
                                  field="assignment")
        if policy is None:
            policy = assignment.policy
    policy = policy if isinstance(policy, Policy) else parse_policy(policy)
    keys = {item.id: compile_item(item, ctx) for s in sets for item in s.items}
    chapter_of = {item.id: set_chapter(s) or set_id(s) for s in sets for item in s.items}
    cwd = os.getcwd()
    names: dict[str, str] = {}

    def shown(path) -> str:
        """A file as the instructor named it: relative to the current folder when inside it."""
        key = str(path)
        if key not in names:
            rel = os.path.relpath(os.path.abspath(key), cwd)
            names[key] = key if rel.startswith("..") else rel
        return names[key]

    t1 = time.perf_counter()
    submissions, skipped, notes = collect(paths, ctx.book_id, ctx.content_version,
                                          max_bytes=max_bytes, shown=shown,
                                          known_items=set(keys),
                                          keep_history=policy.name in ("best", "first-try"))
    if not submissions and not skipped:
        raise SourcebookError(None, "found no answers files (*.json) in "
                              + ", ".join(str(p) for p in paths))
    t2 = time.perf_counter()
    students = score(submissions, keys, shown=shown, policy=policy)
    t3 = time.perf_counter()
    responses = {shown(s.path): s.answers.responses for s in submissions}
    items = analyse(students, keys, responses)
    t4 = time.perf_counter()
    skipped.sort(key=lambda s: s.path)
    report = GradeReport(students, skipped, notes, items, list(keys), timings=timings,
                         book_id=ctx.book_id, content_version=ctx.content_version,
                         policy=str(policy), assignment=assignment, chapter_of=chapter_of,
                         set_titles={set_chapter(s) or set_id(s): getattr(getattr(s, "info", None),
                                                                          "title", "") for s in sets})
    report.short_answers = {s.file: {i: responses[s.file].get(i) for i, k in keys.items()
                                     if k.item.type in SCORED_OUT} for s in students}
    by_file = {shown(s.path): s.answers for s in submissions}
    report.notes_text = {s.file: by_file[s.file].notes for s in students}
    if marks is not None:
        report.marked = True
        apply_marks(students, keys, marks)
    for s in students:
        s.chapters = chapter_totals(s, keys, chapter_of, marked=report.marked)
    if write:
        from sourcebook.grading.report import write_outputs
        report.outputs = write_outputs(report, Path(out_dir), force=force, keys=keys)
    t5 = time.perf_counter()
    timings.update(compile=t1 - t0, read=t2 - t1, check=t3 - t2, analyse=t4 - t3,
                   write=t5 - t4, total=t5 - t0)
    return report
