"""Shared fixtures: the project root and the memo."""

from __future__ import annotations

from pathlib import Path

import pytest

import sourcebook.cli  # noqa: F401  (its start-up guard, see there, also spares the in-process builds)

ROOT = Path(__file__).resolve().parents[1]
MEMO = "rusk-1951-01-12-continued-resistance"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def memo():
    from sourcebook.model.source import load_source
    return load_source(MEMO, ROOT)


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """Build an edition of the real book once per test run: built("student") -> its html folder.
    With pytest-xdist the workers of one run share the build (a lock file, so the second
    worker waits for the first instead of building again)."""
    import fcntl
    import os
    from sourcebook.sphinx.book_build import build_book
    cache: dict[str, Path] = {}
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")

    def build(edition: str = "student") -> Path:
        if edition in cache:
            return cache[edition]
        if not run:
            cache[edition] = build_book(ROOT, edition, tmp_path_factory.mktemp(f"site-{edition}"))
            return cache[edition]
        out = tmp_path_factory.getbasetemp().parent / f"site-{edition}-{run}"
        with open(f"{out}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            done = out / "html" / "index.html"
            cache[edition] = done.parent if done.is_file() else build_book(ROOT, edition, out)
        return cache[edition]
    return build


@pytest.fixture(scope="session")
def book_sets():
    """The real book: its context and its exercise sets (the data must load cleanly)."""
    from sourcebook.model.lesson import BookContext, load_all
    ctx = BookContext.load(ROOT)
    sets, problems = load_all(ctx)
    assert not problems
    return ctx, sets


@pytest.fixture(scope="session")
def book(book_sets):
    """The real book: its context and every exercise item."""
    ctx, sets = book_sets
    return ctx, [i for s in sets for i in s.items]


TINY_BOOK = ROOT / "tests" / "fixtures" / "tiny-book"


def copy_tiny_book(dest: Path) -> Path:
    """The tiny fixture book (one chapter with the memo, one exercise set, one citation) with
    the memo's seed from the repository: a build of a few seconds. Returns `dest`."""
    import shutil
    shutil.copytree(TINY_BOOK, dest)
    (dest / "seeds").mkdir()
    for suffix in (".txt", ".yml"):
        shutil.copy(ROOT / "seeds" / f"{MEMO}{suffix}", dest / "seeds")
    return dest


LESSON_PARTS = ("_config.yml", "_toc.yml", "pyproject.toml", "seeds", "book", "exercises", "src")


def copy_lesson(dest: Path) -> Path:
    """A copy of the lesson's folder as a JupyterHub pulls it (sources, book, data, kit), without
    build output or caches. Returns `dest`."""
    import shutil
    ignore = shutil.ignore_patterns("_build", "_generated", "__pycache__", "*.egg-info",
                                    ".ipynb_checkpoints", "*-answers.json")
    dest.mkdir(parents=True, exist_ok=True)
    for part in LESSON_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=ignore)
        else:
            shutil.copy2(src, dest / part)
    return dest
