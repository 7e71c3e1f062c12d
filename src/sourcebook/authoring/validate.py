"""`sourcebook check`: every problem in the book's data, in one run, in words an author can fix."""

from __future__ import annotations

from pathlib import Path

from sourcebook.errors import SourcebookError
from sourcebook.model.source import all_seeds, check_source, load_source


def check_seeds(root: Path) -> list[str]:
    problems: list[str] = []
    seeds = all_seeds(root)
    if not seeds:
        problems.append(f"{root / 'seeds'}: no seed texts (*.txt)")
    for txt in seeds:
        try:
            source = load_source(txt, root)
        except SourcebookError as err:
            problems.append(str(err))
            continue
        problems.extend(check_source(source))
    return problems


def check_book(root: Path) -> list[str]:
    """All problems: seeds, timeline, exercise sets (with their cross-references), guides."""
    problems = check_seeds(root)
    if problems:
        return problems     # exercises refer to the seeds: fix those first
    timeline = root / "book" / "data" / "timeline.yml"
    if timeline.is_file():
        from sourcebook.model.timeline import load_timeline
        try:
            load_timeline(timeline)
        except SourcebookError as err:
            problems.append(str(err))
    from sourcebook.model.lesson import BookContext, load_all
    try:
        ctx = BookContext.load(root)
    except SourcebookError as err:
        return [*problems, str(err)]
    _, exercise_problems = load_all(ctx)
    problems.extend(str(p) for p in exercise_problems)
    guides = root / "book" / "data" / "guides"
    if guides.is_dir():
        from sourcebook.model.guide import load_guide
        for path in sorted(guides.glob("*.yml")):
            source = ctx.sources.get(path.stem)
            if source is None:
                problems.append(f"{path}: no seed named {path.stem} for this guide")
                continue
            try:
                load_guide(path, source)
            except SourcebookError as err:
                problems.append(str(err))
    return problems
