"""The author guide's worked item type ("Adding an item type"), taken from the guide's own code
blocks: its Python module, its JavaScript module, the `_config.yml` lines that register it and
an exercise item of it. Shared by tests/lesson/test_author_guide_new_type.py (Python) and
tests/browser/test_guide_item_type.py (a built page in Chromium)."""

from __future__ import annotations

import contextlib
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
GUIDE = (ROOT / "book" / "instructor" / "author-guide.md").read_text(encoding="utf-8")
SECTION = "## Adding an item type"
MODULE = "number_item"          # the guide's file name, book/_ext/number_item.py


def block(info: str, after: str = SECTION) -> str:
    """The first ```info block of the guide after the text `after` (in the section)."""
    tail = GUIDE[GUIDE.index(SECTION):]
    tail = tail[tail.index(after):]
    return re.search(rf"^```{info}\n(.*?)^```", tail, re.S | re.M).group(1)


def python_module() -> str:
    return block("python")


def js_module() -> str:
    return block("js")


def config_lines() -> dict:
    """The guide's `_config.yml` lines that declare the module one of the lesson's types."""
    return yaml.safe_load(block("yaml"))


def item_types_entry() -> list:
    return config_lines()["sourcebook"]["item_types"]


def exercise_item() -> dict:
    return yaml.safe_load(block("yml", "Then an exercise set can use it"))[0]


def write_modules(folder: Path, *, js: str | None = None) -> Path:
    """The guide's two modules in `folder` (its JS replaced by `js` when given)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{MODULE}.py").write_text(python_module(), encoding="utf-8")
    (folder / "number.js").write_text(js_module() if js is None else js, encoding="utf-8")
    return folder


@contextlib.contextmanager
def forgotten_afterwards():
    """Whatever registers the guide's type inside the block (a test, or Sphinx loading the
    lesson's extension) is undone after it: the registry, sys.modules and sys.path."""
    from sourcebook.items.registry import unregister
    path = list(sys.path)
    try:
        yield
    finally:
        unregister("number")
        for name in [n for n in sys.modules if n.startswith("sourcebook_lesson_types.")]:
            sys.modules.pop(name)
        sys.path[:] = path


def load_module(book: Path):
    """Declare the guide's module in `book`'s `_config.yml` (the guide's lines) and load the
    lesson's types as every command does; the module."""
    from sourcebook.model.lesson_types import load_lesson_types
    config = book / "_config.yml"
    data = yaml.safe_load(config.read_text(encoding="utf-8")) if config.is_file() else {}
    data.setdefault("sourcebook", {})["item_types"] = item_types_entry()
    config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    assert load_lesson_types(book) == ("number",)
    return next(m for n, m in sys.modules.items()
                if n.startswith(f"sourcebook_lesson_types.{MODULE}_"))


def guide_book(folder: Path, *, tiny: Path, memo_files: list[Path]) -> tuple[Path, dict]:
    """The tiny fixture book with the guide's type in its book/_ext/, declared in its
    `_config.yml` with the guide's lines, and one item of it (tolerance 1)."""
    import shutil
    book = folder / "tiny-book"
    shutil.copytree(tiny, book)
    (book / "seeds").mkdir()
    for path in memo_files:
        shutil.copy(path, book / "seeds")
    write_modules(book / "book" / "_ext")
    config_file = book / "_config.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["sourcebook"]["item_types"] = item_types_entry()
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    item = {**exercise_item(), "objective": "memo-1", "tolerance": 1}
    exercises = book / "exercises" / "memo.yml"
    data = yaml.safe_load(exercises.read_text(encoding="utf-8"))
    data["items"].append(item)
    exercises.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                         encoding="utf-8")
    return book, item
