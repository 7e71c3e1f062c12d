"""The benchmark's bare book is configured without any part of the kit, the lesson's
book-local figure extension included (it draws through the kit)."""

from __future__ import annotations

import importlib.util

import yaml

from conftest import ROOT


def test_the_bare_config_keeps_the_book_and_drops_the_kit():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    original = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    bare = yaml.safe_load(bench.bare_config((ROOT / "_config.yml").read_text(encoding="utf-8")))
    assert original["sphinx"]["local_extensions"]           # the lesson has one to drop
    assert bare["sphinx"]["extra_extensions"] == []
    assert "local_extensions" not in bare["sphinx"] and "sourcebook" not in bare
    assert bare["sphinx"]["config"] == {k: v for k, v in original["sphinx"]["config"].items()
                                        if not k.startswith("sourcebook_")}
    assert any(k.startswith("sourcebook_") for k in original["sphinx"]["config"])
    assert bare["title"] == original["title"]
