"""The assignments of `assignments.yml` on every page, as data the page's front end reads: which
chapters the assignment in the teacher's link (`?assignment=ID`) covers, with their titles. Not
secret: it is what the teacher tells the class anyway."""

from __future__ import annotations

import json
from pathlib import Path

from sourcebook.errors import SourcebookError


def _data(app) -> str:
    if getattr(app.env, "_sb_assignments", None) is not None:
        return app.env._sb_assignments
    from sourcebook.grading.assignments import load_assignments
    try:
        found = load_assignments(Path(app.srcdir))
    except SourcebookError:
        found = {}                     # `sourcebook check` reports a broken file
    rows = []
    for a in found.values():
        chapters = [{"doc": doc, "title": app.env.titles[doc].astext()}
                    for doc in a.chapters if doc in app.env.titles]
        rows.append({"id": a.id, "title": a.title, "chapters": chapters,
                     "due": a.due.isoformat() if a.due else None,
                     "require_student_id": a.require_student_id})
    text = json.dumps(rows, ensure_ascii=False).replace("</", "<\\/") if rows else ""
    app.env._sb_assignments = text
    return text


def add_to_page(app, pagename, templatename, context, doctree) -> None:
    data = _data(app)
    if data and "body" in context and "sb-toolbar" in context["body"]:
        context["body"] += (f'<script type="application/json" id="sb-assignments">{data}'
                            "</script>")


def setup(app) -> None:
    app.connect("html-page-context", add_to_page)
    app.connect("env-updated", lambda app, env: setattr(env, "_sb_assignments", None) or [])
