"""The book's identity from `_config.yml`: which book an answers file belongs to, and which
version of the exercises it was made against.

    sourcebook:
      book_id: rusk-continued-resistance
      content_version: "1"

Raise `content_version` whenever items change in a way that makes old answers unfair to grade
(a new right answer, a removed option); `sourcebook grade` skips answers of other versions.
"""

from __future__ import annotations

import re
from pathlib import Path

from sourcebook.model.project import project_of
from sourcebook.yamlio import load_data

from sourcebook.errors import SourcebookError

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def sourcebook_settings(root: str | Path) -> dict | None:
    """The `sourcebook:` section of `<root>/_config.yml` (None when there is none); raises
    when the file is missing."""
    path = project_of(root).config
    if not path.is_file():
        raise SourcebookError(path, "cannot read the book's configuration: no such file")
    data = load_data(path)
    section = data.get("sourcebook") if isinstance(data, dict) else None
    return section if isinstance(section, dict) else None


def book_identity(root: str | Path) -> tuple[str, str]:
    """(book_id, content_version) from the `sourcebook:` section of `<root>/_config.yml`."""
    path = project_of(root).config
    section = sourcebook_settings(root)
    if section is None:
        raise SourcebookError(path, 'no "sourcebook:" section with book_id and content_version',
                              field="sourcebook")
    book_id, version = section.get("book_id"), section.get("content_version")
    if not isinstance(book_id, str) or not _SLUG.match(book_id):
        raise SourcebookError(path, "book_id must be a slug (lower-case letters, digits and "
                              "hyphens) such as cold-war-sources",
                              field="sourcebook.book_id")
    if isinstance(version, int) and not isinstance(version, bool):
        version = str(version)  # `content_version: 1` written without quotes
    if not isinstance(version, str) or not version.strip():
        raise SourcebookError(path, 'content_version must be text such as "1"',
                              field="sourcebook.content_version")
    return book_id, version.strip()
