"""The student kit (what launch buttons open) holds the notebook and the hashed questions and
no answer key; the student edition links to nothing else that could hold one."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT
from sourcebook.items.payload import inline
from sourcebook.render.student_kit import student_repository, with_student_kit
from sourcebook.sphinx import student_links


@pytest.fixture(scope="module")
def kit(tmp_path_factory, book_sets):
    out = tmp_path_factory.mktemp("kit") / "student-kit"
    run = subprocess.run([sys.executable, "-m", "sourcebook", "student-kit", str(out), "--root",
                          str(ROOT)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    return out


def test_the_kit_has_the_notebook_the_questions_and_the_code(kit):
    assert (kit / "book" / "live-notebook.ipynb").is_file()
    bundle = json.loads((kit / "book" / "sourcebook-student.json").read_text("utf-8"))
    assert bundle["format"] == "sourcebook-student" and bundle["sets"] and bundle["readers"]
    assert (kit / "src" / "sourcebook" / "notebook" / "widget.py").is_file()
    assert (kit / "pyproject.toml").is_file()


def test_the_kit_holds_no_answer_key(kit, book_sets):
    assert not (kit / "exercises").exists() and not (kit / "seeds").exists()
    assert not list(kit.rglob("*.yml")) or all("exercises" not in p.parts for p in kit.rglob("*.yml"))
    text = "\n".join(p.read_text("utf-8", errors="replace") for p in kit.rglob("*")
                     if p.is_file() and p.suffix in (".json", ".ipynb", ".md", ".yml", ".py"))
    _, sets = book_sets
    for item in (i for s in sets for i in s.items if i.type != "short-answer"):
        # (a short answer's rubric is not secret: it opens once any answer is recorded)
        assert inline(item.explanation) not in text, item.id
        if item.type == "date":
            assert item.answer.isoformat() not in text.replace("1951-01-12-continued", ""), item.id


def test_the_student_edition_links_only_to_the_kit():
    options = {"use_repository_button": True, "repository_url": "https://github.com/x/lesson",
               "launch_buttons": {"binderhub_url": "https://mybinder.org",
                                  "colab_url": "https://colab.research.google.com"}}
    without = student_links(dict(options), "")
    assert without["use_repository_button"] is False and "repository_url" not in without
    assert without["launch_buttons"] == {}
    with_kit = student_links(dict(options), "https://github.com/x/lesson-student@kit")
    assert with_kit["repository_url"] == "https://github.com/x/lesson-student"
    assert with_kit["repository_branch"] == "kit" and with_kit["use_repository_button"] is False


# --------------------------------------------------------------------------- the notebook's kit

def _notebook(cell: str) -> str:
    return json.dumps({"cells": [{"cell_type": "markdown", "metadata": {},
                                  "source": ['STUDENT_KIT = "https://example.org/prose"\n']},
                                 {"cell_type": "code", "metadata": {}, "outputs": [],
                                  "source": cell.splitlines(keepends=True)}],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)


def test_the_set_up_cell_is_given_the_configured_kit():
    text = _notebook('import sys\nSTUDENT_KIT = "https://github.com/x/lesson"  # here\nrun()\n')
    out = json.loads(with_student_kit(text, "https://github.com/x/lesson-student@kit"))
    code, prose = out["cells"][1]["source"], out["cells"][0]["source"]
    assert code == ["import sys\n", 'STUDENT_KIT = "https://github.com/x/lesson-student@kit"  # here\n',
                    "run()\n"]
    assert prose == ['STUDENT_KIT = "https://example.org/prose"\n']      # only code is rewritten
    assert '"STUDENT_KIT = \\"\\"' in with_student_kit(text, "")           # no kit: none named


def test_a_notebook_already_naming_the_kit_is_left_byte_for_byte():
    text = (ROOT / "book" / "live-notebook.ipynb").read_text("utf-8")
    assert with_student_kit(text, student_repository(ROOT)) == text


@pytest.mark.parametrize("bad", ['https://x/y" ; rm -rf ~', "git@github.com:x/y", "https://x/ y"])
def test_an_address_a_cell_would_misread_is_refused(bad):
    from sourcebook.errors import SourcebookError
    with pytest.raises(SourcebookError, match="sourcebook_student_repository"):
        with_student_kit(_notebook('STUDENT_KIT = ""\n'), bad)


def test_the_build_writes_the_kit_into_the_page_and_the_download(tmp_path):
    """As Sphinx reads a notebook (what the page shows) and in `_sources/` (what the download
    button gives), whatever the source says, the set-up cell names the configured kit."""
    from types import SimpleNamespace
    from sourcebook.sphinx import student_notebooks
    stale = _notebook('STUDENT_KIT = "https://github.com/x/lesson"\n')
    (tmp_path / "_sources" / "book").mkdir(parents=True)
    download = tmp_path / "_sources" / "book" / "nb.ipynb"
    download.write_text(stale, "utf-8")
    (tmp_path / "_sources" / "book" / "page.md").write_text('STUDENT_KIT = "a"', "utf-8")
    app = SimpleNamespace(outdir=str(tmp_path), builder=SimpleNamespace(format="html"),
                          config=SimpleNamespace(sourcebook_student_repository="https://k/s"),
                          env=SimpleNamespace(doc2path=lambda doc: f"/book/{doc}.ipynb"))
    source = [stale]
    student_notebooks._read(app, "book/nb", source)
    student_notebooks._rewrite_downloads(app, None)
    for text in (source[0], download.read_text("utf-8")):
        assert 'STUDENT_KIT = \\"https://k/s\\"' in text and "x/lesson" not in text
    assert (tmp_path / "_sources" / "book" / "page.md").read_text("utf-8") == 'STUDENT_KIT = "a"'


def test_the_kit_notebook_names_the_kit(kit):
    text = (kit / "book" / "live-notebook.ipynb").read_text("utf-8")
    assert f'STUDENT_KIT = \\"{student_repository(ROOT)}\\"' in text
