"""The student kit: what a live notebook may be opened from, with no answer key in it.

Binder, Colab and a school's JupyterHub open a notebook from a git repository. The lesson's own
repository holds `exercises/*.yml`, every key in plain text; so the student edition's launch
buttons never point at it. They point at a *student kit*: the kit's code, the notebook and the
student bundle (the pages' hashed payloads, render/student_bundle.py), nothing else.

    sourcebook student-kit OUT      # then push OUT as its own repository or branch, and set
                                    # sphinx.config.sourcebook_student_repository to it

A notebook's set-up cell fetches the kit on Colab from the address on its line
`STUDENT_KIT = "…"`; `with_student_kit` writes the configured address there, in the kit's copy
of each notebook and (sphinx/__init__.py) in both editions' pages and downloads, so no notebook
a student can open names the lesson's repository.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from sourcebook.errors import SourcebookError
from sourcebook.model.project import Project
from sourcebook.render.student_bundle import NAME, make_bundle
from sourcebook.yamlio import load_data

KIT_LINE = re.compile(r'^(STUDENT_KIT = )"[^"\n]*"', re.M)
# "https://host/org/repo" or "…@branch": nothing a Python string or a shell would read otherwise
ADDRESS = re.compile(r"https://[^\s\"'\\]+")

# What the kit needs to run the notebook; never exercises/, seeds/ or book/ data.
KIT_PARTS = ("src", "pyproject.toml", "binder")
README = """# {title}: the live notebook

This repository is made by `sourcebook student-kit` for students' live notebooks (Binder, Colab,
a school's JupyterHub). It holds the kit's code, the notebook and the questions as the website
has them: hashed and encrypted, with no answer key. The lesson's full source lives elsewhere.
"""


def student_repository(root: Path) -> str:
    """`sphinx.config.sourcebook_student_repository` of the book's _config.yml ("" if unset)."""
    config = Project(root).config
    data = load_data(config) if config.is_file() else {}
    sphinx = (data or {}).get("sphinx") or {}
    return str((sphinx.get("config") or {}).get("sourcebook_student_repository") or "").strip()


def with_student_kit(notebook: str, repository: str, shown: str = "notebook") -> str:
    """The notebook's JSON text with every code cell's `STUDENT_KIT = "…"` line naming
    `repository` ("" when the book names no student kit); the text itself when nothing changes."""
    if repository and not ADDRESS.fullmatch(repository):
        raise SourcebookError(shown, f"sourcebook_student_repository {repository!r}: give the "
                              "kit's web address, e.g. https://github.com/org/lesson-student")
    data = json.loads(notebook)
    changed = False
    for cell in data.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        source = "".join(cell.get("source") or [])
        new = KIT_LINE.sub(lambda m: m.group(1) + json.dumps(repository), source)
        if new != source:
            cell["source"] = new.splitlines(keepends=True)
            changed = True
    if not changed:
        return notebook
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


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
    repository = student_repository(root)
    for nb in notebooks:
        text = with_student_kit(nb.read_text(encoding="utf-8"), repository, shown=str(nb))
        (book / nb.name).write_text(text, encoding="utf-8")
    (book / NAME).write_text(json.dumps(make_bundle(ctx), ensure_ascii=False), encoding="utf-8")
    (out / "README.md").write_text(README.format(title=ctx.book_id), encoding="utf-8")
    return out
