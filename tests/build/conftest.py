"""Build tests run on a tiny fixture book (tests/fixtures/tiny-book: one chapter with the memo,
one exercise set, one citation), a few seconds a build; the real book is built in tests/lesson."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT

TINY = Path(__file__).resolve().parents[1] / "fixtures" / "tiny-book"
MEMO = "rusk-1951-01-12-continued-resistance"


@pytest.fixture
def tiny_book(tmp_path) -> Path:
    book = tmp_path / "tiny-book"
    shutil.copytree(TINY, book)
    (book / "seeds").mkdir()
    for suffix in (".txt", ".yml"):
        shutil.copy(ROOT / "seeds" / f"{MEMO}{suffix}", book / "seeds")
    return book
