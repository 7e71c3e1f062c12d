"""The instructor edition crawled once, as test_site.py crawls the student one (a file of its
own, so the two crawls run side by side on the test workers)."""

from __future__ import annotations

import pytest

from .test_site import crawl

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def found(built, browser, serve, foreign):
    return crawl(built, browser, serve, foreign, "instructor")


def test_every_page_loads_nothing_from_other_hosts(found):
    assert found["outside"] == {}


def test_axe_finds_no_violation_on_any_page(found):
    assert found["axe"] == {}


def test_no_page_scrolls_sideways_on_a_phone(found):
    assert found["wide"] == {}


def test_no_table_breaks_a_word_or_overflows_on_a_phone(found):
    assert found["tables"] == {}
