"""Where a build keeps what a clean build may reuse, and what `--fresh` throws away."""

from __future__ import annotations

from click.testing import CliRunner

from sourcebook import __version__
from sourcebook.cli import main
from sourcebook.sphinx.book_build import notebook_cache, sphinx_settings


def test_the_default_build_keeps_notebook_outputs_beside_the_config_by_kit_version(tmp_path):
    assert notebook_cache(tmp_path, "student", tmp_path / "_build" / "student", True) == \
        tmp_path / ".sourcebook-cache" / "notebooks" / __version__ / "student"
    # a build into a folder of its own (tests, parallel workers) keeps its own cache there
    assert notebook_cache(tmp_path, "student", tmp_path / "x", False) == tmp_path / "x" / ".jupyter_cache"


def test_fresh_is_passed_to_the_extension(root, tmp_path):
    *_, overrides = sphinx_settings(root, "student", tmp_path / "out", fresh=True)
    assert overrides["sourcebook_fresh"] is True
    assert overrides["nb_execution_cache_path"] == str(tmp_path / "out" / ".jupyter_cache")


def test_preview_is_a_command():
    result = CliRunner().invoke(main, ["preview", "--help"])
    assert result.exit_code == 0 and "rebuild on save" in result.output
