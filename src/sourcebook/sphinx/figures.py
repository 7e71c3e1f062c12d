"""The build's figures: drawn in a second process while Sphinx reads the pages.

The kit draws the timeline chart when the lesson has the data for it; a book-local extension
adds its own figures with `add_figure` (see `book/_ext/`). Drawings are cached by a hash of
their data and code (`sourcebook.figures.build`), so a clean build of an unchanged lesson only
copies PNGs; with `sourcebook build --fresh` (`sourcebook_fresh`) they are drawn again.
A page that shows a figure waits for it in `source-read`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from sourcebook.figures.build import (CACHE_DIR, FigureJob, book_folder, jobs_to_json,
                                      stale_figures, timeline_job, timeline_phone_job)


def add_figure(app: Sphinx, output: str, draw: str, *, inputs=(), import_path: Path | str = "") -> None:
    """Have the build draw `book/_generated/<output>` with `draw` ("module:function",
    called as function(book_dir, out_path) -> alt text), redrawn when `inputs` change."""
    jobs = app.__dict__.setdefault("sourcebook_figure_jobs", [])
    jobs.append(FigureJob(output, draw, tuple(str(Path(p).resolve()) for p in inputs),
                          str(import_path)))


def figure_jobs(app: Sphinx) -> list[FigureJob]:
    own = [job for job in (timeline_job(Path(app.srcdir)), timeline_phone_job(Path(app.srcdir)))
           if job]
    return own + list(app.__dict__.get("sourcebook_figure_jobs", []))


def start_figures(app: Sphinx) -> None:
    from sourcebook.model.timeline import load_timeline
    book = book_folder(Path(app.srcdir))
    if (book / "data" / "timeline.yml").is_file():
        load_timeline(book / "data" / "timeline.yml")       # bad data fails here, file:line
    jobs = figure_jobs(app)
    cache = Path(app.confdir) / CACHE_DIR
    fresh = app.config.sourcebook_fresh and not getattr(app, "sourcebook_figures_forced", False)
    todo = jobs if fresh else stale_figures(book, jobs, cache)
    app.sourcebook_figures = None
    if todo:
        app.sourcebook_figures_forced = True    # --fresh redraws once, not on every preview rebuild
        app.sourcebook_figures = subprocess.Popen(
            [sys.executable, "-m", "sourcebook.figures.build", str(book), str(cache),
             jobs_to_json(todo), *(["--force"] if fresh else [])],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_figures(app: Sphinx, *args) -> None:
    proc = getattr(app, "sourcebook_figures", None)
    if proc is None:
        return
    if args and "_generated/" not in (args[-1][0] if isinstance(args[-1], list) else ""):
        return                                              # a page without a figure
    _, err = proc.communicate()
    app.sourcebook_figures = None
    if proc.returncode:
        raise ExtensionError(f"the book's figures could not be drawn:\n{err[-2000:]}")


def setup(app: Sphinx) -> None:
    app.add_config_value("sourcebook_fresh", False, "")
    app.connect("builder-inited", start_figures)
    app.connect("source-read", wait_figures)
    app.connect("env-updated", lambda app, env: wait_figures(app))
