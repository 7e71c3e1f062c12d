"""`sourcebook grade SUBMISSIONS... --out DIR [--force]` (registered by cli.py).

Exit status: 0 every file was graded; 1 some files were skipped (the report lists them and
why); 2 nothing was graded (bad usage, no files, or a broken book).
"""

from __future__ import annotations

from pathlib import Path

import click

from sourcebook.errors import SourcebookError


class GradeFailed(click.ClickException):
    exit_code = 2


@click.command()
@click.argument("submissions", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for gradebook.csv, item-analysis.html/.png and short-answers.csv.")
@click.option("--force", is_flag=True,
              help="Replace earlier results in --out (by default they are kept and the new "
                   "files get a timestamped name).")
@click.option("--root", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=None, help="The book's folder (default: found upwards from here).")
@click.option("--max-size", "max_bytes", type=click.IntRange(min=1), default=2_000_000,
              show_default=True, help="Largest answers file accepted, in bytes.")
@click.option("--policy", default="last", show_default=True,
              help="Which checked answer counts: last, best, first-try, or penalty:P (the last "
                   "one's score reduced by P for each extra attempt, e.g. penalty:0.25).")
def grade(submissions: tuple[Path, ...], out_dir: Path, force: bool, root: Path | None,
          max_bytes: int, policy: str) -> None:
    """Grade students' exported answers (files, or folders of *.json files)."""
    from sourcebook.grading.grade import display_text, grade as run, parse_policy
    from sourcebook.model.lesson import BookContext
    from sourcebook.model.project import Project

    def say(text: str) -> str:      # file names and reasons come from students' files
        return display_text(text, limit=2000)

    try:
        chosen = parse_policy(policy)
        book = Project.find(root).root
        ctx = BookContext.load(book)
        report = run(list(submissions), ctx, out_dir, force=force, max_bytes=max_bytes,
                     policy=chosen)
    except FileNotFoundError as err:
        raise GradeFailed(str(err)) from None
    except SourcebookError as err:
        if err.field == "policy":
            raise GradeFailed(err.message) from None
        raise GradeFailed(f"cannot grade until the book is fixed:\n{err}") from None

    click.echo(f"Graded {len(report.students)} student(s) on {len(report.item_ids)} item(s).")
    for kind in ("gradebook", "report", "chart", "short_answers"):
        click.echo(f"  wrote {report.outputs[kind]}")
    click.echo(f"Scoring policy: {report.policy}.")
    for note in report.notes:
        click.echo(f"note: {say(note.path)}: {say(note.reason)}", err=True)
    for skip in report.skipped:
        click.echo(f"not graded: {say(skip.path)}: {say(skip.reason)}", err=True)
    if not report.students and report.skipped:
        raise GradeFailed("no file could be graded")
    if report.skipped:
        click.echo(f"{len(report.skipped)} file(s) not graded; see the report.", err=True)
    raise SystemExit(report.exit_code)
