"""Live preview: seconds from saving a file to the open page showing the change, in Chromium.

    python benchmarks/bench_preview.py PROJECT_COPY [--edits 5]

Starts `sourcebook preview` (in this process, on a free loopback port) on a copy of the
project, opens a prose page and the page of an exercise set, and times each edit: the clock
starts just before the file is written and stops when the reloaded page shows the new words.
Median of several edits of each kind; the copy's files are put back afterwards.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import time
from pathlib import Path

PROSE_PAGE, PROSE_FILE = "book/credits.html", "book/credits.md"
SET_PAGE, SET_FILE = "book/aftermath.html", "exercises/aftermath.yml"


def _settle(running, quiet_s: float = 1.5) -> None:
    """Wait until no rebuild has finished for `quiet_s` (the previous edit's put-back)."""
    while running.state.wait_past(running.state.version, quiet_s) != running.state.version:
        pass
    time.sleep(0.1)


def _timed_edit(running, page, path: Path, edit, marker: str, timeout_s: float = 60) -> float:
    original = path.read_text(encoding="utf-8")
    try:
        start = time.perf_counter()
        path.write_text(edit(original, marker), encoding="utf-8")
        page.wait_for_function("m => document.body && document.body.innerText.includes(m)",
                               arg=marker, timeout=timeout_s * 1000, polling=20)
        return time.perf_counter() - start
    finally:
        path.write_text(original, encoding="utf-8")
        _settle(running)


def add_paragraph(text: str, marker: str) -> str:
    return text.rstrip("\n") + f"\n\nA new paragraph {marker}.\n"


def retitle_first_prompt(text: str, marker: str) -> str:
    """Append the marker to the first `prompt:` of the set (a one-line prompt or a block)."""
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.lstrip().startswith("prompt:"):
            head, _, rest = line.rstrip("\n").partition("prompt:")
            rest = rest.strip()
            if rest and rest[0] not in "|>\"'":
                lines[i] = f"{head}prompt: {rest} {marker}\n"
            else:
                lines[i] = f"{head}prompt: \"{marker} — edited\"\n"
                j = i + 1              # drop the old block's lines (indented deeper)
                indent = len(line) - len(line.lstrip())
                while j < len(lines) and (not lines[j].strip() or
                                          len(lines[j]) - len(lines[j].lstrip()) > indent):
                    j += 1
                del lines[i + 1:j]
            return "".join(lines)
    raise ValueError("no prompt: in the exercise set")


def measure(project: Path, edits: int = 5) -> dict:
    from playwright.sync_api import sync_playwright

    from sourcebook.cli.preview import Preview
    running = Preview(project, "student", port=0)
    running.start()
    prose, sets = [], []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                         args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            for n in range(edits):
                page.goto(running.url + PROSE_PAGE)
                prose.append(_timed_edit(running, page, project / PROSE_FILE, add_paragraph,
                                         f"prose-edit-{n}"))
                page.goto(running.url + SET_PAGE)
                sets.append(_timed_edit(running, page, project / SET_FILE, retitle_first_prompt,
                                        f"set-edit-{n}"))
            browser.close()
    finally:
        running.stop()
    return {"prose_edit_s": round(statistics.median(prose), 2),
            "exercise_edit_s": round(statistics.median(sets), 2),
            "prose_edit_runs_s": [round(t, 2) for t in prose],
            "exercise_edit_runs_s": [round(t, 2) for t in sets]}


if __name__ == "__main__":
    edits = int(sys.argv[sys.argv.index("--edits") + 1]) if "--edits" in sys.argv else 5
    print(measure(Path(sys.argv[1]).resolve(), edits))
