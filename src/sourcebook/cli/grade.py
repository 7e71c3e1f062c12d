"""`sourcebook grade SUBMISSIONS... --out DIR [--force]` (registered by cli.py).

Exit status: 0 every file was graded; 1 some files were skipped (the report lists them and
why); 2 nothing was graded (bad usage, no files, or a broken book).
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from sourcebook.errors import SourcebookError


class GradeFailed(click.ClickException):
    exit_code = 2


def relative_to(folder: Path):
    """Names files as the instructor typed them: relative to `folder` (the current one) when
    inside it, else as given."""
    here = os.path.abspath(folder)

    def shown(path: str) -> str:
        rel = os.path.relpath(os.path.abspath(path), here)
        return path if rel.startswith("..") else rel
    return shown


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
@click.option("--policy", default=None,
              help="Which checked answer counts: last (default), best, first-try, or penalty:P "
                   "(the last one's score reduced by P for each extra attempt, e.g. "
                   "penalty:0.25). An assignment's own policy applies when this is not given.")
@click.option("--assignment", default=None,
              help="Grade only this assignment of assignments.yml (or, with --chapters, an "
                   "assignment given here).")
@click.option("--chapters", default=None,
              help="With --assignment NAME: the chapters it covers, e.g. book/war,book/document.")
@click.option("--roster", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              default=None, help="Your gradebook export (Canvas, Moodle, or a CSV with a name "
                                 "column): the marks are merged into a file ready to import.")
@click.option("--column", default=None,
              help="With --roster (Canvas or Moodle): the gradebook column to fill, when it is "
                   "not named after the assignment's title, e.g. \"Week 3 quiz\" or its full "
                   "name \"Week 3 quiz (87568491)\".")
@click.option("--marks", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              default=None, help="written-marks.csv with your rubric marks filled in: the "
                                 "written answers then count in the totals.")
@click.option("--pdf", is_flag=True, help="Also print the written-work pages to PDF (Chromium).")
def grade(submissions: tuple[Path, ...], out_dir: Path, force: bool, root: Path | None,
          max_bytes: int, policy: str | None, assignment: str | None, chapters: str | None,
          roster: Path | None, column: str | None, marks: Path | None, pdf: bool) -> None:
    """Grade students' exported answers (files, or folders of *.json files)."""
    from sourcebook.grading.grade import display_text, grade as run, parse_policy
    from sourcebook.model.lesson import BookContext
    from sourcebook.model.project import Project

    def say(text: str) -> str:      # file names and reasons come from students' files
        return display_text(text, limit=2000)

    from sourcebook.grading.assignments import adhoc, load_assignments
    from sourcebook.grading.roster import merge_roster
    from sourcebook.grading.written import read_marks
    from sourcebook.items.check import compile_item
    from sourcebook.model.lesson import load_all

    if column is not None and roster is None:
        raise GradeFailed("--column chooses a column of the --roster export: give --roster too")
    try:
        chosen = parse_policy(policy) if policy else None
        project = Project.find(root or Path.cwd())
        ctx = BookContext.load(project.root)
        sets, problems = load_all(ctx)
        if problems:
            raise problems[0]
        task = None
        if assignment and chapters:
            task = adhoc(assignment, [c.strip() for c in chapters.split(",") if c.strip()])
        elif assignment:
            known = load_assignments(project, sets)
            if assignment not in known:
                raise GradeFailed(f'no assignment "{assignment}" in assignments.yml (known: '
                                  f'{", ".join(known) or "none"}); or give --chapters')
            task = known[assignment]
        keys = {i.id: compile_item(i, ctx) for s in sets for i in s.items}
        sheet = read_marks(marks.read_bytes(), str(marks), keys) if marks else None
        report = run(list(submissions), ctx, out_dir, force=force, max_bytes=max_bytes,
                     policy=chosen, sets=sets, assignment=task, marks=sheet,
                     shown=relative_to(Path.cwd()))
    except FileNotFoundError as err:
        raise GradeFailed(str(err)) from None
    except SourcebookError as err:
        if err.field == "policy":
            raise GradeFailed(err.message) from None
        raise GradeFailed(f"cannot grade until the book is fixed:\n{err}") from None

    what = f' for assignment "{task.title}"' if task else ""
    click.echo(f"Graded {len(report.students)} student(s) on {len(report.item_ids)} item(s)"
               f"{what}.")
    for path in report.outputs.values():
        click.echo(f"  wrote {path}")
    if pdf and "written" in report.outputs:
        from sourcebook.render.worksheet import print_pdf
        written = report.outputs["written"]
        click.echo(f"  wrote {print_pdf(written.read_text(encoding='utf-8'), written.with_suffix('.pdf'))}")
    if roster:
        try:
            merged = merge_roster(report, roster.read_bytes(), str(roster), column=column)
        except SourcebookError as err:
            raise GradeFailed(str(err)) from None
        from sourcebook.model.answers import write_atomic
        for name, data in merged.files.items():
            click.echo(f"  wrote {write_atomic(Path(out_dir) / name, data, replace=True)} "
                       f"({merged.format}: {merged.matched} student(s) matched)")
        for line in merged.by_name:
            click.echo(f"note: {say(line)}", err=True)
        for who in merged.unmatched_roster:
            click.echo(f"no file from: {say(who)}", err=True)
        for who in merged.unmatched_files:
            click.echo(f"not in the roster: {say(who)}", err=True)
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
