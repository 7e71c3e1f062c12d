"""Grade many students' answer files: which files count, each student's score, item analysis.

    report = grade([folder_or_files...], ctx, out_dir)      # writes the CSVs, HTML and chart
    report.exit_code        # 0: every file graded; 1: some files were skipped (listed, with why)

Which files are read and how is `grading/files.py`; which file counts for each student is
`grading/collect.py`; which checked response counts is the scoring policy (`grading/policy.py`);
the writing of the outputs is `grading/report.py`.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sourcebook.errors import SourcebookError
from sourcebook.grading.analysis import ItemStats, analyse
from sourcebook.grading.collect import Submission, collect
from sourcebook.grading.files import Skipped  # noqa: F401  (re-exported for the CLI and tests)
from sourcebook.grading.policy import Policy, parse_policy
from sourcebook.grading.scoring import ByItem, Scored, Scorer
from sourcebook.items.check import Key, Result, compile_item
from sourcebook.model.answers import MAX_BYTES

__all__ = ["grade", "collect", "analyse", "GradeReport", "Skipped", "StudentResult",
           "ItemStats", "display_text", "parse_policy"]


@dataclass
class StudentResult:
    name: str
    student_id: str
    file: str
    results: ByItem            # item id -> Result, every item of the book
    total: float
    max: float
    attempts: ByItem | dict = field(default_factory=dict)     # item id -> checks (0: none)
    drafts: frozenset[str] = frozenset()    # items changed after their last check
    assignment: str | None = None
    chapters: dict[str, tuple[float, float]] = field(default_factory=dict)  # chapter -> (score, max)

    @property
    def percent(self) -> float:
        return 100.0 * self.total / self.max if self.max else 0.0


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
        return [i.id for i in self.items if self.marked or not i.written]

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

def student_result(sub: Submission, file: str, scorer: Scorer, max_total: float
                   ) -> StudentResult:
    """A chosen submission's row of the gradebook, from what the grader kept of its file."""
    kept: Scored = sub.taken
    results = ByItem(scorer.index, kept.results)
    total = round(sum(r.score for r, key in zip(kept.results, scorer.keys.values())
                      if not key.written), 4)
    attempts = ByItem(scorer.index, kept.attempts)
    return StudentResult(display_text(sub.student_name), display_text(sub.student_id),
                         file, results, total, max_total, attempts, kept.drafts,
                         sub.assignment)


def apply_marks(students: list[StudentResult], keys: dict[str, Key], marks: dict) -> None:
    """Put the teacher's rubric marks on the written answers and count them in the totals."""
    from sourcebook.grading.written import student_key
    written = [i for i, k in keys.items() if k.written]
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
        if key.written and not marked:
            continue
        row = out.setdefault(chapter_of[item_id], [0.0, 0.0])
        row[0] += student.results[item_id].score
        row[1] += key.points
    return {c: (round(a, 4), round(b, 4)) for c, (a, b) in out.items()}


# --------------------------------------------------------------------------- the whole run

def grade(paths: list[str | Path], ctx, out_dir: str | Path, *, force: bool = False,
          max_bytes: int = MAX_BYTES, sets=None, write: bool = True,
          policy: Policy | str | None = None, assignment=None,
          marks: dict | None = None, shown: Callable[[str], str] = str) -> GradeReport:
    """Grade every submission under `paths` against the book in `ctx`; write the gradebook,
    item analysis and chart to `out_dir` (never replacing earlier files unless `force`).

    With `assignment` (grading/assignments.py) only its items count, its policy applies unless
    `policy` is given, and each student gets a subtotal per chapter. With `marks` (the
    teacher's rubric marks, grading/written.py) the written answers count too. `shown` names a
    file in the report (default: the path as given; the CLI shows it relative to the folder
    the instructor is in)."""
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
    names: dict[str, str] = {}

    def name_of(path) -> str:
        """A file as the report names it (`shown`, asked once per file)."""
        key = str(path)
        if key not in names:
            names[key] = shown(key)
        return names[key]

    t1 = time.perf_counter()
    scorer = Scorer(keys, policy)
    submissions, skipped, notes = collect(
        paths, ctx.book_id, ctx.content_version, max_bytes=max_bytes, shown=name_of,
        known_items=set(keys), keep_history=policy.name in ("best", "first-try"),
        take=lambda answers: scorer.score(answers.responses, answers.seed))
    if not submissions and not skipped:
        raise SourcebookError(None, "found no answers files (*.json) in "
                              + ", ".join(str(p) for p in paths))
    t2 = time.perf_counter()
    max_total = sum(k.points for k in keys.values() if not k.written)
    rows = sorted(((student_result(sub, name_of(sub.path), scorer, max_total), sub)
                   for sub in submissions),
                  key=lambda pair: (pair[0].name.lower(), pair[0].student_id, pair[0].file))
    students = [student for student, _ in rows]
    items = analyse(students, keys, [sub.taken for _, sub in rows])
    t3 = time.perf_counter()
    skipped.sort(key=lambda s: s.path)
    report = GradeReport(students, skipped, notes, items, list(keys), timings=timings,
                         book_id=ctx.book_id, content_version=ctx.content_version,
                         policy=str(policy), assignment=assignment, chapter_of=chapter_of,
                         set_titles={set_chapter(s) or set_id(s): getattr(getattr(s, "info", None),
                                                                          "title", "") for s in sets})
    written = [i for i, k in keys.items() if k.written]
    report.short_answers = {student.file: {i: sub.taken.written.get(i) for i in written}
                            for student, sub in rows}
    report.notes_text = {student.file: sub.notes for student, sub in rows}
    if marks is not None:
        report.marked = True
        apply_marks(students, keys, marks)
    for s in students:
        s.chapters = chapter_totals(s, keys, chapter_of, marked=report.marked)
    if write:
        from sourcebook.grading.report import write_outputs
        report.outputs = write_outputs(report, Path(out_dir), force=force, keys=keys)
    t4 = time.perf_counter()
    timings.update(compile=t1 - t0, read_and_check=t2 - t1, analyse=t3 - t2, write=t4 - t3,
                   total=t4 - t0)
    return report
