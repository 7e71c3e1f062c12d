"""nbval runs every notebook chapter of the book (MyST notebooks, converted with jupytext)."""

from __future__ import annotations

import os
import subprocess
import sys

import jupytext
import pytest

from conftest import ROOT


def notebook_chapters():
    return sorted(p for p in (ROOT / "book").rglob("*.md")
                  if "kernelspec:" in p.read_text(encoding="utf-8")[:400])


def test_the_book_has_notebook_chapters():
    assert notebook_chapters(), "no MyST notebook chapters found"


@pytest.mark.parametrize("chapter", notebook_chapters(), ids=lambda p: p.stem)
def test_notebook_runs_under_nbval(chapter, tmp_path):
    notebook = tmp_path / f"{chapter.stem}.ipynb"
    jupytext.write(jupytext.read(chapter), notebook)
    env = {**os.environ, "SOURCEBOOK_ROOT": str(ROOT),
           "SOURCEBOOK_ANSWERS": str(tmp_path / "answers.json")}
    run = subprocess.run([sys.executable, "-m", "pytest", "--nbval-lax", "-p", "no:cacheprovider",
                          "-q", str(notebook)], cwd=tmp_path, env=env, capture_output=True,
                         text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert " passed" in run.stdout
