"""One YAML reader, one project model (issue #11, audit points 5 and 6).

* Every YAML file is read through `sourcebook/yamlio.py`: nothing else in `src/` calls
  `yaml.safe_load`, `yaml.load` (or their kin), so duplicate fields, merge keys, size and alias
  limits and line numbers behave the same everywhere.
* The core (`items`, `model`, `grading`, `authoring`, `errors.py`, `yamlio.py`) never asks for
  the current folder (`Path.cwd`, `os.getcwd`): an adapter finds the project and hands it in.
* The core spells no path of the book's layout: `model/project.py` (class Project) is the only
  place that knows where `exercises/`, `seeds/`, `_toc.yml`, `_config.yml`, `_build/` ... are.
  A string that *is* such a name (`root / "exercises"`) or starts one (`f"seeds/{slug}.yml"`)
  counts; docstrings, comments and a message that mentions a path mid-sentence do not.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KIT = ROOT / "src" / "sourcebook"
READER = KIT / "yamlio.py"
PROJECT = KIT / "model" / "project.py"
CORE = [*(p for package in ("items", "model", "grading", "authoring")
          for p in sorted((KIT / package).rglob("*.py"))), KIT / "errors.py", READER]

YAML_LOADERS = {"safe_load", "load", "full_load", "unsafe_load", "safe_load_all", "load_all",
                "compose", "compose_all"}
CURRENT_FOLDER = {("Path", "cwd"), ("os", "getcwd"), ("os", "getcwdb")}
LAYOUT_NAMES = {"exercises", "seeds", "_toc.yml", "_config.yml", "_build", ".sourcebook-cache",
                "assignments.yml", "pacing.yml", "objectives.yml", "timeline.yml",
                "variants.yml", "frus.yml", "decimal-file.yml", "guides", "worksheets"}
LAYOUT_PREFIXES = ("exercises/", "seeds/", "book/", "_build/")


def yaml_loads(source: str) -> list[int]:
    """Lines that load YAML by themselves: `yaml.safe_load(...)` and its kin, or importing them
    from yaml."""
    hits = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "yaml" \
                and node.func.attr in YAML_LOADERS:
            hits.append(node.lineno)
        elif isinstance(node, ast.ImportFrom) and node.module == "yaml" \
                and any(alias.name in YAML_LOADERS for alias in node.names):
            hits.append(node.lineno)
    return sorted(hits)


def current_folder_calls(source: str) -> list[int]:
    """Lines that name `Path.cwd` or `os.getcwd` (called or passed as a default factory)."""
    return [node.lineno for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
            and (node.value.id, node.attr) in CURRENT_FOLDER]


def _docstrings(tree: ast.AST) -> set[int]:
    documented = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, documented) and node.body
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}


def layout_literals(source: str) -> list[tuple[int, str]]:
    """(line, string) of every string in code that is, or starts, a path of the layout."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docs
            and (node.value in LAYOUT_NAMES or node.value.startswith(LAYOUT_PREFIXES))]


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


# --------------------------------------------------------------------------- the checks bite

def test_the_checks_tell_code_from_comments_and_messages():
    source = ('"""Reads exercises/*.yml with yaml.safe_load(text)."""\n'
              "import os, yaml\n"
              "from pathlib import Path\n"
              "# yaml.safe_load(text) would read it too; Path.cwd() is where we are\n"
              "data = yaml.safe_load(text)\n"
              'sets = Path(root) / "exercises"\n'
              'meta = f"seeds/{slug}.yml"\n'
              'oops = f"{root}: no exercise sets in exercises/"   # a message: allowed\n'
              "here = os.getcwd()\n"
              "made = field(default_factory=Path.cwd)\n"
              "def f():\n"
              '    """Writes _build/worksheets/."""\n'
              "    return yaml.load(text, Loader=yaml.SafeLoader)\n"
              "from yaml import safe_load as read\n")
    assert yaml_loads(source) == [5, 13, 14]
    assert layout_literals(source) == [(6, "exercises"), (7, "seeds/")]
    assert current_folder_calls(source) == [9, 10]


# --------------------------------------------------------------------------- the kit keeps them

def test_only_yamlio_reads_yaml():
    hits = [f"{_rel(path)}:{n}" for path in sorted(KIT.rglob("*.py")) if path != READER
            for n in yaml_loads(path.read_text(encoding="utf-8"))]
    assert not hits, ("YAML read outside sourcebook/yamlio.py (use read_yaml, load_data, "
                      "parse_yaml or compose):\n" + "\n".join(hits))


def test_the_core_never_asks_for_the_current_folder():
    hits = [f"{_rel(path)}:{n}" for path in CORE
            for n in current_folder_calls(path.read_text(encoding="utf-8"))]
    assert not hits, ("core code asks for the current folder (let the adapter pass the "
                      "project or a folder in):\n" + "\n".join(hits))


def test_only_the_project_model_spells_the_layout():
    assert PROJECT.is_file() and layout_literals(PROJECT.read_text(encoding="utf-8"))
    hits = [f"{_rel(path)}:{n}: {text!r}" for path in CORE if path != PROJECT
            for n, text in layout_literals(path.read_text(encoding="utf-8"))]
    assert not hits, ("a core module spells a path of the book's layout (add or use an "
                      "attribute of model/project.py's Project):\n" + "\n".join(hits))
