"""A lesson's own item type, declared in `_config.yml` (`sourcebook: item_types:`), is known to
every command, not only the Sphinx build: `sourcebook check` loads its items, `worksheet` prints
them and `grade` scores them, each in a fresh process with nothing registered beforehand."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from guide_item_type import guide_book

ROOT = Path(__file__).resolve().parents[2]
TINY = ROOT / "tests" / "fixtures" / "tiny-book"
MEMO = "rusk-1951-01-12-continued-resistance"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sourcebook", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lesson-type")
    return guide_book(folder, tiny=TINY,
                      memo_files=[ROOT / "seeds" / f"{MEMO}{x}" for x in (".txt", ".yml")])


def answers_file(path: Path, name: str, sid: str, item_id: str, response: str) -> Path:
    stamp = "2026-01-12T10:00:00.000Z"
    path.write_text(json.dumps({
        "format": "sourcebook-answers", "version": 2,
        "book": {"id": "tiny-book", "content_version": "1"},
        "student": {"name": name, "id": sid}, "assignment": None, "seed": None,
        "exported_at": stamp,
        "responses": {item_id: {"response": response, "attempts": 1, "history": [response],
                                "first_at": stamp, "last_at": stamp}},
        "notes": {}}), encoding="utf-8")
    return path


def test_check_knows_the_lesson_type(book):
    root, item = book
    done = run("check", "--root", str(root), cwd=root)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "number" not in done.stderr


def test_grade_scores_the_lesson_type(book, tmp_path):
    root, item = book
    folder = tmp_path / "in"
    folder.mkdir()
    answers_file(folder / "ada.json", "Ada", "s1", item["id"], "9")     # within the tolerance
    answers_file(folder / "bob.json", "Bob", "s2", item["id"], "11")
    done = run("grade", str(folder), "--root", str(root), "--out", str(tmp_path / "out"),
               cwd=root)
    assert done.returncode == 0, done.stdout + done.stderr
    rows = list(csv.DictReader(io.StringIO(
        (tmp_path / "out" / "gradebook.csv").read_text(encoding="utf-8-sig"))))
    marks = {r["name"]: r[item["id"]] for r in rows}
    assert marks == {"Ada": "1", "Bob": "0"}


def test_a_declared_module_that_is_missing_is_an_error_naming_the_field(book, tmp_path):
    root, _ = book
    config = root / "_config.yml"
    original = config.read_text(encoding="utf-8")
    data = yaml.safe_load(original)
    data["sourcebook"]["item_types"] = ["book/_ext/nowhere.py"]
    try:
        config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        done = run("check", "--root", str(root), cwd=root)
    finally:
        config.write_text(original, encoding="utf-8")
    assert done.returncode != 0
    out = done.stdout + done.stderr
    assert "_config.yml" in out and "sourcebook.item_types[0]" in out and "no such file" in out
