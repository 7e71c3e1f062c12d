"""Rebuilds are incremental, as `make book` is the second time and after an author edits
references.bib. The rebuilds are processes of their own, as from the command line, reading what
the first build (here, in-process: the same `build_book` the command calls) left on disk."""

from __future__ import annotations

import subprocess
import sys

from sourcebook.render import static
from sourcebook.render.minify import minified
from sourcebook.sphinx import ASSETS
from sourcebook.sphinx.book_build import build_book


def test_incremental_builds_keep_the_kit_assets_and_follow_the_bibliography(tiny_book, tmp_path):
    build = [sys.executable, "-m", "sourcebook", "build", "--root", str(tiny_book),
             "--out", str(tmp_path / "out")]
    page = tmp_path / "out" / "html" / "book" / "intro.html"
    build_book(tiny_book, "student", tmp_path / "out")
    assert "Doe, 2001" in page.read_text(encoding="utf-8")
    # a rebuild with nothing to rewrite keeps the kit's JS and CSS, as they are now
    static_dir = tmp_path / "out" / "html" / "_static"
    (static_dir / "sourcebook.js").write_text("/* yesterday's widget code */", "utf-8")
    run = subprocess.run(build, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    for asset in [*static.asset_paths(), *sorted(ASSETS.glob("sourcebook-theme.*"))]:
        assert (static_dir / asset.name).read_text("utf-8") == minified(asset), asset.name
    bib = tiny_book / "book" / "references.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace("year = {2001}", "year = {2002}"),
                   "utf-8")
    run = subprocess.run(build, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    text = page.read_text(encoding="utf-8")
    assert "Doe, 2002" in text and "Doe, 2001" not in text
