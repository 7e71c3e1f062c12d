"""The `sourcebook` command: build, preview, check, grade, worksheet, new."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sourcebook.errors import SourcebookError

from sourcebook import project_root

# jsonschema (imported by jupyter-book) registers an "iri" format check when rfc3987_syntax is
# installed, and that package compiles its grammar on import: about 1 s of every command's
# start-up. Nothing the command runs checks formats (jupyter-book's config and the answers
# schema are validated without a format checker), so the check is left unregistered.
sys.modules.setdefault("rfc3987_syntax", None)


def _root(path: str | None) -> Path:
    try:
        return project_root(Path(path) if path else None)
    except FileNotFoundError as err:
        raise click.ClickException(str(err)) from None


@click.group()
@click.version_option(package_name="sourcebook")
def main() -> None:
    """Primary-source lesson kit: build the book, check its data, grade students' answers."""


@main.command()
@click.option("--edition", type=click.Choice(["student", "instructor"]), default="student",
              show_default=True, help="Which edition to build.")
@click.option("--out", type=click.Path(file_okay=False), default=None,
              help="Output folder (default: _build/<edition>).")
@click.option("--fresh", is_flag=True, help="Rebuild everything: every page, and figures and notebook outputs "
              "instead of reusing them from .sourcebook-cache/.")
@click.option("--root", type=click.Path(file_okay=False, exists=True), default=None,
              help="The book's folder (default: found upwards from here).")
@click.option("--jupyterhub-url", envvar="SOURCEBOOK_JUPYTERHUB_URL", default=None,
              metavar="URL", help="Your school's JupyterHub: adds a JupyterHub launch button "
              "to the notebook chapters (env: SOURCEBOOK_JUPYTERHUB_URL).")
def build(edition: str, out: str | None, fresh: bool, root: str | None,
          jupyterhub_url: str | None) -> None:
    """Build the book as a static site (warnings are errors)."""
    from sourcebook.sphinx.book_build import build_book
    book = _root(root)
    click.echo(f"Building the {edition} edition of {book} ...")
    try:
        html = build_book(book, edition, Path(out) if out else None, fresh=fresh,
                          jupyterhub_url=jupyterhub_url)
    except SourcebookError as err:     # BuildError, or a bad _toc.yml, named like any other
        raise click.ClickException(str(err)) from None
    click.echo(f"Built. Open {(html / 'index.html').as_uri()}")


@main.command()
@click.option("--root", type=click.Path(file_okay=False, exists=True), default=None)
def check(root: str | None) -> None:
    """Validate every seed, exercise set, timeline and close-reading guide."""
    from sourcebook.authoring.validate import check_book
    book = _root(root)
    loaded: dict = {}
    found = check_book(book, loaded)
    if "sets" in loaded:            # the book loaded: its assignments are checked against it
        found += _assignment_problems(book, loaded["sets"])
    for p in found:
        click.echo(p, err=True)
    errors = [p for p in found if p.severity == "error"]
    if errors:
        raise click.ClickException(f"{len(errors)} problem(s) found")
    click.echo("All seeds, exercise sets, guides and assignments are valid"
               + (f"; {len(found)} warning(s) above to look at." if found else "."))


@main.command("student-kit")
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("--root", type=click.Path(file_okay=False, exists=True), default=None)
def student_kit(out: Path, root: str | None) -> None:
    """Write the folder students' live notebooks open from: the kit, the notebooks and the
    hashed questions, no answer key. Push it as its own repository (or branch) and set
    sphinx.config.sourcebook_student_repository to it for launch buttons; the notebooks'
    set-up cells are given that address (to fetch the kit on Colab)."""
    from sourcebook.model.lesson import BookContext
    from sourcebook.render.student_kit import student_repository, write_student_kit
    book = _root(root)
    try:
        ctx = BookContext.load(book)
        notebooks = sorted(p for p in (Path(book) / "book").glob("*.ipynb"))
        folder = write_student_kit(ctx, out, notebooks)
    except SourcebookError as err:
        raise click.ClickException(str(err)) from None
    click.echo(f"Wrote the student kit to {folder} ({len(notebooks)} notebook(s)); it holds no "
               "answer key.")
    if notebooks and not student_repository(Path(book)):
        click.echo("Note: _config.yml names no sphinx.config.sourcebook_student_repository, so on "
                   "Colab the notebooks cannot fetch the kit: set it to where you push this "
                   "folder and run this again.", err=True)


def _assignment_problems(book, sets) -> list:
    """assignments.yml checked against the book's chapters and sets (grading owns the format)."""
    from sourcebook.errors import SourcebookError
    from sourcebook.grading.assignments import load_assignments
    try:
        load_assignments(book, sets)
    except SourcebookError as err:
        return list(getattr(err, "errors", None) or [err])
    return []


def _register() -> None:
    """Commands that live in their own modules (each imports only what it needs)."""
    from sourcebook.cli.grade import grade
    from sourcebook.cli.new import new
    from sourcebook.cli.preview import preview
    from sourcebook.cli.worksheet import worksheet
    for command in (grade, worksheet, new, preview):
        main.add_command(command)


_register()
