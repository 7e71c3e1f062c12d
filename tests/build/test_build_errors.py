"""`sourcebook build` refuses what it cannot build with a SourcebookError, printed like every
other: `Error: file:line field: message` (nothing is built, so these take no time)."""

from __future__ import annotations

from click.testing import CliRunner

from sourcebook.cli import main
from sourcebook.errors import SourcebookError
from sourcebook.sphinx.book_build import BuildError, check_hub_url


def build(book, *args: str):
    return CliRunner().invoke(main, ["build", "--root", str(book), "--out",
                                     str(book / "out"), *args])


def test_a_bad_hub_address_is_a_sourcebook_error_naming_the_option(tiny_book):
    try:
        check_hub_url("ftp://hub.example.edu")
    except SourcebookError as err:
        assert isinstance(err, BuildError) and err.field == "--jupyterhub-url"
    else:
        raise AssertionError("ftp:// was accepted")
    result = build(tiny_book, "--jupyterhub-url", "ftp://hub.example.edu")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        "Error: --jupyterhub-url: JupyterHub address 'ftp://hub.example.edu': give the hub's "
        "web address, for example https://hub.example.edu")
    assert not (tiny_book / "out" / "html").exists()


def test_a_field_given_twice_in_the_instructor_toc_names_file_and_line(tiny_book):
    """The instructor edition's table of contents is read by the kit's one YAML reader."""
    extra = tiny_book / "book" / "instructor" / "_toc.yml"
    extra.parent.mkdir()
    extra.write_text("root: book/intro\nroot: book/memo\n", encoding="utf-8")
    result = build(tiny_book, "--edition", "instructor")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        'Error: book/instructor/_toc.yml:2: root: field "root" is given twice (the second '
        "would replace the first)")
