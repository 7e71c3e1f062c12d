"""`sourcebook worksheet CHAPTER`: a printable PDF of a chapter's exercises (or its key)."""

from __future__ import annotations

from pathlib import Path

import click

from sourcebook import project_root
from sourcebook.errors import SourcebookError


@click.command()
@click.argument("chapter")
@click.option("--key", is_flag=True, help="The answer key (instructors) instead of the worksheet.")
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="PDF to write (default: _build/worksheets/<chapter>[-key].pdf).")
def worksheet(chapter: str, key: bool, out: str | None) -> None:
    """Write a PDF worksheet of CHAPTER's exercises (e.g. book/review)."""
    from sourcebook.model.lesson import BookContext, load_all
    from sourcebook.render.worksheet import print_pdf, sets_for, worksheet_html
    root = project_root()
    try:
        ctx = BookContext.load(root)
        sets, problems = load_all(ctx)
        if problems:
            raise click.ClickException("fix these first (sourcebook check):\n"
                                       + "\n".join(map(str, problems)))
        chosen = sets_for(chapter, sets)
        title = chosen[0].info.title if len(chosen) == 1 else chapter
        name = Path(chapter).stem + ("-key" if key else "")
        target = Path(out) if out else root / "_build" / "worksheets" / f"{name}.pdf"
        pdf = print_pdf(worksheet_html(title, chosen, ctx, key=key), target)
    except SourcebookError as err:
        raise click.ClickException(str(err)) from None
    click.echo(f"Wrote {pdf}")
