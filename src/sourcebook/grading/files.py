"""Which files a grading run reads, opened so that no file can hang or exhaust the grader.

A folder is walked through its real sub-folders (LMS downloads put each student's file in a
folder of its own). Files named `*.json` (any case) are read; every other file, link to a
folder, hidden file, FIFO, device or socket is *listed* as not graded, never silently passed
over. Reading (without blocking, regular files only, size first) is `model.answers.read_limited`.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path



@dataclass
class Skipped:
    path: str
    reason: str


def is_answers_name(name: str) -> bool:
    return name.lower().endswith(".json") and not name.startswith(".")


def _why_not(path: str, st: os.stat_result | None) -> str:
    name = os.path.basename(path)
    if st is None:
        return "a broken link"
    if stat.S_ISDIR(st.st_mode):
        return "a link to a folder (not followed: name the folder itself to grade it)"
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file (a FIFO, device or socket)"
    if name.startswith("."):
        return "a hidden file"
    return ("not a .json file (answers files end in .json; rename it, e.g. "
            f"{os.path.splitext(name)[0] or name}.json, if it is one)")


def submission_files(paths: list[str | Path]) -> tuple[list[Path], list[Skipped]]:
    """The answers files under `paths` (files named, or found in folders), and every file that
    will not be graded with the reason."""
    files: list[str] = []
    passed: list[Skipped] = []

    def consider(path: str, named: bool) -> None:
        try:
            os.lstat(path)
        except OSError:
            passed.append(Skipped(path, "no such file or folder"))
            return
        try:
            st = os.stat(path)
        except OSError:
            st = None
        if st is not None and stat.S_ISREG(st.st_mode) and (named or is_answers_name(
                os.path.basename(path))):
            files.append(path)
        elif named and st is not None and stat.S_ISDIR(st.st_mode):
            walk(path)                       # a folder the teacher named, even through a link
        else:
            passed.append(Skipped(path, _why_not(path, st)))

    def walk(folder: str) -> None:
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            if entry.is_dir(follow_symlinks=False):
                walk(entry.path)
            else:
                consider(entry.path, named=False)

    for p in map(str, paths):
        consider(p, named=True)
    unique = dict.fromkeys(os.path.abspath(f) for f in files)   # a file named twice counts once
    return [Path(f) for f in unique], passed
