"""The author guide's worked item type ("Adding an item type"), taken from the guide's own code
blocks: its Python module, its JavaScript module, the `_config.yml` lines that register it and
an exercise item of it. Shared by tests/lesson/test_author_guide_new_type.py (Python) and
tests/browser/test_guide_item_type.py (a built page in Chromium)."""

from __future__ import annotations

import contextlib
import importlib.util
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
    """The guide's `_config.yml` lines that make the module one of the lesson's extensions."""
    return yaml.safe_load(block("yaml"))


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
        sys.modules.pop(MODULE, None)
        sys.path[:] = path


def load_module(folder: Path):
    """Import the guide's Python module from `folder` (as Sphinx would) and register it."""
    spec = importlib.util.spec_from_file_location(MODULE, folder / f"{MODULE}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[MODULE] = module
    spec.loader.exec_module(module)
    module.setup(None)
    return module
