"""nbval runs every notebook chapter of the book (the .ipynb files in book/)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT


def notebook_chapters():
    return sorted(p for p in (ROOT / "book").rglob("*.ipynb") if "_build" not in p.parts
                  and ".ipynb_checkpoints" not in p.parts)


def test_the_book_has_notebook_chapters():
    assert notebook_chapters(), "no notebook chapters found"


@pytest.mark.parametrize("chapter", notebook_chapters(), ids=lambda p: p.stem)
def test_notebook_runs_under_nbval(chapter, tmp_path):
    # A copy runs in a scratch folder; SOURCEBOOK_ROOT tells the kit where the book is and
    # SOURCEBOOK_ANSWERS keeps the notebook's answers file out of the project.
    notebook = shutil.copy(chapter, tmp_path / chapter.name)
    env = {**os.environ, "SOURCEBOOK_ROOT": str(ROOT),
           "SOURCEBOOK_ANSWERS": str(tmp_path / "answers.json")}
    run = subprocess.run([sys.executable, "-m", "pytest", "--nbval-lax", "-p", "no:cacheprovider",
                          "-q", str(notebook)], cwd=tmp_path, env=env, capture_output=True,
                         text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert " passed" in run.stdout
