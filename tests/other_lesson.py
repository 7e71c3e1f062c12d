"""A lesson started with `sourcebook new TEXT --lesson DIR` on a real FRUS document that is not
the kit's example lesson (tests/fixtures/other-lesson: FRUS 1955–57, vol. XXV, doc. 6, a USIA
memorandum on Eastern Europe), built once per test process with the real CLI in subprocesses.
Shared by tests/build/test_other_lesson.py (the site shows nothing of the example lesson) and
tests/browser/test_other_lesson.py (its exercises work in Chromium)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
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


_BUILT: dict[str, Lesson] = {}


def built_lesson(tmp_path_factory) -> Lesson:
    """Start the lesson in a new folder, check it and build its student edition (once)."""
    if "student" in _BUILT:
        return _BUILT["student"]
    work = tmp_path_factory.mktemp("other-lesson")
    lesson = Lesson(root=work / "lesson", site=work / "site" / "html")
    _timed(lesson, "new", "new", str(FIXTURE), "--document", DOCUMENT, "--lesson",
           str(lesson.root), cwd=work)
    _timed(lesson, "check", "check", "--root", str(lesson.root), cwd=work)
    _timed(lesson, "build", "build", "--root", str(lesson.root), "--edition", "student",
           "--out", str(lesson.site.parent), cwd=work)
    _BUILT["student"] = lesson
    return lesson


def instructor_site(lesson: Lesson) -> Path:
    """The lesson's instructor edition, built beside its student edition (once)."""
    site = lesson.site.parent.parent / "instructor" / "html"
    if not site.is_dir():
        _timed(lesson, "build instructor", "build", "--root", str(lesson.root), "--edition",
               "instructor", "--out", str(site.parent), cwd=lesson.root.parent)
    return site


def files_naming_the_example(folder: Path) -> list[str]:
    """Every file under `folder` whose bytes hold a word of the example lesson."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.is_file() and LESSON_WORDS.search(p.read_bytes()))
