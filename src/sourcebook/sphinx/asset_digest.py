"""Every page is written again when the kit's shipped JS or CSS changes.

Sphinx links each asset as `_static/sourcebook.js?v=<checksum of the file>`, computed when it
writes a page. After an upgrade of the kit, or an edit of a lesson's own item-type JS module (both
end up in the shipped sourcebook.js), a page whose source did not change is not written again and
keeps the old `?v=`: a browser that cached the old file under that URL runs yesterday's widget
code there, and today's on the rewritten pages, both reading and writing the students' saved
answers. (The rewritten pages are right: the builder copies `_static` over before writing.)
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sphinx.application import Sphinx


def shipped_assets_digest(folder: Path) -> str:
    """One digest of the kit's page assets as this build ships them (sourcebook*.js/.css in the
    build's `_kit_static`; the student bundle beside them is no page's link)."""
    digest = hashlib.sha256()
    for path in sorted([*folder.glob("sourcebook*.js"), *folder.glob("sourcebook*.css")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _rewrite_every_page_when_the_kit_assets_change(app: Sphinx, env) -> list[str]:
    """The pages to write again: all of them when the shipped assets differ from the last
    build's, or when the environment has no digest yet (a fresh one writes every page anyway;
    one pickled by a kit without this hook cannot tell whether they changed)."""
    before = env.__dict__.get("sourcebook_kit_assets_digest")
    env.sourcebook_kit_assets_digest = shipped_assets_digest(Path(app.doctreedir) / "_kit_static")
    return [] if before == env.sourcebook_kit_assets_digest else sorted(env.found_docs)


def setup(app: Sphinx) -> None:
    app.connect("env-updated", _rewrite_every_page_when_the_kit_assets_change)
