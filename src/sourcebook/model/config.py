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

import yaml

from sourcebook.errors import SourcebookError

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def book_identity(root: str | Path) -> tuple[str, str]:
    """(book_id, content_version) from the `sourcebook:` section of `<root>/_config.yml`."""
    path = Path(root) / "_config.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise SourcebookError(path, f"cannot read the book's configuration: {err.strerror or err}"
                              ) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise SourcebookError(path, f"not valid YAML: {getattr(err, 'problem', err)}",
                              line=mark.line + 1 if mark else None) from None
    section = data.get("sourcebook") if isinstance(data, dict) else None
    if not isinstance(section, dict):
        raise SourcebookError(path, 'no "sourcebook:" section with book_id and content_version',
                              field="sourcebook")
    book_id, version = section.get("book_id"), section.get("content_version")
    if not isinstance(book_id, str) or not _SLUG.match(book_id):
        raise SourcebookError(path, "book_id must be a slug such as rusk-continued-resistance",
                              field="sourcebook.book_id")
    if isinstance(version, int) and not isinstance(version, bool):
        version = str(version)  # `content_version: 1` written without quotes
    if not isinstance(version, str) or not version.strip():
        raise SourcebookError(path, 'content_version must be text such as "1"',
                              field="sourcebook.content_version")
    return book_id, version.strip()
