"""The benchmark's bare Jupyter Book really is bare: every directive the kit registers is
stripped from every chapter (a new directive once broke `make bench`)."""

from __future__ import annotations

import importlib.util

from conftest import ROOT


def bench_module():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_kit_directive_survives_in_the_bare_chapters():
    from sourcebook.sphinx.directives import DIRECTIVES
    bench = bench_module()
    assert set(bench.KIT_DIRECTIVES) == set(DIRECTIVES)
    chapters = sorted((ROOT / "book").rglob("*.md"))
    assert len(chapters) >= 10
    for chapter in chapters:
        bare = bench.strip_kit(chapter.read_text(encoding="utf-8"))
        left = [name for name in DIRECTIVES if "{" + name + "}" in bare]
        assert not left, f"{chapter.name}: {left}"
        assert "{frus}`" not in bare
