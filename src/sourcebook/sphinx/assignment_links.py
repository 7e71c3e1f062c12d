"""```{assignment-links}```: the teacher's link for every assignment of `assignments.yml`.

Each assignment gets one row: its id and title, the chapters it covers (in lesson order, linked),
its due date, policy and points, the link to give students (the first chapter's page with
`?assignment=ID`, relative to the site, so it works wherever the site is published) and the
`sourcebook grade` command that grades it. Instructor edition only; without an
`assignments.yml` the directive says how to write one.
"""

from __future__ import annotations

from html import escape

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sourcebook.errors import SourcebookError
from sourcebook.model.project import Project

logger = logging.getLogger(__name__)


def assignment_chapters(assignment, sets, project) -> list[str]:
    """The chapters an assignment covers, in lesson order."""
    from sourcebook.model.toc import in_lesson_order
    covered = [s for s in in_lesson_order(sets, project) if assignment.covers(s)]
    return list(dict.fromkeys(s.info.chapter for s in covered if s.info.chapter))


class AssignmentLinksDirective(SphinxDirective):
    def run(self):
        from sourcebook.grading.assignments import assignments_path, load_assignments
        from sourcebook.model.lesson import load_all
        from sourcebook.sphinx.directives import book_context
        if self.config.sourcebook_edition != "instructor":
            logger.warning("assignment-links: teachers' links belong in the instructor edition",
                           location=(self.env.docname, self.lineno))
            return []
        project = Project(self.env.srcdir)
        path = assignments_path(project)
        self.env.note_dependency(str(path))
        sets, _ = load_all(book_context(str(self.env.srcdir)))
        try:
            assignments = load_assignments(project.root, sets)
        except SourcebookError as err:
            return [self.state_machine.reporter.error(f"assignment-links: {err}",
                                                      line=self.lineno)]
        if not assignments:
            return [nodes.raw("", '<p class="sb-no-assignments">This book has no '
                              '<code>assignments.yml</code> yet: write one beside '
                              '<code>_config.yml</code> (see below) and build again.</p>',
                              format="html")]
        rows = [self._row(a, sets, project) for a in assignments.values()]
        return [nodes.raw("", (
            '<div class="sb-scroll" tabindex="0" role="region" aria-label="Assignment links">'
            '<table class="table sb-table sb-assignments"><caption>The assignments of '
            '<code>assignments.yml</code>, with the link to give students</caption><thead><tr>'
            '<th scope="col">Assignment</th><th scope="col">Chapters</th>'
            '<th scope="col">Due, policy, points</th><th scope="col">Link for students</th>'
            '<th scope="col">Grade it with</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>'), format="html")]

    def _uri(self, docname: str) -> str:
        return self.env.app.builder.get_relative_uri(self.env.docname, docname)

    def _row(self, a, sets, project) -> str:
        from sourcebook.model.pacing import chapter_text, chapter_file, chapter_title
        chapters = assignment_chapters(a, sets, project)
        names = []
        for doc in chapters:
            path = chapter_file(project, doc)
            title = chapter_title(chapter_text(path), doc) if path else doc
            names.append(f'<a href="{escape(self._uri(doc))}">{escape(title)}</a>')
        link = f"{self._uri(chapters[0])}?assignment={a.id}" if chapters else ""
        on_site = f"{chapters[0]}.html?assignment={a.id}" if chapters else ""   # from the site root
        facts = [f"due {a.due.isoformat()}" if a.due else "no due date",
                 f"policy {a.policy}", f"{a.points:g} points" if a.points else "points as set"]
        command = f"sourcebook grade answers/ --assignment {a.id} --out grades/"
        return (f'<tr><th scope="row"><code>{escape(a.id)}</code><br>{escape(a.title)}</th>'
                f'<td>{"<br>".join(names)}</td><td>{escape("; ".join(facts))}</td>'
                f'<td><a class="sb-assignment-link" href="{escape(link)}">{escape(on_site)}</a></td>'
                f'<td><code>{escape(command)}</code></td></tr>')


def setup(app) -> None:
    app.add_directive("assignment-links", AssignmentLinksDirective)
