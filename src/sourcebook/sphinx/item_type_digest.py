"""Every page is read again when a lesson's own item-type module changes.

A page shows the items of its exercise sets as the type's Python module renders them (and the
answer key, the alignment matrix and the pacing table use it too), but Sphinx notes only the
exercise files as the pages' dependencies: after an edit of `book/_ext/number_item.py`, an
incremental build (`sourcebook build` again, or the live preview's next rebuild) would keep
every page as yesterday's module rendered it. The modules `_config.yml` declares are compared by
their bytes with the last build's.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sphinx.application import Sphinx

from sourcebook.errors import SourcebookError
from sourcebook.model.lesson_types import declared


def item_types_digest(root: Path) -> tuple[str, bool]:
    """One digest of the lesson's item-type modules, and whether the book declares any."""
    try:
        modules = declared(root)
    except SourcebookError:      # reported when the types are loaded
        modules = []
    digest = hashlib.sha256()
    for path in modules:
        digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest(), bool(modules)


def _read_every_page_when_an_item_type_changes(app: Sphinx, env, added, changed,
                                               removed) -> list[str]:
    """All pages when the modules differ from the last build's, or when the environment has
    no digest yet and the book has types of its own (pickled by a kit without this hook)."""
    before = env.__dict__.get("sourcebook_item_types_digest")
    env.sourcebook_item_types_digest, any_declared = item_types_digest(Path(app.srcdir))
    if before == env.sourcebook_item_types_digest or (before is None and not any_declared):
        return []
    return sorted(env.found_docs)


def setup(app: Sphinx) -> None:
    app.connect("env-get-outdated", _read_every_page_when_an_item_type_changes)
