"""Exercise sets from YAML, checked item by item, with every problem named by file:line and field.

    ctx = BookContext.load(root)           # sources, objectives, timeline, variants, book id
    sets, problems = load_all(ctx)         # every exercises/*.yml, all problems in one list
    loaded = load_set(path, ctx)           # one set; raises ExerciseErrors listing its problems

`BookContext` (what items may refer to) is loaded by `book_context.py`.

Scalars are read as text, and pydantic turns them into the field's type. This sidesteps
YAML 1.1 surprises (`answer: no` as false, `id: 1` as a number, `on` as true) while
`answer: true` or `points: 2` still work where the schema expects a bool or a number.

Messages are for instructors, e.g.::

    exercises/context.yml:42 item ctx-07: answer: answer "E" is not one of the options A-D
    exercises/context.yml:40 item ctx-07: promt: field "promt" is not a known field (did you mean "prompt"?)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from sourcebook.model.book_context import BookContext, Objective
from sourcebook.yamlio import Lines, read_yaml
from sourcebook.model.messages import _field_line, _translate
from sourcebook.model.project import Project
from sourcebook.errors import Problems, SourcebookError, suggest
from sourcebook.items.registry import item_adapter, item_type
from sourcebook.items.schema import SetInfo

__all__ = ["BookContext", "ExerciseErrors", "LoadedSet", "Objective", "load_all", "load_set",
           "exercise_files", "check_exercises"]

ExerciseErrors = Problems     # the loader's name for several problems at once


# --------------------------------------------------------------------------- YAML with lines

def _read_yaml(path: Path, shown: str) -> tuple[Any, Lines]:
    """The file's data (scalars as text, plain `~`/`null`/empty as None) and the line of every
    node, keyed by its path of keys and list indices (the kit's one reader, yamlio.py)."""
    doc = read_yaml(path, shown=shown)
    return doc.data, doc.lines


# --------------------------------------------------------------------------- one set

@dataclass
class LoadedSet:
    path: Path
    info: SetInfo
    items: list[Any]
    lines: dict[str, int]                       # item id -> line of the item
    shown: str = ""                             # the path as messages show it


@dataclass
class _Parsed:
    loaded: LoadedSet | None
    errors: list[SourcebookError]
    ids: list[tuple[str, int]]                  # every item id written, with its line
    set_id: tuple[str, int] | None


def load_set(path: str | Path, ctx: BookContext) -> LoadedSet:
    """Load and check one exercise set; raise ExerciseErrors with all its problems."""
    parsed = _parse_set(Path(path), ctx)
    errors = parsed.errors + _duplicates([(parsed.ids, ctx.show(Path(path)))])
    if errors:
        raise ExerciseErrors(sorted(errors, key=lambda e: e.line or 0))
    return parsed.loaded


def _parse_set(path: Path, ctx: BookContext) -> _Parsed:
    shown = ctx.show(path)
    try:
        data, lines = _read_yaml(path, shown)
    except ExerciseErrors as err:
        return _Parsed(None, err.errors, [], None)
    except SourcebookError as err:
        return _Parsed(None, [err], [], None)
    errors: list[SourcebookError] = []
    if not isinstance(data, dict):
        errors.append(SourcebookError(shown, "expected an exercise set: a set: section and an "
                                      "items: list", line=1))
        return _Parsed(None, errors, [], None)
    for key in data:
        if key not in ("set", "items"):
            errors.append(SourcebookError(
                shown, f'"{key}" is not a section of an exercise set (only set: and items:)'
                + suggest(key, ("set", "items")), line=lines.get((key, "@key")), field=key))

    info = None
    set_id = None
    if "set" not in data:
        errors.append(SourcebookError(shown, "is missing (id, title, chapter, source of the set)",
                                      line=1, field="set"))
    elif not isinstance(data["set"], dict):
        errors.append(SourcebookError(shown, "must be a mapping of id, title, chapter, source",
                                      line=lines.get(("set",)), field="set"))
    else:
        raw_set = data["set"]
        if isinstance(raw_set.get("id"), str):
            set_id = (raw_set["id"], lines.get(("set", "id"), 1))
        try:
            info = SetInfo.model_validate(raw_set)
        except ValidationError as exc:
            errors.extend(_translate(exc, raw_set, ("set",), lines, shown, None, top=SetInfo))
        if info is not None:
            errors.extend(_check_set_info(info, lines, shown, ctx))

    raw_items = data.get("items")
    ids: list[tuple[str, int]] = []
    items: list[Any] = []
    item_lines: dict[str, int] = {}
    if raw_items is None:
        if not any('did you mean "items"' in e.message for e in errors):
            errors.append(SourcebookError(shown, "is missing or empty: list the set's items "
                                          "under items:", line=lines.get(("items",), 1),
                                          field="items"))
        raw_items = []
    elif not isinstance(raw_items, list):
        errors.append(SourcebookError(shown, 'must be a list of items, each starting with "- id:"',
                                      line=lines.get(("items",)), field="items"))
        raw_items = []
    for n, raw in enumerate(raw_items):
        base = ("items", n)
        line = lines.get(base, 1)
        if not isinstance(raw, dict):
            errors.append(SourcebookError(shown, f"item #{n + 1} must be a mapping of fields "
                                          "(id:, type:, prompt: ...)", line=line))
            continue
        name = raw["id"] if isinstance(raw.get("id"), str) and raw["id"] else f"#{n + 1}"
        if isinstance(raw.get("id"), str) and raw["id"]:
            ids.append((raw["id"], lines.get(base + ("id",), line)))
        try:
            item = item_adapter().validate_python(raw)
        except ValidationError as exc:
            errors.extend(_translate(exc, raw, base, lines, shown, name))
            continue
        item, problems = _cross_check(item, raw, base, lines, shown, info, ctx)
        errors.extend(problems)
        if not problems:
            items.append(item)
            item_lines[item.id] = line
    loaded = None
    if info is not None and not errors:
        loaded = LoadedSet(path=path, info=info, items=items, lines=item_lines, shown=shown)
    return _Parsed(loaded, errors, ids, set_id)


def _check_set_info(info: SetInfo, lines: Lines, shown: str, ctx: BookContext
                    ) -> list[SourcebookError]:
    errors = []
    if info.chapter is not None and ctx.root is not None:
        stem = Path(ctx.root) / info.chapter
        candidates = [stem] if stem.suffix in (".md", ".ipynb") else \
            [stem.with_name(stem.name + ext) for ext in (".md", ".ipynb")]
        if not any(c.is_file() for c in candidates):
            errors.append(SourcebookError(
                shown, f'"{info.chapter}" is not a chapter of the book (no file '
                f"{info.chapter}.md or .ipynb)", line=lines.get(("set", "chapter")),
                field="set chapter"))
    if info.source is not None and ctx.sources and info.source not in ctx.sources:
        errors.append(SourcebookError(
            shown, f'"{info.source}" is not a seed in seeds/' + suggest(info.source, ctx.sources),
            line=lines.get(("set", "source")), field="set source"))
    return errors


# --------------------------------------------------------------------------- cross-references

def _cross_check(item, raw: dict, base: tuple, lines: Lines, shown: str, info: SetInfo | None,
                 ctx: BookContext) -> tuple[Any, list[SourcebookError]]:
    """Check what the item refers to; return the item completed (source, timeline entries)."""
    errors: list[SourcebookError] = []

    def problem(message: str, fname: str, *sub) -> None:
        line = _field_line(lines, base + (fname, *sub))
        errors.append(SourcebookError(shown, message, line=line, field=fname, item=item.id))

    if ctx.objectives is not None and item.objective not in ctx.objectives:
        problem(f'"{item.objective}" is not a learning objective in book/data/objectives.yml'
                + suggest(item.objective, ctx.objectives), "objective")

    slug = item.source or (info.source if info else None) or ctx.default_source
    source = ctx.sources.get(slug) if slug else None
    if slug and source is None and (item.source or item_type(item).needs_source):
        problem(f'"{slug}" is not a seed in seeds/' + suggest(slug, ctx.sources),
                "source" if item.source else "type")
        return item, errors
    if item_type(item).needs_source and source is None:
        problem("names no source: give source: here or in the set", "type")
        return item, errors
    if source is not None and item.source != slug:
        # Every item carries its source: the checker needs it, and so do the widgets and the
        # answers file, which keep each source's answers apart in a book of several sources.
        item = item.model_copy(update={"source": slug})

    entry = item_type(item)
    if entry.cross_check is not None and (source is not None or not entry.needs_source):
        item = entry.cross_check(item, problem, source, slug, ctx)
    return item, errors


# --------------------------------------------------------------------------- all sets

def exercise_files(root: str | Path) -> list[Path]:
    """Every exercise set: exercises/*.yml except variants.yml and files starting with "_"."""
    return Project(Path(root)).exercise_files()


def _duplicates(per_file: list[tuple[list[tuple[str, int]], str]]) -> list[SourcebookError]:
    seen: dict[str, str] = {}
    errors = []
    for ids, shown in per_file:
        for item_id, line in ids:
            where = f"{shown}:{line}"
            if item_id in seen:
                errors.append(SourcebookError(
                    shown, f'id "{item_id}" is already used at {seen[item_id]}; ids must be '
                    "unique across the book", line=line, field="id", item=item_id))
            else:
                seen[item_id] = where
    return errors


def load_all(ctx: BookContext, paths: list[Path] | None = None
             ) -> tuple[list[LoadedSet], list[SourcebookError]]:
    """Every exercise set of the book and every problem in them (not only the first)."""
    parsed = [(p, _parse_set(p, ctx)) for p in (paths if paths is not None
                                                 else exercise_files(ctx.root))]
    errors: list[SourcebookError] = []
    for _, result in parsed:
        errors.extend(result.errors)
    errors.extend(_duplicates([(r.ids, ctx.show(p)) for p, r in parsed]))
    set_ids = [([r.set_id] if r.set_id else [], ctx.show(p)) for p, r in parsed]
    errors.extend(SourcebookError(e.path, e.message.replace("ids must", "set ids must"),
                                  line=e.line, field="set id") for e in _duplicates(set_ids))
    bad_files = {e.path for e in errors}
    sets = [r.loaded for p, r in parsed if r.loaded is not None and ctx.show(p) not in bad_files]
    errors.sort(key=lambda e: (e.path or "", e.line or 0))
    return sets, errors


def check_exercises(root: str | Path) -> list[str]:
    """Messages for every problem in the book's exercise sets (empty: all good)."""
    try:
        ctx = BookContext.load(root)
    except ExerciseErrors as err:
        return [str(e) for e in err.errors]
    except SourcebookError as err:
        return [str(err)]
    files = exercise_files(root)
    if not files:
        return [f"{Project(Path(root)).exercises}: no exercise sets (*.yml)"]
    return [str(e) for e in load_all(ctx, files)[1]]
