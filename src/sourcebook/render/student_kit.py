"""The student kit: what a live notebook may be opened from, with no answer key in it.

Binder, Colab and a school's JupyterHub open a notebook from a git repository. The lesson's own
repository holds `exercises/*.yml`, every key in plain text; so the student edition's launch
buttons never point at it. They point at a *student kit*: the kit's code, the notebook and the
student bundle (the pages' hashed payloads, render/student_bundle.py), nothing else.

    sourcebook student-kit OUT      # then push OUT as its own repository or branch, and set
                                    # sphinx.config.sourcebook_student_repository to it
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sourcebook.errors import SourcebookError
from sourcebook.render.student_bundle import NAME, make_bundle

# What the kit needs to run the notebook; never exercises/, seeds/ or book/ data.
KIT_PARTS = ("src", "pyproject.toml", "binder")
README = """# {title}: the live notebook

This repository is made by `sourcebook student-kit` for students' live notebooks (Binder, Colab,
a school's JupyterHub). It holds the kit's code, the notebook and the questions as the website
has them: hashed and encrypted, with no answer key. The lesson's full source lives elsewhere.
"""


def write_student_kit(ctx, out: Path, notebooks: list[Path]) -> Path:
    root = Path(ctx.root)
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise SourcebookError(out, "the folder is not empty: give a new one (or empty it)")
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    out.mkdir(parents=True, exist_ok=True)
    for part in KIT_PARTS:
        src = root / part
        if src.is_dir():
            shutil.copytree(src, out / part, ignore=ignore)
        elif src.is_file():
            shutil.copy2(src, out / part)
    book = out / "book"
    book.mkdir()
    for nb in notebooks:
        shutil.copy2(nb, book / nb.name)
    import json
    (book / NAME).write_text(json.dumps(make_bundle(ctx), ensure_ascii=False), encoding="utf-8")
    (out / "README.md").write_text(README.format(title=ctx.book_id), encoding="utf-8")
    return out
