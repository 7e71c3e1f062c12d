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


def first_code_cell(chapter) -> str:
    import json
    cells = json.loads(chapter.read_text(encoding="utf-8"))["cells"]
    return "".join(next(c for c in cells if c["cell_type"] == "code")["source"])


def test_set_up_cell_uses_the_lesson_folder_when_the_kit_is_not_installed(tmp_path):
    """On a JupyterHub, nbgitpuller copies the lesson into the student's home and opens
    book/live-notebook.ipynb there; the hub's Python may have the libraries but not the kit.
    The notebook's first cell must then use that copy: no clone, no install."""
    from conftest import copy_lesson
    lesson = copy_lesson(tmp_path / "sourcebook")
    hide_kit = (f"import sys; sys.path[:] = [p for p in sys.path if p != {str(ROOT / 'src')!r}]\n"
                "import importlib.util; assert importlib.util.find_spec('sourcebook') is None\n")
    after = ("\nimport os, sourcebook\nprint(sourcebook.__file__); print(os.getcwd())\n"
             "d = show_exercises('exercises/document.yml'); print(type(d).__name__)\n")
    cell = first_code_cell(ROOT / "book" / "live-notebook.ipynb")
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCEBOOK_ROOT", "PYTHONPATH")}
    env["SOURCEBOOK_ANSWERS"] = str(tmp_path / "answers.json")
    env["PATH"] = ""    # no git from PATH: the cell must not need it here
    # were pip run, it would only pretend (our own editable install stays put) and leave a log
    env.update(PIP_DRY_RUN="1", PIP_LOG=str(tmp_path / "pip.log"))
    run = subprocess.run([sys.executable, "-c", hide_kit + cell + after], cwd=lesson / "book",
                         env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]
    module, cwd, shown = run.stdout.split()
    assert module == str(lesson / "src" / "sourcebook" / "__init__.py")
    assert cwd == str(lesson / "book") and shown == "Display"
    assert not (lesson / "book" / "sourcebook").exists()    # nothing was cloned
    assert not (tmp_path / "pip.log").exists()              # nothing was installed
