"""`sourcebook worksheet CHAPTER`: a printable PDF of a chapter's exercises (or its key)."""

from __future__ import annotations

from pathlib import Path

import click

from sourcebook.errors import SourcebookError


@click.command()
@click.argument("chapter")
@click.option("--key", is_flag=True, help="The answer key (instructors) instead of the worksheet.")
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="PDF to write (default: _build/worksheets/<chapter>[-key]-<version>.pdf).")
@click.option("--version", "version", default="A", show_default=True,
              help="Which version: its choices and orders are dealt for it; print several "
                   "versions (A, B, C …) so neighbours' sheets differ, and the key of each.")
@click.option("--paper", type=click.Choice(["letter", "a4"], case_sensitive=False), default=None,
              help="Paper size (default: `paper:` in _config.yml's sourcebook section, else "
                   "letter).")
def worksheet(chapter: str, key: bool, out: str | None, version: str, paper: str | None) -> None:
    """Write a PDF worksheet of CHAPTER's exercises (e.g. book/review)."""
    from sourcebook.model.lesson import BookContext, load_all
    from sourcebook.model.project import Project
    from sourcebook.render.worksheet import print_pdf, sets_for, worksheet_html
    from sourcebook.model.config import sourcebook_settings
    project = Project.find(Path.cwd())
    root = project.root
    try:
        ctx = BookContext.load(root)
        sets, problems = load_all(ctx)
        if problems:
            raise click.ClickException("fix these first (sourcebook check):\n"
                                       + "\n".join(map(str, problems)))
        chosen = sets_for(chapter, sets)
        title = chosen[0].info.title if len(chosen) == 1 else chapter
        name = Path(chapter).stem + ("-key" if key else "") + f"-{version}"
        target = Path(out) if out else project.worksheets / f"{name}.pdf"
        settings = sourcebook_settings(project.root) or {}
        paper = paper or str(settings.get("paper") or "letter")
        pdf = print_pdf(worksheet_html(title, chosen, ctx, key=key, version=version,
                                       paper=paper), target)
    except SourcebookError as err:
        raise click.ClickException(str(err)) from None
    click.echo(f"Wrote {pdf}")
