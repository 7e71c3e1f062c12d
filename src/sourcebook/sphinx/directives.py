"""Directives that put the kit's data on a page.

    ```{primary-source} SLUG```          the document as printed, with ids, ¶ numbers, page marks
    ```{close-reader} SLUG```            the close-reading widget (lenses, glossary, notes, ...)
    ```{exercise-set} exercises/x.yml``` an exercise set (static HTML; no answers in the page)
    ```{objectives}```                   this chapter's learning objectives (book/data/objectives.yml)
    ```{objectives-table}```             every objective of the book (teacher guide)
    ```{answer-key}```                   every item's answer (instructor edition only)
    ```{alignment-matrix}```             objectives x skills, with the items that assess each
    ```{timeline-list}```                book/data/timeline.yml as text: date, event, its source

Data is read through the same loaders that `sourcebook check` uses, once per build.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sourcebook.errors import SourcebookError
from sourcebook.model.project import Project
from sourcebook.yamlio import load_data

logger = logging.getLogger(__name__)
_CONTEXTS: dict[str, object] = {}


def book_context(srcdir: str):
    """The BookContext for this build (sources, objectives, timeline, exercise sets), cached."""
    from sourcebook.model.lesson import BookContext
    ctx = _CONTEXTS.get(srcdir)
    if ctx is None:
        ctx = _CONTEXTS[srcdir] = BookContext.load(Path(srcdir))
    return ctx


def reset_context(app, *args) -> None:
    _CONTEXTS.pop(str(app.srcdir), None)


def _raw(html: str) -> nodes.raw:
    return nodes.raw("", html, format="html")


class _KitDirective(SphinxDirective):
    def ctx(self):
        return book_context(str(self.env.srcdir))

    def fail(self, message: str) -> list[nodes.Node]:
        return [self.state_machine.reporter.error(message, line=self.lineno)]

    def depend(self, *paths: Path) -> None:
        for p in paths:
            self.env.note_dependency(str(p))


class PrimarySourceDirective(_KitDirective):
    required_arguments = 1

    def run(self):
        from sourcebook.render.document import render_document
        from sourcebook.model.source import load_source
        try:
            source = load_source(self.arguments[0], Path(self.env.srcdir))
        except SourcebookError as err:
            return self.fail(f"primary-source: {err}")
        self.depend(source.path, source.path.with_suffix(".yml"))
        return [_raw(render_document(source))]


class CloseReaderDirective(_KitDirective):
    required_arguments = 1

    def run(self):
        from sourcebook.model.guide import load_guide
        from sourcebook.render import static
        slug = self.arguments[0]
        ctx = self.ctx()
        source = ctx.sources.get(slug)
        if source is None:
            return self.fail(f'close-reader: no seed "{slug}" in seeds/')
        project = Project(self.env.srcdir)
        guide_path = project.guide(slug)
        self.depend(source.path, guide_path)
        try:
            guide = load_guide(guide_path, source, project=project)
        except SourcebookError as err:
            return self.fail(str(err))
        return [_raw(static.render_reader(source, guide, ctx))]


class ExerciseSetDirective(_KitDirective):
    required_arguments = 1

    def run(self):
        from sourcebook.model.lesson import load_set
        from sourcebook.render import static
        path = Path(self.env.srcdir) / self.arguments[0]
        self.depend(path)
        try:
            loaded = load_set(path, self.ctx())
        except SourcebookError as err:
            return self.fail(str(err))
        except ExceptionGroup as group:  # loader reports every problem of the file
            return self.fail("\n".join(str(e) for e in group.exceptions))
        except Exception as err:  # noqa: BLE001 - a loader error list
            errors = getattr(err, "errors", None)
            if errors:
                return self.fail("\n".join(str(e) for e in errors))
            raise
        return [_raw(static.render_exercise_set(loaded, self.ctx()))]


def _objectives(srcdir: str) -> list[dict]:
    path = Project(srcdir).objectives
    return load_data(path) or []


class ObjectivesDirective(_KitDirective):
    """This chapter's objectives, as a Carpentries-style box at the top of the page."""

    def run(self):
        mine = [o for o in _objectives(self.env.srcdir)
                if self.env.docname in (o["chapter"], *o.get("also", []))]
        self.depend(Project(self.env.srcdir).objectives)
        if not mine:
            return self.fail(f"objectives: no objectives for chapter {self.env.docname} in "
                             "book/data/objectives.yml")
        # The codes ("war-1") are the teacher's cross-reference to the guide's tables: shown
        # in the instructor edition only.
        show_codes = self.config.sourcebook_edition == "instructor"
        items = "".join(f'<li id="obj-{escape(o["id"])}">'
                        + (f'<span class="sb-obj-id">{escape(o["id"])}</span> ' if show_codes
                           else "")
                        + f'{escape(o["text"])}</li>' for o in mine)
        return [_raw(f'<aside class="admonition sb-objectives" aria-labelledby="obj-title-'
                     f'{escape(self.env.docname.replace("/", "-"))}"><p class="admonition-title" '
                     f'id="obj-title-{escape(self.env.docname.replace("/", "-"))}">'
                     f'Learning objectives</p><p>After this chapter you will be able to:</p>'
                     f'<ul>{items}</ul></aside>')]


class ObjectivesTableDirective(_KitDirective):
    def run(self):
        self.depend(Path(self.env.srcdir) / "book" / "data" / "objectives.yml")
        rows = "".join(f'<tr><td>{escape(o["id"])}</td><td>{escape(o["chapter"])}</td>'
                       f'<td>{escape(o["text"])}</td></tr>' for o in _objectives(self.env.srcdir))
        return [_raw('<table class="table sb-table"><caption>Learning objectives of the lesson'
                     '</caption><thead><tr><th scope="col">Id</th><th scope="col">Chapter</th>'
                     f'<th scope="col">Objective</th></tr></thead><tbody>{rows}</tbody></table>')]


def source_name(url: str) -> str:
    """How a source link reads: a FRUS document by its citation, any other page by its site."""
    from sourcebook.model.frus import label_for_url
    return label_for_url(url) or urlsplit(url).netloc.removeprefix("www.")


class TimelineListDirective(_KitDirective):
    """The chart's events as text, for reading on a phone, with a screen reader, or to check a
    date: every event of book/data/timeline.yml with its date, what happened, and its source."""

    def run(self):
        path = Project(self.env.srcdir).timeline
        events = list(self.ctx().timeline.values())     # read once per build, in date order
        if not events:
            return self.fail(f"timeline-list: no events in {path} (`sourcebook check` says why)")
        self.depend(path)
        items = nodes.bullet_list(classes=["sb-timeline-list"])
        for e in events:
            para = nodes.paragraph()
            para += nodes.strong(text=f"{e.date.day} {e.date:%B %Y}")
            para += nodes.Text(f": {e.detail}")
            if e.date_note:
                para += nodes.Text(f" ({e.date_note})")
            para += nodes.Text(" Source: ")
            para += nodes.reference("", source_name(e.source), refuri=e.source)
            para += nodes.Text(".")
            items += nodes.list_item("", para)
        return [items]


def _all_sets(directive: _KitDirective):
    from sourcebook.model.lesson import load_all
    ctx = directive.ctx()
    sets, problems = load_all(ctx)
    for p in problems:
        logger.warning(str(p), location=(directive.env.docname, directive.lineno))
    for s in sets:
        directive.depend(s.path)
    return sets


class _InstructorOnly(_KitDirective):
    def run(self):
        if self.config.sourcebook_edition != "instructor":
            logger.warning(f"{self.name}: answer material may only appear in the instructor "
                           "edition", location=(self.env.docname, self.lineno))
            return []
        return self.render()


class AnswerKeyDirective(_InstructorOnly):
    def render(self):
        from sourcebook.items.answer_text import answer_text
        ctx = self.ctx()
        parts = []
        from sourcebook.model.toc import in_lesson_order
        for s in in_lesson_order(_all_sets(self), Project(self.env.srcdir)):
            rows = "".join(
                f'<tr><th scope="row">{escape(item.id)}</th><td>{escape(item.type)}</td>'
                f'<td>{escape(answer_text(item, ctx))}</td><td>{escape(item.explanation)}</td></tr>'
                for item in s.items)
            parts.append(f'<h3 id="key-{escape(s.info.id)}">{escape(s.info.title)} '
                         f'<span class="sb-muted">({escape(s.path.name)})</span></h3>'
                         '<table class="table sb-table sb-answer-key"><thead><tr>'
                         '<th scope="col">Item</th><th scope="col">Type</th>'
                         '<th scope="col">Answer</th><th scope="col">Why</th></tr></thead>'
                         f'<tbody>{rows}</tbody></table>')
        return [_raw("".join(parts))]


class AlignmentMatrixDirective(_InstructorOnly):
    def render(self):
        from sourcebook.items.schema import SKILLS
        sets = _all_sets(self)
        items = [i for s in sets for i in s.items]
        head = "".join(f'<th scope="col">{escape(k)}</th>' for k in SKILLS)
        rows = []
        for o in _objectives(self.env.srcdir):
            mine = [i for i in items if i.objective == o["id"]]
            cells = "".join(
                "<td>" + ", ".join(escape(i.id) for i in mine if i.skill == k) + "</td>"
                for k in SKILLS)
            rows.append(f'<tr><th scope="row" title="{escape(o["text"])}">{escape(o["id"])}</th>'
                        f'{cells}<td>{len(mine)}</td></tr>')
        totals = "".join(f"<td>{sum(1 for i in items if i.skill == k)}</td>" for k in SKILLS)
        return [_raw('<div class="sb-scroll" tabindex="0" role="region" aria-label="Alignment '
                     'matrix"><table class="table sb-table sb-matrix"><caption>Items by learning '
                     'objective (rows) and historical-thinking skill (columns), generated from '
                     f'exercises/*.yml</caption><thead><tr><th scope="col">Objective</th>{head}'
                     f'<th scope="col">Items</th></tr></thead><tbody>{"".join(rows)}</tbody>'
                     f'<tfoot><tr><th scope="row">All</th>{totals}<td>{len(items)}</td></tr>'
                     '</tfoot></table></div>')]


DIRECTIVES = {
    "primary-source": PrimarySourceDirective,
    "close-reader": CloseReaderDirective,
    "exercise-set": ExerciseSetDirective,
    "objectives": ObjectivesDirective,
    "objectives-table": ObjectivesTableDirective,
    "answer-key": AnswerKeyDirective,
    "alignment-matrix": AlignmentMatrixDirective,
    "timeline-list": TimelineListDirective,
}


def setup(app) -> None:
    for name, directive in DIRECTIVES.items():
        app.add_directive(name, directive)
    app.connect("builder-inited", reset_context)
