"""`sourcebook check`: every problem in the book's data, in one run, in words an author can fix.

Every problem is a `SourcebookError` (file, line, item, field, message, severity)."""

from __future__ import annotations

from pathlib import Path

from sourcebook.errors import Problems, SourcebookError
from sourcebook.model.decimal_file import names_for
from sourcebook.model.project import Project
from sourcebook.model.source import all_seeds, check_source, load_source


def _as_errors(found, path) -> list[SourcebookError]:
    """Problems as errors (a checker that still says a bare string gets its file named)."""
    out = []
    for p in found:
        if isinstance(p, Problems):
            out.extend(p.errors)
        elif isinstance(p, SourcebookError):
            out.append(p)
        else:
            out.append(SourcebookError(path, str(p)))
    return out


def check_seeds(root: Path) -> list[SourcebookError]:
    project = Project(root)
    seeds = all_seeds(project.root)
    if not seeds:
        return [SourcebookError(project.seeds, "no seed texts (*.txt)")]
    try:        # every seed's file number is decoded with these: report a bad file once
        names_for(project)
    except SourcebookError as err:
        return _as_errors([err], project.decimal_file)
    problems: list[SourcebookError] = []
    for txt in seeds:
        try:
            source = load_source(txt, project.root)
        except SourcebookError as err:
            problems.extend(_as_errors([err], txt))
            continue
        problems.extend(_as_errors(check_source(source), project.shown(txt)))
    return problems


def check_book(root: Path, loaded: dict | None = None) -> list[SourcebookError]:
    """All problems: seeds, timeline, exercise sets (with their cross-references), guides.
    `loaded`, when given, receives the sets read on the way (`loaded["sets"]`), so a caller
    checking more (the assignments) does not read them again."""
    project = Project(root)
    problems = check_seeds(project.root)
    if problems:
        return problems     # exercises refer to the seeds: fix those first
    if project.timeline.is_file():
        from sourcebook.model.timeline import load_timeline
        try:
            load_timeline(project.timeline)
        except SourcebookError as err:
            problems.extend(_as_errors([err], project.timeline))
        except Exception as err:                       # TimelineError lists its problems
            problems.extend(_as_errors(getattr(err, "problems", [err]), project.timeline))
    from sourcebook.model.pacing import load_pacing
    try:
        load_pacing(project)
    except SourcebookError as err:
        problems.append(err)
    from sourcebook.model.lesson import BookContext, load_all
    try:
        ctx = BookContext.load(project.root)
    except SourcebookError as err:
        return [*problems, *_as_errors([err], project.config)]
    sets, exercise_problems = load_all(ctx)
    if loaded is not None:
        loaded["sets"] = sets
    problems.extend(_as_errors(exercise_problems, project.exercises))
    from sourcebook.authoring.balance import key_warnings, lesson_key_warnings
    for one in sets:
        problems.extend(key_warnings(one))
    problems.extend(lesson_key_warnings(sets, project.shown(project.exercises)))
    if project.guides.is_dir():
        from sourcebook.model.guide import load_guide
        for path in sorted(project.guides.glob("*.yml")):
            source = ctx.sources.get(path.stem)
            if source is None:
                problems.append(SourcebookError(project.shown(path),
                                                f"no seed named {path.stem} for this guide"))
                continue
            try:
                load_guide(path, source, project=project)
            except SourcebookError as err:
                problems.extend(_as_errors(getattr(err, "problems", [err]), path))
    return problems
