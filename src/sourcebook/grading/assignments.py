"""What the teacher assigned: `assignments.yml` beside `_config.yml`, validated like every data file.

    - id: week-3                       # the name students' links and `grade --assignment` use
      title: Context and the memo      # the gradebook column's name in Canvas / Moodle
      chapters: [book/war, book/authors, book/document]   # or sets: [war, authors, document]
      due: 2027-01-20                  # optional
      policy: last                     # optional: last, best, first-try, penalty:P
      points: 40                       # optional: scale the assignment to this many points
      require_student_id: true         # optional: the page asks for an id before exporting

An assignment covers the exercise sets shown in its chapters (or the sets named). Grading an
assignment scores only those items, with a subtotal per chapter and the percent of the
assigned points. `--assignment` with chapters given on the command line works without a file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from sourcebook.errors import Problems, SourcebookError
from sourcebook.grading.policy import parse_policy
from sourcebook.model.project import Project, project_of
from sourcebook.yamlio import read_yaml


class Assignment(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)
    title: str = Field(min_length=1, max_length=120)
    chapters: list[str] = Field(default_factory=list)
    sets: list[str] = Field(default_factory=list)
    due: dt.date | None = None
    policy: str = "last"
    points: float | None = Field(default=None, gt=0, le=10_000)
    require_student_id: bool = False

    @field_validator("policy")
    @classmethod
    def _known_policy(cls, value: str) -> str:
        try:
            parse_policy(value)
        except SourcebookError as err:
            raise ValueError(err.message) from None
        return value

    def covers(self, loaded_set) -> bool:
        return loaded_set.info.id in self.sets or (loaded_set.info.chapter or "") in self.chapters


def assignments_path(project: Project) -> Path:
    return project.assignments


def load_assignments(root, sets=None) -> dict[str, Assignment]:
    """Every assignment of the project (none when there is no file); with `sets`, the chapters
    and sets each names are checked against the book."""
    project = project_of(root)
    path = assignments_path(project)
    if not path.is_file():
        return {}
    shown = project.shown(path)
    doc = read_yaml(path, shown=shown, typed=True)
    if not isinstance(doc.data, list):
        raise SourcebookError(shown, "expected a list of assignments (- id: ..., title: ...)",
                              line=1)
    out: dict[str, Assignment] = {}
    problems: list[SourcebookError] = []
    known_sets = {s.info.id for s in sets} if sets is not None else None
    known_chapters = {s.info.chapter for s in sets if s.info.chapter} if sets is not None else None
    for n, raw in enumerate(doc.data):
        line = doc.line((n,))
        try:
            a = Assignment.model_validate(raw)
        except ValidationError as err:
            for e in err.errors():
                fld = ".".join(str(x) for x in e["loc"]) or None
                msg = "is not a known field" if e["type"] == "extra_forbidden" else \
                    "is missing" if e["type"] == "missing" else \
                    str(e.get("ctx", {}).get("error", e["msg"]))
                problems.append(SourcebookError(shown, msg, line=doc.line((n, *e["loc"])) or line,
                                                field=fld, item=raw.get("id") if isinstance(
                                                    raw, dict) else None))
            continue
        if a.id in out:
            problems.append(SourcebookError(shown, f'assignment "{a.id}" is defined twice',
                                            line=line, field="id", item=a.id))
        if not a.chapters and not a.sets:
            problems.append(SourcebookError(shown, "names no chapters and no sets", line=line,
                                            item=a.id))
        for k, ch in enumerate(a.chapters):
            if known_chapters is not None and ch not in known_chapters:
                problems.append(SourcebookError(
                    shown, f'"{ch}" is not a chapter with exercises (those are '
                    f'{", ".join(sorted(known_chapters))})', line=doc.line((n, "chapters", k)),
                    field="chapters", item=a.id))
        for k, sid in enumerate(a.sets):
            if known_sets is not None and sid not in known_sets:
                problems.append(SourcebookError(shown, f'"{sid}" is not an exercise set',
                                                line=doc.line((n, "sets", k)), field="sets",
                                                item=a.id))
        out[a.id] = a
    if problems:
        raise Problems(problems)
    return out


def adhoc(name: str, chapters: list[str]) -> Assignment:
    """An assignment given on the command line (`--assignment week-3 --chapters book/war,...`)."""
    return Assignment(id=name, title=name, chapters=chapters)
