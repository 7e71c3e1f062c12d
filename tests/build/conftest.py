"""Build tests run on a tiny fixture book (tests/fixtures/tiny-book: one chapter with the memo,
one exercise set, one citation), a few seconds a build; the real book is built in tests/lesson."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_tiny_book


@pytest.fixture
def tiny_book(tmp_path) -> Path:
    return copy_tiny_book(tmp_path / "tiny-book")
