"""A lesson's own item types, declared once in `_config.yml` and known to every command.

    sourcebook:
      item_types:
        - book/_ext/number_item.py      # a module defining TYPE = ItemType(...)

Loading the book (`BookContext.load`) registers them, so the build, `check`, `grade`,
`worksheet` and the notebook all know the type, not only the Sphinx build. A module is imported
once per process (by its path), so loading the same book twice registers the same entry again,
which the registry accepts; the live preview, which outlives an edit of the module, forgets the
lesson's modules (`forget_lesson_types`) so that the next load imports them as they are now.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path

from sourcebook.errors import Problems, SourcebookError
from sourcebook.items.base import ItemType
from sourcebook.items.registry import TYPES, register, unregister
from sourcebook.model.project import Project
from sourcebook.model.config import sourcebook_settings

FIELD = "sourcebook.item_types"
PACKAGE = "sourcebook_lesson_types"       # the lesson's modules are imported under this prefix


def declared(root: Path) -> list[Path]:
    """The modules `_config.yml` lists, checked: relative paths to .py files inside the book."""
    config = Project(root).config
    if not config.is_file():
        return []
    listed = (sourcebook_settings(root) or {}).get("item_types")
    if listed is None:
        return []
    if not isinstance(listed, list):
        raise SourcebookError(config, "item_types must be a list of module paths such as "
                              "book/_ext/number_item.py", field=FIELD)
    problems, paths = [], []
    inside = root.resolve()
    for n, entry in enumerate(listed):
        where = f"{FIELD}[{n}]"
        if not isinstance(entry, str) or not entry.endswith(".py"):
            problems.append(SourcebookError(config, "an item type is a Python module path "
                                            "ending in .py", field=where))
            continue
        path = (root / entry).resolve()
        if Path(entry).is_absolute() or not path.is_relative_to(inside):
            problems.append(SourcebookError(config, f'"{entry}" is outside the book: give a '
                                            "path relative to the book's folder", field=where))
        elif not path.is_file():
            problems.append(SourcebookError(config, f'"{entry}": no such file', field=where))
        else:
            paths.append(path)
    if problems:
        raise Problems(problems)
    return paths


def _import(path: Path):
    """The module at `path`, imported once per process under a name of its own."""
    name = f"{PACKAGE}.{path.stem}_{hashlib.sha1(str(path).encode()).hexdigest()[:10]}"
    module = sys.modules.get(name)
    if module is None:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        try:
            # From the source, never a cached .pyc: a .pyc is trusted while the file's size and
            # mtime (whole seconds) match, so an edit of the same length saved within the same
            # second (the preview, a test) would run yesterday's code. dont_inherit: the
            # module's own __future__ imports, not this file's.
            exec(compile(path.read_bytes(), str(path), "exec", dont_inherit=True),
                 module.__dict__)
        except BaseException:
            sys.modules.pop(name, None)
            raise
    return module


def load_lesson_types(root: str | Path) -> tuple[str, ...]:
    """Import and register the lesson's own item types; their names."""
    root = Path(root)
    names, problems = [], []
    for path in declared(root):
        try:
            module = _import(path)
        except Exception as err:    # the author's code: say which file, and what it raised
            problems.append(SourcebookError(path, f"could not be imported: {type(err).__name__}:"
                                            f" {err}", field=FIELD))
            continue
        entry = getattr(module, "TYPE", None)
        if not isinstance(entry, ItemType):
            problems.append(SourcebookError(path, "defines no item type: a lesson's item-type "
                                            "module sets TYPE = ItemType(...)", field=FIELD))
            continue
        try:
            register(entry)
        except ValueError as err:
            problems.append(SourcebookError(path, str(err), field=FIELD))
            continue
        names.append(entry.name)
    if problems:
        raise Problems(problems)
    return tuple(names)


def forget_lesson_types(root: str | Path) -> tuple[str, ...]:
    """Unregister the item types of the lesson at `root` and drop their modules from
    `sys.modules`, so that the next `load_lesson_types` imports the files as they are now; the
    names of the types forgotten. (A module the type's module imports by itself is not
    imported again.)"""
    inside = Path(root).resolve()
    names = []
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if not name.startswith(f"{PACKAGE}.") or not file \
                or not Path(file).resolve().is_relative_to(inside):
            continue
        del sys.modules[name]
        entry = getattr(module, "TYPE", None)
        if isinstance(entry, ItemType) and TYPES.get(entry.name) is entry:
            unregister(entry.name)
            names.append(entry.name)
    return tuple(names)
