"""A small bundler for the kit's own front-end modules (``render/assets/**.js``).

The front end is written as plain ES modules, readable and one per concern. A page opened from
disk (file://) cannot load ES modules, and anywidget wants its module as one string, so the build
joins them: each module becomes a function scope, run once in dependency order, whose exports are
the names it returns. Two outputs from the same sources:

    bundle(entry)              a classic script (an IIFE) for the static page
    bundle(entry, esm=True)    an ES module whose default export is the entry's default export

It understands exactly the module syntax the kit uses, written at the start of a line:
``import { a, b as c } from './x.js';``, ``import * as x from './x.js';``,
``export { a, b } from './x.js';``, ``export { a, b };``, ``export function|async function|const|
let|class name``, ``export default <expression>;``. Anything else (a bare specifier, an import
cycle, a dynamic import) is refused with the file and line, never guessed at.

A lesson's own item type ships its front-end module beside its Python module (the `ItemType`'s
`front_end`, e.g. ``book/_ext/number.js``). ``bundle(entry, item_types=[path, ...])`` adds such
modules and registers each in the kit's registry (``items/index.js``: ``addItemType``) before the
entry runs. A lesson's module imports the kit's modules as ``sourcebook/<path under assets>``
(``import { stretch } from 'sourcebook/core/crypto.js';``) and its own by relative path.
"""

from __future__ import annotations

import re
from pathlib import Path

ASSETS = (Path(__file__).parent / "assets").resolve()
REGISTRY = "items/index.js"        # the kit's registry of item types, under ASSETS
KIT_PREFIX = "sourcebook/"          # how a lesson's module names the kit's modules


class BundleError(ValueError):
    pass


_IMPORT = re.compile(r"^import\s+(?:\{([^}]*)\}|\*\s+as\s+(\w+))\s+from\s+'([^']+)';?[ \t]*$",
                     re.M)
_REEXPORT = re.compile(r"^export\s+\{([^}]*)\}\s+from\s+'([^']+)';?[ \t]*$", re.M)
_EXPORT_LIST = re.compile(r"^export\s+\{([^}]*)\};?[ \t]*$", re.M)
_EXPORT_DECL = re.compile(r"^export\s+((?:async\s+)?function\*?|const|let|class)\s+(\w+)", re.M)
_EXPORT_DEFAULT = re.compile(r"^export\s+default\s+", re.M)
_LEFTOVER = re.compile(r"^\s*(import|export)\b", re.M)


def _names(spec: str) -> list[tuple[str, str]]:
    """`a, b as c` -> [(a, a), (b, c)]: (name in the module, local name)."""
    out = []
    for part in filter(None, (p.strip() for p in spec.split(","))):
        m = re.fullmatch(r"(\w+)(?:\s+as\s+(\w+))?", part)
        if not m:
            raise BundleError(f"cannot read the import/export list {spec!r}")
        out.append((m.group(1), m.group(2) or m.group(1)))
    return out


def _rel(path: Path) -> str:
    path = path.resolve()
    root = ASSETS if ASSETS in path.parents else path.parent
    return path.relative_to(root).as_posix()


def _var(path: Path) -> str:
    """The bundle's name for a module: the kit's by their path, a lesson's by their file name."""
    rel = _rel(path)
    stem = rel[:-3] if rel.endswith(".js") else rel
    prefix = "module_" if ASSETS in path.resolve().parents else "lesson_"
    return prefix + re.sub(r"\W", "_", stem)


class _Module:
    def __init__(self, path: Path):
        self.path = path
        self.text = path.read_text(encoding="utf-8")
        self.deps: list[Path] = []
        self.exports: list[tuple[str, str]] = []      # (exported name, local expression)
        self.body = self._transform()

    def _resolve(self, spec: str, at: int) -> Path:
        if spec.startswith(KIT_PREFIX):
            target = (ASSETS / spec[len(KIT_PREFIX):]).resolve()
        elif spec.startswith("./") or spec.startswith("../"):
            target = (self.path.parent / spec).resolve()
        else:
            line = self.text.count("\n", 0, at) + 1
            raise BundleError(f"{self.path}:{line}: only the kit's own modules can be bundled "
                              f"({spec!r} is not a relative path or {KIT_PREFIX}...)")
        if not target.is_file():
            raise BundleError(f"{self.path}: {spec!r} does not exist")
        self.deps.append(target)
        return target

    def _transform(self) -> str:
        text = self.text

        def imp(m):
            target = self._resolve(m.group(3), m.start())
            if m.group(2):
                return f"const {m.group(2)} = {_var(target)};"
            pairs = ", ".join(a if a == b else f"{a}: {b}" for a, b in _names(m.group(1)))
            return f"const {{ {pairs} }} = {_var(target)};"

        def reexport(m):
            target = self._resolve(m.group(2), m.start())
            names = _names(m.group(1))
            self.exports += [(b, f"{_var(target)}.{a}") for a, b in names]
            return ""

        def export_list(m):
            self.exports += [(b, a) for a, b in _names(m.group(1))]
            return ""

        def decl(m):
            self.exports.append((m.group(2), m.group(2)))
            return f"{m.group(1)} {m.group(2)}"

        def default(m):
            self.exports.append(("default", "__default"))
            return "const __default = "

        text = _IMPORT.sub(imp, text)
        text = _REEXPORT.sub(reexport, text)
        text = _EXPORT_LIST.sub(export_list, text)
        text = _EXPORT_DECL.sub(decl, text)
        text = _EXPORT_DEFAULT.sub(default, text)
        left = _LEFTOVER.search(text)
        if left or "import(" in text:
            at = left.start() if left else text.index("import(")
            line = text.count("\n", 0, at) + 1
            raise BundleError(f"{self.path}:{line}: module syntax this bundler does not read")
        return text


def _ordered(entries: list[Path]) -> list[_Module]:
    """The entries and everything they import, each module after its imports."""
    done: dict[Path, _Module] = {}
    visiting: list[Path] = []

    def visit(path: Path):
        if path in done:
            return
        if path in visiting:
            cycle = " -> ".join(p.name for p in visiting[visiting.index(path):] + [path])
            raise BundleError(f"import cycle: {cycle}")
        visiting.append(path)
        module = _Module(path)
        for dep in module.deps:
            visit(dep)
        visiting.pop()
        done[path] = module

    for entry in entries:
        visit(entry.resolve())
    return list(done.values())


def _unique_names(modules: list[_Module]) -> None:
    seen: dict[str, Path] = {}
    for m in modules:
        name = _var(m.path)
        if name in seen:
            raise BundleError(f"{m.path} and {seen[name]}: two front-end modules of one name; "
                              "rename one")
        seen[name] = m.path


def bundle(entry: Path, *, esm: bool = False, item_types=()) -> str:
    """The entry module and everything it imports, as one script (or one ES module); with
    `item_types`, the front-end modules of item types the kit's registry does not list (a
    lesson's own), added to it before the entry runs."""
    kit_paths = {m.path for m in _ordered([entry])}
    registry = (ASSETS / REGISTRY).resolve()
    added = list(dict.fromkeys(p.resolve() for p in item_types if p.resolve() not in kit_paths))
    for path in added:
        if not path.is_file():
            raise BundleError(f"{path}: an item type's front-end module that does not exist")
    if added and registry not in kit_paths:
        raise BundleError(f"{entry}: does not use the item registry ({REGISTRY}), "
                          "so it cannot take a lesson's item types")
    modules = _ordered([*added, entry.resolve()])
    modules.append(modules.pop(next(i for i, m in enumerate(modules) if m.path == entry.resolve())))
    _unique_names(modules)
    out = ["/* sourcebook front end, bundled from src/sourcebook/render/assets by render/bundle.py */"]
    if not esm:
        out.append("(() => {")
    out.append("'use strict';")
    for m in modules:
        exports = ", ".join(f"{name}: {expr}" for name, expr in m.exports)
        if m is modules[-1]:
            out += [f"{_var(registry)}.addItemType({_var(p)});" for p in added]
        out.append(f"/* {_rel(m.path)} */\nconst {_var(m.path)} = (() => {{\n{m.body.strip()}\n"
                   f"return Object.freeze({{ {exports} }});\n}})();")
    if esm:
        out.append(f"export default {_var(modules[-1].path)}.default;")
    else:
        out.append("})();")
    return "\n".join(out) + "\n"
