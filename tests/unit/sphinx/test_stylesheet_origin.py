"""Only the theme's and extensions' stylesheets are purged; a lesson's own is left as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from sourcebook.sphinx.light_pages import _PURGED_MARK

# A lesson's stylesheet for classes its own script computes: no page or script names them whole.
LESSON_CSS = ".heat-glow{outline:2px solid #c00}\n.heat-calm{outline:none}\n"
LESSON_JS = "const heat = ['glow', 'calm'][n % 2]; el.classList.add('heat-' + heat);\n"


@pytest.fixture(scope="module")
def built_site(tmp_path_factory) -> Path:
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace
    project = tmp_path_factory.mktemp("lesson")
    (project / "_static").mkdir()
    (project / "_static" / "lesson.css").write_text(LESSON_CSS, encoding="utf-8")
    (project / "_static" / "lesson.js").write_text(LESSON_JS, encoding="utf-8")
    (project / "conf.py").write_text(
        "html_theme = 'sphinx_book_theme'\n"
        "extensions = ['sphinx_design', 'sourcebook.sphinx.light_pages']\n"
        "html_static_path = ['_static']\n"
        "html_css_files = ['lesson.css']\nhtml_js_files = ['lesson.js']\n", encoding="utf-8")
    (project / "index.rst").write_text("Lesson\n======\n\nA page.\n", encoding="utf-8")
    out = project / "_build" / "html"
    # in a docutils namespace of its own, as sphinx-build runs: the node classes Sphinx
    # registers must not outlive this build (later in-process builds would warn, and fail)
    with docutils_namespace():
        app = Sphinx(str(project), str(project), str(out), str(project / "_build" / ".doctrees"),
                     "html", status=None, warning=None, freshenv=True)
        app.build()
    return out


def test_the_lessons_own_stylesheet_is_not_purged(built_site):
    assert (built_site / "_static" / "lesson.css").read_text(encoding="utf-8") == LESSON_CSS


def test_the_theme_and_sphinx_stylesheets_still_are(built_site):
    for rel in ("styles/sphinx-book-theme.css", "styles/pydata-sphinx-theme.css", "basic.css",
                "pygments.css", "fontawesome-inline.css"):
        text = (built_site / "_static" / rel).read_text(encoding="utf-8")
        assert text.startswith(_PURGED_MARK), rel


def test_bootstraps_tooltip_placement_rules_survive_the_purge(built_site):
    theme = (built_site / "_static" / "styles" / "pydata-sphinx-theme.css").read_text("utf-8")
    assert ".bs-tooltip-auto[data-popper-placement^=top] .tooltip-arrow" in theme
    assert ".bs-popover-auto[data-popper-placement^=bottom]" in theme
