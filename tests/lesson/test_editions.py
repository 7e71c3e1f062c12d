"""Two editions from one source: instructor material never reaches the student site."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.build

INSTRUCTOR_MARKERS = ("Teacher guide", "Answer keys", "Alignment matrix", "Author guide",
                      "Exemplar (written for this lesson)")


def _site_text(site) -> dict[str, str]:
    return {str(p.relative_to(site)): p.read_text(encoding="utf-8", errors="replace")
            for p in site.rglob("*") if p.suffix in {".html", ".js", ".json", ".txt"}
            and p.is_file()}


def test_student_site_has_no_instructor_pages(built):
    site = built("student")
    assert not (site / "book" / "instructor").exists()
    leaked = [p for p in site.rglob("*") if "instructor" in p.parts
              or p.name.startswith(("teacher-guide", "author-guide"))]
    assert leaked == []


def test_student_site_never_mentions_instructor_material(built):
    for name, text in _site_text(built("student")).items():
        for marker in INSTRUCTOR_MARKERS:
            assert marker not in text, f"{marker!r} leaked into {name}"


def test_instructor_site_has_the_guide_and_keys(built):
    site = built("instructor")
    guide = (site / "book" / "instructor" / "teacher-guide.html").read_text(encoding="utf-8")
    for marker in ("Answer keys", "Alignment matrix", "Exemplar (written for this lesson)"):
        assert marker in guide
    assert (site / "book" / "instructor" / "author-guide.html").is_file()
    # the student chapters are there too
    assert (site / "book" / "document.html").is_file()


def test_editions_build_into_separate_folders(built):
    assert built("student") != built("instructor")
    assert built("student").parent != built("instructor").parent
