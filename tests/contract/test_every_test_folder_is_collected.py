"""Every folder of tests/ is one pytest walks into: pytest's default `norecursedirs` names
`build`, which once kept tests/build out of every run without a word."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_no_test_folder_matches_norecursedirs():
    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = options["tool"]["pytest"]["ini_options"]["norecursedirs"]
    folders = {p.parent for p in (ROOT / "tests").rglob("test_*.py")}
    skipped = sorted(str(f.relative_to(ROOT)) for f in folders
                     for part in f.relative_to(ROOT).parts
                     if any(fnmatch.fnmatch(part, pat) for pat in patterns))
    assert folders and not skipped, f"pytest would never run the tests in {skipped}"
