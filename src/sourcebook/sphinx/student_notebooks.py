"""Every notebook the book shows or offers for download names the student kit, not the lesson.

A notebook chapter's set-up cell fetches the kit on Colab from its `STUDENT_KIT = "…"` line
(render/student_kit.py). The build writes `sourcebook_student_repository` there as it reads the
notebook (so the page shows it) and again in the copy Sphinx puts in `_sources/` (the download
button's file, copied from the unchanged source), in both editions: the notebook is the
students' either way, and the lesson's repository, which holds exercises/*.yml, is never in it.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from sourcebook.render.student_kit import with_student_kit


def _is_notebook(path) -> bool:
    return str(path).endswith((".ipynb", ".ipynb.txt"))


def _read(app: Sphinx, docname: str, source: list[str]) -> None:
    path = app.env.doc2path(docname)
    if _is_notebook(path):
        source[0] = with_student_kit(source[0], app.config.sourcebook_student_repository,
                                     shown=str(path))


def _rewrite_downloads(app: Sphinx, exception) -> None:
    sources = Path(app.outdir) / "_sources"
    if exception or app.builder.format != "html" or not sources.is_dir():
        return
    for path in sorted(p for p in sources.rglob("*") if p.is_file() and _is_notebook(p)):
        text = path.read_text(encoding="utf-8")
        new = with_student_kit(text, app.config.sourcebook_student_repository, shown=str(path))
        if new != text:
            path.write_text(new, encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.connect("source-read", _read)
    app.connect("build-finished", _rewrite_downloads)
