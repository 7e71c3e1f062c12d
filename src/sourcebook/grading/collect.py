"""Which submission counts for each student.

A student is their student id when the file gives one, otherwise their name exactly as typed
(Unicode-normalised, outer spaces trimmed): "Chris Lee" and "chris  lee" are two students, never
merged. When one student handed in several files, the newest counts and each other file is
listed with both timestamps. A file dated in the future (past tomorrow) is flagged and never
preferred over a file with a believable date: anyone can write any date into a file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable

from sourcebook.errors import SourcebookError
from sourcebook.grading.files import Skipped, submission_files
from sourcebook.grading.scoring import Oversized
from sourcebook.items.base import MAX_ESSAY
from sourcebook.model.answers import Answers, parse_answers_bytes, read_limited, validate_answers
from sourcebook.model.answers_format import timestamp

FUTURE_GRACE = dt.timedelta(days=1)     # clocks and time zones differ; a day is plenty
MAX_ENTRIES = 1_000                     # no widget makes a response with more entries


def _too_big(response) -> bool:
    if isinstance(response, str):
        return len(response) > MAX_ESSAY
    if isinstance(response, (list, dict)):
        return len(response) > MAX_ENTRIES or any(
            isinstance(v, (list, dict)) and len(v) > MAX_ENTRIES or isinstance(v, str)
            and len(v) > MAX_ESSAY for v in (response.values() if isinstance(response, dict)
                                             else response))
    return False


@dataclass(slots=True)
class Submission:
    """What is kept of one file once it is read: who and when, and what `take` made of its
    answers (the grader's compact scores); never the file's answers themselves."""
    path: object
    digest: str
    student_name: str
    student_id: str
    exported_at: str
    future: bool
    assignment: str | None
    notes: dict
    taken: Any = None

    @property
    def exported(self) -> dt.datetime:
        return timestamp(self.exported_at)


def identity(sub) -> tuple[str, str]:
    """("id", id) when the student gave an id, else ("name", the name as typed)."""
    sid = unicodedata.normalize("NFC", sub.student_id).strip()
    if sid:
        return "id", sid
    return "name", unicodedata.normalize("NFC", sub.student_name).strip()


def _slim(answers: Answers, known: dict[str, str], keep_history: bool) -> list[str]:
    """Keep only what grading needs: responses to the book's items, under the book's own id
    strings; the history only for a policy that reads it; a draft only as the fact that there
    is one. Returns the ids dropped, for the teacher's note."""
    unknown = sorted(k for k in answers.responses if k not in known)
    kept = {}
    for key, record in answers.responses.items():
        if key not in known:
            continue
        if _too_big(record.response):
            record.response = Oversized(len(record.response))
        record.history = [Oversized(len(h)) if _too_big(h) else h for h in record.history] \
            if keep_history else []
        if record.has_draft:
            record.draft = None           # unchecked: the gradebook lists it, never scores it
        kept[known[key]] = record
    answers.responses = kept
    return unknown


def read_submission(path, max_bytes: int, now: dt.datetime
                    ) -> tuple[Answers, str, bool, list[str]]:
    """The file's answers, its digest, whether it is dated in the future, and flags."""
    data = read_limited(path, max_bytes)
    digest = hashlib.sha256(data).hexdigest()
    parsed = parse_answers_bytes(data, path)
    del data
    answers = validate_answers(parsed, path)
    flags = [f"note {c} was longer than {MAX_ESSAY:,} characters and was cut there"
             for c in answers.notes_truncated]
    future = answers.exported > now + FUTURE_GRACE
    if future:
        flags.append(f"dated {answers.exported_at}, in the future: the date was not written "
                     "by the book's page on a computer with a right clock")
    return answers, digest, future, flags


def collect(paths, book_id: str, content_version: str, *, max_bytes: int,
            known_items: set[str], take: Callable[[Answers], Any], shown=str,
            now: dt.datetime | None = None, keep_history: bool = True
            ) -> tuple[list[Submission], list[Skipped], list[Skipped]]:
    """The submissions to grade (one per student), the files not graded with their reasons,
    and notes on graded files worth the teacher's eye.

    Each file is read once: `take(answers)` makes what the caller keeps of it (the grader's
    scores), and the answers themselves are dropped, so memory does not grow with the files."""
    now = now or dt.datetime.now(dt.timezone.utc)
    canonical_ids = {k: k for k in known_items}     # the book's own id strings, kept once
    files, passed = submission_files(paths)
    skipped = [Skipped(shown(s.path), s.reason) for s in passed]
    notes: list[Skipped] = []
    seen_digest: dict[str, object] = {}
    kept: list[Submission] = []
    for path in files:
        try:
            answers, digest, future, flags = read_submission(path, max_bytes, now)
        except SourcebookError as err:
            skipped.append(Skipped(shown(path), err.message))
            continue
        if digest in seen_digest:
            skipped.append(Skipped(shown(path), f"identical to {shown(seen_digest[digest])}"))
            continue
        seen_digest[digest] = path
        if answers.book_id != book_id:
            skipped.append(Skipped(shown(path), f'answers for another book ("{answers.book_id}"; '
                                   f'this one is "{book_id}")'))
            continue
        if answers.content_version != content_version:
            skipped.append(Skipped(shown(path), f"made with content version "
                                   f'"{answers.content_version}" of the exercises; this book is '
                                   f'version "{content_version}", so items may have changed'))
            continue
        unknown = _slim(answers, canonical_ids, keep_history)
        if unknown:
            listed = ", ".join(unknown[:10]) + (" ..." if len(unknown) > 10 else "")
            flags.append(f"ignored {len(unknown)} answer(s) to items this book does not "
                         f"have: {listed}")
        notes.extend(Skipped(shown(path), f) for f in flags)
        kept.append(Submission(path, digest, answers.student_name, answers.student_id,
                               answers.exported_at, future,
                               answers.assignment, answers.notes,
                               take(answers)))
    chosen = _one_per_student(kept, skipped, notes, shown)
    return chosen, skipped, notes


def _one_per_student(kept, skipped, notes, shown) -> list[Submission]:
    by_student: dict[tuple[str, str], list[Submission]] = {}
    for sub in kept:
        by_student.setdefault(identity(sub), []).append(sub)
    chosen = []
    for (kind, who), subs in by_student.items():
        # Believable dates first, then the newest; the file name breaks ties.
        subs.sort(key=lambda s: (not s.future, s.exported, str(s.path)))
        newest = subs[-1]
        chosen.append(newest)
        names = {s.student_name.strip() for s in subs}
        if kind == "id" and len(names) > 1:
            notes.append(Skipped(shown(newest.path), f"student id {who} handed in files under "
                                 f"different names ({', '.join(sorted(names))}): check them"))
        for old in subs[:-1]:
            by = "student id" if kind == "id" else "name"
            skipped.append(Skipped(
                shown(old.path),
                f"another export by the same student (same {by}): this one is dated "
                f"{old.exported_at}; graded {shown(newest.path)}, dated "
                f"{newest.exported_at}, instead"
                + (" (this one's date is in the future)" if old.future else "")))
    return chosen
