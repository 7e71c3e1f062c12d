"""The kit's layout keeps its promises (issue #11): small modules, and no word of the lesson.

* No module of `src/sourcebook` is over `MAX_LINES` lines: one idea a module.
* The kit's Python names the example lesson (Korea, Rusk) only in comments and docstrings that
  show an example; code and messages never do (`grep -ri "korea\\|rusk" src/` finds nothing else).
* Every file of the kit that is not Python (templates, data, the front end) is shipped: a
  package-data pattern in pyproject.toml covers it.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
import tomllib
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[2]
KIT = ROOT / "src" / "sourcebook"
MAX_LINES = 400
# Modules allowed over the limit for now, each with the reason. render/static.py is being split
# by another branch; remove it here once that branch is merged (the test below says when).
LESSON_WORDS = re.compile(r"korea|rusk", re.IGNORECASE)


def kit_modules() -> list[Path]:
    return sorted(KIT.rglob("*.py"))


def line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_kit_module_is_over_the_line_limit():
    offenders = {path.relative_to(KIT).as_posix(): line_count(path) for path in kit_modules()
                 if line_count(path) > MAX_LINES}
    assert not offenders, (f"modules over {MAX_LINES} lines (split them, one idea each): "
                           + ", ".join(f"{name} ({n})" for name, n in sorted(offenders.items())))


def _documentation_spans(source: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(start, end) as (line, column) of every comment and docstring in `source`; columns
    count characters, as tokenize and str indices do."""
    lines = source.splitlines()

    def chars(line: int, offset: int) -> int:      # ast counts columns in UTF-8 bytes
        return len(lines[line - 1].encode("utf-8")[:offset].decode("utf-8", "ignore"))

    spans = [(tok.start, tok.end) for tok in tokenize.generate_tokens(io.StringIO(source).readline)
             if tok.type == tokenize.COMMENT]
    documented = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    for node in ast.walk(ast.parse(source)):
        first = node.body[0] if isinstance(node, documented) and node.body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
                and isinstance(first.value.value, str):
            doc = first.value
            spans.append(((doc.lineno, chars(doc.lineno, doc.col_offset)),
                          (doc.end_lineno, chars(doc.end_lineno, doc.end_col_offset))))
    return spans


def lesson_words_in_code(source: str) -> list[tuple[int, str]]:
    """(line, text) of each line where a lesson word stands outside a comment or docstring."""
    spans = _documentation_spans(source)
    hits = []
    for number, line in enumerate(source.splitlines(), start=1):
        for match in LESSON_WORDS.finditer(line):
            at = (number, match.start())
            if not any(start <= at < end for start, end in spans):
                hits.append((number, line.strip()))
                break
    return hits


def test_the_check_tells_code_from_comments():
    source = ('"""A module about the Rusk memo."""\n'
              "# Korea, as in the example lesson\n"
              "def f():\n"
              '    """Rusk in a docstring."""\n'
              '    return "Korea"   # a message naming the lesson\n'
              "RUSK = 1\n"
              'x = "“¶”"  # Korea, after text outside ASCII\n'
              "def g():\n"
              '    """“¶”""";"Rusk"\n')
    assert lesson_words_in_code(source) == [(5, 'return "Korea"   # a message naming the lesson'),
                                            (6, "RUSK = 1"),
                                            (9, '"""“¶”""";"Rusk"')]


def test_the_kit_names_the_lesson_only_in_comments():
    hits = [f"{path.relative_to(ROOT)}:{line}: {text}" for path in kit_modules()
            for line, text in lesson_words_in_code(path.read_text(encoding="utf-8"))]
    assert not hits, "the kit names the example lesson outside a comment or docstring:\n" \
        + "\n".join(hits)


def test_every_file_the_kit_reads_is_shipped():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = [PurePosixPath(p) for p in
                pyproject["tool"]["setuptools"]["package-data"]["sourcebook"]]
    files = [PurePosixPath(path.relative_to(KIT).as_posix()) for path in KIT.rglob("*")
             if path.is_file() and path.suffix not in (".py", ".pyc")]
    assert any(f.parent.as_posix() == "authoring/templates" for f in files)    # the check sees them
    unshipped = [f.as_posix() for f in files
                 if not any(f.parent == p.parent and fnmatch(f.name, p.name) for p in patterns)]
    assert not unshipped, f"not in [tool.setuptools.package-data] of pyproject.toml: {unshipped}"
