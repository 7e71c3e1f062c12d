"""`sourcebook new PATH [--document d7]`: draft a lesson for another FRUS document, from a plain
text (as printed, or as copied from history.state.gov) or from the Office of the Historian's TEI."""

from __future__ import annotations

from pathlib import Path

import click

from sourcebook import project_root
from sourcebook.errors import SourcebookError


@click.command()
@click.argument("text", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--slug", default=None,
              help="Name for the seed, chapter and exercise set (default: writer-date-subject).")
@click.option("--document", "document", default=None, metavar="ID",
              help="With a TEI volume (.xml): the document's id, e.g. d52.")
@click.option("--root", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=None, help="The book's folder (default: found upwards from here).")
@click.option("--lesson", type=click.Path(file_okay=False, path_type=Path), default=None,
              metavar="DIR", help="Start a new lesson in DIR (a new or empty folder): a book of "
              "its own around TEXT, instead of adding TEXT to an existing book.")
def new(text: Path, slug: str | None, document: str | None, root: Path | None,
        lesson: Path | None) -> None:
    """Add the FRUS document TEXT (a .txt, or a TEI .xml volume with --document) to the book as
    a new source with a starter lesson; with --lesson DIR, start a new book around it."""
    from sourcebook.authoring.validate import check_book
    from sourcebook.authoring.scaffold import plan, write
    if lesson and root:
        raise click.ClickException("--lesson starts a new book; --root names an existing one: "
                                   "give one of the two")
    try:
        if lesson:
            from sourcebook.authoring.lesson import plan_lesson
            book, p = lesson, plan_lesson(text, lesson, slug, document)
        else:
            book = project_root(root)
            p = plan(text, book, slug, document)
    except FileNotFoundError as err:
        raise click.ClickException(str(err)) from None
    except SourcebookError as err:
        raise click.ClickException(str(err)) from None
    try:
        written = write(p)
    except SourcebookError as err:
        raise click.ClickException(str(err)) from None
    d, s = p.draft, p.slug
    click.echo(f"Started a new lesson in {book} around {text.name} (\"{s}\"):" if lesson
               else f"Added {text.name} to {book} as \"{s}\":")
    for change in d.changes:
        click.echo(f"  ({change})")
    for rel in written:
        click.echo(f"  {rel.as_posix()}")
    click.echo("\nRead from the apparatus: "
               f"{d.kind} by {d.author.set_off if d.recipient else d.author.phrase}"
               + (f" to {d.recipient.phrase}" if d.recipient else "")
               + f", {d.date.isoformat()} (from the {d.date_basis}"
               + "".join(f"; {n}" for n in d.date_notes) + "), "
               f"{d.ap.classification or d.facts.classification or 'no marking'}"
               + ("" if d.ap.classification or not d.facts.classification
                  else " (from the source note)") + ".")
    click.echo("\nTo verify and complete before you publish:")
    for note in d.verify:
        click.echo(f"  - seeds/{s}.yml, {note}")
    click.echo(f"  - book/sources/{s}.md: write the introduction (the paragraph after the "
               "% comment) and check the key points")
    click.echo(f"  - exercises/{s}.yml: check every starter item, then add your own")
    click.echo(f"  - book/data/objectives.yml: reword {s}-1 and {s}-2 to fit your lesson")
    if lesson:
        click.echo(f"  - _config.yml: the title, author and book_id; book/intro.md: the start "
                   f"page; book/data/guides/{s}.yml: the close-reading guide's questions")
    problems = [p for p in check_book(book) if p.severity == "error"]
    if problems:
        for problem in problems:
            click.echo(problem, err=True)
        raise click.ClickException(f"sourcebook check: {len(problems)} problem(s) in the book")
    click.echo("\nsourcebook check: all seeds, exercise sets and guides are valid. "
               + (f"Next: sourcebook build --root {book}" if lesson else "Next: sourcebook build"))
