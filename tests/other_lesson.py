"""A lesson started with `sourcebook new TEXT --lesson DIR` on a real FRUS document that is not
the kit's example lesson (tests/fixtures/other-lesson: FRUS 1955–57, vol. XXV, doc. 6, a USIA
memorandum on Eastern Europe), started once per test run with the real CLI (`new` and `check`
in subprocesses) and built in-process; the xdist workers of one run share the folder.
Shared by tests/build/test_other_lesson.py (the site shows nothing of the example lesson) and
tests/browser/test_other_lesson.py (its exercises work in Chromium)."""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "other-lesson" / "frus1955-57v25-d6.xml"
DOCUMENT = "d6"
SLUG = "delaney-1955-01-24-analysis-actions-be"     # drafted from the heading and subject
CHAPTER = f"book/sources/{SLUG}"
TITLE = "Analysis of Actions to be Taken in Event of Eastern European Uprising"   # its subject
# The example lesson's words: the kit must bring none of them into another lesson.
LESSON_WORDS = re.compile(rb"korea|rusk", re.IGNORECASE)


@dataclass
class Lesson:
    root: Path                  # the lesson's folder, as `sourcebook new --lesson` wrote it
    site: Path                  # its student edition (the html folder)
    seconds: dict[str, float] = field(default_factory=dict)     # new, check, build


def sourcebook(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])])}
    env.pop("SOURCEBOOK_ROOT", None)
    return subprocess.run([sys.executable, "-m", "sourcebook", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def _timed(lesson: Lesson, step: str, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    start = time.perf_counter()
    done = sourcebook(*args, cwd=cwd)
    lesson.seconds[step] = time.perf_counter() - start
    assert done.returncode == 0, f"sourcebook {step}:\n{done.stdout}\n{done.stderr}"
    return done


def _timed_build(lesson: Lesson, step: str, edition: str, out: Path) -> Path:
    """Build `edition` in this process: what `sourcebook build` calls, without a second Python
    importing Sphinx again."""
    from sourcebook.sphinx.book_build import build_book
    start = time.perf_counter()
    html = build_book(lesson.root, edition, out)
    lesson.seconds[step] = time.perf_counter() - start
    return html


@contextmanager
def _shared(tmp_path_factory) -> Iterator[Path | None]:
    """The folder every xdist worker of this test run shares, held under a lock so a second
    worker waits for the first instead of building again (as `built` in tests/conftest.py);
    None when not under xdist."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    if not run:
        yield None
        return
    work = tmp_path_factory.getbasetemp().parent / f"other-lesson-{run}"
    with open(f"{work}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield work


_BUILT: dict[str, Lesson] = {}
SECONDS = "seconds.json"        # written last: the lesson in the shared folder is complete


def _make(work: Path) -> Lesson:
    """Start the lesson with the real `new` and `check` commands and build its student edition."""
    shutil.rmtree(work, ignore_errors=True)          # what a failed attempt left
    work.mkdir(parents=True)
    lesson = Lesson(root=work / "lesson", site=work / "site" / "html")
    _timed(lesson, "new", "new", str(FIXTURE), "--document", DOCUMENT, "--lesson",
           str(lesson.root), cwd=work)
    _timed(lesson, "check", "check", "--root", str(lesson.root), cwd=work)
    _timed_build(lesson, "build", "student", lesson.site.parent)
    (work / SECONDS).write_text(json.dumps(lesson.seconds), encoding="utf-8")
    return lesson


def built_lesson(tmp_path_factory) -> Lesson:
    """Start the lesson in a new folder, check it and build its student edition: once per test
    run, shared by the workers."""
    if "student" not in _BUILT:
        with _shared(tmp_path_factory) as work:
            if work is None:
                lesson = _make(tmp_path_factory.mktemp("other-lesson"))
            elif (work / SECONDS).is_file():
                lesson = Lesson(root=work / "lesson", site=work / "site" / "html",
                                seconds=json.loads((work / SECONDS).read_text("utf-8")))
            else:
                lesson = _make(work)
        _BUILT["student"] = lesson
    return _BUILT["student"]


def instructor_site(lesson: Lesson) -> Path:
    """The lesson's instructor edition, built beside its student edition (once)."""
    site = lesson.site.parent.parent / "instructor" / "html"
    with open(lesson.root.parent / "instructor.lock", "w") as held:     # workers share it
        fcntl.flock(held, fcntl.LOCK_EX)
        if not (site / "index.html").is_file():
            _timed_build(lesson, "build instructor", "instructor", site.parent)
    return site


def files_naming_the_example(folder: Path) -> list[str]:
    """Every file under `folder` whose bytes hold a word of the example lesson."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.is_file() and LESSON_WORDS.search(p.read_bytes()))
