"""The student kit (what launch buttons open) holds the notebook and the hashed questions and
no answer key; the student edition links to nothing else that could hold one."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT
from sourcebook.items.payload import inline
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
