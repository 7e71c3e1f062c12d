"""The `{frus}` role: cite a FRUS document from the book's registry, linked to history.state.gov.

    {frus}`1951v07p1-d55`                      -> FRUS 1951, vol. VII, pt. 1, doc. 55
    {frus}`Jessup's record <1951v07p1-d55>`    -> Jessup's record (FRUS 1951, vol. VII, pt. 1, doc. 55)

Keys live in `book/data/frus.yml`; an unknown key is a build error, so no citation can point
at a document the book has not listed.
"""

from __future__ import annotations

import re

from docutils import nodes

from sourcebook.model.frus import label, registry, url


def frus_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    env = inliner.document.settings.env
    env.note_dependency("book/data/frus.yml")   # an edited registry re-reads the citing pages
    m = re.match(r"^(?P<title>.*?)\s*<(?P<key>[^<>]+)>$", text.strip())
    title, key = (m.group("title"), m.group("key")) if m else (None, text.strip())
    entries = registry(env.srcdir)
    if key not in entries:
        msg = inliner.reporter.error(
            f'{{frus}} key "{key}" is not in book/data/frus.yml (known: {", ".join(sorted(entries))})',
            line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    entry = entries[key]
    text_out = label(entry) if not title else f"{title} ({label(entry)})"
    ref = nodes.reference(rawtext, text_out, refuri=url(entry), classes=["sb-frus"],
                          reftitle=entry.get("short", ""))
    return [ref], []


def setup(app) -> None:
    app.add_role("frus", frus_role)
