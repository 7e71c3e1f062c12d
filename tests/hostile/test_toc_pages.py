"""A hostile `_toc.yml` read by the live preview before Sphinx starts: a page name that is no
path on this machine is a missing page of `_toc.yml` with its line, never a ValueError or an
OSError from the file system."""

from __future__ import annotations

import pytest

from sourcebook.sphinx.warm_config import configuration_problems


@pytest.mark.parametrize("name", ["/", "x" * 300, "a/" + "b" * 300 + "/c", "nul\u0000byte"])
def test_a_page_name_that_is_no_path_is_a_missing_page_with_its_line(tmp_path, name):
    (tmp_path / "_config.yml").write_text("title: Test\n", "utf-8")
    (tmp_path / "intro.md").write_text("# Intro\n", "utf-8")
    quoted = name.replace("\u0000", "\\0")
    (tmp_path / "_toc.yml").write_text(f'format: jb-book\nroot: intro\nchapters:\n'
                                       f'- file: "{quoted}"\n', "utf-8")
    assert configuration_problems(tmp_path) == [
        f'_toc.yml:4: "{name}": no such page in the book']
