"""The layer contracts of pyproject.toml ([tool.importlinter]) hold, and they have teeth."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT = [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; "
        "sys.exit(lint_imports_command())"]


def lint(src: Path, cwd: Path) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"}
    return subprocess.run(LINT, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_the_kit_keeps_its_layers():
    run = lint(ROOT / "src", ROOT)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "2 kept, 0 broken" in run.stdout


def test_a_core_module_importing_sphinx_breaks_the_contract(tmp_path):
    shutil.copytree(ROOT / "src" / "sourcebook", tmp_path / "src" / "sourcebook",
                    ignore=shutil.ignore_patterns("__pycache__", "assets"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    base = tmp_path / "src" / "sourcebook" / "items" / "base.py"
    base.write_text(base.read_text() + "\nfrom sphinx.util import logging  # planted\n")
    run = lint(tmp_path / "src", tmp_path)
    assert run.returncode != 0
    assert "sourcebook.items.base -> sphinx" in run.stdout
